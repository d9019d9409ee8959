/**
 * workflows/woocommerce-tracking-from-myogo.json: a shipped myOGO order completes the WooCommerce
 * order with tracking meta and a customer note carrying the tracking link.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	configure,
	itemsOf,
	loadTemplate,
	runFromTrigger,
	templatePollingTrigger,
} from '../harness/templates';
import { createMyOgoOrder } from '../harness/myOgoOrder';
import { expectRepairSendsOne, useWooCommerceTrackingEnvironment } from './setup';
import { atTheNextRepair } from '../harness/n8nClock';

const env = useWooCommerceTrackingEnvironment();

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A myOGO order for a WooCommerce order ID (one MUG line), as the orders template would have sent it. */
async function myOgoOrder(reference: string) {
	await createMyOgoOrder(await env.bed.api(), reference, 'MUG');
}

test('a shipped order gets tracking meta, a customer note with the link, and status completed', async () => {
	await env.woo.post('/seed', {
		orders: [
			{
				id: 501,
				number: '501',
				status: 'processing',
				date_paid_gmt: '2026-11-26T10:00:00',
				customer_note: 'Ring twice',
			},
			{ id: 502, number: '502', status: 'processing' },
		],
	});
	await myOgoOrder('501');
	await myOgoOrder('502');
	const trigger = templatePollingTrigger(env.template, env.credentials());
	await trigger.activate();
	await tick();
	await env.bed.control.post('/orders/501/advance', {
		status: 'shipped',
		trackingNumber: 'JJFI111,JJFI222',
	});
	const items = await trigger.poll();
	expect(items?.map((o) => o.reference)).toEqual(['501']);

	const result = await runFromTrigger(env.template, 'myOGO Trigger', items!, env.credentials());
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Tracking Updates')).toEqual([]);

	// myOGO side: shipped with the tracking numbers the WooCommerce side now holds.
	const shipped = (
		(await (await env.bed.api()).get('/orders', { params: { reference: '501' } }))
			.data as IDataObject[]
	)[0];
	expect(shipped.status).toBe('shipped');
	const order = (await env.woo.get('/orders/501')).data as IDataObject & {
		meta_data: IDataObject[];
		notes: IDataObject[];
	};
	expect(order.status).toBe('completed');
	expect(order.customer_note).toBe('Ring twice'); // the buyer's own note is left alone
	const meta = Object.fromEntries(order.meta_data.map((m) => [m.key, m.value]));
	expect(meta).toEqual({
		_myogo_tracking_numbers: shipped.trackingNumber,
		_myogo_tracking_url: shipped.trackingUrl,
	});
	expect(meta._myogo_tracking_numbers).toBe('JJFI111,JJFI222');
	expect(order.notes).toEqual([
		expect.objectContaining({
			customer_note: true,
			note: `Your order is on its way. Track your parcel here: ${shipped.trackingUrl} (Posti)`,
		}),
	]);
	// The other order is untouched.
	expect((await env.woo.get('/orders/502')).data).toMatchObject({
		status: 'processing',
		meta_data: [],
		notes: [],
	});
});

test('an order WooCommerce does not know goes to "Failed Tracking Updates"; another shop\'s order to "Not a WooCommerce Order"', async () => {
	// Items as the myOGO Trigger emits them (with myOGO's own GUID `id`), not hand-made ones: a real
	// n8n run once stopped on that GUID when the WooCommerce update failed and passed the item on.
	await env.woo.post('/seed', { orders: [{ id: 501, number: '501', status: 'processing' }] });
	for (const reference of ['501', '9999', 'SHOP-1001']) await myOgoOrder(reference);
	const trigger = templatePollingTrigger(env.template, env.credentials());
	await trigger.activate();
	await tick();
	for (const reference of ['501', '9999', 'SHOP-1001']) {
		await env.bed.control.post(`/orders/${reference}/advance`, {
			status: 'shipped',
			trackingNumber: `X-${reference}`,
		});
	}
	const items = await trigger.poll();
	expect(items?.map((o) => o.reference).sort()).toEqual(['501', '9999', 'SHOP-1001']);
	await env.woo.delete('/requests');

	const result = await runFromTrigger(env.template, 'myOGO Trigger', items!, env.credentials());
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Tracking Sent')).toHaveLength(1);
	const failed = itemsOf(result, 'Failed Tracking Updates');
	expect(failed.map((o) => o.reference)).toEqual(['9999']); // the myOGO order that could not be written
	expect((failed[0].error as IDataObject).message).toMatch(/could not be found/i); // the reason, on the item
	expect(itemsOf(result, 'Not a WooCommerce Order').map((o) => o.reference)).toEqual(['SHOP-1001']);
	// WooCommerce was asked about 501 and 9999 only, and a note went to 501 only.
	const requests = (await env.woo.get('/requests')).data as Array<{ method: string; path: string }>;
	expect(requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
		'POST /orders/501/notes',
		'PUT /orders/501',
		'PUT /orders/9999',
	]);
	expect((await env.woo.get('/orders/501')).data).toMatchObject({ status: 'completed' });
});

