/**
 * workflows/magento2-tracking-from-myogo.json: a shipped myOGO order becomes one Magento shipment with
 * one track per parcel code, the buyer notified per Settings; a second run ships nothing twice.
 */
import type { IDataObject } from 'n8n-workflow';

import { configure, itemsOf, runFromTrigger, templatePollingTrigger } from '../harness/templates';
import { runWorkflow } from '../harness/runWorkflow';
import {
	magentoCalls,
	sendMyOgoOrder,
	useMagentoEnvironment,
	type MagentoEnvironment,
} from './magento2Setup';
import { atTheNextRepair } from '../harness/n8nClock';

const env = useMagentoEnvironment('magento2-tracking-from-myogo.json');
const RULES = 'Your Rules (one item per shipped order)';
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

type Obj = Record<string, any>;

/** Magento orders (numbers = increment_id) and their myOGO twins; returns the Magento orders. */
async function seedOrders(numbers: string[], inMyOgo = numbers): Promise<Obj[]> {
	await env.bed.control.post('/seed', {
		products: [{ code: 'MUG', languageCode: 'en', name: 'Mug' }],
	});
	const orders: Obj[] = [];
	for (const increment_id of numbers)
		orders.push(
			(
				await env.magento.post('/orders', {
					increment_id,
					items: [
						{
							sku: 'TEE-S',
							product_type: 'configurable',
							qty_ordered: 2,
							children: [{ sku: 'TEE-S' }],
						},
					],
				})
			).data,
		);
	for (const reference of inMyOgo) await sendMyOgoOrder(env.bed, reference);
	return orders;
}

/** Ships the references in myOGO, polls the template's trigger once, runs the workflow. */
async function shipAndRun(
	shipped: Record<string, string>,
	template = env.template,
	environment: MagentoEnvironment = env,
) {
	const trigger = templatePollingTrigger(template, environment.credentials());
	await trigger.activate();
	await tick();
	for (const [reference, trackingNumber] of Object.entries(shipped))
		await env.bed.control.post(`/orders/${reference}/advance`, {
			status: 'shipped',
			trackingNumber,
		});
	const items = (await trigger.poll()) ?? [];
	await env.magento.delete('/requests');
	return await runFromTrigger(template, 'myOGO Trigger', items, environment.credentials());
}

async function magentoOrder(entityId: number) {
	return (await env.magento.get(`/orders/${entityId}`)).data as Obj;
}

test('a shipped order: one shipment with a track per parcel code, the buyer e-mailed, found in one lookup', async () => {
	const [order, other] = await seedOrders(['000000101', '000000102']);
	const result = await shipAndRun({ '000000101': 'JJFI111,JJFI222' });
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, RULES)).toHaveLength(1); // one item per shipped order at the rules spot
	expect(itemsOf(result, 'Failed Tracking Updates')).toEqual([]);
	expect(itemsOf(result, 'Tracking Sent')).toHaveLength(1);
	const after = await magentoOrder(order.entity_id);
	expect(after.state).toBe('complete');
	expect(after.shipments).toHaveLength(1);
	expect(
		after.shipments[0].tracks.map((t: Obj) => [t.track_number, t.title, t.carrier_code]),
	).toEqual([
		['JJFI111', 'Posti', 'custom'],
		['JJFI222', 'Posti', 'custom'],
	]);
	const state = (await env.magento.get('/state')).data as { emails: Obj[] };
	expect(state.emails).toEqual([
		expect.objectContaining({ to: 'buyer@example.com', tracks: ['JJFI111', 'JJFI222'] }),
	]);
	expect((await magentoOrder(other.entity_id)).shipments).toEqual([]);
	expect(await magentoCalls(env)).toEqual(['GET /orders', `POST /order/${order.entity_id}/ship`]);
});

