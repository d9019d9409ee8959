// @ts-check
'use strict';

const { gid } = require('./ids');
const { notFound, unprocessable } = require('./errors');
const { variantsWithSku, shopifyTime, money } = require('./catalog');

/**
 * Orders as Shopify's REST objects, each with one fulfillment order at the first location holding
 * every line. Fulfilling lines (GraphQL fulfillmentCreate) moves the fulfillment order and the
 * order's `fulfillment_status` along as Shopify does.
 */

/** @typedef {Record<string, any>} Obj */
/** @typedef {import('./shop').Shop} Shop */

/**
 * The variant a line item names by `variant_id` or, failing that, by `sku`.
 * @param {Shop} shop
 * @param {Obj} input
 */
function variantFor(shop, input) {
	if (input.variant_id !== undefined && input.variant_id !== null) {
		const entry = shop.variants.get(Number(input.variant_id));
		if (!entry) throw unprocessable({ line_items: [`variant ${input.variant_id} does not exist`] });
		return entry;
	}
	if (input.sku) {
		const [variant] = variantsWithSku(shop, String(input.sku));
		if (variant) return shop.variants.get(variant.id);
	}
	return undefined;
}

/**
 * @param {Shop} shop
 * @param {Obj} input
 */
function buildLineItem(shop, input) {
	const quantity = Number(input.quantity ?? 1);
	if (!Number.isInteger(quantity) || quantity < 1)
		throw unprocessable({ line_items: ['quantity must be a whole number from 1'] });
	const entry = variantFor(shop, input);
	const id = shop.newId();
	const productTitle = entry?.product.title ?? input.title ?? String(input.sku ?? 'Custom item');
	const variantTitle =
		entry && entry.variant.title !== 'Default Title'
			? entry.variant.title
			: (input.variant_title ?? null);
	return {
		id,
		admin_graphql_api_id: gid('LineItem', id),
		variant_id: entry?.variant.id ?? null,
		product_id: entry?.product.id ?? null,
		title: productTitle,
		variant_title: variantTitle,
		name: variantTitle ? `${productTitle} - ${variantTitle}` : productTitle,
		sku: entry?.variant.sku ?? input.sku ?? null,
		vendor: entry?.product.vendor ?? null,
		quantity,
		current_quantity: quantity,
		fulfillable_quantity: quantity,
		fulfillment_status: null,
		price: money(input.price ?? entry?.variant.price),
		grams: entry?.variant.grams ?? 0,
		requires_shipping: true,
		taxable: true,
		gift_card: false,
		total_discount: '0.00',
		properties: input.properties ?? [],
	};
}

/** @param {Obj | undefined} address */
function addressOf(address) {
	if (!address) return null;
	const name = address.name ?? [address.first_name, address.last_name].filter(Boolean).join(' ');
	return {
		first_name: null,
		last_name: null,
		company: null,
		address1: null,
		address2: null,
		city: null,
		province: null,
		province_code: null,
		zip: null,
		country: null,
		country_code: null,
		phone: null,
		...address,
		name: name || null,
	};
}

/**
 * Adds an order. Line items name a variant by `variant_id` or `sku`; title, SKU and price are
 * filled from the variant. Accepts `created_at`, `financial_status` and `fulfillment_status`
 * ("fulfilled" closes its fulfillment order) so tests can seed history.
 * @param {Shop} shop
 * @param {Obj} input
 */
