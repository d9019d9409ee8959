// @ts-check
'use strict';

const { GraphQLError } = require('graphql');

const { gid, parseGid } = require('../ids');
const { connection } = require('./connection');
const { fulfillmentOrdersOf } = require('../orders');
const { compileSearch } = require('./searchQuery');

/**
 * GraphQL views of the shop's REST objects. `graphql`'s default resolver reads a property or calls
 * a method (with the field's arguments), so each type is a small class over the stored object.
 */

/** @typedef {import('../shop').Shop} Shop */
/** @typedef {Record<string, any>} Obj */

/** The inventory quantity names Shopify knows; the fake keeps only `available` (and on_hand = available). */
const QUANTITY_NAMES = new Set([
	'available',
	'on_hand',
	'committed',
	'incoming',
	'reserved',
	'damaged',
	'safety_stock',
	'quality_control',
]);

/**
 * @param {unknown} value
 * @param {string} type
 * @param {string} argument
 */
function requireGid(value, type, argument) {
	const id = parseGid(value, type);
	if (id === null)
		throw new GraphQLError(`Invalid global id '${String(value)}' for ${argument}`, {
			extensions: { code: 'BAD_REQUEST' },
		});
	return id;
}

/**
 * The order a fulfillment or fulfillment order belongs to (always there: orders delete theirs).
 * @param {Shop} shop
 * @param {number} orderId
 */
function orderNode(shop, orderId) {
	const order = shop.orders.get(orderId);
	if (!order) throw new GraphQLError(`Order ${orderId} no longer exists.`);
	return new OrderNode(shop, order);
}

class LocationNode {
	/** @param {{ id: number, name: string, active: boolean }} location */
	constructor(location) {
		this.location = location;
		this.id = gid('Location', location.id);
		this.legacyResourceId = String(location.id);
		this.name = location.name;
		this.isActive = location.active;
	}
}

class ProductNode {
	/** @param {Shop} shop @param {Obj} product */
	constructor(shop, product) {
		this.shop = shop;
		this.product = product;
		this.id = product.admin_graphql_api_id;
		this.legacyResourceId = String(product.id);
		this.title = product.title;
		this.handle = product.handle;
		this.status = String(product.status).toUpperCase();
		this.vendor = product.vendor;
		this.productType = product.product_type;
		this.descriptionHtml = product.body_html ?? '';
		this.tags = product.tags
			? String(product.tags)
					.split(',')
					.map((t) => t.trim())
					.filter(Boolean)
			: [];
		this.createdAt = product.created_at;
		this.updatedAt = product.updated_at;
		/** The fake keeps no pictures. */
		this.featuredMedia = null;
	}

	get totalInventory() {
		return this.product.variants.reduce(
			(/** @type {number} */ sum, /** @type {Obj} */ v) => sum + v.inventory_quantity,
			0,
		);
	}

	/** @param {import('./connection').PageArgs} args */
	variants(args) {
		return connection(
			this.product.variants,
			args,
			(variant) => new VariantNode(this.shop, variant, this.product),
		);
	}
}

class VariantNode {
	/** @param {Shop} shop @param {Obj} variant @param {Obj} product */
	constructor(shop, variant, product) {
		this.shop = shop;
		this.variant = variant;
		this.productObject = product;
		this.id = variant.admin_graphql_api_id;
		this.legacyResourceId = String(variant.id);
		this.title = variant.title;
		this.displayName = `${product.title} - ${variant.title}`;
		this.sku = variant.sku || null;
		this.barcode = variant.barcode;
		this.price = variant.price;
		this.inventoryQuantity = variant.inventory_quantity;
		this.createdAt = variant.created_at;
		this.updatedAt = variant.updated_at;
	}

	inventoryItem() {
		const item = this.shop.inventoryItems.get(this.variant.inventory_item_id);
		return item ? new InventoryItemNode(this.shop, item) : null;
	}

	/** The fake keeps no pictures. @param {import('./connection').PageArgs} args */
	media(args) {
		return connection([], args, (media) => media);
	}

