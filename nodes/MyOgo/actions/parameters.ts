import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeValue } from '../mapping';
import type { Settled } from './requests';

// Reading one item's parameters: required text, dates, filled-in collections, JSON lists.

/** The product code of one item, whichever mode it was given in; the message names the parameter. */
export function productCodeOf(context: IExecuteFunctions, itemIndex: number): string {
	return requiredText(context, 'productCode', 'Product Code (SKU)', itemIndex);
}

/** A text parameter of one item that must not be empty; the message names the field. */
export function requiredText(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	const raw = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	if (value === '') {
		throw new NodeOperationError(context.getNode(), `"${label}" is empty — enter a value`, {
			itemIndex,
		});
	}
	return value;
}

/** Turns whatever a dateTime parameter or expression holds (string, Date, Luxon) into an ISO string. */
export function isoTimestamp(
	context: IExecuteFunctions,
	value: unknown,
	label: string,
	itemIndex: number,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'object' && typeof (value as { toISO?: unknown }).toISO === 'function') {
		const iso = (value as { toISO: () => string | null }).toISO();
		if (iso) return iso;
	}
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
	if (typeof value === 'string' && !Number.isNaN(Date.parse(value.trim()))) return value.trim();
	throw new NodeOperationError(
		context.getNode(),
		`"${label}" is not a date and time: ${describeValue(value)}`,
		{
			itemIndex,
			description:
				'Use an ISO 8601 time such as 2026-11-26T17:00:00Z, or pick one in the date picker.',
		},
	);
}

/** Copies a collection's filled-in values, leaving out empty ones. */
export function filled(fields: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (value === '' || value === undefined || value === null) continue;
		result[key] = value;
	}
	return result;
}

/**
 * A list given as JSON (a string, or what an expression returned): an array, or one object as a
 * list of one. `what` names the field in messages, e.g. `"Order Lines (JSON)" of Order 1042`.
 */
export function jsonList(
	context: IExecuteFunctions,
	raw: unknown,
	what: string,
	itemIndex: number,
): unknown[] {
	let value = raw;
	if (typeof value === 'string') {
		const parsed = parseJson(value);
		if (!parsed.ok) {
			throw new NodeOperationError(
				context.getNode(),
				`${what} is not valid JSON (${parsed.error.message})`,
				{ itemIndex },
			);
		}
		value = parsed.value;
	}
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) value = [value];
	if (!Array.isArray(value)) {
		throw new NodeOperationError(
			context.getNode(),
			`${what} must be a list, got ${describeValue(value)}`,
			{ itemIndex },
		);
	}
	return value;
}

function parseJson(text: string): Settled<unknown> {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (error) {
		return { ok: false, error: error as Error };
	}
}
