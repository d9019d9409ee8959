/**
 * workflows/shopify-sync-health.json, run in-process against the myOGO sandbox and the Shopify fake:
 * each kind of drift is seeded, the report names exactly the drifted records, with Repair on a second
 * run reports nothing that can be repaired and writes nothing, and a failed read stops the check on a
 * named end.
 */
import type { IDataObject } from 'n8n-workflow';

import { freezeAt, setStock } from '../trigger/helpers';
import { configure, itemsOf, loadTemplate, runFromTrigger } from '../harness/templates';
import { createMyOgoOrder } from '../harness/myOgoOrder';
import { paidCheckout } from '../harness/shopify';
import { myOgoApiCalls, useTemplateEnvironment } from './setup';
import {
	expectStopsOnFailedRead,
	myOgoStockReadFails,
	namedKeys,
	runHealthCheck,
	seedTwoShopsOrders,
	expectOnlyOwnOrderSent,
	expectReportOf,
} from './syncHealthReport';

const TEMPLATE = 'shopify-sync-health.json';
const MAIN_WAREHOUSE = 'gid://shopify/Location/1';
const env = useTemplateEnvironment({
	stores: ['shopify'],
	template: TEMPLATE,
	settings: (_woo, { shopifyFake }) => ({
		'settings.shopSubdomain': shopifyFake.shopSubdomain,
		'settings.locationId': '1',
	}),
});

const template = (settings: Record<string, unknown> = {}) =>
	configure(loadTemplate(TEMPLATE), {
		'settings.shopSubdomain': env.shopifyFake.shopSubdomain,
		'settings.locationId': '1',
		...settings,
	});

/** A paid Shopify order of one MUG (seeded orders are named #1001, #1002… in order). */
const paidOrder = (extra: IDataObject = {}) => ({ ...paidCheckout('MUG', 1, '9.90'), ...extra });

/** Shopify's products and myOGO's, with stock differing, a product on each side only, one SKU not stocked at the location. */
async function seedCatalog() {
	const codes = ['MUG', 'CAP', 'HOODIE-L', 'STORE-ROOM', 'ONLY-IN-MYOGO'];
	await env.bed.control.post('/seed', {
		products: codes.map((code) => ({ code, languageCode: 'en', name: `Product ${code}` })),
	});
	await setStock(env.bed.control, [
		['MUG', 12],
		['CAP', 5],
		['HOODIE-L', 4],
		['STORE-ROOM', 2],
		['ONLY-IN-MYOGO', 1],
	]);
	await env.shopify.post('/seed', {
		products: [
			{ title: 'Mug', variants: [{ sku: 'MUG', price: '9.90', inventory_quantity: 3 }] },
			{ title: 'Cap', variants: [{ sku: 'CAP', inventory_quantity: 5 }] },
			{
				title: 'Hoodie',
				variants: [
					{ sku: 'HOODIE-L', option1: 'L', inventory_quantity: 9 },
					{ sku: 'SHOP-ONLY', option1: 'XL', inventory_quantity: 2 },
				],
			},
			{
				title: 'Kept in the store room',
				variants: [
					{
						sku: 'STORE-ROOM',
						inventory_quantity: 2,
						inventory_locations: ['gid://shopify/Location/2'],
					},
				],
			},
		],
	});
}

/** Every kind of drift: orders #1001–#1004 paid and open, #1005 paid and fulfilled. */
async function seedDrift() {
	await seedCatalog();
	await env.shopify.post('/seed', {
		orders: [
			...Array.from({ length: 4 }, () => paidOrder()),
			paidOrder({ fulfillment_status: 'fulfilled' }),
		],
	});
	const api = await env.bed.api();
	await freezeAt(env.bed.control, Date.now() - 48 * 3600_000);
	await createMyOgoOrder(api, '1001', 'MUG'); // waiting in new for two days
	await env.bed.control.post('/clock', { now: null });
	for (const reference of ['1002', '1003', '1005']) await createMyOgoOrder(api, reference, 'MUG');
	for (const reference of ['1003', '1005'])
		await env.bed.control.post(`/orders/${reference}/advance`, {
			status: 'shipped',
			trackingNumber: `JJFI${reference}`,
		});
}

