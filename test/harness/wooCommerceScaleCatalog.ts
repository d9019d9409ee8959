/**
 * The 10,000-SKU WooCommerce catalog of the scale tests and the stock benchmark: 8,000 simple
 * products and 200 variable products of 10 variations each, every SKU stock-managed at stock 1.
 * myOGO holds the same SKUs as product codes.
 */
import type { IDataObject } from 'n8n-workflow';

export const SIMPLE = 8_000;
export const PARENTS = 200;
export const VARIATIONS_EACH = 10;

export const simpleSku = (i: number) => `S-${String(i).padStart(5, '0')}`;
export const variationSku = (p: number, v: number) => `V-${String(p).padStart(3, '0')}-${v}`;

/** Every SKU: the simple products first, then the variations parent by parent. */
export const scaleCatalogSkus: readonly string[] = [
	...Array.from({ length: SIMPLE }, (_, i) => simpleSku(i)),
	...Array.from({ length: PARENTS * VARIATIONS_EACH }, (_, k) =>
		variationSku(Math.floor(k / VARIATIONS_EACH), k % VARIATIONS_EACH),
	),
];

/** The catalog's products as the WooCommerce fake's `POST /_fake/seed` takes them. */
export function wooCommerceScaleProducts(): IDataObject[] {
	return [
		...Array.from({ length: SIMPLE }, (_, i) => ({
			name: `Product ${i}`,
			sku: simpleSku(i),
			manage_stock: true,
			stock_quantity: 1,
		})),
		...Array.from({ length: PARENTS }, (_, p) => ({
			name: `Variable ${p}`,
			type: 'variable',
			variations: Array.from({ length: VARIATIONS_EACH }, (_, v) => ({
				sku: variationSku(p, v),
				manage_stock: true,
				stock_quantity: 1,
			})),
		})),
	];
}

/** The catalog's SKUs as myOGO products, each with stock 1 (the myOGO sandbox's `POST /_sandbox/seed`). */
export function myOgoScaleCatalog(): { products: IDataObject[]; stock: IDataObject[] } {
	return {
		products: scaleCatalogSkus.map((code) => ({ code, languageCode: 'en', name: code })),
		stock: scaleCatalogSkus.map((code) => ({ code, stockAvailable: 1, reserved: 0 })),
	};
}
