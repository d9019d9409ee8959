/**
 * Shopify order → myOGO order.
 *
 * Input: a Shopify REST Admin order as n8n's Shopify node ("Order → Get") and
 * Shopify Trigger (`orders/create`, `orders/paid`, … webhook bodies) output it.
 *
 * - reference: `name` without its leading "#" ("#1042" → "1042"; a custom
 *   prefix/suffix such as "SE-1042" is kept, so several stores stay unique),
 *   else `order_number`; or `id` with "Reference From: ID".
 * - customer: the shipping address (the billing address when there is none —
 *   local pickup, digital-only checkouts); phone from the address, else the
 *   order, billing address or customer; email from the order or customer.
 * - lines: gift cards and lines that do not require shipping (tips, digital
 *   goods) are skipped; lines without a SKU follow "Lines Without SKU".
 *   Quantity is `current_quantity` (what is left after order edits) when
 *   Shopify sends it; a line edited down to 0 is skipped.
 *   unitPrice is what the buyer pays per unit, VAT included: `price` minus the
 *   line's discount allocations, plus its `tax_lines` when `taxes_included` is false.
 *   vatPercentage is the sum of the line's `tax_lines[].rate` × 100.
 * - priceTotal: `current_total_price` (after edits), else `total_price`, in `currency`.
 * - pickup point: the `note_attributes` entry named by "Pickup Point Field".
 * - shipping: `shipping_lines[0]` title, then code, through the map.
 * - comments: the buyer's `note`; `test: true` for Shopify test orders.
 */
import type { IDataObject } from 'n8n-workflow';

import { buildCustomer } from './customer';
import { pickDocuments } from './documents';
import { MappingError, describeValue } from './MappingError';
import { parseMoney, parseQuantity, roundTo, toCents } from './numbers';
import { assembleOrder, chooseReference, namedValue, pickupPointField } from './orderCommon';
import { OrderLineCollector } from './orderLines';
import { resolveShippingCode } from './shippingCode';
import type { MyOgoCustomer, OrderMappingOptions, OrderMappingResult } from './types';
import { isTrue, joinName, list, object, text } from './values';

export function mapShopifyOrder(
	raw: IDataObject,
	options: OrderMappingOptions,
): OrderMappingResult {
	const notes: string[] = [];
	const name = text(raw.name);
	const orderNumber = text(raw.order_number);
	const id = text(raw.id);
	const number =
		name !== undefined
			? name.charCodeAt(0) === 35 /* # */
				? name.slice(1).trim() || undefined
				: name
			: orderNumber;
	// Messages name an order as "Order 1042", the number without Shopify's "#", as every other order error does.
	const orderLabel = number ?? id ?? '(no number)';
	const reference = chooseReference(
		options,
		number,
		id,
		orderLabel,
		'Shopify',
		'"name" / "order_number"',
	);

	const customer = mapCustomer(raw, orderLabel, notes);
	const collector = new OrderLineCollector(orderLabel, options.linesWithoutSku);
	collectLines(raw, orderLabel, collector);
	const orderLines = collector.finish(notes);

	const shippingLine = object(list(raw.shipping_lines)[0]);
	const shippingCode = resolveShippingCode(
		[text(shippingLine?.title), text(shippingLine?.code)],
		options,
		orderLabel,
		notes,
	);
	const total = parseMoney(
		raw.current_total_price ?? raw.total_price,
		{ orderLabel },
		'order total',
		'priceTotal',
	);

	return {
		order: assembleOrder({
			reference,
			shippingCode,
			pickUpPointCode: namedValue(raw.note_attributes, 'name', pickupPointField(options)),
			comments: text(raw.note),
			priceTotal: total,
			priceCurrency: text(raw.currency)?.toUpperCase(),
			test: raw.test === true,
			customer,
			orderLines,
			documents: pickDocuments(raw, options, orderLabel, notes),
		}),
		skippedLines: collector.skipped,
		notes,
	};
}

