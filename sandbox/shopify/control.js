// @ts-check
'use strict';

const { Router } = require('../shared/http/router');
const { gid } = require('./ids');
const { ShopifyError, unprocessable, notFound } = require('./errors');
const {
	createProduct,
	updateProduct,
	productOr404,
	variantsWithSku,
	setAvailable,
} = require('./catalog');
const { createOrder, orderOr404, markPaid, cancelOrder } = require('./orders');
const { announceNewOrder } = require('./rest/orders');
const { faultRule } = require('./faults');
const { costBudget, budgetView } = require('./costBudget');

/**
 * The fake's control API under `/_fake/` (not part of Shopify): lets a test or a person play the
 * shop's customers and staff, and read what the Admin API clients did. Loopback callers only,
 * no token, JSON in and out.
 */

/** @typedef {import('./context').FakeContext} FakeContext */
/** @typedef {Record<string, any>} Obj */

/** @param {unknown} body */
function objectBody(body) {
	if (body === undefined) return {};
	if (!body || typeof body !== 'object' || Array.isArray(body))
		throw new ShopifyError(400, 'The request body must be a JSON object.');
	return /** @type {Obj} */ (body);
}

/** @param {unknown} value */
const copy = (value) => JSON.parse(JSON.stringify(value));

/**
 * Every SKU's available stock per location: `{ [sku]: { [locationGid]: available } }`.
 * @param {FakeContext} ctx
 */
function inventoryBySku(ctx) {
	/** @type {Record<string, Record<string, number>>} */
	const inventory = {};
	for (const { variant } of ctx.shop.variants.values()) {
		const item = ctx.shop.inventoryItems.get(variant.inventory_item_id);
		if (!variant.sku || !item) continue;
		inventory[variant.sku] = Object.fromEntries(
			[...item.levels].map(([locationId, available]) => [gid('Location', locationId), available]),
		);
	}
	return inventory;
}

/** @param {FakeContext} ctx */
function fulfillmentsView(ctx) {
	return [...ctx.shop.fulfillments.values()].map((f) => {
		const order = ctx.shop.orders.get(f.orderId);
		return {
			id: gid('Fulfillment', f.id),
			orderId: f.orderId,
			orderName: order?.name ?? null,
			status: f.status,
			notifyCustomer: f.notifyCustomer,
			trackingInfo: f.trackingInfo,
			lineItems: f.lineItems.map(
				(/** @type {{ lineItemId: number, quantity: number }} */ line) => ({
					sku:
						order?.line_items.find((/** @type {Obj} */ l) => l.id === line.lineItemId)?.sku ?? null,
					quantity: line.quantity,
				}),
			),
			createdAt: f.createdAt,
		};
	});
}

/**
 * Every inventory write carried out (one per applied `inventorySetQuantities`; a replayed idempotency
 * key adds none): what a test counts to prove a retried batch was applied once.
 * @param {FakeContext} ctx
 */
function inventoryAdjustmentsView(ctx) {
	return ctx.shop.adjustmentGroups.map((group) => ({
		id: gid('InventoryAdjustmentGroup', group.id),
		reason: group.reason,
		changes: group.changes.map(
			(
				/** @type {{ itemId: number, locationId: number, delta: number, quantityAfterChange: number }} */ change,
			) => ({
				sku:
					ctx.shop.variants.get(ctx.shop.inventoryItems.get(change.itemId)?.variantId ?? -1)
						?.variant.sku ?? null,
				locationId: gid('Location', change.locationId),
				delta: change.delta,
				quantityAfterChange: change.quantityAfterChange,
			}),
		),
	}));
}

