// @ts-check
'use strict';

/**
 * WooCommerce's core order fulfillments (WooCommerce 10.1+), as the fake serves them:
 * `/wc/v3/orders/{id}/fulfillments` (GET, POST) and `/wc/v3/orders/{id}/fulfillments/{fid}` (GET, PUT, DELETE).
 * The feature is off by default in WooCommerce (`woocommerce_feature_fulfillments_enabled`); while it is off
 * the routes do not exist and answer 404 `rest_no_route`, as WordPress does for an unregistered route.
 * Tracking lives in the fulfillment's meta: `_tracking_number`, `_shipment_provider`, `_tracking_url`; the
 * shipped lines in `_items` ([{ item_id, qty }], required). `notify_customer` (query) is recorded on the
 * fulfillment as `notified` so tests can see whether the customer was told.
 */

/** @typedef {Record<string, any>} Obj */

/** @param {Obj} fulfillment @param {string} key */
function metaValue(fulfillment, key) {
	return fulfillment.meta_data.find((/** @type {Obj} */ m) => m.key === key)?.value;
}

/**
 * @param {{ newId: () => number, now: () => string, error: (status: number, code: string, message: string) => Error }} tools
 */
function createFulfillments(tools) {
	/**
	 * @param {Obj} order @param {Obj[]} list the order's fulfillments (kept apart: WooCommerce's order body has none)
	 * @param {string} method @param {string | undefined} fulfillmentId @param {URLSearchParams} query @param {Obj} body
	 */
	function handle(order, list, method, fulfillmentId, query, body) {
		const notify = query.get('notify_customer') === 'true' || query.get('notify_customer') === '1';
		if (fulfillmentId === undefined) {
			if (method === 'GET')
				return { status: 200, body: list.filter((f) => f.date_deleted === null) };
			if (method === 'POST') {
				const fulfillment = {
					id: tools.newId(),
					entity_type: 'WC_Order',
					entity_id: String(order.id),
					status: 'unfulfilled',
					is_fulfilled: false,
					date_updated: tools.now(),
					date_deleted: null,
					meta_data: [],
					notified: false,
				};
				apply(fulfillment, body, notify, order);
				list.push(fulfillment);
				return { status: 201, body: fulfillment };
			}
		} else {
			const fulfillment = list.find(
				(f) => f.id === Number(fulfillmentId) && f.date_deleted === null,
			);
			if (!fulfillment)
				throw tools.error(
					404,
					'woocommerce_rest_fulfillment_invalid_id',
					'Invalid fulfillment ID.',
				);
			if (method === 'GET') return { status: 200, body: fulfillment };
			if (method === 'PUT') {
				apply(fulfillment, body, notify, order);
				return { status: 200, body: fulfillment };
			}
			if (method === 'DELETE') {
				fulfillment.date_deleted = tools.now();
				return { status: 200, body: { message: 'Fulfillment deleted successfully.' } };
			}
		}
		throw tools.error(
			404,
			'rest_no_route',
			'No route was found matching the URL and request method.',
		);
	}

	/** @param {Obj} fulfillment @param {Obj} body @param {boolean} notify @param {Obj} order */
	function apply(fulfillment, body, notify, order) {
		const meta = Array.isArray(body.meta_data) ? body.meta_data : [];
		for (const entry of meta) {
			const existing = fulfillment.meta_data.find((/** @type {Obj} */ m) => m.key === entry.key);
			if (existing) existing.value = entry.value;
			else fulfillment.meta_data.push({ id: tools.newId(), key: entry.key, value: entry.value });
		}
		const items = metaValue(fulfillment, '_items');
		if (!Array.isArray(items) || items.length === 0) {
			throw tools.error(
				400,
				'woocommerce_rest_fulfillment_invalid_items',
				'The fulfillment must contain at least one item (meta _items).',
			);
		}
		const lineIds = new Set((order.line_items ?? []).map((/** @type {Obj} */ l) => Number(l.id)));
		for (const item of items) {
			if (!lineIds.has(Number(item.item_id)) || !(Number(item.qty) > 0)) {
				throw tools.error(
					400,
					'woocommerce_rest_fulfillment_invalid_items',
					`Invalid fulfillment item: ${JSON.stringify(item)}.`,
				);
			}
		}
		if (typeof body.status === 'string') fulfillment.status = body.status;
		if (body.is_fulfilled !== undefined) fulfillment.is_fulfilled = Boolean(body.is_fulfilled);
		fulfillment.notified = fulfillment.notified || notify;
		fulfillment.date_updated = tools.now();
	}

	return { handle };
}

module.exports = { createFulfillments, metaValue };
