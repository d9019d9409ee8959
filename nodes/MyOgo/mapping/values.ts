/**
 * Safe readers for store JSON. Store payloads are loosely typed (Shopify sends
 * `null` for absent strings, WooCommerce sends `""`, Magento sends numbers as
 * numbers or strings), so every mapper reads through these instead of casting.
 */
import type { IDataObject } from 'n8n-workflow';

/** A trimmed, non-empty string from a string or a finite number; otherwise `undefined`. */
export function text(value: unknown): string | undefined {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		return trimmed === '' ? undefined : trimmed;
	}
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return undefined;
}

/** The value as a plain object, or `undefined` for anything else (null, arrays, strings). */
export function object(value: unknown): IDataObject | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

const NO_ITEMS: readonly unknown[] = [];

/** The value as an array, or an empty (shared, read-only) one. */
export function list(value: unknown): readonly unknown[] {
	return Array.isArray(value) ? value : NO_ITEMS;
}

/** Magento and some plugins send booleans as 1/0 or "1"/"0". */
export function isTrue(value: unknown): boolean {
	return value === true || value === 1 || value === '1' || value === 'true';
}

/** "First Last" from parts that may be missing. */
export function joinName(...parts: unknown[]): string | undefined {
	let name = '';
	for (const part of parts) {
		const piece = text(part);
		if (piece !== undefined) name = name === '' ? piece : `${name} ${piece}`;
	}
	return name === '' ? undefined : name;
}
