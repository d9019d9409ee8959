/**
 * A store order or product that cannot become a valid myOGO payload.
 *
 * The message is written for the merchant: what is wrong, in which order / line /
 * field, and how to fix it, e.g.
 * `Order 1042, line 2: no SKU — give the product a SKU in the store, or set "Lines Without SKU" to "Skip and Report"`.
 * The node wraps it in a NodeOperationError for the item; the properties let it
 * add structured detail without parsing the text.
 */
export class MappingError extends Error {
	/** The myOGO field (e.g. `customer.city`, `orderLines.quantity`) or option the problem is about. */
	readonly field: string;
	/** How the merchant knows the order, e.g. `#1042`. */
	readonly orderLabel?: string;
	/** 1-based line number in the store order. */
	readonly line?: number;

	constructor(message: string, details: { field: string; orderLabel?: string; line?: number }) {
		super(message);
		this.name = 'MappingError';
		this.field = details.field;
		if (details.orderLabel !== undefined) this.orderLabel = details.orderLabel;
		if (details.line !== undefined) this.line = details.line;
	}
}

/** Where in the store order a value came from: builds the `Order 1042, line 2` message prefix. */
export interface Whereabouts {
	orderLabel?: string;
	line?: number;
}

export function messagePrefix(where: Whereabouts): string {
	const order = where.orderLabel === undefined ? 'Order' : `Order ${where.orderLabel}`;
	return where.line === undefined ? order : `${order}, line ${where.line}`;
}

/**
 * A value as the merchant would recognise it inside a message: strings quoted,
 * numbers bare, objects as (shortened) JSON — never `[object Object]`.
 */
export function describeValue(value: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	if (typeof value === 'string')
		return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
	if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
		return String(value);
	let json: string | undefined;
	try {
		json = JSON.stringify(value);
	} catch {
		json = undefined;
	}
	if (json === undefined) return `a ${typeof value}`;
	return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