test('with the Shipment Tracking extension option: one tracking row per parcel instead of meta, then completed with the note', async () => {
	const withExtension = configure(loadTemplate('woocommerce-tracking-from-myogo.json'), {
		'settings.wooCommerceUrl': env.fake.url,
		'settings.useShipmentTrackingExtension': true,
		'settings.trackingProvider': 'Posti',
	});
	await env.woo.post('/seed', {
		orders: [
			{ id: 601, number: '601', status: 'processing' },
			{ id: 602, number: '602', status: 'processing' },
		],
	});
	await myOgoOrder('601');
	await myOgoOrder('602');
	const trigger = templatePollingTrigger(withExtension, env.credentials());
	await trigger.activate();
	await tick();
	await env.bed.control.post('/orders/601/advance', {
		status: 'shipped',
		trackingNumber: 'JJFI111,JJFI222',
	});
	await env.bed.control.post('/orders/602/advance', {
		status: 'shipped',
		trackingNumber: 'JJFI333',
	});
	const items = await trigger.poll();
	expect(items?.map((o) => o.reference).sort()).toEqual(['601', '602']);
	const result = await runFromTrigger(withExtension, 'myOGO Trigger', items!, env.credentials());
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Tracking Updates')).toEqual([]);

	const api = await env.bed.api();
	for (const [id, parcels] of [
		['601', ['JJFI111', 'JJFI222']],
		['602', ['JJFI333']],
	] as const) {
		const shipped = (
			(await api.get('/orders', { params: { reference: id } })).data as IDataObject[]
		)[0];
		const order = (await env.woo.get(`/orders/${id}`)).data as IDataObject & {
			meta_data: IDataObject[];
			notes: IDataObject[];
		};
		expect(order.status).toBe('completed');
		expect(order.meta_data.map((m) => m.key)).toEqual(['_wc_shipment_tracking_items']);
		const rows = order.meta_data[0].value as IDataObject[];
		expect(
			rows.map((r) => [r.tracking_number, r.custom_tracking_provider, r.custom_tracking_link]),
		).toEqual(parcels.map((p) => [p, 'Posti', shipped.trackingUrl]));
		expect(order.notes).toEqual([
			expect.objectContaining({
				customer_note: true,
				note: expect.stringContaining(String(shipped.trackingUrl)),
			}),
		]);
	}
});

test('WooCommerce answering 5xx during the live shipped poll: the repair run completes the order and adds the note, once; a second repair writes nothing', async () => {
	await env.woo.post('/seed', {
		orders: [
			{ id: 701, number: '701', status: 'processing' },
			{ id: 702, number: '702', status: 'processing' },
		],
	});
	await myOgoOrder('701');
	await myOgoOrder('702');
	const trigger = templatePollingTrigger(env.template, env.credentials());
	await trigger.activate();
	await tick();
	await env.bed.control.post('/orders/701/advance', {
		status: 'shipped',
		trackingNumber: 'JJFI701',
	});
	const items = await trigger.poll();
	await env.woo.post('/faults', { status: 503, method: 'PUT', path: '/orders/701' });
	const live = await runFromTrigger(env.template, 'myOGO Trigger', items!, env.credentials());
	expect(itemsOf(live, 'Failed Tracking Updates').map((o) => o.reference)).toEqual(['701']);
	expect((await env.woo.get('/orders/701')).data).toMatchObject({
		status: 'processing',
		notes: [],
	});

	await env.woo.delete('/requests');
	await expectRepairSendsOne(env);
	const shipped = (
		(await (await env.bed.api()).get('/orders', { params: { reference: '701' } }))
			.data as IDataObject[]
	)[0];
	const order = (await env.woo.get('/orders/701')).data as IDataObject & {
		meta_data: IDataObject[];
		notes: IDataObject[];
	};
	expect(order.status).toBe('completed');
	expect(order.notes).toEqual([
		expect.objectContaining({
			customer_note: true,
			note: expect.stringContaining(String(shipped.trackingUrl)),
		}),
	]);
	expect(Object.fromEntries(order.meta_data.map((m) => [m.key, m.value]))).toMatchObject({
		_myogo_tracking_numbers: 'JJFI701',
	});
	// One WooCommerce list read; the order not shipped yet is untouched.
	const wooCalls = (
		(await env.woo.get('/requests')).data as Array<{ method: string; path: string }>
	).map((r) => `${r.method} ${r.path}`);
	expect(wooCalls).toEqual(['GET /orders', 'PUT /orders/701', 'POST /orders/701/notes']);
	expect((await env.woo.get('/orders/702')).data).toMatchObject({
		status: 'processing',
		notes: [],
	});

	await env.woo.delete('/requests');
	const again = await atTheNextRepair(() =>
		runFromTrigger(env.template, 'Repair Every 4 Hours', [{}], env.credentials()),
	);
	expect(itemsOf(again, 'Tracking Sent')).toEqual([]);
	expect(
		((await env.woo.get('/requests')).data as Array<{ method: string }>).filter(
			(r) => r.method !== 'GET',
		),
	).toEqual([]);
	expect(((await env.woo.get('/orders/701')).data as { notes: unknown[] }).notes).toHaveLength(1);
});

