/**
 * Scale: 2,000 changed SKUs (half of them variations) in a 10,000-SKU WooCommerce store.
 * Prints WooCommerce and myOGO call counts and checks them against the minimum the APIs allow.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	configure,
	itemsOf,
	loadTemplate,
	runFromTrigger,
	wooCommerceCredentials,
} from '../harness/templates';
import {
	myOgoScaleCatalog,
	PARENTS,
	scaleCatalogSkus,
	SIMPLE,
	simpleSku,
	VARIATIONS_EACH,
	variationSku,
	wooCommerceScaleProducts,
} from '../harness/wooCommerceScaleCatalog';
import { myOgoStockLevels, pollStockChanges, useTemplateEnvironment } from './setup';

jest.setTimeout(240_000);

const env = useTemplateEnvironment({ resetEachTest: false });

const credentialsForFakes = () =>
	({ ...env.bed.credentials, wooCommerceApi: wooCommerceCredentials(env.fake) }) as never;
const stockTemplate = () =>
	configure(loadTemplate('woocommerce-stock-from-myogo.json'), {
		'settings.wooCommerceUrl': env.fake.url,
	});

test('2,000 changed SKUs (1,000 products + 1,000 variations of 100 parents) in a 10,000-SKU store', async () => {
	const allSkus = scaleCatalogSkus;
	expect(allSkus).toHaveLength(10_000);
	await env.bed.control.post('/seed', myOgoScaleCatalog());
	await env.woo.post('/seed', { products: wooCommerceScaleProducts() });

	const credentials = credentialsForFakes();
	const template = stockTemplate();
	// 1,000 simple products (every 8th) and 1,000 variations: every variation of parents 0–99.
	const changed = [
		...Array.from({ length: 1_000 }, (_, i) => simpleSku(i * 8)),
		...Array.from({ length: 1_000 }, (_, k) =>
			variationSku(Math.floor(k / VARIATIONS_EACH), k % VARIATIONS_EACH),
		),
	];
	const level = (i: number) => (i * 7) % 53;
	const { items, myOgoCalls } = await pollStockChanges(env, template, async () => {
		await env.bed.control.post('/seed', {
			stock: changed.map((code, i) => ({ code, stockAvailable: level(i), reserved: 0 })),
		});
		await env.woo.delete('/requests');
	});
	expect((items[0].stock as unknown[]).length).toBe(2_000);
	const result = await runFromTrigger(template, 'myOGO Trigger', items, credentials);
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Requests')).toEqual([]);
	expect(itemsOf(result, 'Stock Updates Refused')).toEqual([]);

	// End state on both sides: every changed SKU holds myOGO's stockAvailable; the rest kept 1.
	const state = (await env.woo.get('/state')).data as {
		products: IDataObject[];
		variations: IDataObject[];
	};
	const wooBySku = new Map(
		[...state.products, ...state.variations].map((p) => [String(p.sku), p.stock_quantity]),
	);
	const myOgoStock = await myOgoStockLevels(env.bed);
	const mismatches = allSkus.filter((sku) => wooBySku.get(sku) !== myOgoStock.get(sku));
	expect(mismatches).toEqual([]);
	expect(changed.filter((sku, i) => wooBySku.get(sku) !== level(i))).toEqual([]);

	const wooCalls = (await env.woo.get('/requests')).data as Array<{
		method: string;
		path: string;
		batchSize: number;
	}>;
	const lookups = wooCalls.filter((c) => c.method === 'GET').length;
	const productBatches = wooCalls.filter((c) => c.path === '/products/batch').length;
	const variationBatches = wooCalls.filter((c) => c.path.endsWith('/variations/batch')).length;
	// The minimum WooCommerce allows: a SKU → id lookup takes up to 100 SKUs per call (per_page ≤ 100);
	// products/batch takes 100 updates; variations can only be batched per parent product (100 parents).
	const wooMinimum = Math.ceil(2_000 / 100) + Math.ceil(1_000 / 100) + 100;
	// myOGO: the stock list pages 250 rows; 2,000 rows = 8 full pages, and a 9th (empty) page is the only
	// way to learn the list ended (no totals in myOGO replies); plus a token when the poll starts cold.
	const myOgoMinimum = Math.ceil(2_000 / 250) + 1;
	const myOgoApiCalls = myOgoCalls.filter((c) => !/oauth/i.test(c.path)).length;
	console.log(
		`WooCommerce calls: ${wooCalls.length} (${lookups} SKU lookups, ${productBatches} product batches, ${variationBatches} variation batches); minimum ${wooMinimum}\n` +
			`myOGO calls in the poll: ${myOgoCalls.length} (${myOgoApiCalls} API, ${myOgoCalls.length - myOgoApiCalls} token); minimum ${myOgoMinimum} API calls`,
	);
	expect(wooCalls.length).toBeLessThanOrEqual(Math.floor(wooMinimum * 1.1));
	// myOGO: the trigger pages by page number and re-reads by time only when a row changed while it
	// paged (nothing does here), so 10 % over the minimum is the bound, as for WooCommerce.
	expect(myOgoApiCalls).toBeLessThanOrEqual(Math.floor(myOgoMinimum * 1.1));
	expect(wooCalls.every((c) => c.method === 'GET' || c.batchSize <= 100)).toBe(true);
});

test('the daily reconcile of the whole 10,000-SKU store (after the test above): every SKU set, calls at the minimum', async () => {
	// A level the sync never handed over (as after a failed write): the reconcile must set it.
	await env.bed.control.post('/seed', {
		stock: [{ code: simpleSku(1), stockAvailable: 77, reserved: 0 }],
	});
	await env.woo.delete('/requests');
	const before = ((await env.bed.control.get('/requests')).data as unknown[]).length;
	const result = await runFromTrigger(
		stockTemplate(),
		'Reconcile All Stock Daily',
		[{ timestamp: new Date().toISOString() }],
		credentialsForFakes(),
	);
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Requests')).toEqual([]);
	expect(itemsOf(result, 'Stock Updates Refused')).toEqual([]);
	const myOgoApiCalls = ((await env.bed.control.get('/requests')).data as Array<{ path: string }>)
		.slice(before)
		.filter((c) => !/oauth/i.test(c.path)).length;

	const state = (await env.woo.get('/state')).data as {
		products: IDataObject[];
		variations: IDataObject[];
	};
	const wooBySku = new Map(
		[...state.products, ...state.variations].map((p) => [String(p.sku), p.stock_quantity]),
	);
	const myOgoStock = await myOgoStockLevels(env.bed);
	expect(wooBySku.get(simpleSku(1))).toBe(77);
	expect([...myOgoStock].filter(([sku, level]) => wooBySku.get(sku) !== level)).toEqual([]);

	const wooCalls = (await env.woo.get('/requests')).data as Array<{ method: string; path: string }>;
	const lookups = wooCalls.filter((c) => c.method === 'GET').length;
	const productBatches = wooCalls.filter((c) => c.path === '/products/batch').length;
	const variationBatches = wooCalls.filter((c) => c.path.endsWith('/variations/batch')).length;
	// 10,000 SKUs: 100 lookups, 8,000 simple products in 80 batches, one variation batch per parent (200);
	// myOGO: 40 full pages of 250 and the empty page that ends the list.
	const wooMinimum = 10_000 / 100 + SIMPLE / 100 + PARENTS;
	const myOgoMinimum = 10_000 / 250 + 1;
	console.log(
		`reconcile of 10,000 SKUs: WooCommerce calls ${wooCalls.length} (${lookups} SKU lookups, ${productBatches} product batches, ${variationBatches} variation batches); minimum ${wooMinimum}\n` +
			`myOGO API calls: ${myOgoApiCalls}; minimum ${myOgoMinimum}`,
	);
	expect([wooCalls.length, myOgoApiCalls]).toEqual([wooMinimum, myOgoMinimum]);
});