const runCheck = (workflow = env.template) => runHealthCheck(workflow, env.credentials());

interface ShopifyState {
	orders: IDataObject[];
	fulfillments: IDataObject[];
	inventory: Record<string, Record<string, number>>;
}
const shopifyState = async () => (await env.shopify.get('/state')).data as ShopifyState;
const shopifyCalls = async () =>
	(
		(await env.shopify.get('/requests')).data as Array<{
			method: string;
			path: string;
			graphqlOperation?: string;
		}>
	).map((call) => call.graphqlOperation ?? `${call.method} ${call.path.replace(/\d+/g, ':id')}`);

const DRIFT = {
	stockDiffers: ['HOODIE-L', 'MUG', 'STORE-ROOM'],
	paidOrderMissing: ['1004'],
	trackingMissing: ['1003'],
	productMissingInMyOgo: ['SHOP-ONLY'],
	productNotInShop: ['ONLY-IN-MYOGO'],
	waitingInNew: ['1001'],
};

test('the report names exactly the drifted records, with counts and what to do, from one paged read of each list, and writes nothing', async () => {
	await seedDrift();
	await env.shopify.delete('/requests');
	await env.bed.control.delete('/requests');
	const { report } = await runCheck();
	expectReportOf(report, DRIFT);
	const stock = report.stockDiffers as IDataObject[];
	expect(stock.find((finding) => finding.key === 'MUG')).toEqual({
		key: 'MUG',
		inShop: 3,
		inMyOgo: 12,
		whatToDo: expect.stringContaining('Repair'),
	});
	expect(stock.find((finding) => finding.key === 'STORE-ROOM')).toEqual(
		expect.objectContaining({
			inShop: 'not stocked at the location',
			whatToDo: expect.stringContaining('Stock this SKU at the location'),
		}),
	);
	expect(report.text).toMatch(
		/trackingMissing: 1\n- 1003 \(shop: unfulfilled, myOGO: shipped JJFI1003\)/,
	);

	// One page of inventory items and one of orders from Shopify; one page of each list from myOGO.
	expect(await shopifyCalls()).toEqual(['HealthInventoryPage', 'HealthOrdersPage']);
	expect((await myOgoApiCalls(env)).map((call) => `${call.method} ${call.path}`)).toEqual([
		'GET /api/v1/stock',
		'GET /api/v1/products',
		'GET /api/v1/orders',
	]);
});

test('with Repair on: stock set, the missing order sent, tracking sent; a second run reports nothing to repair and writes nothing', async () => {
	await seedDrift();
	const repairing = template({ 'settings.repair': true });
	const first = await runCheck(repairing);
	expect(namedKeys(first.report)).toEqual(DRIFT);
	// One stock batch (HOODIE-L and MUG; STORE-ROOM cannot be set), the order, the tracking.
	expect(itemsOf(first.result, 'Repaired')).toHaveLength(3);

	const state = await shopifyState();
	expect([
		state.inventory.MUG?.[MAIN_WAREHOUSE],
		state.inventory['HOODIE-L']?.[MAIN_WAREHOUSE],
	]).toEqual([12, 4]);
	const order1003 = state.orders.find((order) => order.name === '#1003')!;
	expect(order1003.fulfillment_status).toBe('fulfilled');
	expect(JSON.stringify(state.fulfillments)).toContain('JJFI1003');
	const api = await env.bed.api();
	const sent = (await api.get('/orders', { params: { reference: '1004' } })).data as IDataObject[];
	expect(sent.map((order) => order.reference)).toEqual(['1004']);

	await env.shopify.delete('/requests');
	await env.bed.control.delete('/requests');
	const second = await runCheck(repairing);
	expect(namedKeys(second.report)).toEqual({
		...DRIFT,
		stockDiffers: ['STORE-ROOM'], // not stocked at the location: only the merchant can fix it
		paidOrderMissing: [],
		trackingMissing: [],
	});
	expect(itemsOf(second.result, 'Repaired')).toEqual([]);
	expect(await shopifyCalls()).toEqual(['HealthInventoryPage', 'HealthOrdersPage']);
	expect((await myOgoApiCalls(env)).filter((call) => call.method !== 'GET')).toEqual([]);
	const orders1004 = (await api.get('/orders', { params: { reference: '1004' } }))
		.data as IDataObject[];
	expect(orders1004).toHaveLength(1);
});

