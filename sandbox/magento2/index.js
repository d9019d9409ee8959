// @ts-check
'use strict';

/**
 * A Magento 2 REST API fake for testing the Magento 2 ⇄ myOGO templates. Serves the subset of
 * `/rest/V1/…` (and `/rest/<store code>/V1/…`) that n8n's Magento 2 node, its `magento2Api`
 * credential and the templates' HTTP Request nodes call; keeps state in memory; has a control API
 * under `/_fake/` (loopback only). Plain Node.js, node:http only. What real Magento does and what the
 * fake assumes: sandbox/README.md, "Magento 2 fake".
 *
 * Fault hook: `POST /_fake/faults { status, count?, path?, method?, after? }` like the WooCommerce
 * fake's (paths below `/V1`, e.g. `/inventory/source-items`).
 */

const { listenFake } = require('../shared/http/listen');
const { isLoopbackAddress } = require('../shared/loopback');
const { createCatalog, productField } = require('./catalog');
const { createControl } = require('./control');
const { MagentoError, notFound, takeFault, createState } = require('./model');
const { buildOrder, shipmentErrors, shipItems, cancelOrder } = require('./orders');
const { readSearchCriteria, search, checkListLimit } = require('./searchCriteria');
const { createShipment } = require('./shipments');

const DEFAULTS = { accessToken: 'magento-fake-integration-token', port: 5693 };
/** `/rest/V1/…`, `/rest/default/V1/…`, `/rest/all/V1/…` */
const API_PATH = /^\/rest(?:\/(default|all|[a-z][a-z0-9_]*))?\/V1(\/.*)$/;

/** @typedef {Record<string, any>} Obj */

