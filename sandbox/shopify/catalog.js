// @ts-check
'use strict';

const { gid } = require('./ids');
const { unprocessable, notFound } = require('./errors');

/**
 * Products, their variants, inventory items and inventory levels, kept as Shopify's REST objects
 * (the GraphQL resolvers read the same objects). An inventory item is stocked at every location
 * unless seeding says otherwise (`inventory_locations`); seeded stock lands at the first one.
 */

/** @typedef {Record<string, any>} Obj */
/** @typedef {import('./shop').Shop} Shop */

/**
 * Shopify's timestamp form (ISO 8601 with an offset, no milliseconds).
 * @param {Date} [date]
 */
function shopifyTime(date = new Date()) {
	return date.toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** @param {unknown} value */
function money(value) {
	const number = Number(value ?? 0);
	return (Number.isFinite(number) ? number : 0).toFixed(2);
}

/** @param {string} title */
function handleOf(title) {
	return (
		String(title)
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '') || 'product'
	);
}

/**
 * Adds a product from a REST-shaped input (`{ title, variants: [{ sku, price, … }], … }`).
 * @param {Shop} shop
 * @param {Obj} input
 * @param {{ stock?: boolean }} [options] stock: take `inventory_quantity` as the stock at the first
 *   location (seeding and the control API; the REST API treats it as read-only, as Shopify does)
 */
function createProduct(shop, input, { stock = false } = {}) {
	if (!input || typeof input !== 'object')
		throw unprocessable({ product: ['Required parameter missing or invalid'] });
	if (!input.title || typeof input.title !== 'string')
		throw unprocessable({ title: ["can't be blank"] });
	const id = shop.newId();
	const now = shopifyTime();
	const created = input.created_at ?? now;
	/** @type {Obj} */
	const product = {
		id,
		title: input.title,
		body_html: input.body_html ?? '',
		vendor: input.vendor ?? 'Fake Shop',
		product_type: input.product_type ?? '',
		created_at: created,
		handle: input.handle ?? uniqueHandle(shop, handleOf(input.title)),
		updated_at: input.updated_at ?? created,
		published_at: created,
		template_suffix: null,
		published_scope: 'web',
		tags: Array.isArray(input.tags) ? input.tags.join(', ') : (input.tags ?? ''),
		status: input.status ?? 'active',
		admin_graphql_api_id: gid('Product', id),
		variants: [],
		options: [
			{
				id: shop.newId(),
				product_id: id,
				name: 'Title',
				position: 1,
				values: /** @type {string[]} */ ([]),
			},
		],
		images: [],
		image: null,
	};
	shop.products.set(id, product);
	const variants = Array.isArray(input.variants) && input.variants.length ? input.variants : [{}];
	for (const variantInput of variants) addVariant(shop, product, variantInput, stock);
	refreshOptions(product);
	return product;
}

/**
 * @param {Shop} shop
 * @param {string} base
 */
function uniqueHandle(shop, base) {
	let handle = base;
	for (let n = 1; shop.handles.has(handle); n++) handle = `${base}-${n}`;
	shop.handles.add(handle);
	return handle;
}

/** @param {Obj} product */
function refreshOptions(product) {
	product.options[0].values = [
		...new Set(product.variants.map((/** @type {Obj} */ v) => v.option1)),
	];
}

/**
 * @param {Shop} shop
 * @param {Obj} product
 * @param {Obj} input
 * @param {boolean} stock
 */
