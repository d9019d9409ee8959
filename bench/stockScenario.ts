/**
 * The stock sync scenario of issue 9, the same as test/templates/wooCommerceStockScale.test.ts:
 * a 10,000-SKU catalog (8,000 simple products + 200 products with 10 variations each), of which
 * 2,000 change stock in myOGO (every 8th simple product = 1,000, and every variation of parents
 * 0–99 = 1,000). The store side is seeded by each store's case.
 */
import type { AxiosInstance } from 'axios';

import {
	myOgoScaleCatalog,
	simpleSku,
	VARIATIONS_EACH,
	variationSku,
	scaleCatalogSkus,
} from '../test/harness/wooCommerceScaleCatalog';

export {
	PARENTS,
	SIMPLE,
	VARIATIONS_EACH,
	simpleSku,
	variationSku,
} from '../test/harness/wooCommerceScaleCatalog';
export const allSkus = scaleCatalogSkus;
export const PAGE = 250;

/** The 2,000 changed SKUs: 1,000 simple products, then 1,000 variations (100 parents × 10). */
export const changedSkus = [
	...Array.from({ length: 1_000 }, (_, i) => simpleSku(i * 8)),
	...Array.from({ length: 1_000 }, (_, k) =>
		variationSku(Math.floor(k / VARIATIONS_EACH), k % VARIATIONS_EACH),
	),
];

/** The new available stock of the i-th changed SKU (as in the scale test; 0–52). */
const level = (i: number) => (i * 7) % 53;
const changedIndex = new Map(changedSkus.map((sku, i) => [sku, i]));
/** The level a changed SKU must hold in the store after the sync. */
export const expectedLevel = (sku: string) => level(changedIndex.get(sku)!);

/**
 * Seeds myOGO with the 10,000 products at stock 1, timestamped an hour ago (frozen sandbox clock),
 * so that a "changed in the last N minutes" read sees only the changes made afterwards.
 */
export async function seedMyOgoCatalog(control: AxiosInstance) {
	await control.post('/reset');
	await control.post('/clock', { now: new Date(Date.now() - 3_600_000).toISOString() });
	await control.post('/seed', myOgoScaleCatalog());
	await control.post('/clock', { now: null });
}

/** The warehouse counts change: `skus` get their new levels (now, real time). */
export async function changeStock(control: AxiosInstance, skus: string[]) {
	await control.post('/seed', {
		stock: skus.map((code) => ({ code, stockAvailable: expectedLevel(code), reserved: 0 })),
	});
}

/** Every `step`-th changed SKU: a subset with the same mix of simple products and variations. */
export function changedSubset(size: number): string[] {
	const step = changedSkus.length / size;
	return changedSkus.filter((_, i) => i % step === 0);
}

/**
 * The fewest myOGO reads for `changed` stock rows: pages of 250, and the page that proves the list
 * ended (myOGO replies carry no totals, so a full last page is followed by an empty one): 2,000 → 9.
 */
export function myOgoMinimumReads(changed: number) {
	return Math.floor(changed / PAGE) + 1;
}
