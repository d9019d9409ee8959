// @ts-check
'use strict';

const crypto = require('node:crypto');

const { now, WcError } = require('./model');

/** @typedef {Record<string, any>} Obj */

/**
 * The Shipment Tracking extension's REST API (`/wp-json/wc-shipment-tracking/v3/orders/{id}/shipment-trackings`):
 * it keeps its rows in the order meta `_wc_shipment_tracking_items`, as the extension does.
 * @param {Obj} order @param {string} method @param {Obj} body @param {() => number} newId
 */
function shipmentTracking(order, method, body, newId) {
	let meta = order.meta_data.find(
		(/** @type {Obj} */ m) => m.key === '_wc_shipment_tracking_items',
	);
	if (!meta) {
		meta = { id: newId(), key: '_wc_shipment_tracking_items', value: [] };
		order.meta_data.push(meta);
	}
	if (method === 'GET') return { status: 200, body: meta.value };
	if (method === 'POST') {
		if (!body.tracking_number)
			throw new WcError(
				400,
				'rest_missing_callback_param',
				'Missing parameter(s): tracking_number',
			);
		const row = {
			tracking_id: crypto.randomBytes(16).toString('hex'),
			tracking_provider: body.tracking_provider ?? '',
			custom_tracking_provider: body.custom_tracking_provider ?? '',
			custom_tracking_link: body.custom_tracking_link ?? '',
			tracking_number: String(body.tracking_number),
			date_shipped: body.date_shipped ?? now().slice(0, 10),
		};
		meta.value.push(row);
		// The extension answers with the resolved provider and link: a custom provider's link is whatever was
		// sent, an empty one included (accepted, stored, shown to the customer as a number without a link).
		const formatted = {
			tracking_id: row.tracking_id,
			tracking_provider: row.custom_tracking_provider || row.tracking_provider,
			tracking_link: row.custom_tracking_provider ? row.custom_tracking_link : '',
			tracking_number: row.tracking_number,
			date_shipped: row.date_shipped,
		};
		return { status: 201, body: formatted };
	}
	throw new WcError(
		404,
		'rest_no_route',
		'No route was found matching the URL and request method.',
	);
}

module.exports = { shipmentTracking };