function addVariant(shop, product, input, stock) {
	const id = shop.newId();
	const inventoryItemId = shop.newId();
	const title =
		input.title ??
		input.option1 ??
		(product.variants.length ? `Variant ${product.variants.length + 1}` : 'Default Title');
	const weight = Number(input.weight ?? 0);
	const weightUnit = input.weight_unit ?? 'kg';
	/** @type {Obj} */
	const variant = {
		id,
		product_id: product.id,
		title,
		price: money(input.price),
		position: product.variants.length + 1,
		inventory_policy: input.inventory_policy ?? 'deny',
		compare_at_price: input.compare_at_price ?? null,
		option1: input.option1 ?? title,
		option2: input.option2 ?? null,
		option3: input.option3 ?? null,
		created_at: product.created_at,
		updated_at: product.updated_at,
		taxable: input.taxable ?? true,
		barcode: input.barcode ?? null,
		fulfillment_service: 'manual',
		grams:
			input.grams ??
			Math.round(
				weight *
					(weightUnit === 'g'
						? 1
						: weightUnit === 'lb'
							? 453.592
							: weightUnit === 'oz'
								? 28.3495
								: 1000),
			),
		inventory_management:
			input.inventory_management === undefined ? 'shopify' : input.inventory_management,
		requires_shipping: input.requires_shipping ?? true,
		sku: input.sku ?? '',
		weight,
		weight_unit: weightUnit,
		inventory_item_id: inventoryItemId,
		inventory_quantity: 0,
		old_inventory_quantity: 0,
		admin_graphql_api_id: gid('ProductVariant', id),
		image_id: null,
	};
	product.variants.push(variant);
	shop.variants.set(id, { variant, product });
	indexSku(shop, variant);
	const stocked = stockedLocations(shop, input, stock);
	/** @type {Map<number, number>} location id → available */
	const levels = new Map(stocked.map((locationId) => [locationId, 0]));
	if (stock && input.inventory_quantity !== undefined)
		levels.set(stocked[0], Number(input.inventory_quantity) || 0);
	shop.inventoryItems.set(inventoryItemId, {
		id: inventoryItemId,
		variantId: id,
		levels,
		updatedAt: product.created_at,
	});
	syncVariantQuantity(shop, inventoryItemId);
	return variant;
}

/**
 * The locations a new variant is stocked at: every location, or (seeding and the control API
 * only) the location global ids listed in `inventory_locations`, the first of which gets
 * `inventory_quantity`.
 * @param {Shop} shop
 * @param {Obj} input
 * @param {boolean} stock
 * @returns {number[]}
 */
function stockedLocations(shop, input, stock) {
	if (!stock || input.inventory_locations === undefined)
		return shop.locations.map((location) => location.id);
	const wanted = Array.isArray(input.inventory_locations) ? input.inventory_locations : [];
	const ids = wanted.map(
		(locationGid) =>
			shop.locations.find((location) => location.admin_graphql_api_id === locationGid)?.id,
	);
	if (!ids.length || ids.some((id) => id === undefined)) {
		throw unprocessable({
			inventory_locations: [
				`must list location ids such as ${shop.locations[0].admin_graphql_api_id}`,
			],
		});
	}
	return /** @type {number[]} */ (ids);
}

/**
 * @param {Shop} shop
 * @param {Obj} variant
 */
function indexSku(shop, variant) {
	if (!variant.sku) return;
	const key = String(variant.sku).toLowerCase();
	const list = shop.variantsBySku.get(key) ?? [];
	list.push(variant.id);
	shop.variantsBySku.set(key, list);
}

/**
 * @param {Shop} shop
 * @param {Obj} variant
 */
function unindexSku(shop, variant) {
	if (!variant.sku) return;
	const key = String(variant.sku).toLowerCase();
	const list = (shop.variantsBySku.get(key) ?? []).filter((id) => id !== variant.id);
	if (list.length) shop.variantsBySku.set(key, list);
	else shop.variantsBySku.delete(key);
}

/**
 * The variant's `inventory_quantity` is the sum of its available stock over all locations.
 * @param {Shop} shop
 * @param {number} inventoryItemId
 */
function syncVariantQuantity(shop, inventoryItemId) {
	const item = shop.inventoryItems.get(inventoryItemId);
	const entry = item && shop.variants.get(item.variantId);
	if (!item || !entry) return;
	let total = 0;
	for (const available of item.levels.values()) total += available;
	entry.variant.old_inventory_quantity = entry.variant.inventory_quantity;
	entry.variant.inventory_quantity = total;
}

const PRODUCT_FIELDS = [
	'title',
	'body_html',
	'vendor',
	'product_type',
	'status',
	'handle',
	'template_suffix',
	'published_scope',
];
const VARIANT_FIELDS = [
	'title',
	'price',
	'sku',
	'barcode',
	'compare_at_price',
	'option1',
	'option2',
	'option3',
	'weight',
	'weight_unit',
	'grams',
	'taxable',
	'inventory_policy',
	'requires_shipping',
];

