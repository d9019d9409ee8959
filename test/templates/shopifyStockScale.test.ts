/**
 * Scale: 2,000 changed SKUs in a 10,000-product Shopify catalog (11,000 variants).
 * Prints Shopify and myOGO call counts and checks them against the minimum the APIs allow.
 */
import { itemsOf, runFromTrigger } from '../harness/templates';
import { myOgoStockLevels, pollStockChanges } from './setup';
import { MAIN_WAREHOUSE, useShopifyStockEnvironment } from './shopifyStockEnvironment';

jest.setTimeout(400_000);

const env = useShopifyStockEnvironment({ resetEachTest: false });

const SINGLE = 9_000;
const WITH_SIZES = 1_000; // 1,000 products × 2 variants → 10,000 products, 11,000 SKUs
const singleSku = (i: number) => `S-${String(i).padStart(5, '0')}`;
const sizeSku = (p: number, size: 'S' | 'M') => `T-${String(p).padStart(4, '0')}-${size}`;

test('2,000 changed SKUs (1,000 single-variant products + 1,000 variants of 500 products) in a 10,000-product shop', async () => {
	const allSkus = [
		...Array.from({ length: SINGLE }, (_, i) => singleSku(i)),
		...Array.from({ length: WITH_SIZES }, (_, p) => [sizeSku(p, 'S'), sizeSku(p, 'M')]).flat(),
	];
	expect(allSkus).toHaveLength(11_000);
	await env.bed.control.post('/seed', {
		products: allSkus.map((code) => ({ code, languageCode: 'en', name: code })),
		stock: allSkus.map((code) => ({ code, stockAvailable: 1, reserved: 0 })),
	});
	const seeded = await env.shopify.post('/seed', {
		products: [
			...Array.from({ length: SINGLE }, (_, i) => ({
				title: `Product ${i}`,
				variants: [{ sku: singleSku(i), inventory_quantity: 1 }],
			})),
			...Array.from({ length: WITH_SIZES }, (_, p) => ({
				title: `T-shirt ${p}`,
				variants: [
					{ sku: sizeSku(p, 'S'), option1: 'S', inventory_quantity: 1 },
					{ sku: sizeSku(p, 'M'), option1: 'M', inventory_quantity: 1 },
				],
			})),
		],
	});
	expect((seeded.data as { products: unknown[] }).products).toHaveLength(10_000);

	// 1,000 single-variant products (every 9th) and both sizes of T-shirts 0–499.
	const changed = [
		...Array.from({ length: 1_000 }, (_, i) => singleSku(i * 9)),
		...Array.from({ length: 500 }, (_, p) => [sizeSku(p, 'S'), sizeSku(p, 'M')]).flat(),
	];
	const level = (i: number) => (i * 7) % 53;
	const { items, myOgoCalls } = await pollStockChanges(env, env.template, async () => {
		await env.bed.control.post('/seed', {
			stock: changed.map((code, i) => ({ code, stockAvailable: level(i), reserved: 0 })),
		});
		await env.shopify.delete('/requests');
	});
	expect((items[0].stock as unknown[]).length).toBe(2_000);
	// A standard plan's query-cost budget (bucket 2,000, 100 points/s), as a real shop has.
	await env.shopify.post('/rate-limit', { graphql: { plan: 'standard' } });
	const result = await runFromTrigger(env.template, 'myOGO Trigger', items, env.credentials());
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Requests')).toEqual([]);
	expect(itemsOf(result, 'Stock Updates Refused')).toEqual([]);
	expect(itemsOf(result, 'Not Stocked at Location')).toEqual([]);
	// One item per changed SKU where a merchant's rules go.
	expect(itemsOf(result, 'Your Rules (one item per SKU)')).toHaveLength(2_000);

	// End state on both sides: every SKU's available quantity equals myOGO's stockAvailable.
	const inventory = (
		(await env.shopify.get('/state')).data as { inventory: Record<string, Record<string, number>> }
	).inventory;
	const myOgoStock = await myOgoStockLevels(env.bed);
	expect(allSkus.filter((sku) => inventory[sku]?.[MAIN_WAREHOUSE] !== myOgoStock.get(sku))).toEqual(
		[],
	);
	expect(changed.filter((sku, i) => inventory[sku][MAIN_WAREHOUSE] !== level(i))).toEqual([]);

	const shopifyCalls = (await env.shopify.get('/requests')).data as Array<{
		graphqlOperation?: string;
		status: number;
		throttled?: boolean;
	}>;
	expect(shopifyCalls.filter((c) => c.throttled)).toEqual([]);
	const lookups = shopifyCalls.filter((c) => c.graphqlOperation === 'FindVariantsBySku').length;
	const writes = shopifyCalls.filter((c) => c.graphqlOperation === 'SetAvailable').length;
	// The minimum Shopify allows: productVariants and inventorySetQuantities both take at most 250.
	const shopifyMinimum = Math.ceil(2_000 / 250) + Math.ceil(2_000 / 250);
	// myOGO: the stock list pages 250 rows; 2,000 rows = 8 full pages, and a 9th (empty) page is the only
	// way to learn the list ended (no totals in myOGO replies); the token call is not counted.
	const myOgoMinimum = Math.ceil(2_000 / 250) + 1;
	const myOgoApiCalls = myOgoCalls.filter((c) => !/oauth/i.test(c.path)).length;
	console.log(
		`Shopify calls: ${shopifyCalls.length} (${lookups} variant lookups, ${writes} inventorySetQuantities); minimum ${shopifyMinimum}\n` +
			`myOGO calls in the poll: ${myOgoCalls.length} (${myOgoApiCalls} API, ${myOgoCalls.length - myOgoApiCalls} token); minimum ${myOgoMinimum} API calls`,
	);
	expect(shopifyCalls.every((c) => c.status === 200)).toBe(true);
	expect(shopifyCalls.length).toBeLessThanOrEqual(shopifyMinimum * 1.1);
	expect(myOgoApiCalls).toBeLessThanOrEqual(myOgoMinimum * 1.1);
});

