/**
 * The hourly catch-up of workflows/woocommerce-orders-to-myogo.json applying edits whose order.updated
 * delivery was lost (#20: the store or n8n was down): it compares the paid orders of its window with
 * the myOGO orders it reads for the window anyway, and updates only those that changed.
 */

import { itemsOf, runFromTrigger } from '../harness/templates';
import { changeWooShipping } from '../harness/wooCommerceAdmin';
import { seedWooOrderProducts, wooOrder } from '../harness/wooCommerceOrder';
import { expectCollectingOrderKept, myOgoAddresses } from './orderSteps';
import { myOgoApiCalls, useTemplateEnvironment } from './setup';

const env = useTemplateEnvironment({
	template: 'woocommerce-orders-to-myogo.json',
	seed: seedWooOrderProducts,
});

async function catchUp() {
	const run = await runFromTrigger(env.template, 'Catch-up Every Hour', [{}], env.credentials());
	expect(run.error).toBeUndefined();
	expect(itemsOf(run, 'Failed Orders')).toEqual([]);
	return run;
}

test('an address edited while its order.updated delivery was lost reaches myOGO with the next catch-up (one write, no extra read per order)', async () => {
	await env.woo.post('/seed', {
		orders: [
			wooOrder('8201', 'processing', { id: 9821 }),
			wooOrder('8202', 'processing', { id: 9822 }),
		],
	});
	await catchUp();
	// No workflow listens: the order.updated delivery goes nowhere, as when n8n was down.
	await changeWooShipping(env.fake, 9821, { address_1: 'Friedrichstraße 100' });
	await env.bed.control.delete('/requests');

	const run = await catchUp();

	expect(itemsOf(run, 'Sent to myOGO')).toEqual([
		expect.objectContaining({
			reference: '8201',
			result: 'updated',
			changes: [expect.objectContaining({ field: 'customer.address1' })],
		}),
	]);
	expect(itemsOf(run, 'Nothing to Send').map((order) => order.reference)).toEqual(['8202']);
	// One read of myOGO's orders of the window for both orders, then the one write.
	expect((await myOgoApiCalls(env)).map((call) => `${call.method} ${call.path}`)).toEqual([
		'GET /api/v1/orders',
		'PUT /api/v1/orders/8201',
	]);
	expect(await myOgoAddresses(env)).toEqual({
		'8201': 'Friedrichstraße 100',
		'8202': 'Hauptstraße 5',
	});
});

test('a lost edit of an order the warehouse already started ends on "Already With the Warehouse" naming the change; nothing is written', async () => {
	await env.woo.post('/seed', { orders: [wooOrder('8203', 'processing', { id: 9823 })] });
	await catchUp();
	await env.bed.control.post('/orders/8203/advance', { status: 'collecting' });
	await changeWooShipping(env.fake, 9823, { address_1: 'Friedrichstraße 100' });
	await env.bed.control.delete('/requests');

	const run = await catchUp();

	await expectCollectingOrderKept(env, run, '8203', {
		inMyOgo: 'Hauptstraße 5',
		inStore: 'Friedrichstraße 100',
	});
});
