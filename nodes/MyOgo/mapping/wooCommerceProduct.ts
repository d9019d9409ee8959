/**
 * WooCommerce product → myOGO products, one per SKU.
 *
 * Input: a WooCommerce REST v3 product as n8n's WooCommerce node ("Product →
 * Get / Get Many") and WooCommerce Trigger (`product.created`, `product.updated`)
 * output it.
 *
 * - simple product: one myOGO product from its own `sku`.
 * - variable product: one per variation. n8n's node returns `variations` as ids
 *   only; when an earlier node (HTTP Request to `/products/{id}/variations`) has
 *   replaced them with the variation objects, each is mapped, named
 *   "Product - Option, Option" as WooCommerce itself names variations. With ids
 *   only, the parent is mapped when it has a SKU, and every variation id is
 *   reported as skipped with what to do.
 * - grouped and external products and virtual (non-shipped) products or
 *   variations are reported as skipped: nothing of them is stocked in a warehouse.
 * - eanCode: `global_unique_id` (WooCommerce 9.2+), else a `meta_data` key whose
 *   words include ean / gtin / barcode (`_alg_ean`, `hwp_product_gtin`, `ean_code`…).
 * - salesPrice: `price` (the current, possibly sale, price; currency from the
 *   "Currency Code" option); description: `description` (else
 *   `short_description`) as plain text; group: the first category's name;
 *   infoUrl: `permalink`; pictureUrl: the variation's image, else the first product image.
 */
import type { IDataObject } from 'n8n-workflow';

import { htmlToText } from './html';
import { describeValue } from './MappingError';
import { SkuRegister, productPrice, productSettings, type ProductSettings } from './productCommon';
import type {
	MyOgoProduct,
	ProductMappingOptions,
	ProductMappingResult,
	SkippedVariant,
} from './types';
import { list, object, text } from './values';

// Word-split of meta keys, compiled once.
const KEY_WORDS = /[^a-z0-9]+/;
const EAN_WORDS = new Set([
	'ean',
	'ean8',
	'ean13',
	'gtin',
	'gtin8',
	'gtin12',
	'gtin13',
	'gtin14',
	'barcode',
]);

interface ParentFields {
	name?: string;
	description?: string;
	group?: string;
	infoUrl?: string;
	pictureUrl?: string;
}

export function mapWooCommerceProduct(
	raw: IDataObject,
	options: ProductMappingOptions,
): ProductMappingResult {
	const settings = productSettings(options);
	const name = text(raw.name);
	const label = name ?? `#${text(raw.id) ?? '(no id)'}`;
	const products: MyOgoProduct[] = [];
	const skipped: SkippedVariant[] = [];
	const type = text(raw.type) ?? 'simple';

	if (type === 'grouped') {
		skipped.push({
			variant: label,
			reason: 'grouped product: its member products are mapped on their own',
		});
		return { products, skipped };
	}
	if (type === 'external') {
		skipped.push({ variant: label, reason: 'external (affiliate) product: not sold from stock' });
		return { products, skipped };
	}

	const parent: ParentFields = {
		name,
		description: htmlToText(raw.description) ?? htmlToText(raw.short_description),
		group: text(object(list(raw.categories)[0])?.name),
		infoUrl: text(raw.permalink),
		pictureUrl: text(object(list(raw.images)[0])?.src),
	};
	const register = new SkuRegister();

	if (type !== 'variable') {
		addProduct(raw, parent, label, settings, register, products, skipped);
		return { products, skipped };
	}

	const variations = list(raw.variations);
	let objects = 0;
	for (const entry of variations) {
		const variation = object(entry);
		if (variation === undefined) continue;
		objects++;
		const optionText = optionsOf(variation);
		const variationName =
			optionText !== undefined
				? name === undefined
					? optionText
					: `${name} - ${optionText}`
				: (text(variation.name) ?? name);
		const variationLabel = variationName ?? `#${text(variation.id) ?? '(no id)'}`;
		addProduct(
			variation,
			{
				name: variationName,
				description: htmlToText(variation.description) ?? parent.description,
				group: parent.group,
				infoUrl: text(variation.permalink) ?? parent.infoUrl,
				pictureUrl: text(object(variation.image)?.src) ?? parent.pictureUrl,
			},
			variationLabel,
			settings,
			register,
			products,
			skipped,
		);
	}
	if (objects === 0) {
		if (text(raw.sku) !== undefined)
			addProduct(raw, parent, label, settings, register, products, skipped);
		for (const entry of variations) {
			skipped.push({
				variant: `${label} variation #${text(entry) ?? describeValue(entry)}`,
				reason:
					'variations came as ids only — fetch them (HTTP Request: GET /wp-json/wc/v3/products/{id}/variations) into "variations" to map each one',
			});
		}
		if (variations.length === 0 && text(raw.sku) === undefined) {
			skipped.push({ variant: label, reason: 'variable product without variations or a SKU' });
		}
	}
	return { products, skipped };
}

/** "Blue, Large" from a variation's attributes. */
function optionsOf(variation: IDataObject): string | undefined {
	let options = '';
	for (const entry of list(variation.attributes)) {
		const option = text(object(entry)?.option);
		if (option !== undefined) options = options === '' ? option : `${options}, ${option}`;
	}
	return options === '' ? undefined : options;
}

function addProduct(
	source: IDataObject,
	fields: ParentFields,
	label: string,
	settings: ProductSettings,
	register: SkuRegister,
	products: MyOgoProduct[],
	skipped: SkippedVariant[],
): void {
	const code = text(source.sku);
	if (code === undefined) {
		skipped.push({ variant: label, reason: 'no SKU — give it a SKU in WooCommerce' });
		return;
	}
	if (source.virtual === true) {
		skipped.push({ variant: label, reason: 'virtual product: nothing to ship' });
		return;
	}
	if (!register.claim(code, label, skipped)) return;

	const product: MyOgoProduct = { code, languageCode: settings.languageCode };
	if (fields.name !== undefined) product.name = fields.name;
	if (fields.description !== undefined) product.description = fields.description;
	if (fields.group !== undefined) product.group = fields.group;
	const eanCode = eanOf(source);
	if (eanCode !== undefined) product.eanCode = eanCode;
	const salesPrice = productPrice(source.price, `Product ${describeValue(label)}`, 'WooCommerce');
	if (salesPrice !== undefined) {
		product.salesPrice = salesPrice;
		if (settings.currencyCode !== undefined) product.currencyCode = settings.currencyCode;
	}
	if (fields.infoUrl !== undefined) product.infoUrl = fields.infoUrl;
	if (fields.pictureUrl !== undefined) product.pictureUrl = fields.pictureUrl;
	products.push(product);
}

function eanOf(source: IDataObject): string | undefined {
	const global = text(source.global_unique_id);
	if (global !== undefined) return global;
	for (const entry of list(source.meta_data)) {
		const meta = object(entry);
		const key = text(meta?.key);
		if (key === undefined || meta === undefined) continue;
		const value = text(meta.value);
		if (value === undefined) continue;
		for (const word of key.toLowerCase().split(KEY_WORDS)) {
			if (EAN_WORDS.has(word)) return value;
		}
	}
	return undefined;
}
