// @ts-check
'use strict';

/**
 * The Magento 2 fake's model: its state, its error answers, its clock format and its fault rules.
 */

const { parsePathFaultRule, takePathFault: takeFault } = require('../shared/faultRules');

/** @typedef {Record<string, any>} Obj */

/** Magento's timestamp format: `YYYY-MM-DD HH:MM:SS`, UTC. */
function now() {
	return new Date().toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * An error that becomes Magento's error body: `{ message, parameters? }`, with `%name` / `%1`
 * placeholders left in the message as Magento leaves them.
 */
class MagentoError extends Error {
	/** @param {number} status @param {string} message @param {Obj | unknown[]} [parameters] */
	constructor(status, message, parameters) {
		super(message);
		this.status = status;
		this.parameters = parameters;
	}

	body() {
		return this.parameters === undefined
			? { message: this.message }
			: { message: this.message, parameters: this.parameters };
	}
}

const notFound = () =>
	new MagentoError(
		404,
		"The entity that was requested doesn't exist. Verify the entity and try again.",
	);

/** A posted fault rule, or 400 with the reason. @param {Obj} body */
function faultRule(body) {
	const parsed = parsePathFaultRule(body);
	if (!parsed.rule) throw new MagentoError(400, String(parsed.error));
	return parsed.rule;
}

function createState() {
	return {
		nextId: 1,
		nextIncrement: 1,
		/** @type {Map<string, Obj>} products by SKU */
		products: new Map(),
		/** @type {Map<number, Obj>} orders by entity_id */
		orders: new Map(),
		/** @type {Map<number, Obj>} shipments by entity_id */
		shipments: new Map(),
		/** @type {Map<string, Obj>} source items by `${source_code}\u0000${sku}` */
		sourceItems: new Map(),
		/** @type {Set<string>} inventory source codes */
		sources: new Set(['default']),
		/** @type {Obj[]} the e-mails Magento would have sent (shipment notifications) */
		emails: [],
		/** @type {Obj[]} */
		requests: [],
		/** @type {Obj[]} pending fault rules */
		faults: [],
		latencyMs: 0,
		/** Magento settings the control API switches (`POST /_fake/settings`). */
		settings: {
			/** Stores → Configuration → Services → Web API Input Limits (on by default since 2.4.3). */
			inputLimits: true,
			/** oauth/consumer/enable_integration_as_bearer (off by default since 2.4.4). */
			integrationAsBearer: true,
		},
	};
}

module.exports = { now, MagentoError, notFound, takeFault, faultRule, createState };
