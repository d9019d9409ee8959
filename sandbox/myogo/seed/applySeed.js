// @ts-check
'use strict';

const { validateNewProduct, insertProduct } = require('../resources/products');
const { validateStockLevels, applyStockLevels } = require('../resources/stock');
const { validateNewOrder, insertOrder } = require('../resources/orders');
const { validateNewIncomingStock, insertIncomingStock } = require('../resources/incomingStock');
const { badRequest } = require('../../shared/http/errors');
const { isPlainObject } = require('../validation');

/**
 * Bulk insert (`POST /_sandbox/seed`, `--seed`): products, stock levels,
 * orders and incoming stock in one call, validated exactly as the API
 * validates them (errors name the item, e.g. `products[12].hsCode`), so that a
 * benchmark can load 50,000 products in one request instead of 50,000.
 *
 * All or nothing: if any item is refused, nothing of the batch stays.
 * Orders may be seeded in any status and with warehouse fields
 * (trackingNumber, trackingUrl, warehouseComments), so a demo can show
 * shipped orders. Seeded stock levels send webhook deliveries only when the
 * body says `"notify": true`: seeding sets a scene, it is not a warehouse event.
 */

/**
 * @typedef {object} SeedCounts
 * @property {number} products
 * @property {number} stock
 * @property {number} orders
 * @property {number} incomingStock
 */

/**
 * @param {import('../types').SandboxContext} ctx
 * @param {unknown} body `{ products?, stock?, orders?, incomingStock?, notify? }`
 * @returns {SeedCounts}
 */
function applySeed(ctx, body) {
	if (!isPlainObject(body))
		throw badRequest(
			'The seed must be a JSON object: { products?, stock?, orders?, incomingStock? }.',
		);
	const products = listIn(body, 'products');
	const stock = listIn(body, 'stock');
	const orders = listIn(body, 'orders');
	const incoming = listIn(body, 'incomingStock');
	const notify = body.notify === true;

	/** @type {Set<string>} */
	const newCodes = new Set();
	const productFields = products.map((p, i) => {
		const fields = validateNewProduct(ctx, p, `products[${i}]`, newCodes);
		newCodes.add(fields.code);
		return fields;
	});
	for (const fields of productFields) insertProduct(ctx, fields);

	try {
		const levels = stock.map((entry, i) => {
			const prefix = `stock[${i}]`;
			if (!isPlainObject(entry)) throw badRequest(`The field '${prefix}' must be a JSON object.`);
			const code = entry.code ?? entry.productCode;
			if (typeof code !== 'string' || !ctx.store.stock.has(code)) {
				throw badRequest(`The field '${prefix}.code' must name a known product.`);
			}
			return { code, levels: validateStockLevels(ctx, code, entry, prefix) };
		});
		/** @type {Set<string>} */
		const newReferences = new Set();
		const orderValues = orders.map((o, i) => {
			const validated = validateNewOrder(ctx, o, {
				prefix: `orders[${i}]`,
				alsoTaken: newReferences,
				anyStatus: true,
			});
			newReferences.add(validated.fields.reference);
			return validated;
		});
		/** @type {Set<string>} */
		const newIncoming = new Set();
		const incomingValues = incoming.map((n, i) => {
			const fields = validateNewIncomingStock(ctx, n, {
				prefix: `incomingStock[${i}]`,
				alsoTaken: newIncoming,
			});
			newIncoming.add(fields.reference);
			return fields;
		});

		for (const { code, levels: l } of levels) applyStockLevels(ctx, code, l, { notify });
		for (const validated of orderValues) insertOrder(ctx, validated);
		for (const fields of incomingValues) insertIncomingStock(ctx, fields);
	} catch (error) {
		// Take back the products this batch added, so a refused seed leaves nothing behind.
		for (const code of newCodes) {
			ctx.store.products.delete(code);
			ctx.store.stock.delete(code);
		}
		throw error;
	}
	return {
		products: products.length,
		stock: stock.length,
		orders: orders.length,
		incomingStock: incoming.length,
	};
}

/**
 * @param {Record<string, unknown>} body
 * @param {string} name
 * @returns {unknown[]}
 */
function listIn(body, name) {
	const value = body[name];
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) throw badRequest(`The field '${name}' must be a list.`);
	return value;
}

module.exports = { applySeed };
