// @ts-check
'use strict';

const crypto = require('node:crypto');
const { readFields, text, number, letters } = require('../validation');
const { conflict, notFound } = require('../../shared/http/errors');
const { readPaging, readModifiedAfter } = require('../paging');
const { toIso } = require('../timestamps');
const { pathKey } = require('./pathKey');

/**
 * Products — `GET/POST /api/v1/products`, `PUT /api/v1/products/{code}`.
 * The product code (SKU) is the key. Creating a product also creates its
 * stock row (all zeros), because in myOGO every product has a stock balance.
 */

/** @typedef {import('../types').SandboxContext} SandboxContext */
/** @typedef {import('../store').ProductRecord} ProductRecord */

/** @type {import('../validation').FieldSpec} */
const PRODUCT_FIELDS = {
	code: { required: true, read: text({ maxLength: 255 }) },
	languageCode: {
		required: true,
		read: text({ pattern: letters(2), describe: 'a two-letter ISO 639-1 language code' }),
	},
	name: { read: text() },
	description: { read: text() },
	supplier: { read: text() },
	supplierCode: { read: text() },
	group: { read: text() },
	eanCode: { read: text({ acceptNumber: true, maxLength: 50 }) },
	supplyPrice: { read: number() },
	salesPrice: { read: number() },
	currencyCode: {
		read: text({ pattern: letters(3), describe: 'a three-letter ISO 4217 currency code' }),
	},
	infoUrl: { read: text() },
	pictureUrl: { read: text() },
	countryOfOrigin: {
		read: text({ pattern: letters(2), describe: 'a two-letter ISO 3166 country code' }),
	},
	customsDescription: { read: text() },
	hsCode: {
		read: text({ acceptNumber: true, pattern: /^\d{8}$/, describe: 'an HS code of 8 digits' }),
	},
};

const PRODUCT_FIELD_NAMES = Object.keys(PRODUCT_FIELDS);

/**
 * Validates a new product without storing it (bulk seeding validates all
 * first, then stores all).
 * @param {SandboxContext} ctx
 * @param {unknown} body
 * @param {string} [prefix] names fields as `products[3].code` when seeding
 * @param {Set<string>} [alsoTaken] codes taken earlier in the same batch
 */
function validateNewProduct(ctx, body, prefix = '', alsoTaken) {
	const fields = readFields(body, PRODUCT_FIELDS, { prefix });
	if (ctx.store.products.has(fields.code) || (alsoTaken && alsoTaken.has(fields.code))) {
		throw conflict(`A product with the code '${fields.code}' already exists.`);
	}
	return fields;
}

/**
 * Stores a validated new product and its all-zero stock row.
 * @param {SandboxContext} ctx
 * @param {Record<string, any>} fields
 * @returns {ProductRecord}
 */
function insertProduct(ctx, fields) {
	const now = ctx.clock.now();
	const seq = ctx.store.nextSequence();
	/** @type {Record<string, any>} */
	const record = { id: crypto.randomUUID() };
	for (const name of PRODUCT_FIELD_NAMES) record[name] = fields[name] ?? null;
	record.modifiedMs = now;
	record.seq = seq;
	const product = /** @type {ProductRecord} */ (record);
	ctx.store.products.put(product.code, product);
	ctx.store.stock.put(product.code, {
		productCode: product.code,
		stock: 0,
		stockAvailable: 0,
		reserved: 0,
		modifiedMs: now,
		seq,
	});
	return product;
}

/**
 * A PUT: partial update, and a rename when the body's code differs.
 * @param {SandboxContext} ctx
 * @param {string} code the code in the path
 * @param {unknown} body
 */