/**
 * Shopify's product update: top-level fields change; a `variants` array lists the variants to keep
 * (with `id`) or add (without), and variants left out are removed.
 * @param {Shop} shop
 * @param {Obj} product
 * @param {Obj} changes
 * @param {{ stock?: boolean }} [options]
 */
function updateProduct(shop, product, changes, { stock = false } = {}) {
	if (!changes || typeof changes !== 'object')
		throw unprocessable({ product: ['Required parameter missing or invalid'] });
	if (changes.title !== undefined && !changes.title)
		throw unprocessable({ title: ["can't be blank"] });
	for (const field of PRODUCT_FIELDS)
		if (changes[field] !== undefined) product[field] = changes[field];
	if (changes.tags !== undefined)
		product.tags = Array.isArray(changes.tags) ? changes.tags.join(', ') : String(changes.tags);
	if (Array.isArray(changes.variants)) {
		/** @type {Obj[]} */
		const kept = [];
		for (const input of changes.variants) {
			const existing =
				input.id === undefined
					? undefined
					: product.variants.find((/** @type {Obj} */ v) => v.id === Number(input.id));
			if (input.id !== undefined && !existing) throw notFound();
			if (existing) {
				updateVariant(shop, existing, input, stock);
				kept.push(existing);
			} else {
				kept.push(addVariant(shop, product, input, stock));
			}
		}
		for (const variant of product.variants)
			if (!kept.includes(variant)) removeVariant(shop, variant);
		product.variants = kept;
		kept.forEach((variant, index) => (variant.position = index + 1));
		refreshOptions(product);
	}
	product.updated_at = shopifyTime();
	for (const variant of product.variants) variant.updated_at = product.updated_at;
	return product;
}

/**
 * @param {Shop} shop
 * @param {Obj} variant
 * @param {Obj} input
 * @param {boolean} stock
 */
function updateVariant(shop, variant, input, stock) {
	unindexSku(shop, variant);
	for (const field of VARIANT_FIELDS) if (input[field] !== undefined) variant[field] = input[field];
	if (input.price !== undefined) variant.price = money(input.price);
	indexSku(shop, variant);
	if (stock && input.inventory_quantity !== undefined) {
		const levels = shop.inventoryItems.get(variant.inventory_item_id)?.levels;
		const [firstStocked] = levels?.keys() ?? [];
		if (levels && firstStocked !== undefined)
			levels.set(firstStocked, Number(input.inventory_quantity) || 0);
		syncVariantQuantity(shop, variant.inventory_item_id);
	}
}

/**
 * @param {Shop} shop
 * @param {Obj} variant
 */
function removeVariant(shop, variant) {
	unindexSku(shop, variant);
	shop.variants.delete(variant.id);
	shop.inventoryItems.delete(variant.inventory_item_id);
}

/**
 * @param {Shop} shop
 * @param {Obj} product
 */
function deleteProduct(shop, product) {
	for (const variant of product.variants) removeVariant(shop, variant);
	shop.handles.delete(product.handle);
	shop.products.delete(product.id);
}

/**
 * @param {Shop} shop
 * @param {unknown} id
 */
function productOr404(shop, id) {
	const product = shop.products.get(Number(id));
	if (!product) throw notFound();
	return product;
}

/**
 * Variants whose SKU is exactly this one (Shopify allows repeated SKUs).
 * @param {Shop} shop
 * @param {string} sku
 * @returns {Obj[]}
 */
function variantsWithSku(shop, sku) {
	/** @type {Obj[]} */
	const found = [];
	for (const id of shop.variantsBySku.get(String(sku).toLowerCase()) ?? []) {
		const variant = shop.variants.get(id)?.variant;
		if (variant && variant.sku === sku) found.push(variant);
	}
	return found;
}

/**
 * Sets the available stock of an inventory item at a location.
 * @param {Shop} shop
 * @param {number} inventoryItemId
 * @param {number} locationId
 * @param {number} available
 */
function setAvailable(shop, inventoryItemId, locationId, available) {
	const item = shop.inventoryItems.get(inventoryItemId);
	if (!item) throw notFound();
	item.levels.set(locationId, available);
	item.updatedAt = shopifyTime();
	syncVariantQuantity(shop, inventoryItemId);
}

module.exports = {
	createProduct,
	updateProduct,
	deleteProduct,
	productOr404,
	variantsWithSku,
	setAvailable,
	shopifyTime,
	money,
};
