import type { IDataObject } from 'n8n-workflow';

import { sameValue } from '../product/compare';

/** One field that would change in myOGO: how myOGO has it and how the store has it now. */
export interface OrderChange {
	field: string;
	inMyOgo: string;
	inStore: string;
}

/** Fields of a request body that are not the order's content: the key, and a new order's "draft". */
const NOT_COMPARED = new Set(['reference', 'status']);

function shown(value: unknown): string {
	if (value === undefined || value === null || value === '') return 'nothing';
	if (typeof value === 'string') return JSON.stringify(value);
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

/** A line as a person reads it: `2 × TSHIRT-M at 19.9`. */
function lineText(line: IDataObject): string {
	const price =
		line.unitPrice === undefined || line.unitPrice === null ? '' : ` at ${String(line.unitPrice)}`;
	return `${String(line.quantity)} × ${String(line.code)}${price}`;
}

function linesText(lines: IDataObject[]): string {
	return lines.length === 0 ? 'no lines' : lines.map(lineText).join(', ');
}

/** Whether every field the wanted entry gives is what the stored entry holds. */
function sameEntry(wanted: IDataObject, stored: IDataObject | undefined): boolean {
	if (!stored) return false;
	return Object.entries(wanted).every(
		([field, value]) => value === undefined || sameValue(value, stored[field]),
	);
}

/** Lists (order lines, documents) are replaced whole by a PUT: same length, each entry the same, in order. */
function sameList(wanted: IDataObject[], stored: unknown): boolean {
	const list = Array.isArray(stored) ? (stored as IDataObject[]) : [];
	return (
		wanted.length === list.length && wanted.every((entry, index) => sameEntry(entry, list[index]))
	);
}

/**
 * What a write of `wanted` (an order request body) would change in the order myOGO holds (`stored`,
 * as `GET /orders` answers it). Fields the body leaves out are not compared: a PUT keeps them.
 * Nested objects (customer, cash on delivery) are compared field by field, lists as a whole.
 */
export function changedOrderFields(wanted: IDataObject, stored: IDataObject): OrderChange[] {
	const changes: OrderChange[] = [];
	for (const [field, value] of Object.entries(wanted)) {
		if (value === undefined || NOT_COMPARED.has(field)) continue;
		if (Array.isArray(value)) {
			if (sameList(value as IDataObject[], stored[field])) continue;
			const storedList = Array.isArray(stored[field]) ? (stored[field] as IDataObject[]) : [];
			changes.push(
				field === 'orderLines'
					? { field, inMyOgo: linesText(storedList), inStore: linesText(value as IDataObject[]) }
					: { field, inMyOgo: `${storedList.length} entries`, inStore: `${value.length} entries` },
			);
		} else if (value !== null && typeof value === 'object') {
			const storedObject = (stored[field] ?? {}) as IDataObject;
			for (const [name, inner] of Object.entries(value as IDataObject)) {
				if (inner === undefined || sameValue(inner, storedObject[name])) continue;
				changes.push({
					field: `${field}.${name}`,
					inMyOgo: shown(storedObject[name]),
					inStore: shown(inner),
				});
			}
		} else if (!sameValue(value, stored[field])) {
			changes.push({ field, inMyOgo: shown(stored[field]), inStore: shown(value) });
		}
	}
	return changes;
}

/** `customer.address1: "Old St 1" → "New St 2"; orderLines: 1 × A → 2 × A` */
export function changesText(changes: OrderChange[]): string {
	return changes
		.map((change) => `${change.field}: ${change.inMyOgo} → ${change.inStore}`)
		.join('; ');
}
