/**
 * workflows/magento2-sync-health.json, run in-process against the myOGO sandbox and the Magento 2
 * fake: each kind of drift is seeded, the report names exactly the drifted records, with Repair on a
 * second run reports nothing that can be repaired and writes nothing, and a failed read stops the
 * check on a named end.
 */
import type { IDataObject } from 'n8n-workflow';

import { freezeAt, setStock } from '../trigger/helpers';
import { configure, loadTemplate, itemsOf } from '../harness/templates';
import { createMyOgoOrder } from '../harness/myOgoOrder';
import { magentoCalls, magentoQuantities, useMagentoEnvironment } from './magento2Setup';
import { myOgoApiCalls } from './setup';
import {
	expectOnlyOwnOrderSent,
	expectReportOf,
	expectStopsOnFailedRead,
	myOgoStockReadFails,
	namedKeys,
	runHealthCheck,
	seedTwoShopsOrders,
} from './syncHealthReport';

const TEMPLATE = 'magento2-sync-health.json';
const env = useMagentoEnvironment(TEMPLATE);
const template = (settings: Record<string, unknown> = {}) =>
	configure(loadTemplate(TEMPLATE), { 'settings.magentoUrl': env.fake.url, ...settings });
const runCheck = (workflow = env.template) => runHealthCheck(workflow, env.credentials());

/** A paid Magento order of one MUG, shipped flat rate (not shipped yet: status processing). */
const paidOrder = (increment_id: string, extra: IDataObject = {}) => ({
	increment_id,
	items: [{ sku: 'MUG', product_type: 'simple', qty_ordered: 1, price: 9.9 }],
	shipping_method: 'flatrate_flatrate',
	payment_method: 'checkmo',
	...extra,
});

async function seedCatalog() {
	const codes = ['MUG', 'CAP', 'ONLY-IN-MYOGO'];
	await env.bed.control.post('/seed', {
		products: codes.map((code) => ({ code, languageCode: 'en', name: `Product ${code}` })),
	});
	await setStock(env.bed.control, [
		['MUG', 12],
		['CAP', 5],
		['ONLY-IN-MYOGO', 1],
	]);
	await env.magento.post('/seed', {
		products: [
			{ sku: 'MUG', name: 'Mug', type_id: 'simple', quantity: 3 },
			{ sku: 'CAP', name: 'Cap', type_id: 'simple', quantity: 5 },
			{ sku: 'SHOP-ONLY', name: 'Shop only', type_id: 'simple', quantity: 2 },
			// A configurable parent holds no stock and is no myOGO product: never reported.
			{ sku: 'TEE', name: 'Tee', type_id: 'configurable' },
		],
	});
}

/** Every kind of drift: orders 701–704 paid and not shipped, 705 complete. */
async function seedDrift() {
	await seedCatalog();
	await env.magento.post('/seed', {
		orders: [
			...['000000701', '000000702', '000000703', '000000704'].map((id) => paidOrder(id)),
			paidOrder('000000705', { state: 'complete' }),
		],
	});
	const api = await env.bed.api();
	await freezeAt(env.bed.control, Date.now() - 48 * 3600_000);
	await createMyOgoOrder(api, '000000701', 'MUG'); // waiting in new for two days
	await env.bed.control.post('/clock', { now: null });
	for (const reference of ['000000702', '000000703', '000000705'])
		await createMyOgoOrder(api, reference, 'MUG');
	for (const reference of ['000000703', '000000705'])
		await env.bed.control.post(`/orders/${reference}/advance`, {
			status: 'shipped',
			trackingNumber: `JJFI${reference.slice(-3)}`,
		});
}

const DRIFT = {
	stockDiffers: ['MUG'],
	paidOrderMissing: ['000000704'],
	trackingMissing: ['000000703'],
	productMissingInMyOgo: ['SHOP-ONLY'],
	productNotInShop: ['ONLY-IN-MYOGO'],
	waitingInNew: ['000000701'],
};

