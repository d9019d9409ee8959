// @ts-check
'use strict';

/**
 * A WooCommerce REST API (v3) fake for testing the WooCommerce ⇄ myOGO templates.
 * Serves the subset of `/wp-json/wc/v3/` that n8n's WooCommerce node, WooCommerce Trigger and the
 * templates' HTTP Request nodes call, keeps state in memory, and has a control API under `/_fake/`.
 * Plain Node.js, node:http only.
 *
 * Fault hook (for the reliability suite): `POST /_fake/faults { status, count?, path?, method?, after? }`
 * makes the next `count` (default 1) API calls whose path (below /wp-json/wc/v3) starts with `path`
 * answer `status` (400-599) with a WooCommerce error body, or drop the connection with
 * `"status": "reset"`. `after` lets that many matching calls through first, so a fault can land
 * mid-way through a paged read or a run of batches. `GET` lists pending rules, `DELETE` clears them;
 * `/_fake/reset` clears them too. Faulted calls are logged in `/_fake/requests` with `fault: true`.
 *
 * As WooCommerce does: every product or variation saved through the API fires `product.updated`
 * (batch writes included, one delivery per row); a webhook whose deliveries fail is disabled once its
 * failure count passes `woocommerce_max_webhook_delivery_failures` (5); core order fulfillments are
 * served only while `woocommerce_feature_fulfillments_enabled` is on. `POST /_fake/settings` switches those
 * two options (`{ fulfillmentsEnabled, maxWebhookDeliveryFailures }`).
 *
 * `PUT /_fake/orders/{id} { billing?, shipping?, customer_note? }` is a clerk's edit in wp-admin: it
 * fires `order.updated` and, not being a REST call, stays out of the request log.
 */

const crypto = require('node:crypto');

const { listenFake } = require('../shared/http/listen');
const { createFulfillments } = require('./fulfillments');
const { filterByDates, paged: pagedList } = require('./listing');
const {
	MAX_WEBHOOK_DELIVERY_FAILURES,
	now,
	WcError,
	takeFault,
	faultRule,
	createState,
	countDelivery,
} = require('./model');
const { shipmentTracking: trackingRequest } = require('./shipmentTracking');

const DEFAULTS = { consumerKey: 'ck_fake_key', consumerSecret: 'cs_fake_secret', port: 5692 };
const API = '/wp-json/wc/v3';
const BATCH_LIMIT = 100;

/** @typedef {Record<string, any>} Obj */

/**
 * @param {{ port?: number, host?: string, consumerKey?: string, consumerSecret?: string }} [options]
 */
