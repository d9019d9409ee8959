// @ts-check
'use strict';

const { connection } = require('./connection');
const { compileSearch } = require('./searchQuery');
const {
	LocationNode,
	ProductNode,
	VariantNode,
	InventoryItemNode,
	OrderNode,
	FulfillmentOrderNode,
	requireGid,
} = require('./nodes');

/**
 * The root query fields. Every connection takes Shopify's `query` search syntax; its warnings
 * land in `extensions.search` (see execute.js). SKU searches use the shop's SKU index, so looking
 * up 250 SKUs in a 10,000-variant catalog stays cheap.
 */

/** @typedef {import('../context').FakeContext} FakeContext */
/** @typedef {import('../shop').Shop} Shop */
/** @typedef {Record<string, any>} Obj */
/** @typedef {{ searchWarnings: { query: string, warnings: { field: string, message: string }[] }[] }} RequestState */

/**
 * @template T
 * @param {RequestState} state
 * @param {string | null | undefined} query
 * @param {import('./searchQuery').CompiledSearch<T>} search
 */
function noteWarnings(state, query, search) {
	if (query && search.warnings.length)
		state.searchWarnings.push({ query, warnings: search.warnings });
}

/**
 * Variants matching a search; `sku:A OR sku:B …` reads the SKU index instead of scanning.
 * @param {Shop} shop
 * @param {import('./searchQuery').CompiledSearch<Obj>} search
 */
function variantRows(shop, search) {
	if (search.exact?.field === 'sku') {
		const ids = search.exact.values.flatMap((sku) => shop.variantsBySku.get(sku) ?? []);
		return [...new Set(ids)]
			.sort((a, b) => a - b)
			.map((id) => /** @type {{ variant: Obj }} */ (shop.variants.get(id)).variant);
	}
	return [...shop.variants.values()].map((entry) => entry.variant).filter(search.test);
}

/** @type {import('./searchQuery').SearchFields<Obj>} */
const VARIANT_FIELDS = {
	sku: (v) => v.sku,
	barcode: (v) => v.barcode,
	title: (v) => v.title,
	id: (v) => v.id,
	product_id: (v) => v.product_id,
};

/**
 * @param {FakeContext} ctx
 * @param {RequestState} state
 */
function createQueryRoot(ctx, state) {
	const shop = ctx.shop;
	/** @param {Obj} variant */
	const variantNode = (variant) => {
		const found = /** @type {{ variant: Obj, product: Obj }} */ (shop.variants.get(variant.id));
		return new VariantNode(shop, found.variant, found.product);
	};
	return {
		/** @param {{ id?: string | null }} args */
		location: ({ id }) => {
			const location = id
				? shop.locations.find((l) => l.id === requireGid(id, 'Location', 'id'))
				: shop.locations[0];
			return location ? new LocationNode(location) : null;
		},
		/** @param {import('./connection').PageArgs & { query?: string }} args */
		locations: (args) => {
			const search = compileSearch(args.query, { name: (l) => l.name, id: (l) => l.id }, 'name');
			noteWarnings(state, args.query, search);
			return connection(shop.locations.filter(search.test), args, (l) => new LocationNode(l));
		},
		/** @param {{ id: string }} args */
		product: ({ id }) => {
			const product = shop.products.get(requireGid(id, 'Product', 'id'));
			return product ? new ProductNode(shop, product) : null;
		},
		/** @param {import('./connection').PageArgs & { query?: string }} args */
		products: (args) => {
			const search = compileSearch(
				args.query,
				{
					title: (p) => p.title,
					handle: (p) => p.handle,
					status: (p) => p.status,
					vendor: (p) => p.vendor,
					product_type: (p) => p.product_type,
					id: (p) => p.id,
					sku: (p) => p.variants.map((/** @type {Obj} */ v) => v.sku),
					created_at: (p) => p.created_at,
					updated_at: (p) => p.updated_at,
				},
				'title',
			);
			noteWarnings(state, args.query, search);
			return connection(
				[...shop.products.values()].filter(search.test),
				args,
				(p) => new ProductNode(shop, p),
			);
		},
		/** @param {{ id: string }} args */
		productVariant: ({ id }) => {
			const entry = shop.variants.get(requireGid(id, 'ProductVariant', 'id'));
			return entry ? new VariantNode(shop, entry.variant, entry.product) : null;
		},
		/** @param {import('./connection').PageArgs & { query?: string }} args */
		productVariants: (args) => {
			const search = compileSearch(args.query, VARIANT_FIELDS, 'sku');
			noteWarnings(state, args.query, search);
			return connection(variantRows(shop, search), args, variantNode);
		},
		/** @param {{ id: string }} args */
		inventoryItem: ({ id }) => {
			const item = shop.inventoryItems.get(requireGid(id, 'InventoryItem', 'id'));
			return item ? new InventoryItemNode(shop, item) : null;
		},
		/** @param {import('./connection').PageArgs & { query?: string }} args */
		inventoryItems: (args) => {
			const search = compileSearch(args.query, VARIANT_FIELDS, 'sku');
			noteWarnings(state, args.query, search);
			const items = variantRows(shop, search)
				.map(
					(variant) =>
						/** @type {import('../shop').InventoryItem} */ (
							shop.inventoryItems.get(variant.inventory_item_id)
						),
				)
				.sort((a, b) => a.id - b.id);
			return connection(items, args, (item) => new InventoryItemNode(shop, item));
		},
		/** @param {{ id: string }} args */
		order: ({ id }) => {
			const order = shop.orders.get(requireGid(id, 'Order', 'id'));
			return order ? new OrderNode(shop, order) : null;
		},
		/** @param {import('./connection').PageArgs & { query?: string }} args */
		orders: (args) => {
			const search = compileSearch(
				args.query,
				{
					name: (o) => [o.name, String(o.name).replace(/^#/, '')],
					id: (o) => o.id,
					email: (o) => o.email,
					financial_status: (o) => o.financial_status,
					fulfillment_status: (o) => o.fulfillment_status ?? 'unshipped',
					status: (o) => (o.cancelled_at ? 'cancelled' : o.closed_at ? 'closed' : 'open'),
					created_at: (o) => o.created_at,
					updated_at: (o) => o.updated_at,
				},
				'name',
			);
			noteWarnings(state, args.query, search);
			const rows = [...shop.orders.values()].filter(search.test).sort((a, b) => a.id - b.id);
			return connection(rows, args, (o) => new OrderNode(shop, o));
		},
		/** @param {{ id: string }} args */
		fulfillmentOrder: ({ id }) => {
			const fo = shop.fulfillmentOrders.get(requireGid(id, 'FulfillmentOrder', 'id'));
			return fo ? new FulfillmentOrderNode(shop, fo) : null;
		},
	};
}

module.exports = { createQueryRoot };
