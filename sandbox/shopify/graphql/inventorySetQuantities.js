// @ts-check
'use strict';

const { GraphQLError } = require('graphql');

const { gid, parseGid } = require('../ids');
const { setAvailable, shopifyTime } = require('../catalog');
const { InventoryItemNode, LocationNode } = require('./nodes');

/**
 * `inventorySetQuantities`: sets absolute `available` quantities, up to 250 per call. Every
 * quantity is checked first; if any fails, nothing changes and `userErrors` says which (field
 * paths like ["input", "quantities", "3", "inventoryItemId"]), as Shopify answers.
 * As from 2026-04, every quantity must name `changeFromQuantity` (a missing one is a top-level error
 * and nothing changes): `null` skips the check, a number must equal the current quantity or the
 * quantity is refused with CHANGE_FROM_QUANTITY_STALE (Shopify's compare-and-swap guard against
 * lost updates). The `@idempotent` key is handled by idempotency.js around this function.
 */

/** @typedef {import('../context').FakeContext} FakeContext */

/**
 * What Shopify sends to subscribers after an inventory write (sandbox/README.md, "Webhooks on an
 * inventory write"): one `inventory_levels/update` per level written, then one `products/update`
 * per product whose variants' stock changed (the product as it is after the write, with the new
 * `inventory_quantity`), because a store template subscribed to `products/update` receives those too.
 * @param {FakeContext} ctx
 * @param {{ itemId: number, locationId: number, delta: number, quantityAfterChange: number }[]} changes
 * @param {string} updatedAt
 */
function announceInventoryWrite(ctx, changes, updatedAt) {
	/** @type {Map<number, Record<string, any>>} */
	const changedProducts = new Map();
	for (const change of changes) {
		ctx.fire('inventory_levels/update', {
			inventory_item_id: change.itemId,
			location_id: change.locationId,
			available: change.quantityAfterChange,
			updated_at: updatedAt,
			admin_graphql_api_id: `gid://shopify/InventoryLevel/${change.locationId}?inventory_item_id=${change.itemId}`,
		});
		if (change.delta === 0) continue;
		const variantId = ctx.shop.inventoryItems.get(change.itemId)?.variantId;
		const product = variantId === undefined ? undefined : ctx.shop.variants.get(variantId)?.product;
		if (product) changedProducts.set(product.id, product);
	}
	for (const product of changedProducts.values()) ctx.fire('products/update', product);
}

const MAX_QUANTITIES = 250;
const MAX_QUANTITY = 1_000_000_000;
/** The reasons Shopify accepts for a quantity change. */
const REASONS = new Set([
	'correction',
	'cycle_count_available',
	'damaged',
	'movement_canceled',
	'movement_created',
	'movement_received',
	'movement_updated',
	'other',
	'promotion',
	'quality_control',
	'received',
	'reservation_created',
	'reservation_deleted',
	'reservation_updated',
	'restock',
	'safety_stock',
	'shrinkage',
]);

/**
 * @typedef {object} QuantityInput
 * @property {string} inventoryItemId
 * @property {string} locationId
 * @property {number} quantity
 * @property {number | null} [changeFromQuantity]
 */

/**
 * @param {FakeContext} ctx
 * @param {{ input: { name: string, reason: string, referenceDocumentUri?: string | null, quantities: QuantityInput[] } }} args
 */
