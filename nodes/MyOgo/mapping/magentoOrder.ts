/**
 * Magento 2 order → myOGO order.
 *
 * Input: a Magento 2 REST `sales/order` (`GET /V1/orders/{id}`, or one entry of
 * `GET /V1/orders`) as n8n's Magento 2 node ("Order → Get / Get Many") outputs it.
 *
 * - reference: `increment_id` (the "#000000123" the shop shows), or `entity_id`
 *   with "Reference From: ID".
 * - customer: `extension_attributes.shipping_assignments[0].shipping.address`,
 *   else `billing_address`; name = firstname [middlename] lastname; `street[0]`
 *   is address line 1 and the remaining street lines, joined with ", ", line 2;
 *   email from the address or `customer_email`; phone from the address, else billing.
 * - lines: Magento lists a configurable product twice — the parent
 *   (`product_type: configurable`, carries the price; its `sku` is the chosen
 *   simple product's SKU) and the child (`parent_item_id` = the parent's
 *   `item_id`). They become one line: the child's SKU, the parent's quantity and
 *   price. A bundle's own row is skipped and reported; its children (the parts
 *   that are picked) are the lines. Virtual and downloadable items are skipped
 *   and reported (nothing to ship). Line numbers count the rows the admin shows
 *   (items without a parent); a bundle's parts carry the bundle's number.
 *   unitPrice = `price_incl_tax` (before discounts); vatPercentage = `tax_percent`.
 * - shipping: the shipping method code (`shipping_assignments[0].shipping.method`
 *   or `shipping_method`, e.g. `flatrate_flatrate`), then `shipping_description`.
 * - pickup point: the extension attribute named by "Pickup Point Field" on the
 *   order, its shipping assignment, or the shipping address.
 * - comments: `customer_note`, else `extension_attributes.order_comment`
 *   (order-comment checkout extensions); priceTotal: `grand_total` in `order_currency_code`.
 */
import type { IDataObject } from 'n8n-workflow';

import { buildCustomer } from './customer';
import { pickDocuments } from './documents';
import { MappingError, describeValue, messagePrefix, type Whereabouts } from './MappingError';
import { parseDecimal, parseMoney, parseQuantity, roundTo, toCents } from './numbers';
import { assembleOrder, chooseReference, pickupPointField } from './orderCommon';
import { OrderLineCollector } from './orderLines';
import { resolveShippingCode } from './shippingCode';
import type { MyOgoCustomer, OrderMappingOptions, OrderMappingResult } from './types';
import { isTrue, joinName, list, object, text } from './values';

export function mapMagentoOrder(
	raw: IDataObject,
	options: OrderMappingOptions,
): OrderMappingResult {
	const notes: string[] = [];
	const incrementId = text(raw.increment_id);
	const entityId = text(raw.entity_id);
	const orderLabel = `${incrementId ?? entityId ?? '(no number)'}`;
	const reference = chooseReference(
		options,
		incrementId,
		entityId,
		orderLabel,
		'Magento 2',
		'"increment_id"',
	);

	const extension = object(raw.extension_attributes);
	const shipping = object(object(list(extension?.shipping_assignments)[0])?.shipping);
	const shippingAddress = object(shipping?.address);

	const customer = mapCustomer(raw, shippingAddress, orderLabel, notes);
	const collector = new OrderLineCollector(orderLabel, options.linesWithoutSku);
	collectLines(raw, orderLabel, collector);
	const orderLines = collector.finish(notes);

	const shippingCode = resolveShippingCode(
		[text(shipping?.method) ?? text(raw.shipping_method), text(raw.shipping_description)],
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
				text(extension?.[pickupField]) ??
				text(object(shipping?.extension_attributes)?.[pickupField]) ??
				text(object(shippingAddress?.extension_attributes)?.[pickupField]),
			comments: text(raw.customer_note) ?? text(extension?.order_comment),
			priceTotal: parseMoney(raw.grand_total, { orderLabel }, 'order total', 'priceTotal'),
			priceCurrency: text(raw.order_currency_code)?.toUpperCase(),
			customer,
			orderLines,
			documents: pickDocuments(raw, options, orderLabel, notes),
		}),
		skippedLines: collector.skipped,
		notes,
	};
}

