// @ts-check
'use strict';

const { gid } = require('./ids');

/**
 * The fake shop's whole state, in memory. One id counter serves every kind of object, so an id of
 * one kind never names an object of another (a product id sent as a variant id is "Not Found",
 * as it would be at Shopify).
 */

/** @typedef {Record<string, any>} Obj */

/**
 * @typedef {object} InventoryItem
 * @property {number} id
 * @property {number} variantId
 * @property {Map<number, number>} levels location id → available
 * @property {string} updatedAt
 */

/**
 * @typedef {object} FulfillmentOrderLine
 * @property {number} id
 * @property {number} lineItemId
 * @property {number} totalQuantity
 * @property {number} remainingQuantity
 */

/**
 * @typedef {object} FulfillmentOrder
 * @property {number} id
 * @property {number} orderId
 * @property {number} locationId
 * @property {'OPEN' | 'IN_PROGRESS' | 'CLOSED' | 'CANCELLED'} status
 * @property {FulfillmentOrderLine[]} lineItems
 * @property {string} createdAt
 * @property {string} updatedAt
 */

/**
 * @typedef {object} Webhook
 * @property {number} id
 * @property {string} address
 * @property {string} topic
 * @property {string} format
 * @property {string} created_at
 * @property {string} updated_at
 * @property {string[]} fields
 * @property {string[]} metafield_namespaces
 * @property {string} api_version
 * @property {string} admin_graphql_api_id
 */

/** The two locations every shop starts with. */
const LOCATIONS = [
	{ id: 1, name: 'Main Warehouse' },
	{ id: 2, name: 'Store Room' },
];

function createShop() {
	let nextId = 1_000_001;
	return {
		newId: () => nextId++,
		nextOrderNumber: 1001,
		locations: LOCATIONS.map((location) => ({
			...location,
			admin_graphql_api_id: gid('Location', location.id),
			active: true,
		})),
		/** @type {Map<number, Obj>} REST product objects (variants inside) */
		products: new Map(),
		/** @type {Set<string>} */
		handles: new Set(),
		/** @type {Map<number, { variant: Obj, product: Obj }>} */
		variants: new Map(),
		/** @type {Map<string, number[]>} lower-case SKU → variant ids */
		variantsBySku: new Map(),
		/** @type {Map<number, InventoryItem>} */
		inventoryItems: new Map(),
		/** @type {Map<number, Obj>} REST order objects */
		orders: new Map(),
		/** @type {Map<number, FulfillmentOrder>} */
		fulfillmentOrders: new Map(),
		/** @type {Map<number, Obj>} fulfillments as GraphQL shows them: { id, orderId, status, trackingInfo, lineItems, notifyCustomer, createdAt } */
		fulfillments: new Map(),
		/** @type {Map<number, Webhook>} */
		webhooks: new Map(),
		/** @type {Obj[]} inventory adjustment groups made by inventorySetQuantities */
		adjustmentGroups: [],
	};
}

/** @typedef {ReturnType<typeof createShop>} Shop */

module.exports = { createShop, LOCATIONS };
