/**
 * The Shopify side of the stock sync benchmark: the shop seeded with the scenario's catalog (each
 * simple product a one-variant product, each parent a product with 10 variants), the minimum calls
 * Shopify's API allows, and the end-state check. Its latency comes from bench/latencyProxy.js.
 */
import axios from 'axios';

import type { ShopifyFakeAddress } from './fakes';
import {
	PARENTS,
	SIMPLE,
	VARIATIONS_EACH,
	changedSkus,
	expectedLevel,
	simpleSku,
	variationSku,
} from './stockScenario';
import type { StoreCase } from './stockSyncCase';

/** inventoryItems(first:) and inventorySetQuantities(quantities:) both take at most 250. */
const BATCH = 250;
const LOCATION = 'gid://shopify/Location/1';

export function shopifyStockCase(shop: ShopifyFakeAddress): StoreCase {
	const control = axios.create({
		baseURL: shop.controlUrl,
		timeout: 120_000,
		maxContentLength: Infinity,
		maxBodyLength: Infinity,
	});
	const batches = Math.ceil(changedSkus.length / BATCH);
	const settings = { 'settings.shopSubdomain': shop.shopSubdomain, 'settings.locationId': '1' };
	return {
		store: 'Shopify',
		templateFile: 'shopify-stock-from-myogo.json',
		// As shipped: paced by the throttleStatus of each answer, on a standard plan's budget.
		ourVariants: [
			{ label: "as shipped (paced by Shopify's throttleStatus, standard plan)", settings },
		],
		naiveFiles: { perSku: 'shopify-stock-per-sku.json', loop: 'shopify-stock-per-sku-loop.json' },
		naiveSettings: {
			'settings.shopSubdomain': shop.shopSubdomain,
			'settings.locationId': LOCATION,
		},
		credentials: {
			// The template's default (a Dev Dashboard app); the naive workflows use the legacy token.
			shopifyOAuth2Api: {
				shopSubdomain: shop.shopSubdomain,
				clientId: shop.clientId,
				clientSecret: shop.appSecret,
				oauthTokenData: { access_token: shop.oauthAccessToken },
			},
			shopifyAccessTokenApi: {
				shopSubdomain: shop.shopSubdomain,
				accessToken: shop.accessToken,
				appSecretKey: shop.appSecret,
			},
		},
		async seed() {
			await control.post('/reset');
			await control.post('/seed', {
				products: [
					...Array.from({ length: SIMPLE }, (_, i) => ({
						title: `Product ${i}`,
						variants: [{ sku: simpleSku(i), inventory_quantity: 1 }],
					})),
					...Array.from({ length: PARENTS }, (_, p) => ({
						title: `Variable ${p}`,
						variants: Array.from({ length: VARIATIONS_EACH }, (_, v) => ({
							sku: variationSku(p, v),
							option1: `Size ${v}`,
							inventory_quantity: 1,
						})),
					})),
				],
			});
		},
		// The proxy always waits; the benchmark's own seeding and checks go to the fake directly.
		setLatency: async () => undefined,
		// Real Shopify throttles everyone: ours and the naive flows run on a standard plan's query-cost
		// budget (bucket 2,000, 100 points/s), full when the clock starts.
		clearLog: async () => {
			await control.delete('/requests');
			await control.post('/rate-limit', { graphql: { plan: 'standard' } });
		},
		calls: async () => (await control.get('/requests')).data,
		minimum: {
			calls: 2 * batches,
			how: `${batches} lookups (inventoryItems, 250 SKUs each, id and SKU only: 252 points) + ${batches} inventorySetQuantities (250 each; Shopify sets variants of any product in one call)`,
		},
		naiveCallsPerSku: 2,
		async wrongSkus(skus) {
			const state = (await control.get('/state')).data as {
				inventory: Record<string, Record<string, number>>;
			};
			return skus.filter((sku) => state.inventory[sku]?.[LOCATION] !== expectedLevel(sku));
		},
	};
}