function updateProduct(ctx, code, body) {
	const { products, stock } = ctx.store;
	const existing = products.get(code);
	if (!existing) throw notFound(`No product with the code '${code}' exists.`);
	const fields = readFields(body, PRODUCT_FIELDS, { partial: true });
	// An EAN once stored is never overwritten (contract); the rest of the update still applies.
	if (existing.eanCode) delete fields.eanCode;
	const newCode = fields.code === undefined ? code : fields.code;
	if (newCode !== code && products.has(newCode)) {
		throw conflict(
			`Cannot rename '${code}' to '${newCode}': a product with the code '${newCode}' already exists.`,
		);
	}
	const now = ctx.clock.now();
	/** @type {ProductRecord} */
	const updated = { ...existing, ...fields, code: newCode, modifiedMs: now };
	if (newCode !== code) {
		products.delete(code);
		const row = stock.get(code);
		stock.delete(code);
		// The stock row moves with the product; its new `modified` lets stock pollers see the new code.
		if (row) stock.put(newCode, { ...row, productCode: newCode, modifiedMs: now });
	}
	products.put(newCode, updated);
	return updated;
}

/**
 * The product as the API answers it.
 * @param {SandboxContext} ctx
 * @param {ProductRecord} product
 */
function productReply(ctx, product) {
	/** @type {Record<string, unknown>} */
	const reply = { id: product.id };
	for (const name of PRODUCT_FIELD_NAMES) reply[name] = /** @type {any} */ (product)[name];
	const row = ctx.store.stock.get(product.code);
	reply.stock = row ? row.stock : 0;
	reply.stockAvailable = row ? row.stockAvailable : 0;
	reply.reserved = row ? row.reserved : 0;
	const incoming = incomingFor(ctx, product.code);
	reply.stockUpdate = incoming.quantity;
	reply.stockUpdateTime = incoming.expected;
	reply.editTime = toIso(product.modifiedMs);
	return reply;
}

/**
 * What is on its way in for a product: the quantities of open incoming-stock
 * notices naming it, and the earliest expected arrival among them.
 * @param {SandboxContext} ctx
 * @param {string} code
 */
function incomingFor(ctx, code) {
	let quantity = 0;
	/** @type {string | null} */
	let expected = null;
	for (const reference of ctx.store.incomingByProduct.get(code) || []) {
		const notice = ctx.store.incomingStock.get(reference);
		if (!notice || notice.status === 'received' || notice.status === 'cancelled') continue;
		for (const line of notice.fields.products || []) {
			if (line.code !== code) continue;
			quantity += Math.max(0, line.expectedQuantity - (line.receivedQuantity || 0));
			if (expected === null || notice.fields.receiveDate < expected)
				expected = notice.fields.receiveDate;
		}
	}
	return { quantity, expected };
}

/**
 * @param {import('../../shared/http/router').Router} router
 * @param {SandboxContext} ctx
 */
function registerProductRoutes(router, ctx) {
	router.add('GET', '/api/v1/products', ({ query }) => {
		const paging = readPaging(query);
		const modifiedAfterMs = readModifiedAfter(query);
		const code = query.filter('code');
		const eanCode = query.filter('eanCode');
		/** @param {ProductRecord} p */
		const matches = (p) =>
			(code === undefined || p.code === code) && (eanCode === undefined || p.eanCode === eanCode);
		let rows;
		if (code !== undefined) {
			// One code is one row at most: look it up instead of walking the list.
			const product = ctx.store.products.get(code);
			const visible =
				product &&
				matches(product) &&
				(modifiedAfterMs === undefined || product.modifiedMs > modifiedAfterMs);
			rows = visible && paging.offset === 0 ? [product] : [];
		} else {
			rows = ctx.store.products.page({
				modifiedAfterMs,
				matches: eanCode === undefined ? undefined : matches,
				offset: paging.offset,
				limit: paging.limit,
			});
		}
		return { status: 200, body: rows.map((p) => productReply(ctx, p)) };
	});

	router.add('POST', '/api/v1/products', ({ body }) => {
		const product = insertProduct(ctx, validateNewProduct(ctx, body));
		return { status: 201, body: productReply(ctx, product) };
	});

	router.add('PUT', '/api/v1/products/{code}', ({ params, query, body }) => {
		const product = updateProduct(ctx, pathKey(params.code, query, 'product code'), body);
		return { status: 200, body: productReply(ctx, product) };
	});
}

module.exports = {
	registerProductRoutes,
	validateNewProduct,
	insertProduct,
	updateProduct,
	productReply,
	PRODUCT_FIELDS,
};