/** @param {FakeContext} ctx */
function createControlRouter(ctx) {
	const router = new Router();
	/** @param {unknown} body @param {number} [status] */
	const ok = (body, status = 200) => ({ status, body });

	router.add('GET', '/_fake', () =>
		ok({
			name: 'Shopify fake',
			adminUrl: ctx.urls.adminUrl,
			counts: {
				products: ctx.shop.products.size,
				variants: ctx.shop.variants.size,
				orders: ctx.shop.orders.size,
				webhooks: ctx.shop.webhooks.size,
			},
		}),
	);
	router.add('POST', '/_fake/reset', ({ body }) => {
		ctx.reset({ webhooks: objectBody(body).webhooks === true });
		return ok({ ok: true });
	});
	router.add('POST', '/_fake/seed', ({ body }) => {
		const input = objectBody(body);
		const products = (input.products ?? []).map(
			(/** @type {Obj} */ p) => createProduct(ctx.shop, p, { stock: true }).id,
		);
		const orders = (input.orders ?? []).map((/** @type {Obj} */ o) => createOrder(ctx.shop, o).id);
		return ok({ products, orders });
	});
	router.add('POST', '/_fake/products', ({ body }) => {
		const product = createProduct(ctx.shop, objectBody(body), { stock: true });
		ctx.fire('products/create', product);
		return ok(copy(product), 201);
	});
	router.add('PUT', '/_fake/products/{id}', ({ params, body }) => {
		const product = updateProduct(ctx.shop, productOr404(ctx.shop, params.id), objectBody(body), {
			stock: true,
		});
		ctx.fire('products/update', product);
		return ok(copy(product));
	});
	router.add('POST', '/_fake/orders', ({ body }) => {
		const order = createOrder(ctx.shop, objectBody(body));
		announceNewOrder(ctx, order);
		return ok(copy(order), 201);
	});
	router.add('POST', '/_fake/orders/{id}/pay', ({ params }) => {
		const order = orderOr404(ctx.shop, params.id);
		if (order.financial_status === 'paid') throw unprocessable({ order: ['is already paid'] });
		markPaid(order);
		ctx.fire('orders/paid', order);
		ctx.fire('orders/updated', order);
		return ok(copy(order));
	});
	router.add('POST', '/_fake/orders/{id}/cancel', ({ params }) => {
		const order = cancelOrder(ctx.shop, orderOr404(ctx.shop, params.id));
		ctx.fire('orders/cancelled', order);
		ctx.fire('orders/updated', order);
		return ok(copy(order));
	});
	router.add('PUT', '/_fake/inventory', ({ body }) => {
		const {
			sku,
			available,
			locationId = gid('Location', ctx.shop.locations[0].id),
		} = objectBody(body);
		const [variant] = variantsWithSku(ctx.shop, String(sku));
		const location = ctx.shop.locations.find((l) => l.admin_graphql_api_id === locationId);
		if (!variant || !location) throw notFound();
		if (!Number.isInteger(available))
			throw unprocessable({ available: ['must be a whole number'] });
		setAvailable(ctx.shop, variant.inventory_item_id, location.id, available);
		return ok(inventoryBySku(ctx)[variant.sku]);
	});
	router.add('GET', '/_fake/state', () =>
		ok({
			products: [...ctx.shop.products.values()],
			orders: [...ctx.shop.orders.values()],
			inventory: inventoryBySku(ctx),
			fulfillments: fulfillmentsView(ctx),
			inventoryAdjustments: inventoryAdjustmentsView(ctx),
			idempotencyKeys: [...ctx.idempotencyKeys.keys()],
			webhooks: [...ctx.shop.webhooks.values()],
		}),
	);
	router.add('POST', '/_fake/faults', ({ body }) => {
		const rule = faultRule(objectBody(body));
		ctx.faults.push(rule);
		return ok(rule, 201);
	});
	router.add('GET', '/_fake/faults', () => ok(ctx.faults));
	router.add('DELETE', '/_fake/faults', () => {
		ctx.faults = [];
		return ok({ ok: true });
	});
	router.add('POST', '/_fake/rate-limit', ({ body }) => {
		ctx.costBudget = costBudget(objectBody(body), ctx.now);
		return ok(budgetView(ctx.costBudget, ctx.now()), 201);
	});
	router.add('GET', '/_fake/rate-limit', () => ok(budgetView(ctx.costBudget, ctx.now())));
	router.add('DELETE', '/_fake/rate-limit', () => {
		ctx.costBudget = null;
		return ok({ ok: true });
	});
	router.add('GET', '/_fake/requests', () => ok(ctx.requestLog.list()));
	router.add('DELETE', '/_fake/requests', () => {
		ctx.requestLog.clear();
		return ok({ ok: true });
	});
	router.add('GET', '/_fake/deliveries', async () => {
		await ctx.sender.settle();
		return ok(ctx.sender.deliveries);
	});
	router.add('POST', '/_fake/deliveries/replay', async ({ body }) => {
		const delivery = ctx.sender.replay(Number(objectBody(body).id));
		await ctx.sender.settle();
		return ok(delivery);
	});
	return router;
}

module.exports = { createControlRouter };