/** @param {{ port?: number, host?: string, accessToken?: string }} [options] */
async function startMagentoFake(options = {}) {
	const accessToken = options.accessToken ?? DEFAULTS.accessToken;
	const box = { state: createState() };
	const newId = () => box.state.nextId++;
	const nextIncrement = () => box.state.nextIncrement++;
	let catalog = createCatalog(box.state, newId);
	const reset = () => {
		box.state = createState();
		catalog = createCatalog(box.state, newId);
	};

	/** @param {string} id */
	function orderOr404(id) {
		const order = box.state.orders.get(Number(id));
		if (!order) throw notFound();
		return order;
	}

	const view = (/** @type {unknown} */ value) => JSON.parse(JSON.stringify(value));
	/** A search result whose rows are copies (only the page's rows are copied). @param {{ items: Obj[] }} result */
	const viewed = (result) => ({ ...result, items: view(result.items) });

	/** @param {string} method @param {string} path @param {URLSearchParams} query @param {Obj} body */
	function api(method, path, query, body) {
		const { state } = box;
		const criteria = () => readSearchCriteria(query, state.settings);
		let m;
		if (path === '/modules' && method === 'GET')
			return ['Magento_Store', 'Magento_Catalog', 'Magento_Sales', 'Magento_Inventory'];
		if (path === '/store/storeConfigs' && method === 'GET')
			return [
				{
					id: 1,
					code: 'default',
					base_url: `${url}/`,
					base_media_url: `${url}/media/`,
					secure_base_media_url: `${url}/media/`,
					base_currency_code: 'EUR',
				},
			];
		if (path === '/products' && method === 'GET')
			return viewed(search([...state.products.values()], criteria(), productField));
		if (path === '/products' && method === 'POST')
			return view(catalog.saveProduct(body.product ?? {}));
		if ((m = /^\/products\/([^/]+)$/.exec(path))) {
			const sku = decodeURIComponent(m[1]);
			if (method === 'GET') return view(catalog.productOr404(sku));
			if (method === 'PUT')
				return view(catalog.saveProduct({ ...catalog.productOr404(sku), ...body.product, sku }));
			if (method === 'DELETE') {
				catalog.productOr404(sku);
				state.products.delete(sku);
				return true;
			}
		}
		if ((m = /^\/stockItems\/([^/]+)$/.exec(path)) && method === 'GET')
			return catalog.stockItem(decodeURIComponent(m[1]));
		if ((m = /^\/products\/([^/]+)\/stockItems\/(\d+)$/.exec(path)) && method === 'PUT')
			return catalog.updateStockItem(decodeURIComponent(m[1]), body);
		if (path === '/inventory/source-items' && method === 'GET')
			return search([...state.sourceItems.values()], criteria());
		if (path === '/inventory/source-items' && method === 'POST') {
			const rows = Array.isArray(body.sourceItems) ? body.sourceItems : [];
			checkListLimit(
				rows,
				'\\Magento\\InventoryApi\\Api\\Data\\SourceItemInterface[]',
				state.settings,
			);
			return catalog.saveSourceItems(rows);
		}
		if (path === '/inventory/sources' && method === 'GET')
			return search(
				[...state.sources].map((code) => ({ source_code: code, name: code, enabled: true })),
				criteria(),
			);
		if (path === '/orders' && method === 'GET')
			return viewed(search([...state.orders.values()], criteria()));
		if ((m = /^\/orders\/(\d+)$/.exec(path)) && method === 'GET') return view(orderOr404(m[1]));
		if ((m = /^\/orders\/(\d+)\/cancel$/.exec(path)) && method === 'POST')
			return cancelOrder(orderOr404(m[1]));
		if ((m = /^\/order\/(\d+)\/invoice$/.exec(path)) && method === 'POST') {
			const order = orderOr404(m[1]);
			if (order.state !== 'new')
				throw new MagentoError(400, "The order doesn't allow an invoice to be created.");
			order.state = 'processing';
			order.status = 'processing';
			order.updated_at = new Date().toISOString().slice(0, 19).replace('T', ' ');
			return newId();
		}
		if ((m = /^\/order\/(\d+)\/ship$/.exec(path)) && method === 'POST') {
			const order = orderOr404(m[1]);
			const requested = Array.isArray(body.items) ? body.items : [];
			const tracks = Array.isArray(body.tracks) ? body.tracks : [];
			checkListLimit(
				tracks,
				'\\Magento\\Sales\\Api\\Data\\ShipmentTrackCreationInterface[]',
				state.settings,
			);
			const errors = shipmentErrors(order, requested);
			if (errors.length)
				throw new MagentoError(400, `Shipment Document Validation Error(s):\n${errors.join('\n')}`);
			for (const track of tracks)
				if (!track.track_number) throw new MagentoError(400, 'Please enter a tracking number.');
			const shipment = createShipment(state, newId, order, shipItems(order, requested), body);
			return shipment.entity_id;
		}
		if (path === '/shipments' && method === 'GET')
			return viewed(search([...state.shipments.values()], criteria()));
		if ((m = /^\/shipment\/(\d+)$/.exec(path)) && method === 'GET') {
			const shipment = state.shipments.get(Number(m[1]));
			if (!shipment) throw notFound();
			return view(shipment);
		}
		throw new MagentoError(404, 'Request does not match any route.');
	}

	const control = createControl({
		box,
		reset,
		catalog: () => catalog,
		newId,
		nextIncrement,
		buildOrder,
		orderOr404,
		view,
	});

	/** The answer to a wrong or refused token, as Magento words it. @param {string} path */
	const unauthorized = (path) =>
		new MagentoError(401, "The consumer isn't authorized to access %resources.", {
			resources:
				path.startsWith('/orders') || path.startsWith('/order')
					? 'Magento_Sales::actions_view'
					: 'Magento_Catalog::products',
		});

	/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
	async function handle(req, res) {
		const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const raw = Buffer.concat(chunks).toString('utf8');
		/** @param {number} status @param {unknown} payload */
		const send = (status, payload) => {
			res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
			res.end(JSON.stringify(payload));
		};
		const method = (req.method ?? 'GET').toUpperCase();
		/** @type {Obj | null} */
		let entry = null;
		try {
			/** @type {Obj} */
			let body = {};
			if (raw) {
				try {
					body = JSON.parse(raw);
				} catch {
					throw new MagentoError(400, 'Decoding error: \nSyntax error');
				}
			}
			if (parsed.pathname.startsWith('/_fake/')) {
				if (!isLoopbackAddress(req.socket.remoteAddress))
					return send(403, { message: 'The control API answers only on this machine.' });
				const result = await control(
					method,
					parsed.pathname.slice('/_fake'.length),
					body,
					parsed.searchParams,
				);
				return send(result.status, result.body);
			}
			const { state } = box;
			if (state.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, state.latencyMs));
			const m = API_PATH.exec(parsed.pathname);
			if (!m) throw new MagentoError(404, 'Request does not match any route.');
			const path = m[2].replace(/\/$/, '');
			entry = {
				method,
				path,
				store: m[1] ?? 'default',
				query: Object.fromEntries(parsed.searchParams),
				status: 0,
				listSize: Array.isArray(body.sourceItems) ? body.sourceItems.length : 0,
				time: new Date().toISOString(),
			};
			state.requests.push(entry);
			const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
			if (token !== accessToken || !state.settings.integrationAsBearer) throw unauthorized(path);
			const fault = takeFault(state.faults, method, path);
			if (fault) {
				Object.assign(entry, { fault: true, status: fault.status === 'reset' ? 0 : fault.status });
				if (fault.status === 'reset') return req.socket.destroy();
				throw new MagentoError(fault.status, 'Injected fault: the fake was told to answer %1.', [
					String(fault.status),
				]);
			}
			const result = api(method, path, parsed.searchParams, body);
			entry.status = 200;
			return send(200, result);
		} catch (error) {
			const status = error instanceof MagentoError ? error.status : 500;
			if (entry && !entry.fault) entry.status = status;
			return send(
				status,
				error instanceof MagentoError ? error.body() : { message: String(error) },
			);
		}
	}

	const served = await listenFake(handle, options);
	const url = served.url;

	return {
		url,
		port: served.port,
		accessToken,
		get state() {
			return box.state;
		},
		close: served.close,
	};
}

module.exports = { startMagentoFake, DEFAULTS };