/** Seeds processing WooCommerce orders and ships their myOGO twins; returns the shipped poll's items. */
async function shipOrders(
	template: ReturnType<typeof loadTemplate>,
	parcels: Record<string, string>,
): Promise<IDataObject[]> {
	await env.woo.post('/seed', {
		orders: Object.keys(parcels).map((id) => ({
			id: Number(id),
			number: id,
			status: 'processing',
			line_items: [{ id: 1, sku: 'MUG', quantity: 2 }],
		})),
	});
	for (const id of Object.keys(parcels)) await myOgoOrder(id);
	const trigger = templatePollingTrigger(template, env.credentials());
	await trigger.activate();
	await tick();
	for (const [id, trackingNumber] of Object.entries(parcels))
		await env.bed.control.post(`/orders/${id}/advance`, { status: 'shipped', trackingNumber });
	return (await trigger.poll())!;
}

test('Shipment Tracking without a URL from myOGO: the link comes from settings.trackingLinkWhenMissing per parcel; without one the extension stores the parcel with no link', async () => {
	const settings = {
		'settings.wooCommerceUrl': env.fake.url,
		'settings.useShipmentTrackingExtension': true,
		'settings.trackingProvider': 'Posti',
	};
	const withPattern = configure(loadTemplate('woocommerce-tracking-from-myogo.json'), {
		...settings,
		'settings.trackingLinkWhenMissing': 'https://track.example/?code={trackingNumber}',
	});
	// The sandbox always gives a shipped order a tracking URL; a real myOGO order may have none.
	const items = (await shipOrders(withPattern, { '801': 'JJFI801A,JJFI801B' })).map((item) => ({
		...item,
		trackingUrl: null,
	}));
	const result = await runFromTrigger(withPattern, 'myOGO Trigger', items, env.credentials());
	expect(itemsOf(result, 'Failed Tracking Updates')).toEqual([]);
	const rows = ((await env.woo.get('/orders/801')).data as { meta_data: IDataObject[] })
		.meta_data[0].value as IDataObject[];
	expect(rows.map((r) => [r.tracking_number, r.custom_tracking_link])).toEqual([
		['JJFI801A', 'https://track.example/?code=JJFI801A'],
		['JJFI801B', 'https://track.example/?code=JJFI801B'],
	]);

	const withoutPattern = configure(loadTemplate('woocommerce-tracking-from-myogo.json'), settings);
	const bare = (await shipOrders(withoutPattern, { '802': 'JJFI802' })).map((item) => ({
		...item,
		trackingUrl: null,
	}));
	const plain = await runFromTrigger(withoutPattern, 'myOGO Trigger', bare, env.credentials());
	expect(itemsOf(plain, 'Failed Tracking Updates')).toEqual([]);
	const order = (await env.woo.get('/orders/802')).data as {
		status: string;
		meta_data: IDataObject[];
		notes: IDataObject[];
	};
	expect(order.status).toBe('completed');
	expect(
		(order.meta_data[0].value as IDataObject[]).map((r) => [
			r.tracking_number,
			r.custom_tracking_provider,
			r.custom_tracking_link,
		]),
	).toEqual([['JJFI802', 'Posti', '']]);
	expect(order.notes).toEqual([
		expect.objectContaining({ note: expect.stringContaining('JJFI802') }),
	]);
});