	product() {
		return new ProductNode(this.shop, this.productObject);
	}
}

class InventoryItemNode {
	/** @param {Shop} shop @param {import('../shop').InventoryItem} item */
	constructor(shop, item) {
		this.shop = shop;
		this.item = item;
		this.id = gid('InventoryItem', item.id);
		this.legacyResourceId = String(item.id);
		this.tracked = true;
	}

	get sku() {
		return this.shop.variants.get(this.item.variantId)?.variant.sku || null;
	}

	get requiresShipping() {
		return this.shop.variants.get(this.item.variantId)?.variant.requires_shipping !== false;
	}

	variant() {
		const entry = this.shop.variants.get(this.item.variantId);
		return entry ? new VariantNode(this.shop, entry.variant, entry.product) : null;
	}

	/** @param {{ locationId: string }} args */
	inventoryLevel({ locationId }) {
		const id = requireGid(locationId, 'Location', 'locationId');
		const location = this.shop.locations.find((l) => l.id === id);
		return location && this.item.levels.has(id)
			? new InventoryLevelNode(this.shop, this.item, location)
			: null;
	}

	/** @param {import('./connection').PageArgs} args */
	inventoryLevels(args) {
		const stocked = this.shop.locations.filter((l) => this.item.levels.has(l.id));
		return connection(
			stocked,
			args,
			(location) => new InventoryLevelNode(this.shop, this.item, location),
		);
	}
}

class InventoryLevelNode {
	/** @param {Shop} shop @param {import('../shop').InventoryItem} item @param {{ id: number, name: string, active: boolean }} location */
	constructor(shop, item, location) {
		this.shop = shop;
		this.itemObject = item;
		this.locationObject = location;
		this.id = `gid://shopify/InventoryLevel/${location.id}?inventory_item_id=${item.id}`;
		this.updatedAt = item.updatedAt;
	}

	location() {
		return new LocationNode(this.locationObject);
	}

	item() {
		return new InventoryItemNode(this.shop, this.itemObject);
	}

	/** @param {{ names: string[] }} args */
	quantities({ names }) {
		const available = this.itemObject.levels.get(this.locationObject.id) ?? 0;
		return names.map((name) => {
			if (!QUANTITY_NAMES.has(name))
				throw new GraphQLError(`The quantity name '${name}' is not valid.`, {
					extensions: { code: 'BAD_REQUEST' },
				});
			const quantity = name === 'available' || name === 'on_hand' ? available : 0;
			return {
				id: `gid://shopify/InventoryQuantity/${this.locationObject.id}?inventory_item_id=${this.itemObject.id}&name=${name}`,
				name,
				quantity,
				updatedAt: this.itemObject.updatedAt,
			};
		});
	}
}

/** REST financial_status → GraphQL displayFinancialStatus */
const FINANCIAL = /** @type {Record<string, string>} */ ({
	authorized: 'AUTHORIZED',
	paid: 'PAID',
	partially_paid: 'PARTIALLY_PAID',
	partially_refunded: 'PARTIALLY_REFUNDED',
	pending: 'PENDING',
	refunded: 'REFUNDED',
	voided: 'VOIDED',
	expired: 'EXPIRED',
});

/** REST fulfillment_status → GraphQL displayFulfillmentStatus */
const FULFILLMENT = /** @type {Record<string, string>} */ ({
	fulfilled: 'FULFILLED',
	partial: 'PARTIALLY_FULFILLED',
});

class OrderNode {
	/** @param {Shop} shop @param {Obj} order */
	constructor(shop, order) {
		this.shop = shop;
		this.order = order;
		this.id = order.admin_graphql_api_id;
		this.legacyResourceId = String(order.id);
		this.name = order.name;
		this.email = order.email;
		this.note = order.note;
		this.createdAt = order.created_at;
		this.updatedAt = order.updated_at;
		this.cancelledAt = order.cancelled_at;
		this.closed = Boolean(order.closed_at);
		this.displayFinancialStatus = FINANCIAL[order.financial_status] ?? null;
		this.displayFulfillmentStatus = FULFILLMENT[order.fulfillment_status] ?? 'UNFULFILLED';
	}

