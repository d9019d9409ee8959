/**
 * The 4-hourly repair of workflows/shopify-tracking-from-myogo.json over more than one page of
 * Shopify's unfulfilled orders (#20): it reads every page (250 a call, Shopify's rel="next" cursor
 * from the Link header) and fulfils each order myOGO shipped whose live run was lost, once.
 */
import type { IDataObject } from 'n8n-workflow';

import { myOgoOrderBody } from '../harness/myOgoOrder';
import { paidCheckout } from '../harness/shopify';
import { itemsOf, runFromTrigger } from '../harness/templates';
import { myOgoApiCalls, useShopifyTemplateEnvironment } from './setup';
import { atTheNextRepair } from '../harness/n8nClock';

const env = useShopifyTemplateEnvironment('shopify-tracking-from-myogo.json', ['MUG']);

beforeEach(async () => {
	await env.shopify.post('/seed', {
		products: [{ title: 'Mug', variants: [{ sku: 'MUG', price: '9.90' }] }],
	});
});

interface ShopifyCall {
	method: string;
	path: string;
	query: Record<string, string>;
	graphqlOperation?: string;
	throttled?: boolean;
}

async function shopifyCalls(): Promise<ShopifyCall[]> {
	return (await env.shopify.get('/requests')).data as ShopifyCall[];
}

const orderListReads = (calls: ShopifyCall[]) =>
	calls.filter((call) => call.method === 'GET' && call.path.endsWith('/orders.json'));

const graphqlCalls = (calls: ShopifyCall[], operation: string) =>
	calls.filter((call) => call.graphqlOperation === operation);

/**
 * `count` paid orders in Shopify, none fulfilled, and the same orders shipped in myOGO with a
 * tracking code each: the myOGO Trigger's poll never ran for them (the live path was lost).
 * Returns the myOGO references.
 */
