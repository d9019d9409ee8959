// @ts-check
'use strict';

/**
 * The Magento 2 fake's control API (`/_fake/…`, loopback only, no token): reset, seed, state, the
 * request log, fault rules, latency, Magento settings (input limits, integration tokens as Bearer),
 * and what a shop does on its own (a customer places an order, an admin changes its state, a product
 * is edited).
 */

const { faultRule, now } = require('./model');
const { defaultStatus } = require('./orders');

/** @typedef {Record<string, any>} Obj */

/**
 * @param {{ box: { state: ReturnType<import('./model').createState> }, reset: () => void,
 *   catalog: () => ReturnType<import('./catalog').createCatalog>, newId: () => number,
 *   nextIncrement: () => number, buildOrder: typeof import('./orders').buildOrder,
 *   orderOr404: (id: string) => Obj, view: (value: unknown) => any }} deps
 */
function createControl({
	box,
	reset,
	catalog,
	newId,
	nextIncrement,
	buildOrder,
	orderOr404,
	view,
}) {
	/** @param {Obj} input */
	const placeOrder = (input) => {
		const order = buildOrder(input, newId, nextIncrement);
		box.state.orders.set(order.entity_id, order);
		return order;
	};

	/** @param {string} method @param {string} path @param {Obj} body @param {URLSearchParams} query */
	return async function control(method, path, body, query) {
		const { state } = box;
		/** @type {RegExpExecArray | null} */
		let m;
		const ok = (/** @type {unknown} */ result) => ({ status: 200, body: result });
		const bad = (/** @type {string} */ message) => ({ status: 400, body: { message } });
		if (path === '/reset' && method === 'POST') {
			reset();
			return ok({ ok: true });
		}
		if (path === '/seed' && method === 'POST') {
			for (const code of body.sources ?? []) state.sources.add(String(code));
			const products = (body.products ?? []).map((/** @type {Obj} */ p) =>
				catalog().saveProduct(p),
			);
			for (const row of body.sourceItems ?? []) catalog().saveSourceItems([row]);
			const orders = (body.orders ?? []).map(placeOrder);
			return ok({
				products: products.map((/** @type {Obj} */ p) => p.sku),
				orders: orders.map((/** @type {Obj} */ o) => o.entity_id),
			});
		}
		if (path === '/state' && method === 'GET')
			return ok(
				view({
					products: [...state.products.values()],
					orders: [...state.orders.values()],
					shipments: [...state.shipments.values()],
					sourceItems: [...state.sourceItems.values()],
					sources: [...state.sources],
					emails: state.emails,
					settings: state.settings,
				}),
			);
		if (path === '/orders' && method === 'POST') return ok(view(placeOrder(body)));
		if ((m = /^\/orders\/(\d+)$/.exec(path)) && method === 'GET') {
			const orderId = Number(m[1]);
			return ok(
				view({
					...orderOr404(m[1]),
					shipments: [...state.shipments.values()].filter((s) => s.order_id === orderId),
				}),
			);
		}
		if ((m = /^\/orders\/(\d+)\/state$/.exec(path)) && method === 'POST') {
			const order = orderOr404(m[1]);
			order.state = body.state ?? order.state;
			order.status = body.status ?? defaultStatus(order.state);
			order.updated_at = now();
			return ok(view(order));
		}
		if ((m = /^\/products\/(.+)\/touch$/.exec(path)) && method === 'POST') {
			const sku = decodeURIComponent(m[1]);
			return ok(
				view(
					catalog().saveProduct({
						...catalog().productOr404(sku),
						...body,
						sku,
						updated_at: undefined,
					}),
				),
			);
		}
		if ((m = /^\/stock\/(.+)$/.exec(path)) && method === 'GET') {
			const sku = decodeURIComponent(m[1]);
			return ok([...state.sourceItems.values()].filter((s) => s.sku === sku));
		}
		if (path === '/settings' && method === 'POST') {
			for (const name of ['inputLimits', 'integrationAsBearer']) {
				if (body[name] === undefined) continue;
				if (typeof body[name] !== 'boolean')
					return bad(`The field '${name}' must be true or false.`);
				state.settings[/** @type {'inputLimits'} */ (name)] = body[name];
			}
			return ok(state.settings);
		}
		if (path === '/latency' && method === 'POST') {
			if (!Number.isInteger(body.ms) || body.ms < 0 || body.ms > 600000)
				return bad("The field 'ms' must be a whole number of milliseconds from 0 to 600000.");
			state.latencyMs = body.ms;
			return ok({ ms: body.ms });
		}
		if (path === '/faults' && method === 'POST') {
			try {
				const rule = faultRule(body);
				state.faults.push(rule);
				return ok(rule);
			} catch (error) {
				return bad(/** @type {Error} */ (error).message);
			}
		}
		if (path === '/faults' && method === 'GET') return ok(state.faults);
		if (path === '/faults' && method === 'DELETE') {
			state.faults = [];
			return ok([]);
		}
		if (path === '/requests' && method === 'GET') {
			const since = Number(query.get('since') ?? 0);
			return ok(state.requests.slice(since));
		}
		if (path === '/requests' && method === 'DELETE') {
			state.requests = [];
			return ok({ ok: true });
		}
		return { status: 404, body: { message: `no control route ${method} ${path}` } };
	};
}

module.exports = { createControl };
