/**
 * WooCommerce order → myOGO order.
 *
 * Input: a WooCommerce REST v3 order as n8n's WooCommerce node ("Order → Get")
 * and WooCommerce Trigger (`order.created`, `order.updated`) output it.
 *
 * - reference: `number` (what the shop shows; sequential-number plugins change
 *   it), or `id` with "Reference From: ID".
 * - customer: the `shipping` address when it is filled in (WooCommerce always
 *   sends the object, empty when the buyer gave none), else `billing`; phone
 *   from that address, else billing; email from billing.
 * - lines: `line_items` (fee, shipping and coupon lines are not products).
 *   unitPrice = (`total` + `total_tax`) / quantity: after discounts, VAT included.
 *   vatPercentage: the rates of the line's `taxes` (looked up in the order's
 *   `tax_lines[].rate_percent`), else `total_tax` / `total` rounded to 0.1 %.
 *   `productPictureUrl` from the line's `image.src`.
 * - pickup point: the order `meta_data` key named by "Pickup Point Field", else
 *   the same key in the first shipping line's `meta_data`.
 * - shipping: `shipping_lines[0]`: `method_title`, then `method_id:instance_id`
 *   (e.g. `flat_rate:3`, one configured instance), then `method_id`.
 * - comments: `customer_note`; priceTotal: `total` in `currency`.
 */
import type { IDataObject } from 'n8n-workflow';

import { buildCustomer } from './customer';
import { pickDocuments } from './documents';
import { describeValue, type Whereabouts } from './MappingError';
import { parseDecimal, parseMoney, parseQuantity, roundTo, toCents } from './numbers';
import { assembleOrder, chooseReference, namedValue, pickupPointField } from './orderCommon';
import { OrderLineCollector } from './orderLines';
import { resolveShippingCode } from './shippingCode';
import type { MyOgoCustomer, OrderMappingOptions, OrderMappingResult } from './types';
import { joinName, list, object, text } from './values';

export function mapWooCommerceOrder(
	raw: IDataObject,
	options: OrderMappingOptions,
): OrderMappingResult {
	const notes: string[] = [];
	const number = text(raw.number);
	const id = text(raw.id);
	const orderLabel = `${number ?? id ?? '(no number)'}`;
	const reference = chooseReference(options, number, id, orderLabel, 'WooCommerce', '"number"');

	const customer = mapCustomer(raw, orderLabel, notes);
	const collector = new OrderLineCollector(orderLabel, options.linesWithoutSku);
	collectLines(raw, orderLabel, collector);
	const orderLines = collector.finish(notes);

	const shippingLine = object(list(raw.shipping_lines)[0]);
	const methodId = text(shippingLine?.method_id);
	const instanceId = text(shippingLine?.instance_id);
	const shippingCode = resolveShippingCode(
		[
			text(shippingLine?.method_title),
			methodId !== undefined && instanceId !== undefined ? `${methodId}:${instanceId}` : undefined,
			methodId,
		],
		options,
		orderLabel,
		notes,
	);

	const pickupField = pickupPointField(options);
	return {
		order: assembleOrder({
			reference,
			shippingCode,
			pickUpPointCode:
				namedValue(raw.meta_data, 'key', pickupField) ??
				namedValue(shippingLine?.meta_data, 'key', pickupField),
			comments: text(raw.customer_note),
			priceTotal: parseMoney(raw.total, { orderLabel }, 'order total', 'priceTotal'),
			priceCurrency: text(raw.currency)?.toUpperCase(),
			customer,
			orderLines,
			documents: pickDocuments(raw, options, orderLabel, notes),
		}),
		skippedLines: collector.skipped,
		notes,
	};
}

function isFilledIn(address: IDataObject | undefined): address is IDataObject {
	return (
		address !== undefined &&
		(text(address.address_1) !== undefined ||
			text(address.city) !== undefined ||
			text(address.first_name) !== undefined ||
			text(address.last_name) !== undefined)
	);
}

function mapCustomer(raw: IDataObject, orderLabel: string, notes: string[]): MyOgoCustomer {
	const shipping = object(raw.shipping);
	const billing = object(raw.billing);
	const useShipping = isFilledIn(shipping);
	const address = useShipping ? shipping : (billing ?? {});
	if (!useShipping) notes.push('the order has no shipping address: the billing address is used');
	return buildCustomer(
		{
			name: joinName(address.first_name, address.last_name),
			company: text(address.company),
			address1: text(address.address_1),
			address2: text(address.address_2),
			city: text(address.city),
			zip: text(address.postcode),
			country: text(address.country),
			phone: text(address.phone),
		},
		{
			orderLabel,
			addressKind: useShipping ? 'shipping address' : 'billing address',
			phone: text(billing?.phone),
			email: text(billing?.email),
			notes,
		},
	);
}

function collectLines(raw: IDataObject, orderLabel: string, collector: OrderLineCollector): void {
	const items = list(raw.line_items);
	let ratesById: Map<string, number> | undefined;
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
		const title = text(item.name) ?? `line ${lineNumber}`;
		const code = text(item.sku);
		if (code === undefined) {
			collector.missingSku(lineNumber, title);
			continue;
		}
		const where: Whereabouts = { orderLabel, line: lineNumber };
		const quantity = parseQuantity(item.quantity, where);
		const total = parseMoney(item.total, where, 'line total', 'orderLines.unitPrice');
		const tax = parseMoney(item.total_tax, where, 'line tax', 'orderLines.unitPrice') ?? 0;

		ratesById ??= taxRates(raw.tax_lines);
		let vatPercentage = lineRate(item.taxes, ratesById);
		if (vatPercentage === undefined && total !== undefined && total > 0) {
			vatPercentage = roundTo((tax / total) * 100, 1);
		}

		const image = text(object(item.image)?.src);
		collector.add(lineNumber, {
			code,
			quantity,
			totalCents: total === undefined ? undefined : toCents(total) + toCents(tax),
			vatPercentage,
			productPictureUrl: image,
		});
	}
}

/** The order's tax rates: `tax_lines[].rate_id` → `rate_percent`. */
function taxRates(taxLines: unknown): Map<string, number> {
	const rates = new Map<string, number>();
	for (const entry of list(taxLines)) {
		const taxLine = object(entry);
		const rateId = text(taxLine?.rate_id);
		const percent = parseDecimal(taxLine?.rate_percent);
		if (rateId !== undefined && percent !== undefined) rates.set(rateId, percent);
	}
	return rates;
}

/** Sum of the rates that taxed this line (compound rates add up); `undefined` when they are not known. */
function lineRate(taxes: unknown, ratesById: Map<string, number>): number | undefined {
	const entries = list(taxes);
	if (entries.length === 0 || ratesById.size === 0) return undefined;
	let sum = 0;
	let found = false;
	for (const entry of entries) {
		const tax = object(entry);
		const amount = parseDecimal(tax?.total);
		if (amount === undefined || amount === 0) continue;
		const rate = ratesById.get(text(tax?.id) ?? '');
		if (rate === undefined) return undefined;
		sum += rate;
		found = true;
	}
	return found ? roundTo(sum, 4) : undefined;
}
