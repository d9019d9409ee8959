/**
 * Shopify stock on a bad day, with workflows/shopify-stock-from-myogo.json's own myOGO Trigger: a
 * stale stock read never overwrites a newer one in Shopify (polls run out of order, myOGO reads that
 * fail, Shopify lookups and writes that are throttled, fail or drop), a write whose answer is lost
 * is retried with its idempotency key and applied once, and what a failed write left behind is set
 * by the daily reconcile, so no SKU stays stale. (The trigger's cursor under myOGO
 * faults is proven with the WooCommerce template in stockUnderFaults.test.ts: the same trigger.)
 */
import type { IDataObject } from 'n8n-workflow';

import { itemsOf, templatePollingTrigger } from '../harness/templates';
import { problems } from './support/environment';
import { useShopifyReliabilityEnvironment } from './support/shopifyEnvironment';
import { StockHistory } from './support/stockHistory';

const CODES = ['SHS-A', 'SHS-B', 'SHS-C', 'SHS-D', 'SHS-E', 'SHS-F'];
const LOCATION = 'gid://shopify/Location/1';

const env = useShopifyReliabilityEnvironment({
	template: 'shopify-stock-from-myogo.json',
	settings: (fake) => ({
		'settings.shopSubdomain': fake.shopSubdomain,
		'settings.locationId': '1',
	}),
	products: CODES,
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

test('a stale stock read never overwrites a newer one in Shopify, and the reconcile sets what failed writes left behind', async () => {
	await env.shopify.post('/seed', {
		products: [
			...CODES.slice(0, 4).map((sku) => ({
				title: sku,
				variants: [{ sku, inventory_quantity: 0 }],
			})),
			{
				title: 'Variants',
				variants: CODES.slice(4).map((sku, i) => ({
					sku,
					option1: String(i),
					inventory_quantity: 0,
				})),
			},
		],
	});
	const trigger = templatePollingTrigger(env.template, env.credentials());
	await trigger.activate();
	await tick();

	// Every level set in myOGO, per SKU, in order: Shopify may lag, but must never step back.
	const history = new StockHistory(CODES, env.control);
	const change = (codes: string[]) => history.change(codes);
	const shopifyLevels = async () =>
		(
			(await env.shopify.get('/state')).data as {
				inventory: Record<string, Record<string, number>>;
			}
		).inventory;
	const checkShopify = async () =>
		history.look(
			Object.entries(await shopifyLevels()).map(([code, levels]) => [code, levels[LOCATION]]),
		);
	/** The SKUs whose Shopify level is not myOGO's current one. */
	const behindMyOgo = async () => {
		const myOgo = (await (await env.api()).get('/stock', { params: { limit: 250 } }))
			.data as IDataObject[];
		const inventory = await shopifyLevels();
		return myOgo
			.filter((row) => inventory[String(row.productCode)]?.[LOCATION] !== row.stockAvailable)
			.map((row) => String(row.productCode));
	};
	const failedBranch: IDataObject[] = [];
	const runWith = async (triggerName: string, items: IDataObject[]) => {
		const result = await env.run(triggerName, items);
		expect(result.error).toBeUndefined();
		failedBranch.push(
			...itemsOf(result, 'Failed Requests'),
			...itemsOf(result, 'Stock Updates Refused'),
		);
		await checkShopify();
		return result;
	};
	const pollAndRun = async () => {
		const items = await trigger.poll();
		if (items !== null) await runWith('myOGO Trigger', items);
	};

	await change(CODES);
	await pollAndRun();
	expect(await behindMyOgo()).toEqual([]);
	// Two polls around a change: the older read is run after the newer change was made.
	await change(['SHS-A', 'SHS-E']);
	const older = await trigger.poll();
	await change(['SHS-A', 'SHS-E']);
	const newer = await trigger.poll();
	for (const items of [older, newer]) await runWith('myOGO Trigger', items!);
	// A poll whose myOGO reads fail (past the transport's retries); the changes come with the next one.
	await change(['SHS-B', 'SHS-F']);
	await env.control.post('/faults', { status: 503, count: 5, path: '/api/v1/stock' });
	await expect(trigger.poll()).rejects.toThrow(/503/);
	await change(['SHS-B', 'SHS-C']);
	await pollAndRun();
	// Shopify throttles the write, fails the lookup, drops the write's connection on every try: each is
	// visible, and Shopify keeps what it had (behind, never backwards) until those SKUs change again.
	const shopifyFaults = [
		{ status: 'THROTTLED', path: '/graphql', graphqlOperation: 'SetAvailable' },
		{ status: 503, path: '/graphql', graphqlOperation: 'FindVariantsBySku' },
		{ status: 'reset', count: 3, path: '/graphql', graphqlOperation: 'SetAvailable' },
	];
	for (const [i, fault] of shopifyFaults.entries()) {
		await change(i % 2 ? ['SHS-C', 'SHS-D'] : ['SHS-D', 'SHS-F']);
		await env.shopify.post('/faults', fault);
		await pollAndRun();
		expect(failedBranch).toHaveLength(i + 1);
	}
	await change(CODES);
	await pollAndRun();
	expect(await behindMyOgo()).toEqual([]);
	// A lookup Shopify answers THROTTLED waits as the answer's throttleStatus says and asks again.
	await change(['SHS-C', 'SHS-D']);
	await env.shopify.post('/faults', {
		status: 'THROTTLED',
		path: '/graphql',
		graphqlOperation: 'FindVariantsBySku',
	});
	await pollAndRun();
	expect([failedBranch.length, await behindMyOgo()]).toEqual([shopifyFaults.length, []]);
	// A write carried out whose answer is lost, and a write dropped once: both are sent again with the
	// same idempotency key; Shopify applies each batch once (counted from its own adjustments).
	const adjustments = async () =>
		((await env.shopify.get('/state')).data as { inventoryAdjustments: unknown[] })
			.inventoryAdjustments.length;
	for (const status of ['lost-answer', 'reset']) {
		await change(['SHS-B', 'SHS-E']);
		const before = await adjustments();
		await env.shopify.post('/faults', {
			status,
			path: '/graphql',
			graphqlOperation: 'SetAvailable',
		});
		await pollAndRun();
		expect([status, (await adjustments()) - before, await behindMyOgo()]).toEqual([status, 1, []]);
	}
	expect(failedBranch).toHaveLength(shopifyFaults.length);
	// Failed writes with no later change of those SKUs: the trigger never hands them over again.
	await change(['SHS-A', 'SHS-E']);
	await env.shopify.post('/faults', {
		status: 502,
		count: 3,
		path: '/graphql',
		graphqlOperation: 'SetAvailable',
	});
	await pollAndRun();
	expect(failedBranch).toHaveLength(shopifyFaults.length + 1);
	expect((await behindMyOgo()).sort()).toEqual(['SHS-A', 'SHS-E']);
	expect(await trigger.poll()).toBeNull();

	// The daily reconcile (its Schedule Trigger fires at 04:00) sets every SKU.
	await runWith('Reconcile All Stock Daily', [
		{ timestamp: new Date().toISOString(), Hour: '04', Minute: '00' },
	]);
	expect(failedBranch).toHaveLength(shopifyFaults.length + 1);
	const behind = await behindMyOgo();
	expect(behind).toEqual([]);
	expect(history.staleWrites).toBe(0);

	const outcome = await env.observe({
		expectedReferences: [],
		ordersSent: 0,
		staleStockWrites: history.staleWrites + behind.length,
	});
	expect(problems(outcome)).toEqual([]);
	expect(outcome.faultsInjected).toBeGreaterThanOrEqual(5 + shopifyFaults.length + 2 + 2 + 3);
});
