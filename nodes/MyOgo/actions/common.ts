import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { myOgoList, myOgoPages, myOgoRequest } from '../transport';
import { DEFAULT_PARALLEL_REQUESTS, MAX_PARALLEL_REQUESTS } from './runItems';

/** The "Parallel Requests" option every writing operation shows (read once per run by `runItems`). */
export const parallelRequestsOption: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'parallelRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS, numberPrecision: 0 },
	default: DEFAULT_PARALLEL_REQUESTS,
	description: `How many items are sent to myOGO at the same time (1–${MAX_PARALLEL_REQUESTS}). myOGO v1 has no bulk write, so each item is one call; more at once finishes big batches sooner.`,
	hint: 'If myOGO answers 429 (too many requests), the node waits as myOGO asks and retries; lower this number if that happens often',
};

/** The `options` collection of a writing operation: Parallel Requests plus any operation-specific options. */
export function writeOptions(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...extra, parallelRequestsOption].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** n8n's conventional Return All / Limit pair for Get Many operations. */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** The "Modified After" filter: only what changed since. */
export const modifiedAfterFilter: INodeProperties = {
	displayName: 'Modified After',
	name: 'modifiedAfter',
	type: 'dateTime',
	default: '',
	description:
		'Only rows changed strictly after this time (a time without an offset is UTC). Use it to fetch only what changed since the last run.',
};

/** The product of an order line or an incoming stock line: the code of a product myOGO already has. */
export const lineProductCodeField: INodeProperties = {
	displayName: 'Product Code (SKU)',
	name: 'code',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. TSHIRT-BLUE-M',
	description: 'Code of a product that exists in myOGO',
};

/**
 * The product code parameter: "From List" (searchable, paged through Get Many) and "By Code", or
 * only "By Code" where the product need not exist yet (`forNewCode`, e.g. Create).
 */
export function productLocator(description: string, options: { required?: boolean; forNewCode?: boolean } = {}): INodeProperties {
	const byCode = {
		displayName: 'By Code',
		name: 'id',
		type: 'string' as const,
		placeholder: 'e.g. TSHIRT-BLUE-M',
		validation: [
			{
				type: 'regex' as const,
				properties: { regex: '.*\\S.*', errorMessage: 'Enter a product code' },
			},
		],
	};
	const fromList = {
		displayName: 'From List',
		name: 'list',
		type: 'list' as const,
		placeholder: 'Select a product…',
		typeOptions: { searchListMethod: 'searchProducts', searchable: true },
	};
	return {
		// One name and label in every operation that takes a product code (messages: productCodeOf).
		displayName: 'Product Code (SKU)',
		name: 'productCode',
		type: 'resourceLocator',
		default: { mode: options.forNewCode ? 'id' : 'list', value: '' },
		required: options.required ?? true,
		description,
		modes: options.forNewCode ? [byCode] : [fromList, byCode],
	};
}

/** The product code of one item, whichever mode it was given in; the message names the parameter. */
export function productCodeOf(context: IExecuteFunctions, itemIndex: number): string {
	return requiredText(context, 'productCode', 'Product Code (SKU)', itemIndex);
}

/** A text parameter of one item that must not be empty; the message names the field. */
export function requiredText(context: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const raw = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value = raw === undefined || raw === null ? '' : String(raw).trim();
	if (value === '') {
		throw new NodeOperationError(context.getNode(), `"${label}" is empty — enter a value`, { itemIndex });
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
		`"${label}" is not a date and time: ${typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value)}`,
		{ itemIndex, description: 'Use an ISO 8601 time such as 2026-11-26T17:00:00Z, or pick one in the date picker.' },
	);
}

/**
 * A Get Many: honours Return All / Limit, pages through myOGO (250 rows a page), and applies an
 * optional filter myOGO cannot do itself, reading only as many pages as the limit needs.
 */
export async function listRows(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
	qs: IDataObject,
	keep?: (row: IDataObject) => boolean,
): Promise<IDataObject[]> {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : Math.max(1, Number(context.getNodeParameter('limit', itemIndex, 50)));
	if (!keep) return await myOgoList.call(context, { path, qs, limit, itemIndex });
	const rows: IDataObject[] = [];
	for await (const page of myOgoPages.call(context, { path, qs, itemIndex })) {
		for (const row of page) {
			if (!keep(row)) continue;
			rows.push(row);
			if (limit !== undefined && rows.length >= limit) return rows;
		}
	}
	return rows;
}

/**
 * The first row a list endpoint gives for a key (e.g. `/orders?reference=1042`), or undefined when
 * it lists none. The Get operations, Create or Update's product lookup and the status read after a
 * refused order write all find one record this way, so the query and the empty case live here.
 */
export async function firstRow(
	context: IExecuteFunctions,
	path: string,
	key: IDataObject,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const rows = (await myOgoRequest.call(context, { method: 'GET', path, qs: { ...key, limit: 1 }, itemIndex })) as IDataObject[];
	return Array.isArray(rows) && rows.length > 0 ? rows[0] : undefined;
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

/** True for an HTTP error from the transport with this status. */
export function hasStatus(error: unknown, status: number): boolean {
	return String((error as { httpCode?: unknown })?.httpCode ?? '') === String(status);
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: Error };

/** A call's value, or the error it failed with (the transport's NodeApiError), to branch on its status. */
export async function settle<T>(call: Promise<T>): Promise<Settled<T>> {
	return await call.then(
		(value): Settled<T> => ({ ok: true, value }),
		(error: Error): Settled<T> => ({ ok: false, error }),
	);
}

/**
 * A list given as JSON (a string, or what an expression returned): an array, or one object as a
 * list of one. `what` names the field in messages, e.g. `"Order Lines (JSON)" of Order 1042`.
 */
export function jsonList(context: IExecuteFunctions, raw: unknown, what: string, itemIndex: number): unknown[] {
	let value = raw;
	if (typeof value === 'string') {
		const parsed = parseJson(value);
		if (!parsed.ok) {
			throw new NodeOperationError(context.getNode(), `${what} is not valid JSON (${parsed.error.message})`, { itemIndex });
		}
		value = parsed.value;
	}
	if (value !== null && typeof value === 'object' && !Array.isArray(value)) value = [value];
	if (!Array.isArray(value)) {
		throw new NodeOperationError(
			context.getNode(),
			`${what} must be a list, got ${JSON.stringify(value) ?? String(value)}`,
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
