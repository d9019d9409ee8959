// @ts-check
'use strict';

/**
 * Orders as Magento's `sales/order` REST answers them: `items[]` with configurable and bundle rows
 * (the parent row, then its children with `parent_item_id` and `parent_item`), the shipping address
 * in `extension_attributes.shipping_assignments[0].shipping.address` (the method beside it), and the
 * state machine the templates rely on (new → processing when invoiced → complete when also shipped;
 * canceled, holded).
 */

const { MagentoError, now } = require('./model');

/** @typedef {Record<string, any>} Obj */

/**
 * Builds an order from seed input. Items may be listed short: `{ sku, qty_ordered, price,
 * product_type, children: [...] }`; children become their own rows pointing at the parent.
 * `address` (short) becomes the shipping address and, unless given, the billing address.
 * @param {Obj} input @param {() => number} newId @param {() => number} nextIncrement
 */
function buildOrder(input, newId, nextIncrement) {
	const entityId = input.entity_id ?? newId();
	/** @type {Obj[]} */
	const items = [];
	/** @param {Obj} row @param {Obj} [parent] */
	const addItem = (row, parent) => {
		const { children, ...fields } = row;
		const qty = Number(fields.qty_ordered ?? parent?.qty_ordered ?? 1);
		/** @type {Obj} */
		const item = {
			item_id: fields.item_id ?? newId(),
			order_id: entityId,
			sku: fields.sku,
			name: fields.name ?? fields.sku,
			product_type: fields.product_type ?? 'simple',
			qty_ordered: qty,
			qty_invoiced: fields.qty_invoiced ?? 0,
			qty_shipped: fields.qty_shipped ?? 0,
			qty_canceled: fields.qty_canceled ?? 0,
			price: fields.price ?? (parent ? 0 : 10),
			price_incl_tax: fields.price_incl_tax ?? fields.price ?? (parent ? 0 : 10),
			tax_percent: fields.tax_percent ?? 0,
			is_virtual: fields.product_type === 'virtual' ? 1 : 0,
			...fields,
		};
		if (parent) {
			item.parent_item_id = parent.item_id;
			item.parent_item = { ...parent };
		}
		items.push(item);
		for (const child of children ?? []) addItem(child, item);
		return item;
	};
	for (const row of input.items ?? []) addItem(row);
	const address = input.address ?? {
		firstname: 'Test',
		lastname: 'Buyer',
		street: ['Testikatu 1'],
		city: 'Helsinki',
		postcode: '00100',
		country_id: 'FI',
		telephone: '+358401234567',
		email: input.customer_email ?? 'buyer@example.com',
	};
	const created = input.created_at ?? now();
	const { address: _address, items: _items, shipping_method: method, ...rest } = input;
	const order = {
		entity_id: entityId,
		increment_id: input.increment_id ?? String(nextIncrement()).padStart(9, '0'),
		state: 'processing',
		status: input.state ?? 'processing',
		customer_email: address.email ?? 'buyer@example.com',
		order_currency_code: 'EUR',
		grand_total: items.reduce(
			(sum, i) => sum + (i.parent_item_id ? 0 : i.price * i.qty_ordered),
			0,
		),
		payment: { method: input.payment_method ?? 'checkmo' },
		billing_address: input.billing_address ?? { ...address, address_type: 'billing' },
		shipping_description: input.shipping_description ?? 'Flat Rate - Fixed',
		shipping_method: method ?? 'flatrate_flatrate',
		created_at: created,
		updated_at: input.updated_at ?? created,
		...rest,
		items,
		extension_attributes: {
			...input.extension_attributes,
			shipping_assignments: input.extension_attributes?.shipping_assignments ?? [
				{
					shipping: {
						address: { ...address, address_type: 'shipping' },
						method: method ?? 'flatrate_flatrate',
					},
					items,
				},
			],
		},
	};
	if (input.state && !input.status) order.status = defaultStatus(input.state);
	order.state = input.state ?? 'processing';
	return order;
}

/** @param {string} state */
function defaultStatus(state) {
	return state === 'new' ? 'pending' : state === 'holded' ? 'holded' : state;
}

/** Items that are shipped on their own: rows without a parent. @param {Obj} order */
const topLevelItems = (order) => order.items.filter((/** @type {Obj} */ i) => !i.parent_item_id);

/** @param {Obj} item */
const openQty = (item) =>
	item.is_virtual ? 0 : item.qty_ordered - item.qty_shipped - (item.qty_canceled ?? 0);

/**
 * Why Magento refuses a shipment of this order now, as `ShipOrder`'s validators word it.
 * @param {Obj} order @param {Obj[]} requested the `{ order_item_id, qty }` rows (empty = all open)
 */
function shipmentErrors(order, requested) {
	const messages = [];
	if (['canceled', 'holded', 'closed', 'payment_review'].includes(order.state))
		messages.push(`A shipment cannot be created when an order has a status of ${order.status}`);
	if (!topLevelItems(order).some((/** @type {Obj} */ i) => openQty(i) > 0))
		messages.push('The order does not allow a shipment to be created.');
	const quantity = requested.length
		? requested.reduce((sum, r) => sum + Number(r.qty ?? 0), 0)
		: topLevelItems(order).reduce(
				(/** @type {number} */ sum, /** @type {Obj} */ i) => sum + openQty(i),
				0,
			);
	if (quantity <= 0) messages.push("You can't create a shipment without products.");
	return messages;
}

/**
 * Ships the requested quantities (empty list: everything still open): children of a configurable or
 * bundle row follow their parent. Answers the shipped rows.
 * @param {Obj} order @param {Obj[]} requested
 */
function shipItems(order, requested) {
	const byId = new Map(order.items.map((/** @type {Obj} */ i) => [Number(i.item_id), i]));
	/** @type {{ item: Obj, qty: number }[]} */
	const rows = requested.length
		? requested.map((r) => {
				const item = byId.get(Number(r.order_item_id));
				if (!item || item.parent_item_id)
					throw new MagentoError(
						400,
						"Shipment Document Validation Error(s):\nYou can't create a shipment without products.",
					);
				return { item, qty: Math.min(Number(r.qty), openQty(item)) };
			})
		: topLevelItems(order)
				.filter((/** @type {Obj} */ i) => openQty(i) > 0)
				.map((/** @type {Obj} */ item) => ({ item, qty: openQty(item) }));
	for (const { item, qty } of rows) {
		item.qty_shipped += qty;
		for (const child of order.items.filter(
			(/** @type {Obj} */ c) => c.parent_item_id === item.item_id,
		))
			child.qty_shipped += (child.qty_ordered / item.qty_ordered) * qty;
	}
	const allShipped = topLevelItems(order).every((/** @type {Obj} */ i) => openQty(i) <= 0);
	const allInvoiced = order.state === 'processing';
	if (allShipped && allInvoiced) {
		order.state = 'complete';
		order.status = 'complete';
	}
	order.updated_at = now();
	return rows.map(({ item, qty }) => ({ order_item_id: item.item_id, qty, sku: item.sku }));
}

/** Cancels an order that has nothing shipped yet (Magento's `canCancel`). @param {Obj} order */
function cancelOrder(order) {
	if (['canceled', 'complete', 'closed', 'holded'].includes(order.state)) return false;
	order.state = 'canceled';
	order.status = 'canceled';
	for (const item of order.items) item.qty_canceled = item.qty_ordered - item.qty_shipped;
	order.updated_at = now();
	return true;
}

module.exports = { buildOrder, defaultStatus, shipmentErrors, shipItems, cancelOrder };
