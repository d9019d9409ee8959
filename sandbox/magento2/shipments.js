// @ts-check
'use strict';

/**
 * Shipments made by `POST /V1/order/{id}/ship`: one track per `tracks` entry, a comment, and the
 * shipment e-mail Magento sends to the buyer when `notify` is true (recorded in `state.emails`).
 */

const { now } = require('./model');

/** @typedef {Record<string, any>} Obj */

/**
 * @param {ReturnType<import('./model').createState>} state @param {() => number} newId
 * @param {Obj} order @param {Obj[]} shippedRows @param {Obj} body
 */
function createShipment(state, newId, order, shippedRows, body) {
	const entityId = newId();
	const shipment = {
		entity_id: entityId,
		order_id: order.entity_id,
		increment_id: String(entityId).padStart(9, '0'),
		created_at: now(),
		total_qty: shippedRows.reduce((sum, r) => sum + r.qty, 0),
		email_sent: body.notify ? 1 : null,
		items: shippedRows.map((row) => ({ entity_id: newId(), parent_id: entityId, ...row })),
		tracks: (body.tracks ?? []).map((/** @type {Obj} */ t) => ({
			entity_id: newId(),
			parent_id: entityId,
			order_id: order.entity_id,
			track_number: String(t.track_number),
			title: t.title ?? '',
			carrier_code: t.carrier_code ?? 'custom',
			created_at: now(),
		})),
		comments:
			body.appendComment && body.comment?.comment
				? [
						{
							comment: body.comment.comment,
							is_visible_on_front: body.comment.is_visible_on_front ?? 0,
						},
					]
				: [],
	};
	state.shipments.set(entityId, shipment);
	if (body.notify)
		state.emails.push({
			kind: 'shipment',
			to: order.customer_email,
			orderId: order.entity_id,
			shipmentId: entityId,
			tracks: shipment.tracks.map((/** @type {Obj} */ t) => t.track_number),
		});
	return shipment;
}

module.exports = { createShipment };