function mapCustomer(raw: IDataObject, orderLabel: string, notes: string[]): MyOgoCustomer {
	const shipping = object(raw.shipping_address);
	const billing = object(raw.billing_address);
	const address = shipping ?? billing;
	const buyer = object(raw.customer);
	if (address === undefined) {
		throw new MappingError(
			`Order ${orderLabel}: the order has no shipping address — add the buyer's address to the order in the store`,
			{ field: 'customer', orderLabel },
		);
	}
	if (shipping === undefined)
		notes.push('the order has no shipping address: the billing address is used');
	return buildCustomer(
		{
			name: text(address.name) ?? joinName(address.first_name, address.last_name),
			company: text(address.company),
			address1: text(address.address1),
			address2: text(address.address2),
			city: text(address.city),
			zip: text(address.zip),
			country: text(address.country_code) ?? text(address.country),
			phone: text(address.phone),
		},
		{
			orderLabel,
			addressKind: shipping !== undefined ? 'shipping address' : 'billing address',
			phone: text(raw.phone) ?? text(billing?.phone) ?? text(buyer?.phone),
			email: text(raw.email) ?? text(raw.contact_email) ?? text(buyer?.email),
			notes,
		},
	);
}

function collectLines(raw: IDataObject, orderLabel: string, collector: OrderLineCollector): void {
	const taxesIncluded = raw.taxes_included === true;
	const items = list(raw.line_items);
	for (let i = 0; i < items.length; i++) {
		const lineNumber = i + 1;
		const item = object(items[i]);
		if (item === undefined) {
			collector.skip(
				lineNumber,
				`line ${lineNumber}`,
				`not a line item (${describeValue(items[i])})`,
			);
			continue;
		}
		const title = text(item.name) ?? text(item.title) ?? `line ${lineNumber}`;
		if (isTrue(item.gift_card)) {
			collector.skip(lineNumber, title, 'gift card');
			continue;
		}
		if (item.requires_shipping === false) {
			collector.skip(lineNumber, title, 'does not require shipping');
			continue;
		}
		if (item.current_quantity === 0) {
			collector.skip(lineNumber, title, 'removed from the order');
			continue;
		}
		const code = text(item.sku);
		if (code === undefined) {
			collector.missingSku(lineNumber, title);
			continue;
		}
		const where = { orderLabel, line: lineNumber };
		const orderedQuantity = parseQuantity(item.quantity, where);
		const quantity =
			item.current_quantity === undefined || item.current_quantity === null
				? orderedQuantity
				: parseQuantity(item.current_quantity, where);

		const price = parseMoney(item.price, where, 'unit price', 'orderLines.unitPrice');
		let totalCents: number | undefined;
		if (price !== undefined) {
			// Per unit of what was ordered: discounts and taxes are given for the whole original line.
			let lineCents =
				toCents(price) * orderedQuantity -
				sumAmountCents(item.discount_allocations, 'amount', where);
			if (!taxesIncluded) lineCents += sumAmountCents(item.tax_lines, 'price', where);
			totalCents = (lineCents / orderedQuantity) * quantity;
		}

		collector.add(lineNumber, {
			code,
			quantity,
			totalCents,
			vatPercentage: vatPercentage(item.tax_lines),
		});
	}
}

function sumAmountCents(
	entries: unknown,
	key: string,
	where: { orderLabel: string; line: number },
): number {
	const items = list(entries);
	let cents = 0;
	for (const entry of items) {
		const amount = parseMoney(
			object(entry)?.[key],
			where,
			'tax or discount amount',
			'orderLines.unitPrice',
		);
		if (amount !== undefined) cents += toCents(amount);
	}
	return cents;
}

/** Sum of the line's tax rates (0.24 → 24; US state + county + city rates add up). */
function vatPercentage(taxLines: unknown): number | undefined {
	if (!Array.isArray(taxLines)) return undefined;
	let rate = 0;
	for (const entry of taxLines) {
		const value = object(entry)?.rate;
		if (typeof value === 'number') rate += value;
		else if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
			rate += Number(value);
	}
	// 4 decimals: exact rates such as 8.875 % stay exact, binary noise (25.500000000000004) goes.
	return roundTo(rate * 100, 4);
}
