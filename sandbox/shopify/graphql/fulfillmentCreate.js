// @ts-check
'use strict';

const { parseGid } = require('../ids');
const { fulfill } = require('../orders');
const { FulfillmentNode } = require('./nodes');

/**
 * `fulfillmentCreate` (and its older name `fulfillmentCreateV2`): fulfils lines of one order's
 * fulfillment orders with tracking info. Checked before anything changes: every fulfillment order
 * exists, belongs to the same order, is open or in progress (a closed or cancelled one is refused
 * with Shopify's "unfulfillable status" message) and has the requested quantities left. Tracking
 * comes in Shopify's documented pairs, `number` with `url` or `numbers` with `urls`; a mixed pair is
 * refused (what Shopify itself does with one is not documented: at best the link is lost).
 */

/** @typedef {import('../context').FakeContext} FakeContext */

/**
 * @typedef {object} FulfillmentArgs
 * @property {{ lineItemsByFulfillmentOrder: { fulfillmentOrderId: string, fulfillmentOrderLineItems?: { id: string, quantity: number }[] | null }[],
 *   notifyCustomer?: boolean | null, trackingInfo?: { company?: string | null, number?: string | null, numbers?: string[] | null, url?: string | null, urls?: string[] | null } | null }} fulfillment
 * @property {string | null} [message]
 */

/**
 * @param {FakeContext} ctx
 * @param {FulfillmentArgs} args
 */
function fulfillmentCreate(ctx, { fulfillment }) {
	const shop = ctx.shop;
	/** @param {string} message @param {string[]} [field] */
	const refuse = (message, field = ['fulfillment']) => ({
		fulfillment: null,
		userErrors: [{ field, message }],
	});
	const pairing = mixedTrackingPair(fulfillment.trackingInfo);
	if (pairing) return refuse(pairing, ['fulfillment', 'trackingInfo']);
	const groups = fulfillment.lineItemsByFulfillmentOrder;
	if (!groups.length)
		return refuse('Line items by fulfillment order must not be empty.', [
			'fulfillment',
			'lineItemsByFulfillmentOrder',
		]);
	/** @type {{ fulfillmentOrderId: number, lines?: { id: number, quantity: number }[] }[]} */
	const requests = [];
	let orderId = null;
	for (const [index, group] of groups.entries()) {
		const field = [
			'fulfillment',
			'lineItemsByFulfillmentOrder',
			String(index),
			'fulfillmentOrderId',
		];
		const foId = parseGid(group.fulfillmentOrderId, 'FulfillmentOrder');
		const fo = foId === null ? undefined : shop.fulfillmentOrders.get(foId);
		if (!fo) return refuse('Fulfillment order does not exist.', field);
		if (orderId !== null && fo.orderId !== orderId)
			return refuse('All fulfillment orders must belong to the same order.', field);
		orderId = fo.orderId;
		if (fo.status !== 'OPEN' && fo.status !== 'IN_PROGRESS') {
			return refuse(
				`Fulfillment order ${fo.id} has an unfulfillable status= ${fo.status.toLowerCase()}.`,
				field,
			);
		}
		if (!group.fulfillmentOrderLineItems) {
			requests.push({ fulfillmentOrderId: fo.id });
			continue;
		}
		/** @type {{ id: number, quantity: number }[]} */
		const lines = [];
		for (const line of group.fulfillmentOrderLineItems) {
			const lineId = parseGid(line.id, 'FulfillmentOrderLineItem');
			const foLine = fo.lineItems.find((l) => l.id === lineId);
			if (!foLine)
				return refuse('Invalid fulfillment order line item.', [
					'fulfillment',
					'lineItemsByFulfillmentOrder',
					String(index),
					'fulfillmentOrderLineItems',
				]);
			if (line.quantity < 1 || line.quantity > foLine.remainingQuantity) {
				return refuse('Invalid fulfillment order line item quantity requested.', [
					'fulfillment',
					'lineItemsByFulfillmentOrder',
					String(index),
					'fulfillmentOrderLineItems',
				]);
			}
			lines.push({ id: foLine.id, quantity: line.quantity });
		}
		requests.push({ fulfillmentOrderId: fo.id, lines });
	}
	const order = /** @type {Record<string, any>} */ (
		shop.orders.get(/** @type {number} */ (orderId))
	);
	const tracking = fulfillment.trackingInfo ?? {};
	const numbers = tracking.numbers?.length
		? tracking.numbers
		: tracking.number
			? [tracking.number]
			: [];
	const urls = tracking.urls?.length ? tracking.urls : tracking.url ? [tracking.url] : [];
	const made = fulfill(
		shop,
		order,
		requests,
		{ company: tracking.company ?? null, numbers, urls },
		Boolean(fulfillment.notifyCustomer),
	);
	const rest = order.fulfillments[order.fulfillments.length - 1];
	ctx.fire('fulfillments/create', rest);
	ctx.fire(
		order.fulfillment_status === 'fulfilled' ? 'orders/fulfilled' : 'orders/partially_fulfilled',
		order,
	);
	ctx.fire('orders/updated', order);
	return { fulfillment: new FulfillmentNode(shop, made), userErrors: [] };
}

/**
 * Why the tracking info is not one of the documented pairs, or null when it is.
 * @param {FulfillmentArgs['fulfillment']['trackingInfo']} tracking
 */
function mixedTrackingPair(tracking) {
	if (!tracking) return null;
	const hasList = (/** @type {unknown[] | null | undefined} */ list) =>
		Array.isArray(list) && list.length > 0;
	if (tracking.number && hasList(tracking.numbers))
		return 'Send either number or numbers, not both.';
	if (tracking.url && hasList(tracking.urls)) return 'Send either url or urls, not both.';
	if (hasList(tracking.numbers) && tracking.url)
		return 'numbers goes with urls (one per number), not url.';
	if (tracking.number && hasList(tracking.urls)) return 'number goes with url, not urls.';
	return null;
}

module.exports = { fulfillmentCreate };
