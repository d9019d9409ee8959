// @ts-check
'use strict';

const { Router } = require('../shared/http/router');
const { badRequest } = require('../shared/http/errors');
const { parseIsoTimestamp, toIso } = require('./timestamps');
const { advanceOrder, orderReply } = require('./resources/orders');
const { validateStockLevels, applyStockLevels, stockReply } = require('./resources/stock');
const { pathKey } = require('./resources/pathKey');
const { applySeed } = require('./seed/applySeed');

/**
 * The sandbox's control API under `/_sandbox/` (not part of myOGO): lets a
 * test or a person play the warehouse and inject trouble. Loopback callers
 * only, no auth, JSON in and out. Control calls are not written to the
 * request log and are never delayed or faulted.
 */

/** @typedef {import('./types').SandboxContext} SandboxContext */

/** @param {string} rawPath */
function isControlPath(rawPath) {
	const lower = rawPath.toLowerCase();
	return lower === '/_sandbox' || lower.startsWith('/_sandbox/');
}

/**
 * @param {unknown} body
 * @returns {Record<string, unknown>}
 */
function objectBody(body) {
	if (body === undefined) return {};
	if (typeof body !== 'object' || body === null || Array.isArray(body))
		throw badRequest('The request body must be a JSON object.');
	return /** @type {Record<string, unknown>} */ (body);
}

/**
 * @param {SandboxContext} ctx
 */
function createControlRouter(ctx) {
	const router = new Router();
	const ok = (/** @type {unknown} */ body) => ({ status: 200, body });

	router.add('GET', '/_sandbox', () =>
		ok({
			name: 'myOGO sandbox',
			counts: {
				products: ctx.store.products.size,
				orders: ctx.store.orders.size,
				incomingStock: ctx.store.incomingStock.size,
				webhooks: ctx.store.webhooks.size,
				requests: ctx.requestLog.nextSeq - 1,
				pendingDeliveries: ctx.webhookDelivery.pending,
			},
			clock: clockState(ctx),
			latencyMs: ctx.latency.ms,
			faults: ctx.faults.list(),
			shippingCodes: ctx.store.shippingCodes,
		}),
	);

	router.add('POST', '/_sandbox/reset', () => {
		ctx.resetAll();
		return ok({ reset: true });
	});

	router.add('POST', '/_sandbox/orders/{reference}/advance', ({ params, query, body }) =>
		ok(orderReply(advanceOrder(ctx, pathKey(params.reference, query, 'order reference'), body))),
	);

	router.add('PUT', '/_sandbox/stock/{code}', ({ params, query, body }) => {
		const code = pathKey(params.code, query, 'product code');
		const levels = validateStockLevels(ctx, code, body);
		return ok(stockReply(applyStockLevels(ctx, code, levels)));
	});

	router.add('GET', '/_sandbox/shipping-codes', () => ok(ctx.store.shippingCodes));
	router.add('PUT', '/_sandbox/shipping-codes', ({ body }) => {
		if (
			!Array.isArray(body) ||
			!body.every((code) => typeof code === 'string' && code.trim() !== '')
		) {
			throw badRequest(
				'The request body must be a list of delivery type codes, e.g. ["POSTI_PAKETTI"].',
			);
		}
		ctx.store.shippingCodes = [...new Set(/** @type {string[]} */ (body))];
		ctx.store.markChanged();
		return ok(ctx.store.shippingCodes);
	});

	router.add('GET', '/_sandbox/faults', () => ok(ctx.faults.list()));
	router.add('POST', '/_sandbox/faults', ({ body }) => ok(ctx.faults.add(body)));
	router.add('DELETE', '/_sandbox/faults', () => {
		ctx.faults.clear();
		return ok([]);
	});

	router.add('GET', '/_sandbox/latency', () => ok({ ms: ctx.latency.ms }));
	router.add('POST', '/_sandbox/latency', ({ body }) => {
		ctx.latency.set(body);
		return ok({ ms: ctx.latency.ms });
	});

	router.add('POST', '/_sandbox/tokens/expire', () => {
		ctx.tokens.expireAccessTokens();
		return ok({ expired: true });
	});

	router.add('GET', '/_sandbox/requests', ({ query }) => ok(ctx.requestLog.list(readSince(query))));
	router.add('DELETE', '/_sandbox/requests', () => {
		ctx.requestLog.clear();
		return ok([]);
	});

	router.add('GET', '/_sandbox/deliveries', ({ query }) =>
		ok(ctx.webhookDelivery.list(readSince(query))),
	);
	router.add('DELETE', '/_sandbox/deliveries', () => {
		ctx.webhookDelivery.clearLog();
		return ok([]);
	});

	router.add('GET', '/_sandbox/clock', () => ok(clockState(ctx)));
	router.add('POST', '/_sandbox/clock', ({ body }) => {
		const b = objectBody(body);
		if (b.advanceMs !== undefined) {
			if (!ctx.clock.frozen)
				throw badRequest(
					'\'advanceMs\' moves a frozen clock; freeze it first with {"now": "<ISO time>"}.',
				);
			if (!Number.isInteger(b.advanceMs))
				throw badRequest("The field 'advanceMs' must be a whole number of milliseconds.");
			ctx.clock.freeze(ctx.clock.now() + /** @type {number} */ (b.advanceMs));
		} else if (b.now === null) {
			ctx.clock.unfreeze();
		} else {
			const ms = typeof b.now === 'string' ? parseIsoTimestamp(b.now) : null;
			if (ms === null)
				throw badRequest("The field 'now' must be an ISO-8601 timestamp, or null for real time.");
			ctx.clock.freeze(Math.floor(ms));
		}
		return ok(clockState(ctx));
	});

	router.add('POST', '/_sandbox/seed', ({ body }) => ok(applySeed(ctx, body)));

	return router;
}

/** @param {SandboxContext} ctx */
function clockState(ctx) {
	return { now: toIso(ctx.clock.now()), frozen: ctx.clock.frozen };
}

/** @param {import('../shared/http/query').Query} query */
function readSince(query) {
	const since = query.filter('since');
	if (since === undefined) return 0;
	if (!/^\d+$/.test(since))
		throw badRequest("The query parameter 'since' must be a whole number from 0 up.");
	return Number(since);
}

module.exports = { createControlRouter, isControlPath };
