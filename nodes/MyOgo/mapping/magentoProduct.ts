/**
 * Magento 2 product → myOGO product.
 *
 * Input: a Magento 2 REST `catalog/product` (`GET /V1/products/{sku}`, or one entry of
 * `GET /V1/products`) as n8n's Magento 2 node ("Product → Get / Get Many") or an HTTP Request
 * outputs it.
 *
 * - simple products are mapped; a configurable product's children are simple products of their own
 *   (Magento lists them beside the parent), so the configurable parent itself is reported as skipped,
 *   and so are bundle and grouped products (their parts are products of their own) and virtual and
 *   downloadable ones (nothing to ship).
 * - eanCode: the custom attribute whose code is "EAN Attribute Code" (Magento has no EAN field; each
 *   shop adds an attribute such as `ean` or `gtin`).
 * - description: the `description` custom attribute (HTML, as plain text), else `short_description`.
 * - salesPrice: `price` (currency from the "Currency Code" override).
 * - pictureUrl: the media gallery entry marked `image` (the base image), else the first one not
 *   disabled, as "Media Base URL" + its `file` (Magento stores only the path below
 *   `pub/media/catalog/product`). Without a Media Base URL no picture is sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { htmlToText } from './html';
import { describeValue } from './MappingError';
import { productPrice, productSettings } from './productCommon';
import type { MyOgoProduct, ProductMappingOptions, ProductMappingResult } from './types';
import { isTrue, list, object, text } from './values';

const NOT_STOCKED: Record<string, string> = {
	configurable:
		'configurable product: its simple products (one per option) are mapped on their own',
	bundle: 'bundle product: its parts are mapped on their own',
	grouped: 'grouped product: its member products are mapped on their own',
	virtual: 'virtual product: nothing to ship',
	downloadable: 'downloadable product: nothing to ship',
};

export function mapMagentoProduct(
	raw: IDataObject,
	options: ProductMappingOptions,
): ProductMappingResult {
	const settings = productSettings(options);
	const code = text(raw.sku);
	const name = text(raw.name);
	const label = name ?? code ?? `#${text(raw.id) ?? '(no id)'}`;
	const type = text(raw.type_id) ?? 'simple';
	if (NOT_STOCKED[type] !== undefined)
		return { products: [], skipped: [{ variant: label, reason: NOT_STOCKED[type] }] };
	if (code === undefined)
		return {
			products: [],
			skipped: [{ variant: label, reason: 'no SKU — give it a SKU in Magento' }],
		};

	const attribute = (attributeCode: string | undefined) =>
		attributeCode === undefined ? undefined : customAttribute(raw, attributeCode);
	const product: MyOgoProduct = { code, languageCode: settings.languageCode };
	if (name !== undefined) product.name = name;
	const description =
		htmlToText(attribute('description')) ?? htmlToText(attribute('short_description'));
	if (description !== undefined) product.description = description;
	const eanCode = text(attribute(text(options.eanAttribute)));
	if (eanCode !== undefined) product.eanCode = eanCode;
	const salesPrice = productPrice(raw.price, `Product ${describeValue(label)}`, 'Magento');
	if (salesPrice !== undefined) {
		product.salesPrice = salesPrice;
		if (settings.currencyCode !== undefined) product.currencyCode = settings.currencyCode;
	}
	const pictureUrl = pictureOf(raw, text(options.mediaBaseUrl));
	if (pictureUrl !== undefined) product.pictureUrl = pictureUrl;
	return { products: [product], skipped: [] };
}

/** A custom attribute's value (`custom_attributes: [{ attribute_code, value }]`), or a field of that name. */
function customAttribute(raw: IDataObject, attributeCode: string): unknown {
	for (const entry of list(raw.custom_attributes)) {
		const attribute = object(entry);
		if (attribute?.attribute_code === attributeCode) return attribute.value;
	}
	return raw[attributeCode];
}

function pictureOf(raw: IDataObject, mediaBaseUrl: string | undefined): string | undefined {
	if (mediaBaseUrl === undefined) return undefined;
	const entries = list(raw.media_gallery_entries)
		.map(object)
		.filter((entry): entry is IDataObject => entry !== undefined && !isTrue(entry.disabled));
	const base = entries.find((entry) => list(entry.types).includes('image')) ?? entries[0];
	const file = text(base?.file);
	if (file === undefined) return undefined;
	return `${mediaBaseUrl.replace(/\/+$/, '')}/${file.replace(/^\/+/, '')}`;
}