async function startWooCommerceFake(options = {}) {
	const consumerKey = options.consumerKey ?? DEFAULTS.consumerKey;
	const consumerSecret = options.consumerSecret ?? DEFAULTS.consumerSecret;
	let state = createState();
	/** Deliveries in flight; each leaves the set once answered (a burst of thousands must not pile up). */
	/** @type {Set<Promise<void>>} */
	let pending = new Set();
	/** Resolves once every delivery sent so far was answered. */
	const settle = async () => {
		while (pending.size) await Promise.all([...pending]);
	};

	const newId = () => state.nextId++;
	const fulfillments = createFulfillments({
		newId,
		now,
		error: (status, code, message) => new WcError(status, code, message),
	});

	/** @param {Obj} input @param {number} [parentId] */
	function storeProduct(input, parentId) {
		const id = input.id ?? newId();
		if (input.id && input.id >= state.nextId) state.nextId = input.id + 1;
		const isVariation = parentId !== undefined;
		const product = {
			id,
			name: input.name ?? (isVariation ? '' : `Product ${id}`),
			slug: input.slug ?? `product-${id}`,
			type: isVariation
				? 'variation'
				: (input.type ?? (input.variations?.length ? 'variable' : 'simple')),
			status: input.status ?? 'publish',
			description: input.description ?? '',
			short_description: input.short_description ?? '',
			sku: input.sku ?? '',
			price: input.price ?? input.regular_price ?? '',
			regular_price: input.regular_price ?? '',
			sale_price: input.sale_price ?? '',
			manage_stock: input.manage_stock ?? false,
			stock_quantity: input.stock_quantity ?? null,
			stock_status: input.stock_status ?? 'instock',
			parent_id: parentId ?? 0,
			attributes: input.attributes ?? [],
			images: input.images ?? [],
			image: input.image ?? null,
			permalink: input.permalink ?? `https://shop.example/?p=${id}`,
			meta_data: input.meta_data ?? [],
			// WooCommerce lists a product's categories and tags as { id, name, slug }; a variation has neither.
			...(isVariation ? {} : { categories: input.categories ?? [], tags: input.tags ?? [] }),
			variations: /** @type {number[]} */ ([]),
			date_created_gmt: input.date_created_gmt ?? now(),
			date_modified_gmt: input.date_modified_gmt ?? now(),
		};
		state.products.set(id, product);
		if (!isVariation) {
			for (const variation of input.variations ?? []) {
				product.variations.push(storeProduct(variation, id).id);
			}
		}
		return product;
	}

	/** @param {Obj} input */
	function storeOrder(input) {
		const id = input.id ?? newId();
		if (input.id && input.id >= state.nextId) state.nextId = input.id + 1;
		/** @type {Obj} */
		const order = {
			id,
			number: String(input.number ?? id),
			status: input.status ?? 'pending',
			currency: input.currency ?? 'EUR',
			total: input.total ?? '0.00',
			total_tax: input.total_tax ?? '0.00',
			customer_note: input.customer_note ?? '',
			billing: input.billing ?? {},
			shipping: input.shipping ?? {},
			line_items: input.line_items ?? [],
			shipping_lines: input.shipping_lines ?? [],
			fee_lines: input.fee_lines ?? [],
			coupon_lines: input.coupon_lines ?? [],
			meta_data: input.meta_data ?? [],
			payment_method: input.payment_method ?? '',
			date_paid_gmt: input.date_paid_gmt ?? null,
			date_paid: input.date_paid ?? input.date_paid_gmt ?? null,
			date_completed_gmt: input.date_completed_gmt ?? null,
			date_created_gmt: input.date_created_gmt ?? now(),
			date_modified_gmt: input.date_modified_gmt ?? now(),
		};
		order.date_created = order.date_created_gmt;
		order.date_modified = order.date_modified_gmt;
		state.orders.set(id, order);
		return order;
	}

	/** @param {Obj} target @param {Obj[]} meta */
	function mergeMeta(target, meta) {
		for (const entry of meta) {
			const existing = target.meta_data.find(
				(/** @type {Obj} */ m) => (entry.id && m.id === entry.id) || m.key === entry.key,
			);
			if (existing) existing.value = entry.value;
			else target.meta_data.push({ id: newId(), key: entry.key, value: entry.value });
		}
	}

	const PRODUCT_FIELDS = [
		'name',
		'description',
		'short_description',
		'sku',
		'regular_price',
		'sale_price',
		'status',
		'stock_status',
		'images',
		'attributes',
	];

	/** @param {Obj} product @param {Obj} changes */
	function updateProduct(product, changes) {
		for (const field of PRODUCT_FIELDS)
			if (changes[field] !== undefined) product[field] = changes[field];
		if (changes.regular_price !== undefined) product.price = changes.regular_price;
		if (changes.manage_stock !== undefined) product.manage_stock = Boolean(changes.manage_stock);
		if (changes.stock_quantity !== undefined) {
			const quantity = Number(changes.stock_quantity);
			if (!Number.isInteger(quantity))
				throw new WcError(400, 'rest_invalid_param', 'Invalid parameter(s): stock_quantity');
			product.stock_quantity = quantity;
			if (product.manage_stock) product.stock_status = quantity > 0 ? 'instock' : 'outofstock';
		}
		if (Array.isArray(changes.meta_data)) mergeMeta(product, changes.meta_data);
		product.date_modified_gmt = now();
		fire('product.updated', productView(product));
		return product;
	}

	/** @param {Obj} order */
	function orderView(order) {
		return JSON.parse(JSON.stringify(order));
	}

	/** @param {Obj} product */
	function productView(product) {
		return JSON.parse(JSON.stringify(product));
	}

	/**
	 * Sends the webhook deliveries for a topic (signed as WooCommerce signs them); the returned
	 * promise resolves once these deliveries were answered.
	 * @param {string} topic @param {Obj} payload
	 */
	function fire(topic, payload) {
		/** @type {Promise<void>[]} */
		const sent = [];
		for (const hook of state.webhooks.values()) {
			if (hook.status !== 'active' || hook.topic !== topic) continue;
			const body = JSON.stringify(payload);
			const signature = crypto.createHmac('sha256', hook.secret).update(body).digest('base64');
			const [resource, event] = topic.split('.');
			const deliveryId = newId();
			const record = {
				webhookId: hook.id,
				topic,
				url: hook.delivery_url,
				deliveryId,
				status: /** @type {number | string} */ ('pending'),
			};
			state.deliveries.push(record);
			const delivery = fetch(hook.delivery_url, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'User-Agent': 'WooCommerce/9.0 Hookshot (WordPress/6.5; fake)',
					'X-WC-Webhook-Source': `${url}/`,
					'X-WC-Webhook-Topic': topic,
					'X-WC-Webhook-Resource': resource,
					'X-WC-Webhook-Event': event,
					'X-WC-Webhook-Signature': signature,
					'X-WC-Webhook-ID': String(hook.id),
					'X-WC-Webhook-Delivery-ID': String(deliveryId),
				},
				body,
			})
				.then(
					async (res) => {
						// Read to the end, so the connection goes back to the pool for the next delivery.
						await res.arrayBuffer().catch(() => undefined);
						record.status = res.status;
						countDelivery(hook, res.status, state.settings.maxWebhookDeliveryFailures);
					},
					(error) => {
						record.status = `error: ${error.message}`;
						countDelivery(hook, undefined, state.settings.maxWebhookDeliveryFailures);
					},
				)
				.finally(() => pending.delete(delivery));
			pending.add(delivery);
			sent.push(delivery);
		}
		return Promise.all(sent);
	}

	/** @param {Obj} order @param {string} status */
	function setOrderStatus(order, status) {
		order.status = status;
		if ((status === 'processing' || status === 'completed') && !order.date_paid_gmt) {
			order.date_paid_gmt = now();
			order.date_paid = order.date_paid_gmt;
		}
		if (status === 'completed' && !order.date_completed_gmt) order.date_completed_gmt = now();
	}

	/** @param {import('node:http').IncomingMessage} req @param {URLSearchParams} query */
	function authorized(req, query) {
		const header = req.headers.authorization ?? '';
		if (header.startsWith('Basic ')) {
			const [key, ...rest] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(':');
			return key === consumerKey && rest.join(':') === consumerSecret;
		}
		if (query.has('consumer_key')) {
			return (
				query.get('consumer_key') === consumerKey && query.get('consumer_secret') === consumerSecret
			);
		}
		return false;
	}

	/** A paged list of the collection at `path`. @param {Obj[]} rows @param {URLSearchParams} query @param {string} path */
	const paged = (rows, query, path) => pagedList(rows, query, `${url}${API}${path}`);

	/** @param {string} id */
	function productOr404(id, allowVariation = false) {
		const product = state.products.get(Number(id));
		if (!product || (!allowVariation && product.type === 'variation')) {
			throw new WcError(404, 'woocommerce_rest_product_invalid_id', 'Invalid ID.');
		}
		return product;
	}

	/** @param {string} id */
	function orderOr404(id) {
		const order = state.orders.get(Number(id));
		if (!order) throw new WcError(404, 'woocommerce_rest_shop_order_invalid_id', 'Invalid ID.');
		return order;
	}

	/**
	 * Runs `{ create, update, delete }` of a batch request (at most 100 in all).
	 * @param {Obj} body @param {(item: Obj) => Obj} create @param {(item: Obj) => Obj} update @param {(id: number) => Obj} remove
	 */
	function batch(body, create, update, remove) {
		const count =
			(body.create?.length ?? 0) + (body.update?.length ?? 0) + (body.delete?.length ?? 0);
		if (count > BATCH_LIMIT) {
			throw new WcError(
				413,
				'woocommerce_rest_request_entity_too_large',
				`Unable to accept more than ${BATCH_LIMIT} items for this request.`,
			);
		}
		/** @param {() => Obj} fn @param {unknown} id */
		const settle = (fn, id) => {
			try {
				return fn();
			} catch (error) {
				const e = /** @type {WcError} */ (error);
				return {
					id: id ?? 0,
					error: { code: e.code ?? 'error', message: e.message, data: { status: e.status ?? 500 } },
				};
			}
		};
		/** @type {Obj} */
		const result = {};
		if (body.create)
			result.create = body.create.map((/** @type {Obj} */ item) => settle(() => create(item), 0));
		if (body.update)
			result.update = body.update.map((/** @type {Obj} */ item) =>
				settle(() => update(item), item.id),
			);
		if (body.delete)
			result.delete = body.delete.map((/** @type {number} */ id) => settle(() => remove(id), id));
		return result;
	}

	/** @param {string} method @param {string} path @param {URLSearchParams} query @param {Obj} body */
	function api(method, path, query, body) {
		let m;
		if (path === '/products' && method === 'GET') {
			let rows = [...state.products.values()];
			const skuParam = query.get('sku');
			if (skuParam) {
				// WooCommerce searches products and variations when a SKU list is given.
				const skus = new Set(skuParam.split(','));
				skus.add(skuParam);
				rows = rows.filter((p) => skus.has(p.sku));
			} else rows = rows.filter((p) => p.type !== 'variation');
			if (query.get('type')) rows = rows.filter((p) => p.type === query.get('type'));
			if (query.get('status'))
				rows = rows.filter(
					(p) => query.get('status') === 'any' || p.status === query.get('status'),
				);
			rows = filterByDates(rows, query, 'date_created_gmt');
			return paged(rows.map(productView), query, path);
		}
		if (path === '/products' && method === 'POST')
			return { status: 201, body: productView(storeProduct(body)) };
		if (path === '/products/batch' && method === 'POST') {
			return {
				status: 200,
				body: batch(
					body,
					(item) => productView(storeProduct({ ...item, id: undefined })),
					(item) => productView(updateProduct(productOr404(item.id), item)),
					(id) => {
						const product = productOr404(String(id));
						state.products.delete(product.id);
						return productView(product);
					},
				),
			};
		}
		if ((m = /^\/products\/(\d+)$/.exec(path))) {
			if (method === 'GET') return { status: 200, body: productView(productOr404(m[1])) };
			if (method === 'PUT' || method === 'POST')
				return { status: 200, body: productView(updateProduct(productOr404(m[1]), body)) };
		}
		if ((m = /^\/products\/(\d+)\/variations$/.exec(path))) {
			const parent = productOr404(m[1]);
			if (method === 'GET') {
				let rows = parent.variations
					.map((/** @type {number} */ id) => state.products.get(id))
					.filter(Boolean);
				if (query.get('sku'))
					rows = rows.filter((/** @type {Obj} */ v) => v.sku === query.get('sku'));
				rows = filterByDates(rows, query, 'date_created_gmt');
				return paged(rows.map(productView), query, path);
			}
			if (method === 'POST') {
				const variation = storeProduct({ ...body, id: undefined }, parent.id);
				parent.variations.push(variation.id);
				return { status: 201, body: productView(variation) };
			}
		}
		if ((m = /^\/products\/(\d+)\/variations\/batch$/.exec(path)) && method === 'POST') {
			const parent = productOr404(m[1]);
			/** @param {unknown} id */
			const variationOf = (id) => {
				const variation = state.products.get(Number(id));
				if (!variation || variation.parent_id !== parent.id) {
					throw new WcError(400, 'woocommerce_rest_product_variation_invalid_id', 'Invalid ID.');
				}
				return variation;
			};
			return {
				status: 200,
				body: batch(
					body,
					(item) => {
						const variation = storeProduct({ ...item, id: undefined }, parent.id);
						parent.variations.push(variation.id);
						return productView(variation);
					},
					(item) => productView(updateProduct(variationOf(item.id), item)),
					(id) => {
						const variation = variationOf(id);
						state.products.delete(variation.id);
						parent.variations = parent.variations.filter(
							(/** @type {number} */ v) => v !== variation.id,
						);
						return productView(variation);
					},
				),
			};
		}
		if ((m = /^\/products\/(\d+)\/variations\/(\d+)$/.exec(path))) {
			const parent = productOr404(m[1]);
			const variation = state.products.get(Number(m[2]));
			if (!variation || variation.parent_id !== parent.id) {
				throw new WcError(404, 'woocommerce_rest_product_variation_invalid_id', 'Invalid ID.');
			}
			if (method === 'GET') return { status: 200, body: productView(variation) };
			if (method === 'PUT' || method === 'POST')
				return { status: 200, body: productView(updateProduct(variation, body)) };
		}
		if (path === '/orders' && method === 'GET') {
			let rows = [...state.orders.values()];
			const status = query.get('status');
			if (status && status !== 'any') {
				const wanted = new Set(status.split(','));
				rows = rows.filter((o) => wanted.has(o.status));
			}
			rows = filterByDates(rows, query, 'date_created_gmt');
			rows.sort((a, b) => b.id - a.id);
			return paged(rows.map(orderView), query, path);
		}
		if ((m = /^\/orders\/(\d+)$/.exec(path))) {
			const order = orderOr404(m[1]);
			if (method === 'GET') return { status: 200, body: orderView(order) };
			if (method === 'PUT' || method === 'POST') {
				for (const field of [
					'customer_note',
					'currency',
					'payment_method',
					'payment_method_title',
					'transaction_id',
					'billing',
					'shipping',
				]) {
					if (body[field] !== undefined) order[field] = body[field];
				}
				if (Array.isArray(body.meta_data)) mergeMeta(order, body.meta_data);
				if (body.status !== undefined) setOrderStatus(order, body.status);
				order.date_modified_gmt = now();
				order.date_modified = order.date_modified_gmt;
				fire('order.updated', orderView(order));
				return { status: 200, body: orderView(order) };
			}
		}
		if (
			(m = /^\/orders\/(\d+)\/fulfillments(?:\/(\d+))?$/.exec(path)) &&
			state.settings.fulfillmentsEnabled
		) {
			const order = orderOr404(m[1]);
			const list = state.fulfillments.get(order.id) ?? [];
			state.fulfillments.set(order.id, list);
			return fulfillments.handle(order, list, method, m[2], query, body);
		}
		if ((m = /^\/orders\/(\d+)\/notes$/.exec(path))) {
			const order = orderOr404(m[1]);
			const notes = state.notes.get(order.id) ?? [];
			if (method === 'GET') return { status: 200, body: notes };
			if (method === 'POST') {
				if (!body.note)
					throw new WcError(400, 'rest_missing_callback_param', 'Missing parameter(s): note');
				const note = {
					id: newId(),
					author: 'WooCommerce',
					date_created_gmt: now(),
					note: String(body.note),
					customer_note: Boolean(body.customer_note),
				};
				notes.push(note);
				state.notes.set(order.id, notes);
				return { status: 201, body: note };
			}
		}
		if (path === '/webhooks') {
			if (method === 'GET') {
				let rows = [...state.webhooks.values()];
				if (query.get('status') && query.get('status') !== 'all')
					rows = rows.filter((w) => w.status === query.get('status'));
				return paged(
					rows.map((w) => ({ ...w, secret: undefined })),
					query,
					path,
				);
			}
			if (method === 'POST') {
				if (!body.topic || !body.delivery_url)
					throw new WcError(
						400,
						'rest_missing_callback_param',
						'Missing parameter(s): topic, delivery_url',
					);
				const hook = {
					id: newId(),
					name: body.name ?? `Webhook ${body.topic}`,
					status: body.status ?? 'active',
					topic: body.topic,
					delivery_url: body.delivery_url,
					secret: body.secret ?? crypto.randomBytes(16).toString('hex'),
					failure_count: 0,
					date_created_gmt: now(),
				};
				state.webhooks.set(hook.id, hook);
				return { status: 201, body: { ...hook, secret: undefined } };
			}
		}
		if ((m = /^\/webhooks\/(\d+)$/.exec(path))) {
			const hook = state.webhooks.get(Number(m[1]));
			if (!hook) throw new WcError(404, 'woocommerce_rest_webhook_invalid_id', 'Invalid ID.');
			if (method === 'GET') return { status: 200, body: { ...hook, secret: undefined } };
			if (method === 'DELETE') {
				state.webhooks.delete(hook.id);
				return { status: 200, body: { ...hook, secret: undefined } };
			}
		}
		throw new WcError(
			404,
			'rest_no_route',
			'No route was found matching the URL and request method.',
		);
	}

	/** The Shipment Tracking extension's REST API. @param {string} method @param {string} orderId @param {Obj} body */
	const shipmentTracking = (method, orderId, body) =>
		trackingRequest(orderOr404(orderId), method, body, newId);

	/** @param {string} method @param {string} path @param {Obj} body */
	async function control(method, path, body) {
		let m;
		if (path === '/reset' && method === 'POST') {
			state = createState();
			pending = new Set();
			return { status: 200, body: { ok: true } };
		}
		if (path === '/seed' && method === 'POST') {
			const products = (body.products ?? []).map((/** @type {Obj} */ p) =>
				productView(storeProduct(p)),
			);
			const orders = (body.orders ?? []).map((/** @type {Obj} */ o) => orderView(storeOrder(o)));
			return {
				status: 200,
				body: {
					products: products.length,
					orders: orders.map((/** @type {Obj} */ o) => o.id),
					productIds: products.map((/** @type {Obj} */ p) => p.id),
				},
			};
		}
		if (path === '/state' && method === 'GET') {
			return {
				status: 200,
				body: {
					products: [...state.products.values()].filter((p) => p.type !== 'variation'),
					variations: [...state.products.values()].filter((p) => p.type === 'variation'),
					orders: [...state.orders.values()],
					notes: Object.fromEntries(state.notes),
					webhooks: [...state.webhooks.values()].map((w) => ({ ...w, secret: undefined })),
				},
			};
		}
		if ((m = /^\/products\/sku\/(.+)$/.exec(path)) && method === 'GET') {
			const sku = decodeURIComponent(m[1]);
			const product = [...state.products.values()].find((p) => p.sku === sku);
			return product
				? { status: 200, body: product }
				: { status: 404, body: { message: 'no such SKU' } };
		}
		if ((m = /^\/orders\/(\d+)$/.exec(path)) && method === 'GET') {
			const order = orderOr404(m[1]);
			return {
				status: 200,
				body: {
					...orderView(order),
					notes: state.notes.get(order.id) ?? [],
					fulfillments: state.fulfillments.get(order.id) ?? [],
				},
			};
		}
		if (path === '/settings' && method === 'POST') {
			const { fulfillmentsEnabled, maxWebhookDeliveryFailures } = body;
			if (fulfillmentsEnabled !== undefined && typeof fulfillmentsEnabled !== 'boolean')
				return {
					status: 400,
					body: { message: "The field 'fulfillmentsEnabled' must be true or false." },
				};
			if (
				maxWebhookDeliveryFailures !== undefined &&
				!(Number.isInteger(maxWebhookDeliveryFailures) && maxWebhookDeliveryFailures >= 0)
			) {
				return {
					status: 400,
					body: {
						message: "The field 'maxWebhookDeliveryFailures' must be a whole number from 0.",
					},
				};
			}
			Object.assign(
				state.settings,
				fulfillmentsEnabled === undefined ? {} : { fulfillmentsEnabled },
				maxWebhookDeliveryFailures === undefined ? {} : { maxWebhookDeliveryFailures },
			);
			return { status: 200, body: state.settings };
		}
		if (path === '/latency' && method === 'POST') {
			const ms = body.ms;
			if (!Number.isInteger(ms) || ms < 0 || ms > 600000)
				return {
					status: 400,
					body: {
						message: "The field 'ms' must be a whole number of milliseconds from 0 to 600000.",
					},
				};
			state.latencyMs = ms;
			return { status: 200, body: { ms } };
		}
		if (path === '/faults' && method === 'POST') {
			const rule = faultRule(body);
			state.faults.push(rule);
			return { status: 200, body: rule };
		}
		if (path === '/faults' && method === 'GET') return { status: 200, body: state.faults };
		if (path === '/faults' && method === 'DELETE') {
			state.faults = [];
			return { status: 200, body: [] };
		}
		if (path === '/requests' && method === 'GET') return { status: 200, body: state.requests };
		if (path === '/requests' && method === 'DELETE') {
			state.requests = [];
			return { status: 200, body: { ok: true } };
		}
		if (path === '/deliveries' && method === 'GET') {
			await settle();
			return { status: 200, body: state.deliveries };
		}
		if (path === '/orders' && method === 'POST') {
			// A customer places an order: order.created, then order.updated (as WooCommerce fires both).
			const order = storeOrder(body);
			if (order.status === 'processing' || order.status === 'completed')
				setOrderStatus(order, order.status);
			// Waits for this order's deliveries only: other customers' orders go on in parallel.
			await Promise.all([
				fire('order.created', orderView(order)),
				fire('order.updated', orderView(order)),
			]);
			return { status: 201, body: orderView(order) };
		}
		if ((m = /^\/orders\/(\d+)\/status$/.exec(path)) && method === 'POST') {
			const order = orderOr404(m[1]);
			setOrderStatus(order, body.status);
			order.date_modified_gmt = now();
			await fire('order.updated', orderView(order));
			return { status: 200, body: orderView(order) };
		}
		if ((m = /^\/orders\/(\d+)$/.exec(path)) && method === 'PUT') {
			// A clerk edits the order in wp-admin (not through the REST API): order.updated fires.
			const order = orderOr404(m[1]);
			for (const field of ['billing', 'shipping', 'customer_note'])
				if (body[field] !== undefined) order[field] = body[field];
			order.date_modified_gmt = now();
			order.date_modified = order.date_modified_gmt;
			await fire('order.updated', orderView(order));
			return { status: 200, body: orderView(order) };
		}
		if ((m = /^\/products\/(\d+)\/touch$/.exec(path)) && method === 'POST') {
			const product = updateProduct(productOr404(m[1]), body);
			await settle();
			return { status: 200, body: productView(product) };
		}
		return { status: 404, body: { message: `no control route ${method} ${path}` } };
	}

	/** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
	async function handle(req, res) {
		const parsed = new URL(req.url ?? '/', 'http://127.0.0.1');
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const raw = Buffer.concat(chunks).toString('utf8');
		/** @type {Obj} */
		let body = {};
		/** @param {number} status @param {unknown} payload @param {Record<string, string>} [headers] */
		const send = (status, payload, headers = {}) => {
			res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', ...headers });
			res.end(payload === undefined ? '' : JSON.stringify(payload));
		};
		try {
			if (raw) {
				try {
					body = JSON.parse(raw);
				} catch {
					throw new WcError(400, 'rest_invalid_json', 'Invalid JSON body passed.');
				}
			}
			const method = (req.method ?? 'GET').toUpperCase();
			if (parsed.pathname.startsWith('/_fake/')) {
				const result = await control(method, parsed.pathname.slice('/_fake'.length), body);
				return send(result.status, result.body);
			}
			if (state.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, state.latencyMs));
			const tracking =
				/^\/wp-json\/wc-shipment-tracking\/v3\/orders\/(\d+)\/shipment-trackings\/?$/.exec(
					parsed.pathname,
				);
			if (tracking) {
				const entry = {
					method,
					path: `/shipment-trackings/${tracking[1]}`,
					query: {},
					status: 0,
					batchSize: 0,
					time: new Date().toISOString(),
				};
				state.requests.push(entry);
				if (!authorized(req, parsed.searchParams)) {
					entry.status = 401;
					throw new WcError(
						401,
						'woocommerce_rest_cannot_view',
						'Sorry, you cannot list resources.',
					);
				}
				const result = shipmentTracking(method, tracking[1], body);
				entry.status = result.status;
				return send(result.status, result.body);
			}
			if (!parsed.pathname.startsWith(`${API}/`))
				throw new WcError(
					404,
					'rest_no_route',
					'No route was found matching the URL and request method.',
				);
			const path = parsed.pathname.slice(API.length).replace(/\/$/, '');
			const entry = {
				method,
				path,
				query: Object.fromEntries(
					[...parsed.searchParams].filter(([k]) => k !== 'consumer_key' && k !== 'consumer_secret'),
				),
				status: 0,
				batchSize:
					body && typeof body === 'object'
						? (body.create?.length ?? 0) + (body.update?.length ?? 0) + (body.delete?.length ?? 0)
						: 0,
				time: new Date().toISOString(),
			};
			state.requests.push(entry);
			if (!authorized(req, parsed.searchParams)) {
				entry.status = 401;
				throw new WcError(401, 'woocommerce_rest_cannot_view', 'Sorry, you cannot list resources.');
			}
			const fault = takeFault(state.faults, method, path);
			if (fault) {
				Object.assign(entry, { fault: true, status: fault.status === 'reset' ? 0 : fault.status });
				if (fault.status === 'reset') return req.socket.destroy();
				throw new WcError(
					fault.status,
					'fake_injected_fault',
					`Injected fault: the fake was told to answer ${fault.status}.`,
				);
			}
			const result = api(method, path, parsed.searchParams, body);
			entry.status = result.status;
			return send(result.status, result.body, /** @type {Obj} */ (result).headers);
		} catch (error) {
			const e = /** @type {WcError} */ (error);
			const status = e.status ?? 500;
			const last = state.requests[state.requests.length - 1];
			if (last && last.status === 0) last.status = status;
			return send(status, {
				code: e.code ?? 'internal_error',
				message: e.message,
				data: { status },
			});
		}
	}

	const served = await listenFake(handle, options);
	const url = served.url;

	return {
		url,
		port: served.port,
		consumerKey,
		consumerSecret,
		/** Waits for webhook deliveries in flight. */
		settle,
		get state() {
			return state;
		},
		close: served.close,
	};
}

module.exports = {
	startWooCommerceFake,
	DEFAULTS,
	API,
	BATCH_LIMIT,
	MAX_WEBHOOK_DELIVERY_FAILURES,
};