test('the report names exactly the drifted records, with counts and what to do, from one paged read of each list, and writes nothing', async () => {
	await seedDrift();
	await env.magento.delete('/requests');
	await env.bed.control.delete('/requests');
	const { report } = await runCheck();
	expectReportOf(report, DRIFT);
	expect((report.stockDiffers as IDataObject[])[0]).toEqual({
		key: 'MUG',
		inShop: 3,
		inMyOgo: 12,
		whatToDo: expect.stringContaining('Repair'),
	});
	expect(report.text).toMatch(
		/trackingMissing: 1\n- 000000703 \(shop: processing, myOGO: shipped JJFI703\)/,
	);
	expect((await magentoCalls(env)).map((call) => call.replace(/\?.*/, ''))).toEqual([
		'GET /inventory/source-items',
		'GET /products',
		'GET /orders',
	]);
	expect((await myOgoApiCalls(env.shared())).map((call) => `${call.method} ${call.path}`)).toEqual([
		'GET /api/v1/stock',
		'GET /api/v1/products',
		'GET /api/v1/orders',
	]);
});

test('with Repair on: stock set, the missing order sent, the shipped order shipped with its track; a second run reports nothing to repair and writes nothing', async () => {
	await seedDrift();
	const repairing = template({ 'settings.repair': true });
	const first = await runCheck(repairing);
	expect(namedKeys(first.report)).toEqual(DRIFT);
	expect(itemsOf(first.result, 'Repaired')).toHaveLength(3);
	expect((await magentoQuantities(env)).MUG).toBe(12);
	const state = (await env.magento.get('/state')).data as {
		orders: IDataObject[];
		shipments: IDataObject[];
	};
	expect(state.orders.find((order) => order.increment_id === '000000703')?.state).toBe('complete');
	expect(JSON.stringify(state.shipments)).toContain('JJFI703');

	await env.magento.delete('/requests');
	await env.bed.control.delete('/requests');
	const second = await runCheck(repairing);
	expect(namedKeys(second.report)).toEqual({
		...DRIFT,
		stockDiffers: [],
		paidOrderMissing: [],
		trackingMissing: [],
	});
	expect(itemsOf(second.result, 'Repaired')).toEqual([]);
	expect((await magentoCalls(env)).filter((call) => !call.startsWith('GET '))).toEqual([]);
	expect((await myOgoApiCalls(env.shared())).filter((call) => call.method !== 'GET')).toEqual([]);
	const sent = (await (await env.bed.api()).get('/orders', { params: { reference: '000000704' } }))
		.data as IDataObject[];
	expect(sent).toHaveLength(1);
});

test('settings.referencePrefix: only prefixed myOGO orders are this shop’s, and a missing order is sent as prefix + number', async () => {
	await seedCatalog();
	await env.magento.post('/seed', { orders: [paidOrder('801'), paidOrder('802')] });
	await seedTwoShopsOrders(env.shared(), ['801', '802']);
	const { report } = await runCheck(
		template({ 'settings.referencePrefix': 'S1-', 'settings.repair': true }),
	);
	await expectOnlyOwnOrderSent(env.shared(), report, ['801', '802']);
	const state = (await env.magento.get('/state')).data as { shipments: IDataObject[] };
	expect(state.shipments).toEqual([]);
});

test.each([
	{
		read: 'Get Open Shop Orders',
		fault: () =>
			env.magento.post('/faults', { path: '/orders', method: 'GET', status: 500, count: 5 }),
	},
	{ read: 'Get All Stock from myOGO', fault: () => myOgoStockReadFails(env.shared()) },
])(
	'$read failing: the check ends on Failed Requests naming it, and makes no report',
	async ({ read, fault }) => {
		await seedDrift();
		await fault();
		await expectStopsOnFailedRead(template({ 'settings.repair': true }), env.credentials(), read);
	},
);