function createOrder(shop, input) {
	if (!input || typeof input !== 'object')
		throw unprocessable({ order: ['Required parameter missing or invalid'] });
	if (!Array.isArray(input.line_items) || input.line_items.length === 0)
		throw unprocessable({ line_items: ["can't be blank"] });
	const id = shop.newId();
	const number = shop.nextOrderNumber++;
	const now = shopifyTime();
	const created = input.created_at ?? now;
	const lineItems = input.line_items.map((/** @type {Obj} */ line) => buildLineItem(shop, line));
	const shippingLines = (input.shipping_lines ?? []).map((/** @type {Obj} */ line) => {
		const lineId = shop.newId();
		return {
			id: lineId,
			title: line.title ?? line.code ?? 'Shipping',
			code: line.code ?? line.title ?? null,
			price: money(line.price),
			source: line.source ?? 'shopify',
			discounted_price: money(line.price),
			carrier_identifier: null,
		};
	});
	const subtotal = lineItems.reduce(
		(/** @type {number} */ sum, /** @type {Obj} */ line) =>
			sum + Number(line.price) * line.quantity,
		0,
	);
	const shipping = shippingLines.reduce(
		(/** @type {number} */ sum, /** @type {Obj} */ line) => sum + Number(line.price),
		0,
	);
	const shippingAddress = addressOf(input.shipping_address);
	const email = input.email ?? input.customer?.email ?? null;
	const customerId = shop.newId();
	/** @type {Obj} */
	const order = {
		id,
		admin_graphql_api_id: gid('Order', id),
		name: input.name ?? `#${number}`,
		number: number - 1000,
		order_number: number,
		email,
		contact_email: email,
		phone: input.phone ?? null,
		created_at: created,
		updated_at: input.updated_at ?? created,
		processed_at: input.processed_at ?? created,
		cancelled_at: input.cancelled_at ?? null,
		cancel_reason: input.cancelled_at ? 'other' : null,
		closed_at: input.closed_at ?? input.cancelled_at ?? null,
		currency: input.currency ?? 'EUR',
		presentment_currency: input.currency ?? 'EUR',
		subtotal_price: money(subtotal),
		total_line_items_price: money(subtotal),
		total_shipping_price_set: {
			shop_money: { amount: money(shipping), currency_code: input.currency ?? 'EUR' },
		},
		total_tax: '0.00',
		total_discounts: '0.00',
		total_price: money(subtotal + shipping),
		current_total_price: money(subtotal + shipping),
		financial_status: input.financial_status ?? 'pending',
		fulfillment_status: null,
		confirmed: true,
		test: input.test ?? false,
		payment_gateway_names: input.payment_gateway_names ?? [],
		note: input.note ?? null,
		note_attributes: input.note_attributes ?? [],
		tags: Array.isArray(input.tags) ? input.tags.join(', ') : (input.tags ?? ''),
		source_name: input.source_name ?? 'web',
		customer: {
			id: customerId,
			admin_graphql_api_id: gid('Customer', customerId),
			email,
			first_name: input.customer?.first_name ?? shippingAddress?.first_name ?? null,
			last_name: input.customer?.last_name ?? shippingAddress?.last_name ?? null,
			phone: input.customer?.phone ?? null,
		},
		billing_address: addressOf(input.billing_address ?? input.shipping_address),
		shipping_address: shippingAddress,
		line_items: lineItems,
		shipping_lines: shippingLines,
		fulfillments: [],
		refunds: [],
	};
	shop.orders.set(id, order);
	const foId = shop.newId();
	shop.fulfillmentOrders.set(foId, {
		id: foId,
		orderId: id,
		locationId: shop.locations[0].id,
		status: order.cancelled_at ? 'CANCELLED' : 'OPEN',
		lineItems: lineItems.map((/** @type {Obj} */ line) => ({
			id: shop.newId(),
			lineItemId: line.id,
			totalQuantity: line.quantity,
			remainingQuantity: line.quantity,
		})),
		createdAt: created,
		updatedAt: created,
	});
	if (input.fulfillment_status === 'fulfilled') {
		fulfill(
			shop,
			order,
			[{ fulfillmentOrderId: foId }],
			{ company: null, numbers: [], urls: [] },
			false,
		);
		order.updated_at = input.updated_at ?? created;
	}
	return order;
}

/**
 * @param {Shop} shop
 * @param {unknown} id
 */
function orderOr404(shop, id) {
	const order = shop.orders.get(Number(id));
	if (!order) throw notFound();
	return order;
}

/**
 * @param {Shop} shop
 * @param {number} orderId
 */
function fulfillmentOrdersOf(shop, orderId) {
	return [...shop.fulfillmentOrders.values()].filter((fo) => fo.orderId === orderId);
}

const UPDATABLE = [
	'note',
	'email',
	'phone',
	'tags',
	'note_attributes',
	'buyer_accepts_marketing',
	'shipping_address',
];

/**
 * The REST update: Shopify lets an app change contact, address, note and tags, not lines.
 * @param {Obj} order
 * @param {Obj} changes
 */
function updateOrder(order, changes) {
	if (!changes || typeof changes !== 'object')
		throw unprocessable({ order: ['Required parameter missing or invalid'] });
	for (const field of UPDATABLE) {
		if (changes[field] === undefined) continue;
		order[field] =
			field === 'shipping_address'
				? addressOf(changes[field])
				: field === 'tags' && Array.isArray(changes.tags)
					? changes.tags.join(', ')
					: changes[field];
	}
	if (changes.email !== undefined) order.contact_email = changes.email;
	order.updated_at = shopifyTime();
	return order;
}

/** @param {Obj} order */
function markPaid(order) {
	order.financial_status = 'paid';
	order.updated_at = shopifyTime();
	return order;
}

/**
 * @param {Shop} shop
 * @param {Obj} order
 */