function inventorySetQuantities(ctx, { input }) {
	const shop = ctx.shop;
	const unnamed = input.quantities.findIndex(
		(q) => !Object.prototype.hasOwnProperty.call(q, 'changeFromQuantity'),
	);
	if (unnamed >= 0) {
		throw new GraphQLError(
			`input.quantities.${unnamed}.changeFromQuantity is required: pass the quantity you expect to change from, or null to skip the check.`,
			{ extensions: { code: 'BAD_REQUEST' } },
		);
	}
	/** @type {{ field: string[], message: string, code: string | null }[]} */
	const userErrors = [];
	if (input.name !== 'available' && input.name !== 'on_hand') {
		userErrors.push({
			field: ['input', 'name'],
			message: "The quantity name must be either 'available' or 'on_hand'.",
			code: 'INVALID_NAME',
		});
	}
	if (!REASONS.has(input.reason))
		userErrors.push({
			field: ['input', 'reason'],
			message: 'The specified reason is invalid.',
			code: 'INVALID_REASON',
		});
	if (input.quantities.length > MAX_QUANTITIES) {
		userErrors.push({
			field: ['input', 'quantities'],
			message: `The input array size of ${input.quantities.length} is greater than the maximum allowed of ${MAX_QUANTITIES}.`,
			code: null,
		});
	}
	/** @type {{ itemId: number, locationId: number, quantity: number }[]} */
	const valid = [];
	const seen = new Set();
	if (!userErrors.length) {
		input.quantities.forEach((q, index) => {
			const path = ['input', 'quantities', String(index)];
			const itemId = parseGid(q.inventoryItemId, 'InventoryItem');
			const item = itemId === null ? undefined : shop.inventoryItems.get(itemId);
			const locationId = parseGid(q.locationId, 'Location');
			const location = shop.locations.find((l) => l.id === locationId);
			if (!item)
				return userErrors.push({
					field: [...path, 'inventoryItemId'],
					message: 'The specified inventory item could not be found.',
					code: 'INVALID_INVENTORY_ITEM',
				});
			if (!location)
				return userErrors.push({
					field: [...path, 'locationId'],
					message: 'The specified location could not be found.',
					code: 'INVALID_LOCATION',
				});
			if (!item.levels.has(location.id)) {
				return userErrors.push({
					field: [...path, 'locationId'],
					message: 'The specified inventory item is not stocked at the location.',
					code: 'ITEM_NOT_STOCKED_AT_LOCATION',
				});
			}
			const key = `${item.id}/${location.id}`;
			if (seen.has(key)) {
				return userErrors.push({
					field: [...path],
					message: 'The combination of inventoryItemId and locationId must be unique.',
					code: 'NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR',
				});
			}
			seen.add(key);
			if (q.quantity > MAX_QUANTITY)
				return userErrors.push({
					field: [...path, 'quantity'],
					message: "The quantity can't be higher than 1,000,000,000.",
					code: 'INVALID_QUANTITY_TOO_HIGH',
				});
			if (q.quantity < -MAX_QUANTITY)
				return userErrors.push({
					field: [...path, 'quantity'],
					message: "The quantity can't be lower than -1,000,000,000.",
					code: 'INVALID_QUANTITY_TOO_LOW',
				});
			if (q.changeFromQuantity !== null && q.changeFromQuantity !== item.levels.get(location.id)) {
				return userErrors.push({
					field: [...path, 'changeFromQuantity'],
					message: 'The changeFromQuantity value does not match persisted value.',
					code: 'CHANGE_FROM_QUANTITY_STALE',
				});
			}
			valid.push({ itemId: item.id, locationId: location.id, quantity: q.quantity });
			return undefined;
		});
	}
	if (userErrors.length) return { inventoryAdjustmentGroup: null, userErrors };

	const changes = valid.map(({ itemId, locationId, quantity }) => {
		const item = /** @type {import('../shop').InventoryItem} */ (shop.inventoryItems.get(itemId));
		const before = item.levels.get(locationId) ?? 0;
		setAvailable(shop, itemId, locationId, quantity);
		return { itemId, locationId, delta: quantity - before, quantityAfterChange: quantity };
	});
	const group = {
		id: shop.newId(),
		createdAt: shopifyTime(),
		reason: input.reason,
		referenceDocumentUri: input.referenceDocumentUri ?? null,
		changes,
	};
	shop.adjustmentGroups.push(group);
	announceInventoryWrite(ctx, changes, group.createdAt);
	return {
		userErrors: [],
		inventoryAdjustmentGroup: {
			id: gid('InventoryAdjustmentGroup', group.id),
			createdAt: group.createdAt,
			reason: group.reason,
			referenceDocumentUri: group.referenceDocumentUri,
			/** @param {{ inventoryItemIds?: string[] | null, locationIds?: string[] | null, quantityNames?: string[] | null }} filter */
			changes: ({ inventoryItemIds, locationIds, quantityNames }) =>
				changes
					.filter(
						(c) =>
							(!inventoryItemIds || inventoryItemIds.includes(gid('InventoryItem', c.itemId))) &&
							(!locationIds || locationIds.includes(gid('Location', c.locationId))) &&
							(!quantityNames || quantityNames.includes('available')),
					)
					.map((c) => ({
						name: 'available',
						delta: c.delta,
						quantityAfterChange: c.quantityAfterChange,
						item: () => {
							const item = shop.inventoryItems.get(c.itemId);
							return item ? new InventoryItemNode(shop, item) : null;
						},
						location: () => {
							const location = shop.locations.find((l) => l.id === c.locationId);
							return location ? new LocationNode(location) : null;
						},
					})),
		},
	};
}

module.exports = { inventorySetQuantities, MAX_QUANTITIES };
