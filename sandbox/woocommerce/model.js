// @ts-check
'use strict';

/**
 * The WooCommerce fake's model: its state, its errors, its clock format, how it counts webhook
 * deliveries (WooCommerce's auto-disable), and its fault rules.
 */

const { parsePathFaultRule, takePathFault: takeFault } = require('../shared/faultRules');

/** WooCommerce's default for the `woocommerce_max_webhook_delivery_failures` filter. */
const MAX_WEBHOOK_DELIVERY_FAILURES = 5;

/** @typedef {Record<string, any>} Obj */

function now() {
	return new Date().toISOString().replace(/\.\d{3}Z$/, '');
}

/** @param {string | undefined} value */
function parseTime(value) {
	if (!value) return NaN;
	const text = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
	return Date.parse(text);
}

class WcError extends Error {
	/** @param {number} status @param {string} code @param {string} message */
	constructor(status, code, message) {
		super(message);
		this.status = status;
		this.code = code;
	}
}

/** A posted fault rule, or 400 with the reason. @param {Obj} body */
function faultRule(body) {
	const parsed = parsePathFaultRule(body);
	if (!parsed.rule) throw new WcError(400, 'fake_invalid_fault', String(parsed.error));
	return parsed.rule;
}

function createState() {
	return {
		nextId: 1,
		/** @type {Map<number, Obj>} products and variations (type 'variation') by id */
		products: new Map(),
		/** @type {Map<number, Obj>} */
		orders: new Map(),
		/** @type {Map<number, Obj[]>} */
		notes: new Map(),
		/** @type {Map<number, Obj>} */
		webhooks: new Map(),
		/** @type {Map<number, Obj[]>} core order fulfillments by order id */
		fulfillments: new Map(),
		/** @type {Obj[]} */
		requests: [],
		/** @type {Obj[]} */
		deliveries: [],
		/** @type {Obj[]} pending fault rules (see the fault hook above) */
		faults: [],
		/** Injected per-call latency (`POST /_fake/latency`), like the myOGO sandbox's: every API call waits this long. */
		latencyMs: 0,
		/** WooCommerce options the control API switches (`POST /_fake/settings`). */
		settings: {
			fulfillmentsEnabled: false,
			maxWebhookDeliveryFailures: MAX_WEBHOOK_DELIVERY_FAILURES,
		},
	};
}

/**
 * WooCommerce counts a delivery answered 200-302 as a success (the count goes back to 0); anything else,
 * connection errors included, as a failure. A failure that finds the count already above the maximum
 * disables the webhook (status `disabled`); otherwise it adds one. So with the default 5 the count reaches 6
 * and the seventh failure in a row disables it (WC_Webhook::failed_delivery compares with `>`; its
 * documentation says "after 5 retries").
 * @param {Obj} hook @param {number | undefined} status @param {number} maxFailures
 */
function countDelivery(hook, status, maxFailures) {
	if (status !== undefined && status >= 200 && status < 303) hook.failure_count = 0;
	else if (hook.failure_count > maxFailures) hook.status = 'disabled';
	else hook.failure_count += 1;
}

module.exports = {
	MAX_WEBHOOK_DELIVERY_FAILURES,
	now,
	parseTime,
	WcError,
	takeFault,
	faultRule,
	createState,
	countDelivery,
};
