/**
 * The WooCommerce side of the stock sync benchmark: the store seeded with the scenario's catalog,
 * its latency and request log, the minimum calls its API allows, and the end-state check.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { wooCommerceCredentials, type RunningWooCommerceFake } from '../test/harness/templates';
import type { WooCommerceFakeAddress } from './fakes';
import { wooCommerceScaleProducts } from '../test/harness/wooCommerceScaleCatalog';
import { changedSkus, expectedLevel } from './stockScenario';
import type { StoreCase } from './stockSyncCase';

const BATCH = 100; // WooCommerce's largest batch, and the largest per_page of a SKU lookup

export function wooCommerceStockCase(woo: WooCommerceFakeAddress): StoreCase {
	const control = axios.create({
		baseURL: `${woo.url}/_fake`,
		timeout: 120_000,
		maxContentLength: Infinity,
		maxBodyLength: Infinity,
	});
	const simpleChanged = changedSkus.filter((sku) => sku.startsWith('S-')).length;
	const variationsChanged = changedSkus.length - simpleChanged;
	const parentsChanged = new Set(
		changedSkus.filter((sku) => sku.startsWith('V-')).map((sku) => sku.slice(0, 5)),
	).size;
	return {
		store: 'WooCommerce',
		templateFile: 'woocommerce-stock-from-myogo.json',
		ourVariants: [{ label: '', settings: { 'settings.wooCommerceUrl': woo.url } }],
		naiveFiles: {
			perSku: 'woocommerce-stock-per-sku.json',
			loop: 'woocommerce-stock-per-sku-loop.json',
		},
		naiveSettings: { 'settings.wooCommerceUrl': woo.url },
		credentials: { wooCommerceApi: wooCommerceCredentials(woo as RunningWooCommerceFake) },
		async seed() {
			await control.post('/reset');
			await control.post('/seed', { products: wooCommerceScaleProducts() });
		},
		setLatency: async (ms) => void (await control.post('/latency', { ms })),
		clearLog: async () => void (await control.delete('/requests')),
		calls: async () => (await control.get('/requests')).data,
		minimum: {
			calls:
				Math.ceil(changedSkus.length / BATCH) + Math.ceil(simpleChanged / BATCH) + parentsChanged,
			how:
				`${Math.ceil(changedSkus.length / BATCH)} SKU lookups (GET /products?sku=…, 100 SKUs each) + ` +
				`${Math.ceil(simpleChanged / BATCH)} products/batch (100 each) + ${parentsChanged} variations/batch (one per parent; ` +
				`${variationsChanged} variations of ${parentsChanged} parents)`,
		},
		naiveCallsPerSku: 2,
		async wrongSkus(skus) {
			const state = (await control.get('/state')).data as {
				products: IDataObject[];
				variations: IDataObject[];
			};
			const bySku = new Map(
				[...state.products, ...state.variations].map((p) => [String(p.sku), p.stock_quantity]),
			);
			return skus.filter((sku) => bySku.get(sku) !== expectedLevel(sku));
		},
	};
}