function cancelOrder(shop, order) {
	if (order.cancelled_at) throw unprocessable({ order: ['has already been cancelled'] });
	const now = shopifyTime();
	order.cancelled_at = now;
	order.cancel_reason = 'other';
	order.closed_at = now;
	order.updated_at = now;
	for (const fo of fulfillmentOrdersOf(shop, order.id)) {
		if (fo.status === 'OPEN' || fo.status === 'IN_PROGRESS') {
			fo.status = 'CANCELLED';
			fo.updatedAt = now;
		}
	}
	return order;
}

/**
 * @param {Shop} shop
 * @param {Obj} order
 */
function deleteOrder(shop, order) {
	for (const fo of fulfillmentOrdersOf(shop, order.id)) shop.fulfillmentOrders.delete(fo.id);
	shop.orders.delete(order.id);
}

/**
 * Creates one fulfillment over lines of the order's fulfillment orders. `requests` are already
 * checked (see graphql/fulfillmentCreate.js); a request without line items takes every remaining
 * unit of its fulfillment order.
 * @param {Shop} shop
 * @param {Obj} order
 * @param {{ fulfillmentOrderId: number, lines?: { id: number, quantity: number }[] }[]} requests
 * @param {{ company: string | null, numbers: string[], urls: string[] }} tracking
 * @param {boolean} notifyCustomer
 */
function fulfill(shop, order, requests, tracking, notifyCustomer) {
	const now = shopifyTime();
	/** @type {{ lineItemId: number, quantity: number }[]} */
	const fulfilledLines = [];
	for (const request of requests) {
		const fo = /** @type {import('./shop').FulfillmentOrder} */ (
			shop.fulfillmentOrders.get(request.fulfillmentOrderId)
		);
		const wanted =
			request.lines ??
			fo.lineItems.map((line) => ({ id: line.id, quantity: line.remainingQuantity }));
		for (const { id, quantity } of wanted) {
			const line = /** @type {import('./shop').FulfillmentOrderLine} */ (
				fo.lineItems.find((l) => l.id === id)
			);
			if (quantity <= 0) continue;
			line.remainingQuantity -= quantity;
			fulfilledLines.push({ lineItemId: line.lineItemId, quantity });
		}
		fo.status = fo.lineItems.every((line) => line.remainingQuantity === 0)
			? 'CLOSED'
			: 'IN_PROGRESS';
		fo.updatedAt = now;
	}
	for (const { lineItemId, quantity } of fulfilledLines) {
		const line = order.line_items.find((/** @type {Obj} */ l) => l.id === lineItemId);
		line.fulfillable_quantity -= quantity;
		line.fulfillment_status = line.fulfillable_quantity === 0 ? 'fulfilled' : 'partial';
	}
	const done = order.line_items.every((/** @type {Obj} */ line) => line.fulfillable_quantity === 0);
	order.fulfillment_status = done ? 'fulfilled' : 'partial';
	order.updated_at = now;

	const id = shop.newId();
	const fulfillment = {
		id,
		orderId: order.id,
		name: `${order.name}.${order.fulfillments.length + 1}`,
		status: 'SUCCESS',
		createdAt: now,
		notifyCustomer,
		trackingInfo: tracking.numbers.length
			? tracking.numbers.map((number, index) => ({
					company: tracking.company,
					number,
					url: tracking.urls[index] ?? tracking.urls[0] ?? null,
				}))
			: tracking.company || tracking.urls.length
				? [{ company: tracking.company, number: null, url: tracking.urls[0] ?? null }]
				: [],
		lineItems: fulfilledLines,
	};
	shop.fulfillments.set(id, fulfillment);
	order.fulfillments.push({
		id,
		admin_graphql_api_id: gid('Fulfillment', id),
		order_id: order.id,
		name: fulfillment.name,
		status: 'success',
		created_at: now,
		updated_at: now,
		location_id: shop.locations[0].id,
		tracking_company: tracking.company,
		tracking_number: tracking.numbers[0] ?? null,
		tracking_numbers: tracking.numbers,
		tracking_url: tracking.urls[0] ?? null,
		tracking_urls: tracking.urls,
		notify_customer: notifyCustomer,
		line_items: fulfilledLines.map(({ lineItemId, quantity }) => ({
			...order.line_items.find((/** @type {Obj} */ l) => l.id === lineItemId),
			quantity,
		})),
	});
	return fulfillment;
}

module.exports = {
	createOrder,
	orderOr404,
	updateOrder,
	markPaid,
	cancelOrder,
	deleteOrder,
	fulfill,
	fulfillmentOrdersOf,
};
