// @ts-check
'use strict';

/**
 * Products (`catalog/product`) and their stock: multi-source inventory source items
 * (`/V1/inventory/source-items`) and the legacy stock item of the default source
 * (`/V1/stockItems/{sku}`, `PUT /V1/products/{sku}/stockItems/{itemId}`).
 */

const { MagentoError, now } = require('./model');

/** @typedef {Record<string, any>} Obj */

/** `{ description: '…' }` or Magento's `[{ attribute_code, value }]` → Magento's list. @param {unknown} value */
function customAttributes(value) {
	if (Array.isArray(value)) return value;
	return Object.entries(/** @type {Obj} */ (value ?? {})).map(([attribute_code, v]) => ({
		attribute_code,
		value: v,
	}));
}

/** A product's field as a search filter reads it: its own, a custom attribute, or its category ids. @param {Obj} product @param {string} field */
function productField(product, field) {
	if (field === 'category_id')
		return (product.extension_attributes.category_links ?? [])
			.map((/** @type {Obj} */ l) => l.category_id)
			.join(',');
	if (product[field] !== undefined) return product[field];
	return product.custom_attributes.find((/** @type {Obj} */ a) => a.attribute_code === field)
		?.value;
}

/**
 * @param {ReturnType<import('./model').createState>} state @param {() => number} newId
 */
function createCatalog(state, newId) {
	const key = (/** @type {string} */ source, /** @type {string} */ sku) => `${source}\u0000${sku}`;

	/** @param {string} sku */
	function productOr404(sku) {
		const product = state.products.get(sku);
		if (!product)
			throw new MagentoError(
				404,
				"The product that was requested doesn't exist. Verify the product and try again.",
			);
		return product;
	}

	/**
	 * Creates or replaces a product (seed input or the REST `product` object). A configurable's
	 * `children` are created as simple products and linked.
	 * @param {Obj} input
	 */
	function saveProduct(input) {
		if (!input.sku)
			throw new MagentoError(
				400,
				'The "%1" attribute value is empty. Set the attribute and try again.',
				['sku'],
			);
		const existing = state.products.get(input.sku);
		const childIds = (input.children ?? []).map(
			(/** @type {Obj} */ child) => saveProduct(child).id,
		);
		const { children: _children, quantity, category_ids: categoryIds, media, ...fields } = input;
		const time = now();
		/** @type {Obj} */
		const product = {
			id: existing?.id ?? newId(),
			sku: input.sku,
			name: input.name ?? existing?.name ?? input.sku,
			attribute_set_id: 4,
			price: input.price ?? existing?.price ?? 0,
			status: input.status ?? existing?.status ?? 1,
			visibility: input.visibility ?? existing?.visibility ?? 4,
			type_id: input.type_id ?? existing?.type_id ?? (childIds.length ? 'configurable' : 'simple'),
			weight: input.weight ?? existing?.weight,
			created_at: existing?.created_at ?? input.created_at ?? time,
			...fields,
			updated_at: input.updated_at ?? time,
			extension_attributes: {
				website_ids: [1],
				...existing?.extension_attributes,
				...fields.extension_attributes,
			},
			custom_attributes: mergeAttributes(
				existing?.custom_attributes ?? [],
				customAttributes(input.custom_attributes),
			),
			media_gallery_entries:
				input.media_gallery_entries ??
				(media ? mediaEntries(media) : (existing?.media_gallery_entries ?? [])),
		};
		if (categoryIds)
			product.extension_attributes.category_links = categoryIds.map(
				(/** @type {unknown} */ id, /** @type {number} */ position) => ({
					position,
					category_id: String(id),
				}),
			);
		if (childIds.length) product.extension_attributes.configurable_product_links = childIds;
		state.products.set(product.sku, product);
		if (!state.sourceItems.has(key('default', product.sku)) && product.type_id === 'simple')
			setSourceItem({ sku: product.sku, source_code: 'default', quantity: quantity ?? 0 });
		else if (quantity !== undefined)
			setSourceItem({ sku: product.sku, source_code: 'default', quantity });
		return product;
	}

	/** @param {Obj[]} before @param {Obj[]} changes */
	function mergeAttributes(before, changes) {
		const merged = new Map(before.map((a) => [a.attribute_code, a]));
		for (const change of changes) merged.set(change.attribute_code, change);
		return [...merged.values()];
	}

	/** `['/m/u/mug.jpg']` → media gallery entries, the first one the base image. @param {string[]} files */
	function mediaEntries(files) {
		return files.map((file, position) => ({
			id: newId(),
			media_type: 'image',
			label: null,
			position,
			disabled: false,
			types: position === 0 ? ['image', 'small_image', 'thumbnail'] : [],
			file,
		}));
	}

	/** @param {Obj} row */
	function setSourceItem(row) {
		const sku = String(row.sku ?? '');
		const source = String(row.source_code ?? '');
		const quantity = Number(row.quantity);
		if (!state.products.has(sku))
			throw new MagentoError(400, 'Validation Failed', [
				`Product with SKU "${sku}" does not exist.`,
			]);
		if (!state.sources.has(source))
			throw new MagentoError(400, 'Validation Failed', [
				`Source with code "${source}" does not exist.`,
			]);
		if (!Number.isFinite(quantity))
			throw new MagentoError(400, 'Validation Failed', [`"quantity" should be numeric.`]);
		const item = {
			sku,
			source_code: source,
			quantity,
			status: row.status === undefined ? (quantity > 0 ? 1 : 0) : Number(row.status),
		};
		state.sourceItems.set(key(source, sku), item);
		return item;
	}

	/**
	 * `POST /V1/inventory/source-items`: all rows are checked first, then saved (one answer `[]`).
	 * @param {Obj[]} rows
	 */
	function saveSourceItems(rows) {
		const snapshot = new Map(state.sourceItems);
		try {
			for (const row of rows) setSourceItem(row);
		} catch (error) {
			state.sourceItems = snapshot;
			throw error;
		}
		for (const sku of new Set(rows.map((r) => String(r.sku)))) {
			const product = state.products.get(sku);
			if (product) product.updated_at = now();
		}
		return [];
	}

	/** The legacy stock item of the default source. @param {string} sku */
	function stockItem(sku) {
		const product = productOr404(sku);
		const item = state.sourceItems.get(key('default', sku));
		return {
			item_id: product.id,
			product_id: product.id,
			stock_id: 1,
			qty: item?.quantity ?? 0,
			is_in_stock: Boolean(item?.status),
			manage_stock: true,
		};
	}

	/** @param {string} sku @param {Obj} body */
	function updateStockItem(sku, body) {
		const product = productOr404(sku);
		const change = body.stockItem ?? {};
		const current = stockItem(sku);
		setSourceItem({
			sku,
			source_code: 'default',
			quantity: change.qty ?? current.qty,
			status: change.is_in_stock === undefined ? undefined : change.is_in_stock ? 1 : 0,
		});
		product.updated_at = now();
		return product.id;
	}

	return { productOr404, saveProduct, saveSourceItems, stockItem, updateStockItem, key };
}

module.exports = { createCatalog, productField };