test('the daily reconcile of the whole 11,000-SKU catalog on a standard plan: no THROTTLED answer, every SKU set; prints its time and calls', async () => {
	// Continues from the shop and myOGO of the test above (resetEachTest: false).
	await env.shopify.post('/rate-limit', { graphql: { plan: 'standard' } });
	await env.shopify.delete('/requests');
	await env.bed.control.delete('/requests');
	const started = Date.now();
	const result = await runFromTrigger(
		env.template,
		'Reconcile All Stock Daily',
		[{ timestamp: new Date().toISOString(), Hour: '04', Minute: '00' }],
		env.credentials(),
	);
	const seconds = (Date.now() - started) / 1000;
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Requests')).toEqual([]);
	expect(itemsOf(result, 'Your Rules (one item per SKU)')).toHaveLength(11_000);
	const calls = (await env.shopify.get('/requests')).data as Array<{
		graphqlOperation?: string;
		throttled?: boolean;
	}>;
	const myOgoCalls = (await env.bed.control.get('/requests')).data as Array<{ path: string }>;
	const count = (operation: string) => calls.filter((c) => c.graphqlOperation === operation).length;
	console.log(
		`Daily reconcile, 11,000 SKUs, standard plan: ${seconds.toFixed(1)} s; Shopify ${calls.length} calls ` +
			`(${count('FindVariantsBySku')} lookups, ${count('SetAvailable')} writes, ${calls.filter((c) => c.throttled).length} THROTTLED); ` +
			`myOGO ${myOgoCalls.filter((c) => !/oauth/i.test(c.path)).length} API calls`,
	);
	expect(calls.filter((c) => c.throttled)).toEqual([]);
	expect([count('FindVariantsBySku'), count('SetAvailable')]).toEqual([44, 44]);
	const inventory = (
		(await env.shopify.get('/state')).data as { inventory: Record<string, Record<string, number>> }
	).inventory;
	const myOgoStock = await myOgoStockLevels(env.bed);
	expect(
		[...myOgoStock].filter(([sku, level]) => inventory[sku]?.[MAIN_WAREHOUSE] !== level),
	).toEqual([]);
});