test('tweak 6: notifyCustomer false sends no e-mail, and carrierName is the title the buyer sees', async () => {
	const [order] = await seedOrders(['000000201']);
	const quiet = configure(env.template, {
		'settings.notifyCustomer': false,
		'settings.carrierName': 'DHL Express',
	});
	const result = await shipAndRun({ '000000201': 'DHL1' }, quiet);
	expect(result.error).toBeUndefined();
	const after = await magentoOrder(order.entity_id);
	expect(after.shipments[0].tracks[0]).toMatchObject({
		track_number: 'DHL1',
		title: 'DHL Express',
	});
	expect(((await env.magento.get('/state')).data as { emails: Obj[] }).emails).toEqual([]);
});

test("another shop's order ends on Not a Magento Order; a shipped one on Already Shipped, with no second shipment or e-mail", async () => {
	const [order] = await seedOrders(['000000301'], ['000000301', 'SHOP-1']);
	await env.api.post(`/order/${order.entity_id}/ship`, { notify: false }); // shipped by hand in Magento
	const result = await shipAndRun({ '000000301': 'X1', 'SHOP-1': 'X2' });
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Not a Magento Order').map((o) => o.reference)).toEqual(['SHOP-1']);
	expect(itemsOf(result, 'Already Shipped').map((o) => o.reference)).toEqual(['000000301']);
	expect((await magentoOrder(order.entity_id)).shipments).toHaveLength(1);
	expect(((await env.magento.get('/state')).data as { emails: Obj[] }).emails).toEqual([]);
	expect(await magentoCalls(env)).toEqual(['GET /orders']);
});

test('a refused shipment fails visibly; the repair run ships it once Magento takes it, and a second repair ships nothing', async () => {
	const [order] = await seedOrders(['000000401']);
	await env.magento.post('/faults', { status: 503, path: '/order/' });
	const failed = await shipAndRun({ '000000401': 'R1' });
	expect(itemsOf(failed, 'Failed Tracking Updates')).toEqual([
		expect.objectContaining({ reference: '000000401' }),
	]);
	expect((await magentoOrder(order.entity_id)).shipments).toEqual([]);

	const repair = () =>
		atTheNextRepair(() =>
			runWorkflow(
				{ nodes: env.template.nodes, connections: env.template.connections },
				{ credentials: env.credentials(), startNode: 'Repair Every 4 Hours' },
			),
		);
	const first = await repair();
	expect(first.error).toBeUndefined();
	expect(itemsOf(first, 'Tracking Sent')).toHaveLength(1);
	expect((await magentoOrder(order.entity_id)).shipments).toHaveLength(1);
	const second = await repair();
	expect(itemsOf(second, 'Already Shipped').map((o: IDataObject) => o.reference)).toEqual([
		'000000401',
	]);
	expect((await magentoOrder(order.entity_id)).shipments).toHaveLength(1);
	expect(((await env.magento.get('/state')).data as { emails: Obj[] }).emails).toHaveLength(1);
});

test('a ship call Magento refuses because the order is already shipped ends on Already Shipped', async () => {
	const [order] = await seedOrders(['000000501']);
	// Shipped in Magento between the lookup and the ship call: the lookup still says processing.
	const trigger = templatePollingTrigger(env.template, env.credentials());
	await trigger.activate();
	await tick();
	await env.bed.control.post('/orders/000000501/advance', {
		status: 'shipped',
		trackingNumber: 'Z',
	});
	const items = (await trigger.poll()) ?? [];
	const raced = JSON.parse(JSON.stringify(env.template));
	await env.api.post(`/order/${order.entity_id}/ship`, {});
	// The lookup answers as before the race: the order's state is read from a stale copy.
	const lookup = raced.nodes.find((n: Obj) => n.name === 'Match with Magento');
	lookup.parameters.assignments.assignments[0].value =
		lookup.parameters.assignments.assignments[0].value.replace(
			'state: found ? found.state : null',
			"state: 'processing'",
		);
	const result = await runFromTrigger(raced, 'myOGO Trigger', items, env.credentials());
	expect(itemsOf(result, 'Already Shipped').map((o) => o.reference)).toEqual(['000000501']);
	expect(itemsOf(result, 'Failed Tracking Updates')).toEqual([]);
	expect((await magentoOrder(order.entity_id)).shipments).toHaveLength(1);
});
