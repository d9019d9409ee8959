// @ts-check
'use strict';

const { createOrder, orderOr404, updateOrder, cancelOrder, deleteOrder } = require('../orders');
const { pageOf, pickFields } = require('./paging');
const { commonFilter, anyOf } = require('./filters');
const { ShopifyError } = require('../errors');

/**
 * `/orders.json` and friends, as n8n's Shopify node (order get, getAll, create, update, delete)
 * calls them. Lists are newest first. `status` defaults to `open` as at Shopify.
 */

/** @typedef {import('../context').FakeContext} FakeContext */
/** @typedef {Record<string, any>} Obj */

/** Shopify's `financial_status` filter values, including its groups. */
const FINANCIAL = /** @type {Record<string, string[]>} */ ({
	unpaid: ['authorized', 'pending', 'partially_paid'],
});

/** What each `fulfillment_status` filter value matches. */
const FULFILLMENT = /** @type {Record<string, (status: string | null) => boolean>} */ ({
	shipped: (s) => s === 'fulfilled',
	fulfilled: (s) => s === 'fulfilled',
	partial: (s) => s === 'partial',
	unshipped: (s) => s === null,
	unfulfilled: (s) => s === null || s === 'partial',
});

/** @type {Record<string, (order: Obj) => boolean>} */
const STATUS = {
	open: (o) => !o.closed_at && !o.cancelled_at,
	closed: (o) => Boolean(o.closed_at),
	cancelled: (o) => Boolean(o.cancelled_at),
	any: () => true,
};

/**
 * @param {FakeContext} ctx
 * @param {Record<string, string>} filters
 */
function matchingOrders(ctx, filters) {
	const status = STATUS[filters.status || 'open'];
	if (!status) throw new ShopifyError(400, { status: ['Invalid value.'] });
	const fulfillmentValue = filters.fulfillment_status;
	if (fulfillmentValue && fulfillmentValue !== 'any' && !FULFILLMENT[fulfillmentValue])
		throw new ShopifyError(400, { fulfillment_status: ['Invalid value.'] });
	const common = commonFilter(filters, ['created_at', 'updated_at', 'processed_at']);
	const financial = anyOf(filters.financial_status, (value, row) =>
		(FINANCIAL[value] ?? [value]).includes(row.financial_status),
	);
	const fulfillment = anyOf(fulfillmentValue, (value, row) =>
		FULFILLMENT[value](row.fulfillment_status),
	);
	const name = filters.name?.replace(/^#/, '');
	return [...ctx.shop.orders.values()]
		.filter(
			(o) =>
				status(o) &&
				common(o) &&
				financial(o) &&
				fulfillment(o) &&
				(!name || o.name.replace(/^#/, '') === name),
		)
		.sort((a, b) => b.id - a.id);
}

/** @param {Obj} order */
const copy = (order) => JSON.parse(JSON.stringify(order));

/**
 * Webhooks Shopify sends when an order arrives.
 * @param {FakeContext} ctx
 * @param {Obj} order
 */
function announceNewOrder(ctx, order) {
	ctx.fire('orders/create', order);
	if (order.financial_status === 'paid') ctx.fire('orders/paid', order);
}

/**
 * @param {import('../../shared/http/router').Router} router
 * @param {FakeContext} ctx
 */
function registerOrderRoutes(router, ctx) {
	router.add('GET', '/orders', ({ query, apiVersion }) => {
		const page = pageOf({
			query,
			url: `${ctx.urls.url}/shop/.myshopify.com/admin/api/${apiVersion}/orders.json`,
			rows: (filters) => matchingOrders(ctx, filters),
		});
		return {
			status: 200,
			body: { orders: page.rows.map((o) => pickFields(copy(o), query.get('fields'))) },
			headers: page.headers,
		};
	});
	router.add('GET', '/orders/count', ({ query }) => ({
		status: 200,
		body: { count: matchingOrders(ctx, Object.fromEntries(query.pairs)).length },
	}));
	router.add('GET', '/orders/{id}', ({ params, query }) => ({
		status: 200,
		body: { order: pickFields(copy(orderOr404(ctx.shop, params.id)), query.get('fields')) },
	}));
	router.add('POST', '/orders', ({ body }) => {
		const order = createOrder(ctx.shop, /** @type {Obj} */ (body)?.order);
		announceNewOrder(ctx, order);
		return { status: 201, body: { order: copy(order) } };
	});
	router.add('PUT', '/orders/{id}', ({ params, body }) => {
		const order = updateOrder(orderOr404(ctx.shop, params.id), /** @type {Obj} */ (body)?.order);
		ctx.fire('orders/updated', order);
		return { status: 200, body: { order: copy(order) } };
	});
	router.add('POST', '/orders/{id}/cancel', ({ params }) => {
		const order = cancelOrder(ctx.shop, orderOr404(ctx.shop, params.id));
		ctx.fire('orders/cancelled', order);
		ctx.fire('orders/updated', order);
		return { status: 200, body: { order: copy(order) } };
	});
	router.add('DELETE', '/orders/{id}', ({ params }) => {
		const order = orderOr404(ctx.shop, params.id);
		deleteOrder(ctx.shop, order);
		ctx.fire('orders/delete', { id: order.id });
		return { status: 200, body: {} };
	});
}

module.exports = { registerOrderRoutes, announceNewOrder };
