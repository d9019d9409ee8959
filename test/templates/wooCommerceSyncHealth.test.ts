/**
 * workflows/woocommerce-sync-health.json, run in-process against the myOGO sandbox and the
 * WooCommerce fake: each kind of drift is seeded, the report names exactly the drifted records, and
 * with Repair on a second run reports nothing that can be repaired (and nothing is sent twice).
 */
import type { IDataObject } from 'n8n-workflow';

import { freezeAt, setStock } from '../trigger/helpers';
import { configure, itemsOf, loadTemplate } from '../harness/templates';
import { filterNode, insertAtRulesSpot } from '../harness/templateRules';
import { wooOrder } from '../harness/wooCommerceOrder';
import { createMyOgoOrder } from '../harness/myOgoOrder';
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

const TEMPLATE = 'woocommerce-sync-health.json';
const env = useTemplateEnvironment({
	template: TEMPLATE,
	settings: (fake) => ({ 'settings.wooCommerceUrl': fake.url }),
});

/** The drift a merchant's shop and warehouse can get into: one or two records of every kind. */
async function seedDrift() {
	const codes = ['HOODIE-BLUE-L', 'WOO-BEANIE', 'MUG', 'ONLY-IN-MYOGO'];
	await env.bed.control.post('/seed', {
		products: codes.map((code) => ({ code, languageCode: 'en', name: `Product ${code}` })),
	});
	await setStock(env.bed.control, [
		['HOODIE-BLUE-L', 4],
		['WOO-BEANIE', 10],
		['MUG', 12],
		['ONLY-IN-MYOGO', 1],
	]);
	await env.woo.post('/seed', {
		products: [
			{ name: 'Beanie', sku: 'WOO-BEANIE', manage_stock: true, stock_quantity: 10 },
			{ name: 'Mug', sku: 'MUG', manage_stock: true, stock_quantity: 3 },
			{ name: 'Shop only', sku: 'WOO-ONLY', manage_stock: true, stock_quantity: 2 },
			{
				name: 'Hoodie',
				type: 'variable',
				variations: [{ sku: 'HOODIE-BLUE-L', manage_stock: true, stock_quantity: 9 }],
			},
		],
		orders: ['701', '702', '703', '704'].map((number) =>
			wooOrder(number, 'processing', { id: Number(number) }),
		),
	});
	await env.woo.post('/seed', { orders: [wooOrder('705', 'completed', { id: 705 })] });
	const api = await env.bed.api();
	const myOgoOrder = (reference: string) => createMyOgoOrder(api, reference, 'MUG');
	await freezeAt(env.bed.control, Date.now() - 48 * 3600_000);
	await myOgoOrder('701'); // waiting in new for two days
	await env.bed.control.post('/clock', { now: null });
	await myOgoOrder('702');
	await myOgoOrder('703');
	await myOgoOrder('705');
	for (const reference of ['703', '705'])
		await env.bed.control.post(`/orders/${reference}/advance`, {
			status: 'shipped',
			trackingNumber: `JJFI${reference}`,
		});
}

const runCheck = (template = env.template) => runHealthCheck(template, env.credentials());

const DRIFT = {
	stockDiffers: ['HOODIE-BLUE-L', 'MUG'],
	paidOrderMissing: ['704'],
	trackingMissing: ['703'],
	productMissingInMyOgo: ['WOO-ONLY'],
	productNotInShop: ['ONLY-IN-MYOGO'],
	waitingInNew: ['701'],
};

test('the report names exactly the drifted records, with counts and what to do, and writes nothing', async () => {
	await seedDrift();
	await env.woo.delete('/requests');
	await env.bed.control.delete('/requests');
	const { report } = await runCheck();
	expectReportOf(report, DRIFT);
	const mug = (report.stockDiffers as IDataObject[]).find((finding) => finding.key === 'MUG');
	expect(mug).toEqual({
		key: 'MUG',
		inShop: 3,
		inMyOgo: 12,
		whatToDo: expect.stringContaining('Repair'),
	});
	expect(report.text).toMatch(/paidOrderMissing: 1\n- 704 \(shop: processing, myOGO: missing\)/);

	// Only paged reads: one page of each list, one variation read for the one variable product.
	const wooCalls = (await env.woo.get('/requests')).data as Array<{ method: string; path: string }>;
	expect(wooCalls.map((call) => `${call.method} ${call.path.replace(/\d+/g, ':id')}`)).toEqual([
		'GET /products',
		'GET /products/:id/variations',
		'GET /orders',
	]);
	expect((await myOgoApiCalls(env)).map((call) => `${call.method} ${call.path}`)).toEqual([
		'GET /api/v1/stock',
		'GET /api/v1/products',
		'GET /api/v1/orders',
	]);
});

