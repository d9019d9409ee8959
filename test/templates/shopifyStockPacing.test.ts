/**
 * workflows/shopify-stock-from-myogo.json against Shopify's GraphQL cost budget (the fake's opt-in
 * /_fake/rate-limit, sandbox/README.md). Each lookup asks `productVariants(first: 250)` with two
 * nested objects per node: 2 + 250 × 3 = 752 points under the fake's cost model, whatever the group
 * size. Scaled down from a standard shop (bucket 2,000, 100 points/s: 752 / 100 = 7.5 s, the default
 * pause being 8 s) to a bucket of 800 restoring 400 points/s: 752 / 400 = 1.9 s, so a 2 s pause
 * keeps every lookup under the budget, and with no pause two of the three lookups are throttled.
 */
import type { Template } from '../harness/templates';
import { configure, itemsOf, loadTemplate, runFromTrigger } from '../harness/templates';
import { pollStockChanges, useTemplateEnvironment } from './setup';

jest.setTimeout(120_000);

const MAIN_WAREHOUSE = 'gid://shopify/Location/1';
const BUDGET = { bucket: 800, restorePerSecond: 400 };
/** 2 + 250 × (variant + inventoryItem + inventoryLevel), as the fake reports it (checked below). */
const LOOKUP_COST = 752;
/** 2 s × 400 points/s = 800 ≥ 752; the bucket (800) is less than two lookups (1,504). */
const SUFFICIENT_PAUSE_SECONDS = 2;

const env = useTemplateEnvironment({
	stores: ['shopify'],
	template: 'shopify-stock-from-myogo.json',
});

/** 600 SKUs: three lookup groups (250, 250, 100) in the template. */
const SKUS = Array.from({ length: 600 }, (_, i) => `P-${String(i).padStart(4, '0')}`);
const GROUPS = [SKUS.slice(0, 250), SKUS.slice(250, 500), SKUS.slice(500)];
const level = (i: number) => (i * 7) % 41;

function templateWithPause(seconds: number): Template {
	return configure(loadTemplate('shopify-stock-from-myogo.json'), {
		'settings.shopSubdomain': env.shopifyFake.shopSubdomain,
		'settings.locationId': '1',
		'settings.secondsBetweenLookups': seconds,
	});
}

/** Seeds both sides (Shopify holds 1000 of each), changes every SKU's level in myOGO, polls and runs. */
async function runWithBudget(template: Template) {
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
	expect((items[0].stock as unknown[]).length).toBe(SKUS.length);
	await env.shopify.delete('/requests');
	await env.shopify.post('/rate-limit', { graphql: BUDGET });
	const result = await runFromTrigger(template, 'myOGO Trigger', items, env.credentials());
	const inventory = (
		(await env.shopify.get('/state')).data as { inventory: Record<string, Record<string, number>> }
	).inventory;
	const calls = (await env.shopify.get('/requests')).data as Array<{
		graphqlOperation?: string;
		status: number;
		throttled?: boolean;
	}>;
	return {
		result,
		calls,
		set: SKUS.filter((sku, i) => inventory[sku][MAIN_WAREHOUSE] === level(i)),
	};
}

test(`with ${SUFFICIENT_PAUSE_SECONDS} s between lookups nothing is throttled and every SKU is set`, async () => {
	const { result, calls, set } = await runWithBudget(templateWithPause(SUFFICIENT_PAUSE_SECONDS));
	expect(result.error).toBeUndefined();
	expect(calls.map((c) => [c.graphqlOperation, c.status, Boolean(c.throttled)])).toEqual([
		...Array.from({ length: GROUPS.length }, () => ['FindVariantsBySku', 200, false]),
		...Array.from({ length: 3 }, () => ['SetAvailable', 200, false]),
	]);
	expect(itemsOf(result, 'Failed Requests')).toEqual([]);
	expect(itemsOf(result, 'Stock Updates Refused')).toEqual([]);
	expect(set).toEqual(SKUS);
});

test('with no pause two of the three lookups are throttled, end on "Failed Requests", and their SKUs stay unset', async () => {
	const { result, calls, set } = await runWithBudget(templateWithPause(0));
	expect(result.error).toBeUndefined();
	const lookups = calls.filter((c) => c.graphqlOperation === 'FindVariantsBySku');
	expect(lookups.map((c) => c.status)).toEqual([200, 200, 200]);
	expect(lookups.filter((c) => c.throttled)).toHaveLength(2);
	const failed = itemsOf(result, 'Failed Requests');
	expect(failed).toHaveLength(2);
	for (const item of failed) {
		expect(item).toMatchObject({
			errors: [{ message: 'Throttled', extensions: { code: 'THROTTLED' } }],
			extensions: { cost: { requestedQueryCost: LOOKUP_COST, actualQueryCost: null } },
		});
	}
	// Without a pause the three lookups go out together, so whichever reaches Shopify first is the one
	// answered: exactly one group is set, the other two are left behind until the daily reconcile.
	const setGroups = GROUPS.filter((group) => group.every((sku) => set.includes(sku)));
	expect(setGroups).toHaveLength(1);
	expect(set).toEqual(setGroups[0]);
	// The failure items name exactly the SKUs that were left behind.
	const leftBehind = failed.flatMap((item) => item.skusLeftBehind as string[]).sort();
	expect(leftBehind).toEqual(SKUS.filter((sku) => !set.includes(sku)).sort());
	expect(
		calls
			.filter((c) => c.graphqlOperation === 'SetAvailable')
			.map((c) => [c.status, Boolean(c.throttled)]),
	).toEqual([[200, false]]);
});