	/** @param {import('./connection').PageArgs} args */
	lineItems(args) {
		return connection(this.order.line_items, args, (line) => new LineItemNode(this.shop, line));
	}

	/** @param {import('./connection').PageArgs & { query?: string | null }} args */
	fulfillmentOrders(args) {
		const search = compileSearch(
			args.query,
			{ status: (fo) => fo.status, id: (fo) => fo.id },
			'status',
		);
		const rows = fulfillmentOrdersOf(this.shop, this.order.id).filter(search.test);
		return connection(rows, args, (fo) => new FulfillmentOrderNode(this.shop, fo));
	}

	/** @param {{ first?: number | null }} args */
	fulfillments({ first }) {
		const all = [...this.shop.fulfillments.values()].filter((f) => f.orderId === this.order.id);
		return all.slice(0, first ?? all.length).map((f) => new FulfillmentNode(this.shop, f));
	}
}

class LineItemNode {
	/** @param {Shop} shop @param {Obj} line */
	constructor(shop, line) {
		this.shop = shop;
		this.line = line;
		this.id = line.admin_graphql_api_id;
		this.name = line.name;
		this.title = line.title;
		this.sku = line.sku;
		this.quantity = line.quantity;
		this.currentQuantity = line.current_quantity;
		this.unfulfilledQuantity = line.fulfillable_quantity;
	}

	variant() {
		const entry = this.line.variant_id ? this.shop.variants.get(this.line.variant_id) : undefined;
		return entry ? new VariantNode(this.shop, entry.variant, entry.product) : null;
	}
}

class FulfillmentOrderNode {
	/** @param {Shop} shop @param {import('../shop').FulfillmentOrder} fo */
	constructor(shop, fo) {
		this.shop = shop;
		this.fo = fo;
		this.id = gid('FulfillmentOrder', fo.id);
		this.status = fo.status;
		this.requestStatus = 'UNSUBMITTED';
		this.createdAt = fo.createdAt;
		this.updatedAt = fo.updatedAt;
	}

	assignedLocation() {
		const location = this.shop.locations.find((l) => l.id === this.fo.locationId);
		return { name: location?.name ?? '', location: location ? new LocationNode(location) : null };
	}

	order() {
		return orderNode(this.shop, this.fo.orderId);
	}

	/** @param {import('./connection').PageArgs} args */
	lineItems(args) {
		const order = this.shop.orders.get(this.fo.orderId);
		return connection(this.fo.lineItems, args, (line) => ({
			id: gid('FulfillmentOrderLineItem', line.id),
			totalQuantity: line.totalQuantity,
			remainingQuantity: line.remainingQuantity,
			sku: order?.line_items.find((/** @type {Obj} */ l) => l.id === line.lineItemId)?.sku ?? null,
			lineItem: () =>
				new LineItemNode(
					this.shop,
					order?.line_items.find((/** @type {Obj} */ l) => l.id === line.lineItemId),
				),
		}));
	}
}

class FulfillmentNode {
	/** @param {Shop} shop @param {Obj} fulfillment */
	constructor(shop, fulfillment) {
		this.shop = shop;
		this.fulfillment = fulfillment;
		this.id = gid('Fulfillment', fulfillment.id);
		this.legacyResourceId = String(fulfillment.id);
		this.name = fulfillment.name;
		this.status = fulfillment.status;
		this.createdAt = fulfillment.createdAt;
	}

	/** @param {{ first?: number | null }} args */
	trackingInfo({ first }) {
		const all = this.fulfillment.trackingInfo;
		return all.slice(0, first ?? all.length);
	}

	order() {
		return orderNode(this.shop, this.fulfillment.orderId);
	}
}

module.exports = {
	LocationNode,
	ProductNode,
	VariantNode,
	InventoryItemNode,
	OrderNode,
	FulfillmentOrderNode,
	FulfillmentNode,
	requireGid,
	QUANTITY_NAMES,
};
