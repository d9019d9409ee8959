/**
 * Tracking on a bad day, WooCommerce: workflows/woocommerce-tracking-from-myogo.json with its own
 * myOGO Trigger while WooCommerce fails the writes of the live shipped poll, and nobody retries the
 * execution. The template's repair schedule completes every shipped order with its tracking code,
 * with one completion and one customer note each (the buyer gets one e-mail per parcel).
 */
import type { IDataObject } from 'n8n-workflow';

import { createMyOgoOrder } from '../harness/myOgoOrder';
import { itemsOf, templatePollingTrigger } from '../harness/templates';
import { atTheNextRepair } from '../harness/n8nClock';
import { problems, useReliabilityEnvironment } from './support/environment';

const env = useReliabilityEnvironment({
	template: 'woocommerce-tracking-from-myogo.json',
	settings: (fake) => ({ 'settings.wooCommerceUrl': fake.url }),
	products: ['TRK-MUG'],
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const IDS = [8101, 8102, 8103, 8104];

test('WooCommerce failing while the shipped poll writes, nobody retrying: the repair run delivers every tracking code, one completion and one note each', async () => {
	await env.woo.post('/seed', {
		orders: IDS.map((id) => ({ id, number: String(id), status: 'processing' })),
	});
	const api = await env.api();
	for (const id of IDS) await createMyOgoOrder(api, String(id), 'TRK-MUG');
	const trigger = templatePollingTrigger(env.template, env.credentials());
	await trigger.activate();
	await tick();
	for (const id of IDS)
		await env.control.post(`/orders/${id}/advance`, {
			status: 'shipped',
			trackingNumber: `JJWC${id}`,
		});
	const items = await trigger.poll();
	expect(items).toHaveLength(IDS.length);
	for (const fault of [
		{ status: 503, method: 'PUT', path: `/orders/${IDS[0]}` },
		{ status: 500, method: 'PUT', path: `/orders/${IDS[1]}` },
		{ status: 'reset', method: 'PUT', path: `/orders/${IDS[2]}` },
	]) {
		await env.woo.post('/faults', fault);
	}
	const live = await env.run('myOGO Trigger', items!);
	expect(itemsOf(live, 'Failed Tracking Updates')).toHaveLength(3);
	expect(itemsOf(live, 'Tracking Sent')).toHaveLength(1);

	const repair = await atTheNextRepair(() => env.run('Repair Every 4 Hours', [{}]));
	expect(itemsOf(repair, 'Failed Tracking Updates')).toEqual([]);
	expect(itemsOf(repair, 'Tracking Sent')).toHaveLength(3);
	const again = await atTheNextRepair(() => env.run('Repair Every 4 Hours', [{}]));
	expect(itemsOf(again, 'Tracking Sent')).toEqual([]);

	const delivered: string[] = [];
	for (const id of IDS) {
		const order = (await env.woo.get(`/orders/${id}`)).data as IDataObject & {
			meta_data: IDataObject[];
			notes: IDataObject[];
		};
		expect([id, order.status, order.notes.length]).toEqual([id, 'completed', 1]);
		const meta = Object.fromEntries(order.meta_data.map((m) => [m.key, m.value]));
		if (meta._myogo_tracking_numbers === `JJWC${id}`) delivered.push(String(id));
	}
	const refs = IDS.map(String);
	const outcome = await env.observe({
		expectedReferences: refs,
		ordersSent: 0,
		tracking: { shipped: refs, delivered },
	});
	expect(problems(outcome)).toEqual([]);
	expect(outcome.trackingDelivered).toBe(IDS.length);
});