async function shippedWhileTheLivePathWasLost(count: number): Promise<string[]> {
	const seeded = (
		await env.shopify.post('/seed', {
			orders: Array.from({ length: count }, () => paidCheckout('MUG')),
		})
	).data as { orders: number[] };
	expect(seeded.orders).toHaveLength(count);
	const { orders } = (await env.shopify.get('/state')).data as { orders: IDataObject[] };
	const references = orders.map((order) => String(order.name).replace(/^#/, ''));
	await env.bed.control.post('/seed', {
		orders: references.map((reference) => ({
			...myOgoOrderBody(reference, 'MUG'),
			status: 'shipped',
			trackingNumber: `JJFI${reference}`,
			trackingUrl: `https://t.example/JJFI${reference}`,
		})),
	});
	return references;
}

async function repair() {
	await env.shopify.delete('/requests');
	await env.bed.control.delete('/requests');
	const run = await atTheNextRepair(() =>
		runFromTrigger(env.template, 'Repair Every 4 Hours', [{}], env.credentials()),
	);
	expect(run.error).toBeUndefined();
	expect(itemsOf(run, 'Failed Tracking Updates')).toEqual([]);
	return { run, shopify: await shopifyCalls(), myOgo: await myOgoApiCalls(env) };
}

test("600 orders shipped in myOGO whose live run was lost, on a standard shop's cost limit: one repair run reads 3 pages and fulfils all 600 once, none throttled; a second repair creates nothing", async () => {
	const references = await shippedWhileTheLivePathWasLost(600);
	// Shopify's GraphQL cost limit of a standard shop (bucket 2,000, 100 points a second back).
	await env.shopify.post('/rate-limit', { graphql: { plan: 'standard' } });

	const started = Date.now();
	const first = await repair();
	const repairMs = Date.now() - started;
	expect(itemsOf(first.run, 'Tracking Sent')).toHaveLength(600);
	const { orders, fulfillments } = (await env.shopify.get('/state')).data as {
		orders: IDataObject[];
		fulfillments: IDataObject[];
	};
	expect(fulfillments).toHaveLength(600);
	expect(new Set(fulfillments.map((f) => f.orderId)).size).toBe(600);
	expect(new Set(orders.map((order) => order.fulfillment_status))).toEqual(new Set(['fulfilled']));
	const byOrderId = new Map(orders.map((order) => [order.id, String(order.name).slice(1)]));
	// One fulfillment per shipped order, each with that order's own tracking code and link.
	expect(fulfillments.map((f) => byOrderId.get(f.orderId as number)).sort()).toEqual(
		[...references].sort(),
	);
	for (const fulfillment of fulfillments) {
		const reference = byOrderId.get(fulfillment.orderId as number)!;
		expect(fulfillment.trackingInfo).toEqual([
			{ company: 'Posti', number: `JJFI${reference}`, url: `https://t.example/JJFI${reference}` },
		]);
	}

	// Shopify's unfulfilled orders: a first page with the filters, then two by cursor, which carry
	// nothing but limit (and fields: only the order names are needed).
	const reads = orderListReads(first.shopify);
	expect(reads).toHaveLength(3);
	expect(reads[0].query).toMatchObject({
		status: 'open',
		fulfillment_status: 'unfulfilled',
		limit: '250',
	});
	expect(reads.slice(1).map((read) => Object.keys(read.query).sort())).toEqual([
		['fields', 'limit', 'page_info'],
		['fields', 'limit', 'page_info'],
	]);
	expect(graphqlCalls(first.shopify, 'FindOrderByName')).toHaveLength(600);
	expect(graphqlCalls(first.shopify, 'CreateFulfillment')).toHaveLength(600);
	// Paced to the cost limit: no call was throttled (a throttled lookup ends on the failure end).
	expect(first.shopify.filter((call) => call.throttled)).toEqual([]);
	// myOGO's shipped orders of the window: ⌈600 / 250⌉ = 3 reads, no write.
	expect(first.myOgo.map((call) => call.method)).toEqual(['GET', 'GET', 'GET']);

	// Nothing is unfulfilled any more: one empty page, no lookup, no fulfillment.
	const second = await repair();
	expect(itemsOf(second.run, 'Tracking Sent')).toEqual([]);
	expect(orderListReads(second.shopify)).toHaveLength(1);
	expect(graphqlCalls(second.shopify, 'FindOrderByName')).toEqual([]);
	expect(graphqlCalls(second.shopify, 'CreateFulfillment')).toEqual([]);
	expect(((await env.shopify.get('/state')).data as ShopifyState).fulfillments).toHaveLength(600);
	console.log(
		`Shopify tracking repair, 600 lost shipments: ${reads.length} Shopify list reads, ` +
			`${first.myOgo.length} myOGO reads, ${fulfillments.length} fulfillments; ` +
			`second repair ${orderListReads(second.shopify).length} list read, 0 fulfillments; ` +
			`the first repair took ${(repairMs / 1000).toFixed(1)} s on a standard shop's cost limit`,
	);
}, 600_000);

test('a page Shopify refuses mid-way ends the repair on "Failed Tracking Updates" and fulfils nothing; the next repair fulfils every order once', async () => {
	const references = await shippedWhileTheLivePathWasLost(300);
	await env.shopify.post('/faults', { status: 503, path: '/orders', method: 'GET', after: 1 });
	await env.shopify.delete('/requests');
	const refused = await atTheNextRepair(() =>
		runFromTrigger(env.template, 'Repair Every 4 Hours', [{}], env.credentials()),
	);
	expect(refused.error).toBeUndefined();
	expect(itemsOf(refused, 'Failed Tracking Updates')).toHaveLength(1);
	expect(JSON.stringify(itemsOf(refused, 'Failed Tracking Updates')[0])).toMatch(/503/);
	expect(itemsOf(refused, 'Tracking Sent')).toEqual([]);
	expect(((await env.shopify.get('/state')).data as ShopifyState).fulfillments).toEqual([]);

	const next = await repair();
	expect(itemsOf(next.run, 'Tracking Sent')).toHaveLength(references.length);
	expect(((await env.shopify.get('/state')).data as ShopifyState).fulfillments).toHaveLength(
		references.length,
	);
}, 300_000);

interface ShopifyState {
	fulfillments: IDataObject[];
}
