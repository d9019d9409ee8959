/**
 * Steps every store order mapper shares: the reference, the pickup point field,
 * reading name/value pairs, and assembling the myOGO order without empty fields.
 */
import { MappingError } from './MappingError';
import type {
	MyOgoCustomer,
	MyOgoDocument,
	MyOgoOrder,
	MyOgoOrderLine,
	OrderMappingOptions,
} from './types';
import { list, object, text } from './values';

/** Where stores and checkout plugins most often keep a parcel locker / pickup point id. */
export const DEFAULT_PICKUP_POINT_FIELD = 'pickup_point_code';

export function pickupPointField(options: OrderMappingOptions): string {
	const field = typeof options.pickupPointField === 'string' ? options.pickupPointField.trim() : '';
	return field === '' ? DEFAULT_PICKUP_POINT_FIELD : field;
}

/**
 * The value of the entry called `wanted` in a list of name/value pairs — Shopify
 * `note_attributes` (`name`/`value`), WooCommerce `meta_data` (`key`/`value`).
 * Names are compared trimmed and case-insensitively.
 */
export function namedValue(entries: unknown, nameKey: string, wanted: string): string | undefined {
	const items = list(entries);
	if (items.length === 0) return undefined;
	const target = wanted.toLowerCase();
	for (const item of items) {
		const entry = object(item);
		if (entry === undefined) continue;
		const name = text(entry[nameKey]);
		if (name !== undefined && name.toLowerCase() === target) {
			const value = text(entry.value);
			if (value !== undefined) return value;
		}
	}
	return undefined;
}

/**
 * The myOGO reference per "Reference From": the store's order number (what the
 * merchant and buyer see) or its internal id. A missing one is refused rather than
 * replaced by the other, since the reference must stay the same for every later update.
 */
export function chooseReference(
	options: OrderMappingOptions,
	number: string | undefined,
	id: string | undefined,
	orderLabel: string,
	storeName: string,
	numberFields: string,
): string {
	if (options.referenceFrom === 'id') {
		if (id !== undefined) return id;
		throw new MappingError(
			`Order ${orderLabel}: the order has no id — check that the input is a ${storeName} order`,
			{ field: 'reference', orderLabel },
		);
	}
	if (number !== undefined) return number;
	throw new MappingError(
		`Order ${orderLabel}: the order has no order number (${numberFields}) — check that the input is a ${storeName} order, or set "Reference From" to ID`,
		{ field: 'reference', orderLabel },
	);
}

export interface OrderParts {
	reference: string;
	shippingCode?: string;
	pickUpPointCode?: string;
	comments?: string;
	priceTotal?: number;
	priceCurrency?: string;
	test?: boolean;
	customer: MyOgoCustomer;
	orderLines: MyOgoOrderLine[];
	documents?: MyOgoDocument[];
}

/** The order with absent optional fields left out (a `PUT` would otherwise blank stored values). */
export function assembleOrder(parts: OrderParts): MyOgoOrder {
	// Keys in the order the myOGO documentation lists them, so the node's output reads naturally.
	const order = { reference: parts.reference } as MyOgoOrder;
	if (parts.shippingCode !== undefined) order.shippingCode = parts.shippingCode;
	if (parts.pickUpPointCode !== undefined) order.pickUpPointCode = parts.pickUpPointCode;
	if (parts.comments !== undefined) order.comments = parts.comments;
	if (parts.priceTotal !== undefined) order.priceTotal = parts.priceTotal;
	if (parts.priceCurrency !== undefined) order.priceCurrency = parts.priceCurrency;
	if (parts.test === true) order.test = true;
	order.customer = parts.customer;
	order.orderLines = parts.orderLines;
	if (parts.documents !== undefined) order.documents = parts.documents;
	return order;
}
