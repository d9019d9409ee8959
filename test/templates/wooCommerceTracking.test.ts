/**
 * workflows/woocommerce-tracking-from-myogo.json: a shipped myOGO order completes the WooCommerce
 * order with tracking meta and a customer note carrying the tracking link.
 */
import type { IDataObject } from 'n8n-workflow';

import { configure, itemsOf, loadTemplate, runFromTrigger, templatePollingTrigger } from '../harness/templates';
import { expectRepairSendsOne, useTemplateEnvironment } from './setup';

const env = useTemplateEnvironment({
	template: 'woocommerce-tracking-from-myogo.json',
	settings: (fake) => ({ 'settings.wooCommerceUrl': fake.url }),
	seed: (bed) => bed.control.post('/seed', { products: [{ code: 'MUG', languageCode: 'en', name: 'Mug' }] }),
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function myOgoOrder(reference: string) {
	await (await env.bed.api()).post('/orders', {
		reference,
		shippingCode: 'POSTI_PAKETTI',
		customer: { name: 'Aino Virtanen', address1: 'Mannerheimintie 1', city: 'Helsinki', countryCode: 'FI', zip: '00100' },
		orderLines: [{ code: 'MUG', quantity: 1 }],
	});
}

test('a shipped order gets tracking meta, a customer note with the link, and status completed', async () => {
	await env.woo.post('/seed', {
		orders: [
			{ id: 501, number: '501', status: 'processing', date_paid_gmt: '2026-11-26T10:00:00', customer_note: 'Ring twice' },
			{ id: 502, number: '502', status: 'processing' },
		],
	});
	await myOgoOrder('501');
	await myOgoOrder('502');
	const trigger = templatePollingTrigger(env.template, env.credentials());
	await trigger.activate();
	await tick();
	await env.bed.control.post('/orders/501/advance', { status: 'shipped', trackingNumber: 'JJFI111,JJFI222' });
	const items = await trigger.poll();
	expect(items?.map((o) => o.reference)).toEqual(['501']);

	const result = await runFromTrigger(env.template, 'myOGO Trigger', items!, env.credentials());
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Tracking Updates')).toEqual([]);

	// myOGO side: shipped with the tracking numbers the WooCommerce side now holds.
	const shipped = ((await (await env.bed.api()).get('/orders', { params: { reference: '501' } })).data as IDataObject[])[0];
	expect(shipped.status).toBe('shipped');
	const order = (await env.woo.get('/orders/501')).data as IDataObject & { meta_data: IDataObject[]; notes: IDataObject[] };
	expect(order.status).toBe('completed');
	expect(order.customer_note).toBe('Ring twice'); // the buyer's own note is left alone
	const meta = Object.fromEntries(order.meta_data.map((m) => [m.key, m.value]));
	expect(meta).toEqual({ _myogo_tracking_numbers: shipped.trackingNumber, _myogo_tracking_url: shipped.trackingUrl });
	expect(meta._myogo_tracking_numbers).toBe('JJFI111,JJFI222');
	expect(order.notes).toEqual([
		expect.objectContaining({ customer_note: true, note: `Your order is on its way. Track your parcel here: ${shipped.trackingUrl}` }),
	]);
	// The other order is untouched.
	expect((await env.woo.get('/orders/502')).data).toMatchObject({ status: 'processing', meta_data: [], notes: [] });
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
		await env.bed.control.post(`/orders/${reference}/advance`, { status: 'shipped', trackingNumber: `X-${reference}` });
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
	expect(requests.map((r) => `${r.method} ${r.path}`).sort()).toEqual(['POST /orders/501/notes', 'PUT /orders/501', 'PUT /orders/9999']);
	expect((await env.woo.get('/orders/501')).data).toMatchObject({ status: 'completed' });
});

test('with the Shipment Tracking extension option: one tracking row per parcel instead of meta, then completed with the note', async () => {
	const withExtension = configure(loadTemplate('woocommerce-tracking-from-myogo.json'), {
		'settings.wooCommerceUrl': env.fake.url,
		'settings.useShipmentTrackingExtension': true,
		'settings.trackingProvider': 'Posti',
	});
	await env.woo.post('/seed', { orders: [{ id: 601, number: '601', status: 'processing' }, { id: 602, number: '602', status: 'processing' }] });
	await myOgoOrder('601');
	await myOgoOrder('602');
	const trigger = templatePollingTrigger(withExtension, env.credentials());
	await trigger.activate();
	await tick();
	await env.bed.control.post('/orders/601/advance', { status: 'shipped', trackingNumber: 'JJFI111,JJFI222' });
	await env.bed.control.post('/orders/602/advance', { status: 'shipped', trackingNumber: 'JJFI333' });
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
		const shipped = ((await api.get('/orders', { params: { reference: id } })).data as IDataObject[])[0];
		const order = (await env.woo.get(`/orders/${id}`)).data as IDataObject & { meta_data: IDataObject[]; notes: IDataObject[] };
		expect(order.status).toBe('completed');
		expect(order.meta_data.map((m) => m.key)).toEqual(['_wc_shipment_tracking_items']);
		const rows = order.meta_data[0].value as IDataObject[];
		expect(rows.map((r) => [r.tracking_number, r.custom_tracking_provider, r.custom_tracking_link])).toEqual(
			parcels.map((p) => [p, 'Posti', shipped.trackingUrl]),
		);
		expect(order.notes).toEqual([expect.objectContaining({ customer_note: true, note: expect.stringContaining(String(shipped.trackingUrl)) })]);
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
	await env.bed.control.post('/orders/701/advance', { status: 'shipped', trackingNumber: 'JJFI701' });
	const items = await trigger.poll();
	await env.woo.post('/faults', { status: 503, method: 'PUT', path: '/orders/701' });
	const live = await runFromTrigger(env.template, 'myOGO Trigger', items!, env.credentials());
	expect(itemsOf(live, 'Failed Tracking Updates').map((o) => o.reference)).toEqual(['701']);
	expect((await env.woo.get('/orders/701')).data).toMatchObject({ status: 'processing', notes: [] });

	await env.woo.delete('/requests');
	await expectRepairSendsOne(env);
	const shipped = ((await (await env.bed.api()).get('/orders', { params: { reference: '701' } })).data as IDataObject[])[0];
	const order = (await env.woo.get('/orders/701')).data as IDataObject & { meta_data: IDataObject[]; notes: IDataObject[] };
	expect(order.status).toBe('completed');
	expect(order.notes).toEqual([expect.objectContaining({ customer_note: true, note: expect.stringContaining(String(shipped.trackingUrl)) })]);
	expect(Object.fromEntries(order.meta_data.map((m) => [m.key, m.value]))).toMatchObject({ _myogo_tracking_numbers: 'JJFI701' });
	// One WooCommerce list read; the order not shipped yet is untouched.
	const wooCalls = ((await env.woo.get('/requests')).data as Array<{ method: string; path: string }>).map((r) => `${r.method} ${r.path}`);
	expect(wooCalls).toEqual(['GET /orders', 'PUT /orders/701', 'POST /orders/701/notes']);
	expect((await env.woo.get('/orders/702')).data).toMatchObject({ status: 'processing', notes: [] });

	await env.woo.delete('/requests');
	const again = await runFromTrigger(env.template, 'Repair Every 4 Hours', [{}], env.credentials());
	expect(itemsOf(again, 'Tracking Sent')).toEqual([]);
	expect(((await env.woo.get('/requests')).data as Array<{ method: string }>).filter((r) => r.method !== 'GET')).toEqual([]);
	expect(((await env.woo.get('/orders/701')).data as { notes: unknown[] }).notes).toHaveLength(1);
});
