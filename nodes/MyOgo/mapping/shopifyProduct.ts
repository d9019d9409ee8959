/**
 * Shopify product → myOGO products, one per variant SKU.
 *
 * Input: a Shopify REST Admin product as n8n's Shopify node ("Product → Get /
 * Get Many") and Shopify Trigger (`products/create`, `products/update`) output it.
 *
 * - code: the variant `sku`; variants without one are skipped and reported,
 *   as are later variants repeating a SKU and variants that do not require shipping.
 * - name: product `title` + " - " + variant `title`, or the product title alone
 *   for Shopify's single "Default Title" variant.
 * - eanCode: variant `barcode`; salesPrice: variant `price` (currency from the
 *   "Currency Code" option — Shopify products carry none).
 * - description: `body_html` as plain text; supplier: `vendor`; group: `product_type`.
 * - pictureUrl: the variant's image (`image_id`, or an image listing the variant
 *   in `variant_ids`), else the product's main image.
 */
import type { IDataObject } from 'n8n-workflow';

import { htmlToText } from './html';
import { describeValue } from './MappingError';
import { SkuRegister, productPrice, productSettings } from './productCommon';
import type {
	MyOgoProduct,
	ProductMappingOptions,
	ProductMappingResult,
	SkippedVariant,
} from './types';
import { list, object, text } from './values';

const SINGLE_VARIANT_TITLE = 'Default Title';

export function mapShopifyProduct(
	raw: IDataObject,
	options: ProductMappingOptions,
): ProductMappingResult {
	const settings = productSettings(options);
	const title = text(raw.title);
	const productLabel = title !== undefined ? title : `#${text(raw.id) ?? '(no id)'}`;
	const description = htmlToText(raw.body_html);
	const supplier = text(raw.vendor);
	const group = text(raw.product_type);
	const images = list(raw.images);
	const mainImage = text(object(raw.image)?.src) ?? text(object(images[0])?.src);

	const products: MyOgoProduct[] = [];
	const skipped: SkippedVariant[] = [];
	const register = new SkuRegister();
	const variants = list(raw.variants);
	if (variants.length === 0) {
		skipped.push({ variant: productLabel, reason: 'the product has no variants' });
	}

	for (const entry of variants) {
		const variant = object(entry);
		if (variant === undefined) {
			skipped.push({ variant: productLabel, reason: `not a variant (${describeValue(entry)})` });
			continue;
		}
		const variantTitle = text(variant.title);
		const ownTitle =
			variantTitle !== undefined && variantTitle !== SINGLE_VARIANT_TITLE
				? variantTitle
				: undefined;
		const name =
			ownTitle === undefined ? title : title === undefined ? ownTitle : `${title} - ${ownTitle}`;
		const label = name ?? `#${text(variant.id) ?? '(no id)'}`;

		const code = text(variant.sku);
		if (code === undefined) {
			skipped.push({ variant: label, reason: 'no SKU — give the variant a SKU in Shopify' });
			continue;
		}
		if (variant.requires_shipping === false) {
			skipped.push({ variant: label, reason: 'does not require shipping' });
			continue;
		}
		if (!register.claim(code, label, skipped)) continue;

		const product: MyOgoProduct = { code, languageCode: settings.languageCode };
		if (name !== undefined) product.name = name;
		if (description !== undefined) product.description = description;
		if (supplier !== undefined) product.supplier = supplier;
		if (group !== undefined) product.group = group;
		const eanCode = text(variant.barcode);
		if (eanCode !== undefined) product.eanCode = eanCode;
		const salesPrice = productPrice(variant.price, `Product ${describeValue(label)}`, 'Shopify');
		if (salesPrice !== undefined) {
			product.salesPrice = salesPrice;
			if (settings.currencyCode !== undefined) product.currencyCode = settings.currencyCode;
		}
		const pictureUrl = variantImage(variant, images) ?? mainImage;
		if (pictureUrl !== undefined) product.pictureUrl = pictureUrl;
		products.push(product);
	}
	return { products, skipped };
}

function variantImage(variant: IDataObject, images: readonly unknown[]): string | undefined {
	const imageId = variant.image_id;
	const variantId = variant.id;
	if (
		(imageId === undefined || imageId === null) &&
		(variantId === undefined || variantId === null)
	)
		return undefined;
	for (const entry of images) {
		const image = object(entry);
		if (image === undefined) continue;
		if (imageId !== undefined && imageId !== null && image.id === imageId) return text(image.src);
	}
	for (const entry of images) {
		const image = object(entry);
		if (image === undefined || variantId === undefined || variantId === null) continue;
		if (list(image.variant_ids).includes(variantId)) return text(image.src);
	}
	return undefined;
}