test('settings.referencePrefix: only prefixed myOGO orders are this shop’s, and a missing order is sent as prefix + number', async () => {
	await seedCatalog();
	await env.shopify.post('/seed', { orders: [paidOrder(), paidOrder()] });
	await seedTwoShopsOrders(env, ['1001', '1002']);

	const { report } = await runCheck(
		template({ 'settings.referencePrefix': 'S1-', 'settings.repair': true }),
	);
	await expectOnlyOwnOrderSent(env, report, ['1001', '1002']);
	expect((await shopifyState()).fulfillments).toEqual([]);
});

test.each([
	{
		read: 'Read Shopify Page',
		fault: () => env.shopify.post('/faults', { path: '/graphql', status: 500, count: 5 }),
	},
	{ read: 'Get All Stock from myOGO', fault: () => myOgoStockReadFails(env) },
])(
	'$read failing: the check ends on Failed Requests naming it, and makes no report',
	async ({ read, fault }) => {
		await seedDrift();
		await fault();
		await expectStopsOnFailedRead(template({ 'settings.repair': true }), env.credentials(), read);
	},
);

test("Shopify's cost budget: the pages are paced by each answer's throttleStatus, and a THROTTLED answer waits and asks again", async () => {
	// 600 SKUs: three inventory pages of 752 points (2 + 250 × 3) requested each. A bucket of 800
	// restoring 400 a second holds one page; the next must wait about 1.8 s for it to refill.
	const skus = Array.from({ length: 600 }, (_, i) => `P-${String(i).padStart(4, '0')}`);
	await env.bed.control.post('/seed', {
		products: skus.map((code) => ({ code, languageCode: 'en', name: code })),
		stock: skus.map((code) => ({ code, stockAvailable: 5, reserved: 0 })),
	});
	await env.shopify.post('/seed', {
		products: skus.map((sku) => ({ title: sku, variants: [{ sku, inventory_quantity: 5 }] })),
	});
	await env.shopify.delete('/requests');
	await env.shopify.post('/rate-limit', { graphql: { bucket: 800, restorePerSecond: 400 } });
	await env.shopify.post('/faults', {
		status: 'THROTTLED',
		path: '/graphql',
		graphqlOperation: 'HealthInventoryPage',
		after: 1,
		count: 1,
	});
	const { report } = await runCheck();
	expect(report.total).toBe(0);
	const calls = (await env.shopify.get('/requests')).data as Array<{
		graphqlOperation: string;
		status: number;
		throttled?: boolean;
		fault?: boolean;
		time: string;
	}>;
	// The injected THROTTLED answer is the only one: the second page is asked again after it.
	expect(calls.map((call) => [call.graphqlOperation, Boolean(call.fault)])).toEqual([
		['HealthInventoryPage', false],
		['HealthInventoryPage', true],
		['HealthInventoryPage', false],
		['HealthInventoryPage', false],
		['HealthOrdersPage', false],
	]);
	expect(calls.filter((call) => call.throttled)).toEqual([]);
	const pages = calls.filter(
		(call) => call.graphqlOperation === 'HealthInventoryPage' && !call.fault,
	);
	const gaps = pages.slice(1).map((call, i) => Date.parse(call.time) - Date.parse(pages[i]!.time));
	for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(1_600);
});

test('a repair Shopify refuses ends on Repair Failed with its answer; the other repairs still go through', async () => {
	await seedDrift();
	await env.shopify.post('/faults', {
		status: 500,
		path: '/graphql',
		graphqlOperation: 'SetAvailable',
		count: 5,
	});
	const result = await runFromTrigger(
		template({ 'settings.repair': true }),
		'Run Check Now',
		[{}],
		env.credentials(),
	);
	expect(itemsOf(result, 'Health Report')).toHaveLength(1);
	expect(itemsOf(result, 'Repair Failed')).toEqual([
		expect.objectContaining({ error: expect.anything() }),
	]);
	expect(itemsOf(result, 'Repaired')).toHaveLength(2); // the order and the tracking
	expect((await shopifyState()).inventory.MUG?.[MAIN_WAREHOUSE]).toBe(3);
});
