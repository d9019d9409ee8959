/**
 * workflows/shopify-stock-from-myogo.json against Shopify's GraphQL cost budget (the fake's opt-in
 * /_fake/rate-limit, sandbox/README.md). Each lookup asks `inventoryItems(first: 250) { nodes { id sku } }`:
 * 2 + 250 × 1 = 252 points requested, whatever the group size. The template paces itself by the
 * `throttleStatus` each answer carries, so no Settings value depends on the shop's plan. Scaled down
 * from a standard shop (bucket 2,000, 100 points/s) to a bucket of 300 restoring 150 points/s: one
 * lookup fits, the next must wait for the bucket to refill (about 1.7 s).
 */
import { configure, itemsOf, loadTemplate, runFromTrigger } from '../harness/templates';
import { pollStockChanges, useTemplateEnvironment } from './setup';

jest.setTimeout(120_000);

const MAIN_WAREHOUSE = 'gid://shopify/Location/1';
const BUDGET = { bucket: 300, restorePerSecond: 150 };
/** 2 + 250 × inventoryItem, as the fake reports it (checked below). */
const LOOKUP_COST = 252;

const env = useTemplateEnvironment({
	stores: ['shopify'],
	template: 'shopify-stock-from-myogo.json',
});

/** 600 SKUs: three lookup groups (250, 250, 100) in the template. */
const SKUS = Array.from({ length: 600 }, (_, i) => `P-${String(i).padStart(4, '0')}`);
const level = (i: number) => (i * 7) % 41;

type Call = {
	graphqlOperation?: string;
	status: number;
	throttled?: boolean;
	time: string;
};

/** Seeds both sides (Shopify holds 1000 of each), changes every SKU's level in myOGO, polls and runs. */
async function runWithBudget(beforeRun: () => Promise<unknown>) {
	const template = configure(loadTemplate('shopify-stock-from-myogo.json'), {
		'settings.shopSubdomain': env.shopifyFake.shopSubdomain,
		'settings.locationId': '1',
	});
	await env.bed.control.post('/seed', {
		products: SKUS.map((code) => ({ code, languageCode: 'en', name: code })),
		stock: SKUS.map((code) => ({ code, stockAvailable: 1000, reserved: 0 })),
	});
	await env.shopify.post('/seed', {
		products: SKUS.map((sku) => ({ title: sku, variants: [{ sku, inventory_quantity: 1000 }] })),
	});
	const { items } = await pollStockChanges(env, template, () =>
		env.bed.control.post('/seed', {
			stock: SKUS.map((code, i) => ({ code, stockAvailable: level(i), reserved: 0 })),
		}),
	);
	await env.shopify.delete('/requests');
	await env.shopify.post('/rate-limit', { graphql: BUDGET });
	await beforeRun();
	const result = await runFromTrigger(template, 'myOGO Trigger', items, env.credentials());
	const inventory = (
		(await env.shopify.get('/state')).data as { inventory: Record<string, Record<string, number>> }
	).inventory;
	return {
		result,
		calls: (await env.shopify.get('/requests')).data as Call[],
		wrong: SKUS.filter((sku, i) => inventory[sku][MAIN_WAREHOUSE] !== level(i)),
	};
}

test("paced by each answer's throttleStatus: no lookup is throttled, each waits only until it fits, every SKU is set", async () => {
	const { result, calls, wrong } = await runWithBudget(async () => undefined);
	expect(result.error).toBeUndefined();
	expect(calls.map((c) => [c.graphqlOperation, c.status, Boolean(c.throttled)])).toEqual([
		...Array.from({ length: 3 }, () => ['FindVariantsBySku', 200, false]),
		...Array.from({ length: 3 }, () => ['SetAvailable', 200, false]),
	]);
	const lookups = calls.filter((c) => c.graphqlOperation === 'FindVariantsBySku');
	const gaps = lookups.slice(1).map((c, i) => Date.parse(c.time) - Date.parse(lookups[i]!.time));
	// After a full lookup (252) the bucket holds 48; 204 more come back in 1.36 s at 150/s. The second
	// lookup returns 250 nodes too, so the third waits as long.
	for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1_300);
	expect(itemsOf(result, 'Your Rules (one item per SKU)')).toHaveLength(SKUS.length);
	expect(itemsOf(result, 'Failed Requests')).toEqual([]);
	expect(itemsOf(result, 'Stock Updates Refused')).toEqual([]);
	expect(wrong).toEqual([]);
});

test('a lookup Shopify answers THROTTLED (another app used the bucket) waits as the answer says and asks again: nothing is left behind', async () => {
	const { result, calls, wrong } = await runWithBudget(() =>
		env.shopify.post('/faults', {
			status: 'THROTTLED',
			path: '/graphql',
			graphqlOperation: 'FindVariantsBySku',
			after: 1,
			count: 1,
		}),
	);
	expect(result.error).toBeUndefined();
	expect(calls.map((c) => [c.graphqlOperation, c.status])).toEqual([
		...Array.from({ length: 4 }, () => ['FindVariantsBySku', 200]),
		...Array.from({ length: 3 }, () => ['SetAvailable', 200]),
	]);
	expect(itemsOf(result, 'Failed Requests')).toEqual([]);
	expect(itemsOf(result, 'Stock Set')).toHaveLength(3);
	expect(wrong).toEqual([]);
});

test('the lookup asks only for what the write needs: 252 points requested', async () => {
	const { result } = await runWithBudget(async () => undefined);
	const answers = result.run.data.resultData.runData['Find Variants by SKU']!.map(
		(run) =>
			run.data!.main[0]![0]!.json as { extensions: { cost: { requestedQueryCost: number } } },
	);
	expect(answers.map((a) => a.extensions.cost.requestedQueryCost)).toEqual([
		LOOKUP_COST,
		LOOKUP_COST,
		LOOKUP_COST,
	]);
});
