import type { IDataObject } from 'n8n-workflow';

/** Cents-level tolerance: prices that print the same are the same. */
const NUMBER_TOLERANCE = 1e-6;

/** Whether a value to send equals what myOGO holds (a missing stored value equals an empty one). */
export function sameValue(wanted: unknown, stored: unknown): boolean {
	if (stored === undefined || stored === null)
		return wanted === undefined || wanted === null || wanted === '';
	if (typeof wanted === 'number' || typeof stored === 'number') {
		const a = Number(wanted);
		const b = Number(stored);
		return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) < NUMBER_TOLERANCE;
	}
	if (typeof wanted === 'object' || typeof stored === 'object')
		return JSON.stringify(wanted) === JSON.stringify(stored);
	return String(wanted) === String(stored);
}

/**
 * The fields of `wanted` (a product request body) whose value myOGO does not hold yet.
 * Fields the body leaves out are not compared: a `PUT` keeps them. An EAN myOGO already holds
 * is never overwritten by myOGO, so a different one would not be a change that a write could make.
 */
export function changedProductFields(wanted: IDataObject, stored: IDataObject): string[] {
	const changed: string[] = [];
	for (const [field, value] of Object.entries(wanted)) {
		if (value === undefined) continue;
		if (field === 'eanCode' && typeof stored.eanCode === 'string' && stored.eanCode !== '')
			continue;
		if (!sameValue(value, stored[field])) changed.push(field);
	}
	return changed;
}