function mapCustomer(
	raw: IDataObject,
	shippingAddress: IDataObject | undefined,
	orderLabel: string,
	notes: string[],
): MyOgoCustomer {
	const billing = object(raw.billing_address);
	const address = shippingAddress ?? billing;
	if (address === undefined) {
		throw new MappingError(
			`Order ${orderLabel}: the order has no shipping address — add the buyer's address to the order in the store`,
			{ field: 'customer', orderLabel },
		);
	}
	if (shippingAddress === undefined)
		notes.push('the order has no shipping address: the billing address is used');

	let address1: string | undefined;
	let address2: string | undefined;
	const street = address.street;
	if (Array.isArray(street)) {
		for (const part of street) {
			const line = text(part);
			if (line === undefined) continue;
			if (address1 === undefined) address1 = line;
			else address2 = address2 === undefined ? line : `${address2}, ${line}`;
		}
	} else {
		address1 = text(street);
	}

	return buildCustomer(
		{
			name: joinName(address.firstname, address.middlename, address.lastname),
			company: text(address.company),
			address1,
			address2,
			city: text(address.city),
			zip: text(address.postcode),
			country: text(address.country_id),
			phone: text(address.telephone),
		},
		{
			orderLabel,
			addressKind: shippingAddress !== undefined ? 'shipping address' : 'billing address',
			phone: text(billing?.telephone),
			email: text(address.email) ?? text(raw.customer_email),
			notes,
		},
	);
}

function isVirtual(item: IDataObject): boolean {
	const type = item.product_type;
	return type === 'virtual' || type === 'downloadable' || isTrue(item.is_virtual);
}

function hasParent(item: IDataObject): boolean {
	const parent = item.parent_item_id;
	return parent !== undefined && parent !== null && parent !== 0 && parent !== '';
}

function collectLines(raw: IDataObject, orderLabel: string, collector: OrderLineCollector): void {
	const items = list(raw.items);

	// Children by their parent's item_id, built only when the order has any (most orders have none).
	let children: Map<string, IDataObject[]> | undefined;
	const itemIds = new Set<string>();
	for (const entry of items) {
		const item = object(entry);
		if (item === undefined) continue;
		const itemId = text(item.item_id);
		if (itemId !== undefined) itemIds.add(itemId);
	}
	for (const entry of items) {
		const item = object(entry);
		if (item === undefined || !hasParent(item)) continue;
		const parentId = String(item.parent_item_id);
		if (!itemIds.has(parentId)) continue; // orphan child: shown as its own line below
		children ??= new Map();
		const siblings = children.get(parentId);
		if (siblings === undefined) children.set(parentId, [item]);
		else siblings.push(item);
	}

	let lineNumber = 0;
	for (const entry of items) {
		const item = object(entry);
		if (item === undefined) continue;
		if (hasParent(item) && itemIds.has(String(item.parent_item_id))) continue; // handled with its parent
		lineNumber++;
		const title = text(item.name) ?? `line ${lineNumber}`;
		const itemChildren = children?.get(text(item.item_id) ?? '');

		if (item.product_type === 'bundle' && itemChildren !== undefined) {
			collector.skip(lineNumber, title, 'bundle: its parts are shipped as their own lines');
			for (const child of itemChildren) addItem(child, child, lineNumber, orderLabel, collector);
			continue;
		}
		// A configurable parent: the child names the SKU that is picked, the parent carries quantity and price.
		addItem(item, itemChildren?.[0] ?? item, lineNumber, orderLabel, collector);
	}
}

function addItem(
	priced: IDataObject,
	picked: IDataObject,
	lineNumber: number,
	orderLabel: string,
	collector: OrderLineCollector,
): void {
	const title = text(picked.name) ?? text(priced.name) ?? `line ${lineNumber}`;
	if (isVirtual(picked) || isVirtual(priced)) {
		collector.skip(lineNumber, title, 'virtual or downloadable product: nothing to ship');
		return;
	}
	const code = text(picked.sku) ?? text(priced.sku);
	if (code === undefined) {
		collector.missingSku(lineNumber, title);
		return;
	}
	const where: Whereabouts = { orderLabel, line: lineNumber };
	const quantity = parseQuantity(priced.qty_ordered, where);
	const price = parseMoney(priced.price_incl_tax, where, 'unit price', 'orderLines.unitPrice');
	const vat = parseDecimal(priced.tax_percent);
	if (vat === undefined && priced.tax_percent !== undefined && priced.tax_percent !== null) {
		throw new MappingError(
			`${messagePrefix(where)}: tax percent ${describeValue(priced.tax_percent)} is not a number — fix the tax rate in the store`,
			{ field: 'orderLines.vatPercentage', ...where },
		);
	}
	collector.add(lineNumber, {
		code,
		quantity,
		totalCents: price === undefined ? undefined : toCents(price) * quantity,
		vatPercentage: vat === undefined ? undefined : roundTo(vat, 4),
	});
}
