// @ts-check
'use strict';

const { createProduct, updateProduct, deleteProduct, productOr404 } = require('../catalog');
const { notFound } = require('../errors');
const { pageOf, pickFields } = require('./paging');
const { commonFilter, anyOf } = require('./filters');

/**
 * `/products.json` and friends, as n8n's Shopify node (product get, getAll, create, update,
 * delete, and its product list for dropdowns) calls them. Lists are in id order. A product read over
 * REST lists at most 100 variants, as at Shopify; GraphQL reads see them all.
 */

/** @typedef {import('../context').FakeContext} FakeContext */
/** @typedef {Record<string, any>} Obj */

/**
 * @param {FakeContext} ctx
 * @param {Record<string, string>} filters
 */
function matchingProducts(ctx, filters) {
	const common = commonFilter(filters, ['created_at', 'updated_at', 'published_at']);
	const status = anyOf(filters.status, (value, row) => row.status === value);
	const handle = anyOf(filters.handle, (value, row) => row.handle === value);
	const title = filters.title?.toLowerCase();
	return [...ctx.shop.products.values()].filter(
		(p) =>
			common(p) &&
			status(p) &&
			handle(p) &&
			(!title || p.title.toLowerCase().includes(title)) &&
			(!filters.vendor || p.vendor === filters.vendor) &&
			(!filters.product_type || p.product_type === filters.product_type),
	);
}

/** @param {Obj} product */
const copy = (product) => JSON.parse(JSON.stringify(product));

/** Shopify's REST product answers carry at most this many variants (a product may have 2,048). */
const REST_VARIANT_CAP = 100;

/**
 * A product as REST answers it: a copy, its variants cut to the first 100.
 * @param {Obj} product
 */
function restProduct(product) {
	const answer = copy(product);
	answer.variants = answer.variants.slice(0, REST_VARIANT_CAP);
	return answer;
}

/**
 * @param {import('../../shared/http/router').Router} router
 * @param {FakeContext} ctx
 */
function registerProductRoutes(router, ctx) {
	router.add('GET', '/products', ({ query, apiVersion }) => {
		const page = pageOf({
			query,
			url: `${ctx.urls.url}/shop/.myshopify.com/admin/api/${apiVersion}/products.json`,
			rows: (filters) => matchingProducts(ctx, filters),
		});
		return {
			status: 200,
			body: { products: page.rows.map((p) => pickFields(restProduct(p), query.get('fields'))) },
			headers: page.headers,
		};
	});
	router.add('GET', '/products/count', ({ query }) => {
		const filters = Object.fromEntries(query.pairs);
		return { status: 200, body: { count: matchingProducts(ctx, filters).length } };
	});
	router.add('GET', '/products/{id}', ({ params, query }) => ({
		status: 200,
		body: {
			product: pickFields(restProduct(productOr404(ctx.shop, params.id)), query.get('fields')),
		},
	}));
	router.add('POST', '/products', ({ body }) => {
		const product = createProduct(ctx.shop, /** @type {Obj} */ (body)?.product);
		ctx.fire('products/create', product);
		return { status: 201, body: { product: restProduct(product) } };
	});
	router.add('PUT', '/products/{id}', ({ params, body }) => {
		const product = updateProduct(
			ctx.shop,
			productOr404(ctx.shop, params.id),
			/** @type {Obj} */ (body)?.product,
		);
		ctx.fire('products/update', product);
		return { status: 200, body: { product: restProduct(product) } };
	});
	router.add('DELETE', '/products/{id}', ({ params }) => {
		const product = productOr404(ctx.shop, params.id);
		deleteProduct(ctx.shop, product);
		ctx.fire('products/delete', { id: product.id });
		return { status: 200, body: {} };
	});
	router.add('GET', '/products/{id}/variants', ({ params }) => ({
		status: 200,
		body: { variants: copy(productOr404(ctx.shop, params.id).variants) },
	}));
	router.add('GET', '/variants/{id}', ({ params }) => {
		const entry = ctx.shop.variants.get(Number(params.id));
		if (!entry) throw notFound();
		return { status: 200, body: { variant: copy(entry.variant) } };
	});
}

module.exports = { registerProductRoutes, REST_VARIANT_CAP };
