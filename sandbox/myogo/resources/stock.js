// @ts-check
'use strict';

const { readFields, wholeNumber } = require('../validation');
const { notFound } = require('../../shared/http/errors');
const { readPaging, readModifiedAfter } = require('../paging');
const { toIso } = require('../timestamps');

/**
 * Stock — `GET /api/v1/stock`: one row per product. Only the warehouse
 * changes stock (in the sandbox: the control API and seeding). A change moves
 * the row's `modified`, not the product's `editTime`, and sends a
 * ProductStockLevelChanged delivery (contract assumptions).
 */

/** @typedef {import('../types').SandboxContext} SandboxContext */
/** @typedef {import('../store').StockRecord} StockRecord */

const LEVEL = (/** @type {string} */ what) => ({
	read: wholeNumber({ min: 0, describe: `${what} as a whole number from 0 up` }),
});

/** @type {import('../validation').FieldSpec} */
const STOCK_LEVEL_FIELDS = {
	stockAvailable: { required: true, ...LEVEL('the units that can still be sold') },
	stock: LEVEL('the physical units'),
	reserved: LEVEL('the units held for orders'),
};

/**
 * Validates a warehouse count `{ stockAvailable, stock?, reserved? }` for a
 * known product, without storing it.
 * @param {SandboxContext} ctx
 * @param {string} code
 * @param {unknown} body
 * @param {string} [prefix]
 */
function validateStockLevels(ctx, code, body, prefix = '') {
	const row = ctx.store.stock.get(code);
	if (!row) throw notFound(`No product with the code '${code}' exists.`);
	const levels = readFields(body, STOCK_LEVEL_FIELDS, { prefix });
	// Omitted `reserved` keeps its value; omitted `stock` is what is available plus what is held.
	const reserved = levels.reserved ?? row.reserved;
	const stock = levels.stock ?? levels.stockAvailable + reserved;
	return { stockAvailable: levels.stockAvailable, reserved, stock };
}

/**
 * Stores a validated count and tells webhook subscribers.
 * @param {SandboxContext} ctx
 * @param {string} code
 * @param {{ stockAvailable: number, reserved: number, stock: number }} levels
 * @param {{ notify?: boolean }} [options]
 */
function applyStockLevels(ctx, code, levels, { notify = true } = {}) {
	const row = /** @type {StockRecord} */ (ctx.store.stock.get(code));
	/** @type {StockRecord} */
	const updated = { ...row, ...levels, modifiedMs: ctx.clock.now() };
	ctx.store.stock.put(code, updated);
	if (notify)
		ctx.webhookDelivery.emit('ProductStockLevelChanged', { stock: [stockReply(updated)] });
	return updated;
}

/** @param {StockRecord} row */
function stockReply(row) {
	return {
		productCode: row.productCode,
		stock: row.stock,
		stockAvailable: row.stockAvailable,
		reserved: row.reserved,
		modified: toIso(row.modifiedMs),
	};
}

/**
 * @param {import('../../shared/http/router').Router} router
 * @param {SandboxContext} ctx
 */
function registerStockRoutes(router, ctx) {
	router.add('GET', '/api/v1/stock', ({ query }) => {
		const paging = readPaging(query);
		const modifiedAfterMs = readModifiedAfter(query);
		const productCode = query.filter('productCode');
		let rows;
		if (productCode !== undefined) {
			const row = ctx.store.stock.get(productCode);
			const visible = row && (modifiedAfterMs === undefined || row.modifiedMs > modifiedAfterMs);
			rows = visible && paging.offset === 0 ? [row] : [];
		} else {
			rows = ctx.store.stock.page({ modifiedAfterMs, offset: paging.offset, limit: paging.limit });
		}
		return { status: 200, body: rows.map(stockReply) };
	});
}

module.exports = { registerStockRoutes, validateStockLevels, applyStockLevels, stockReply };
