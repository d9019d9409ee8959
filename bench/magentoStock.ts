/**
 * The Magento 2 side of the stock sync benchmark: the store seeded with the scenario's 10,000 SKUs as
 * simple products (a configurable's options are simple products in Magento), its latency and request
 * log, the minimum calls its API allows for the batch size, and the end-state check.
 */
import axios from 'axios';

import { magentoCredentials, type RunningMagentoFake } from '../test/harness/magento2';
import type { MagentoFakeAddress } from './fakes';
import { allSkus, changedSkus, expectedLevel } from './stockScenario';
import type { StoreCase } from './stockSyncCase';

/** Magento's Web API input limit: entries of one list in one request (the template's default batch). */
const BATCH = 20;
/** The template's source-item reads: SKUs a call (Magento's largest page). */
const READ = 300;

export function magentoStockCase(magento: MagentoFakeAddress): StoreCase {
	const control = axios.create({
		baseURL: `${magento.url}/_fake`,
		timeout: 120_000,
		maxContentLength: Infinity,
		maxBodyLength: Infinity,
	});
	const settings = { 'settings.magentoUrl': magento.url };
	return {
		store: 'Magento 2',
		templateFile: 'magento2-stock-from-myogo.json',
		ourVariants: [{ label: '', settings }],
		naiveFiles: { perSku: 'magento2-stock-per-sku.json', loop: 'magento2-stock-per-sku-loop.json' },
		naiveSettings: settings,
		credentials: { magento2Api: magentoCredentials(magento as RunningMagentoFake) },
		async seed() {
			await control.post('/reset');
			await control.post('/seed', { products: allSkus.map((sku) => ({ sku, quantity: 1 })) });
		},
		setLatency: async (ms) => void (await control.post('/latency', { ms })),
		clearLog: async () => void (await control.delete('/requests')),
		calls: async () => (await control.get('/requests')).data,
		minimum: {
			calls: Math.ceil(changedSkus.length / BATCH),
			how:
				`${Math.ceil(changedSkus.length / BATCH)} source-item writes of ${BATCH} (the input limit); ` +
				`ours adds ${Math.ceil(changedSkus.length / READ)} reads of ${READ} SKUs to write only what differs and name SKUs Magento lacks`,
		},
		naiveCallsPerSku: 1,
		async wrongSkus(skus) {
			const state = (await control.get('/state')).data as {
				sourceItems: Array<{ sku: string; source_code: string; quantity: number }>;
			};
			const bySku = new Map(
				state.sourceItems
					.filter((s) => s.source_code === 'default')
					.map((s) => [s.sku, s.quantity]),
			);
			return skus.filter((sku) => bySku.get(sku) !== expectedLevel(sku));
		},
	};
}