test('with Repair on: stock set, the missing order sent, tracking completed; a second run reports nothing to repair and writes nothing', async () => {
	await seedDrift();
	const repairing = configure(loadTemplate(TEMPLATE), {
		'settings.wooCommerceUrl': env.fake.url,
		'settings.repair': true,
	});
	const first = await runCheck(repairing);
	expect(namedKeys(first.report)).toEqual(DRIFT);
	expect(itemsOf(first.result, 'Repaired')).toHaveLength(4);

	const state = (await env.woo.get('/state')).data as {
		products: IDataObject[];
		variations: IDataObject[];
		orders: IDataObject[];
	};
	const bySku = new Map([...state.products, ...state.variations].map((p) => [p.sku, p]));
	expect([bySku.get('MUG')?.stock_quantity, bySku.get('HOODIE-BLUE-L')?.stock_quantity]).toEqual([
		12, 4,
	]);
	const order703 = state.orders.find((order) => order.id === 703)!;
	expect(order703.status).toBe('completed');
	expect(order703.meta_data).toEqual(
		expect.arrayContaining(
			[{ key: '_myogo_tracking_numbers', value: 'JJFI703' }].map(expect.objectContaining),
		),
	);

	await env.woo.delete('/requests');
	await env.bed.control.delete('/requests');
	const second = await runCheck(repairing);
	expect(namedKeys(second.report)).toEqual({
		...DRIFT,
		stockDiffers: [],
		paidOrderMissing: [],
		trackingMissing: [],
	});
	expect(itemsOf(second.result, 'Repaired')).toEqual([]);
	const writes = (await env.woo.get('/requests')).data as Array<{ method: string }>;
	expect(writes.filter((call) => call.method !== 'GET')).toEqual([]);
	expect((await myOgoApiCalls(env)).filter((call) => call.method !== 'GET')).toEqual([]);
	const orders704 = (await (await env.bed.api()).get('/orders', { params: { reference: '704' } }))
		.data as IDataObject[];
	expect(orders704).toHaveLength(1);
});

test('a Filter in the rules spot leaves a kind out of the report and out of the repairs', async () => {
	await seedDrift();
	const withRule = insertAtRulesSpot(
		configure(loadTemplate(TEMPLATE), {
			'settings.wooCommerceUrl': env.fake.url,
			'settings.repair': true,
		}),
		filterNode(
			'Not Stock',
			'={{ $json.kind }}',
			{ type: 'string', operation: 'notEquals' },
			'stockDiffers',
		),
	);
	const { result, report } = await runCheck(withRule);
	expect(namedKeys(report)).toEqual({ ...DRIFT, stockDiffers: [] });
	expect(itemsOf(result, 'Repaired')).toHaveLength(2); // the order and the tracking, no stock
	const state = (await env.woo.get('/state')).data as { products: IDataObject[] };
	expect(state.products.find((product) => product.sku === 'MUG')?.stock_quantity).toBe(3);
});

test('settings.referencePrefix: only prefixed myOGO orders are this shop’s, and a missing order is sent as prefix + number', async () => {
	await env.bed.control.post('/seed', {
		products: ['HOODIE-BLUE-L', 'WOO-BEANIE', 'MUG'].map((code) => ({
			code,
			languageCode: 'en',
			name: code,
		})),
	});
	await env.woo.post('/seed', {
		orders: ['801', '802'].map((number) => wooOrder(number, 'processing', { id: Number(number) })),
	});
	await seedTwoShopsOrders(env, ['801', '802']);

	const { report } = await runCheck(
		configure(loadTemplate(TEMPLATE), {
			'settings.wooCommerceUrl': env.fake.url,
			'settings.referencePrefix': 'S1-',
			'settings.repair': true,
		}),
	);
	await expectOnlyOwnOrderSent(env, report, ['801', '802']);
	const orders = ((await env.woo.get('/state')).data as { orders: IDataObject[] }).orders;
	expect(orders.map((order) => order.status)).toEqual(['processing', 'processing']);
});

test.each([
	{
		read: 'Get Open Shop Orders',
		fault: () => env.woo.post('/faults', { path: '/orders', method: 'GET', status: 500, count: 5 }),
	},
	{ read: 'Get All Stock from myOGO', fault: () => myOgoStockReadFails(env) },
])(
	'$read failing: the check ends on Failed Requests naming it, and makes no report',
	async ({ read, fault }) => {
		await seedDrift();
		await fault();
		await expectStopsOnFailedRead(env.template, env.credentials(), read);
	},
);