test('WooCommerce fulfillments mode (feature on): one fulfillment per order with its lines, tracking meta and notify_customer, then completed with the note; feature off: "Failed Tracking Updates"', async () => {
	const template = configure(loadTemplate('woocommerce-tracking-from-myogo.json'), {
		'settings.wooCommerceUrl': env.fake.url,
		'settings.useWooCommerceFulfillments': true,
		'settings.trackingProvider': 'Posti',
	});
	await env.woo.post('/settings', { fulfillmentsEnabled: true });
	const items = await shipOrders(template, { '901': 'JJFI901A,JJFI901B', '902': 'JJFI902' });
	const result = await runFromTrigger(template, 'myOGO Trigger', items, env.credentials());
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Tracking Updates')).toEqual([]);
	expect(itemsOf(result, 'Tracking Sent')).toHaveLength(2);
	for (const [id, first] of [
		['901', 'JJFI901A'],
		['902', 'JJFI902'],
	]) {
		const shipped = (
			(await (await env.bed.api()).get('/orders', { params: { reference: id } }))
				.data as IDataObject[]
		)[0];
		const order = (await env.woo.get(`/orders/${id}`)).data as {
			status: string;
			meta_data: IDataObject[];
			notes: IDataObject[];
			fulfillments: Array<{ notified: boolean; status: string; meta_data: IDataObject[] }>;
		};
		expect(order.status).toBe('completed');
		expect(order.meta_data).toEqual([]); // no _myogo_… meta in this mode
		expect(order.fulfillments).toHaveLength(1);
		expect(order.fulfillments[0]).toMatchObject({ status: 'fulfilled', notified: true });
		expect(
			Object.fromEntries(order.fulfillments[0].meta_data.map((m) => [m.key, m.value])),
		).toEqual({
			_items: [{ item_id: 1, qty: 2 }],
			_tracking_number: first,
			_shipment_provider: 'Posti',
			_tracking_url: shipped.trackingUrl,
		});
		expect(order.notes).toEqual([
			expect.objectContaining({
				customer_note: true,
				note: expect.stringContaining(String(shipped.trackingUrl)),
			}),
		]);
	}

	// The feature off in WooCommerce: the route does not exist; visible, and the order stays processing.
	await env.woo.post('/settings', { fulfillmentsEnabled: false });
	const off = await runFromTrigger(
		template,
		'myOGO Trigger',
		await shipOrders(template, { '903': 'JJFI903' }),
		env.credentials(),
	);
	expect(itemsOf(off, 'Failed Tracking Updates')).toHaveLength(1);
	expect(JSON.stringify(itemsOf(off, 'Failed Tracking Updates')[0])).toMatch(/404|No route/i);
	expect((await env.woo.get('/orders/903')).data).toMatchObject({
		status: 'processing',
		notes: [],
	});
});

describe('the tweaks a merchant makes (#15)', () => {
	const tracking = (settings: Record<string, unknown>) =>
		configure(loadTemplate('woocommerce-tracking-from-myogo.json'), {
			'settings.wooCommerceUrl': env.fake.url,
			...settings,
		});

	async function shipAndRun(template: ReturnType<typeof loadTemplate>) {
		const items = await shipOrders(template, { '951': 'JJFI951', '952': 'JJFI952' });
		const result = await runFromTrigger(template, 'myOGO Trigger', items, env.credentials());
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, 'Failed Tracking Updates')).toEqual([]);
		const orders = await Promise.all(
			['951', '952'].map(
				async (id) =>
					(await env.woo.get(`/orders/${id}`)).data as {
						notes: IDataObject[];
						fulfillments?: IDataObject[];
					},
			),
		);
		return { result, orders };
	}

	test('6. settings.notifyCustomer off: the tracking note is a private note', async () => {
		const { result, orders } = await shipAndRun(tracking({ 'settings.notifyCustomer': false }));
		expect(itemsOf(result, 'Your Rules (one item per shipped order)')).toHaveLength(2);
		expect(orders.map((order) => order.notes.map((note) => note.customer_note))).toEqual([
			[false],
			[false],
		]);
	});

	test('6. settings.notifyCustomer off in fulfillments mode: the fulfillment does not notify the buyer', async () => {
		await env.woo.post('/settings', { fulfillmentsEnabled: true });
		const fulfilled = await shipAndRun(
			tracking({ 'settings.notifyCustomer': false, 'settings.useWooCommerceFulfillments': true }),
		);
		expect(fulfilled.orders.map((order) => order.fulfillments?.map((f) => f.notified))).toEqual([
			[false],
			[false],
		]);
	});

	test('6. the carrier name shown in the store: settings.trackingProvider is named in the note', async () => {
		const { orders } = await shipAndRun(tracking({ 'settings.trackingProvider': 'DHL Express' }));
		expect(orders.map((order) => order.notes.map((note) => note.note))).toEqual([
			[expect.stringMatching(/JJFI951.* \(DHL Express\)$/)],
			[expect.stringMatching(/JJFI952.* \(DHL Express\)$/)],
		]);
	});
});
