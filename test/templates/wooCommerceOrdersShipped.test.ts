/**
 * workflows/woocommerce-orders-to-myogo.json and the order.updated delivery that the tracking
 * template's own completion fires (#20): a completed order has shipped, so there is nothing to send
 * to myOGO; the delivery ends on "Already Shipped" before any call. An edit of a processing order
 * and a cancel after completion still go to myOGO.
 */
import type { IDataObject } from 'n8n-workflow';

import { itemsOf, runFromTrigger, wooCommerceWebhookTrigger } from '../harness/templates';
import { updateWooOrder } from '../harness/wooCommerceAdmin';
import { seedWooOrderProducts, wooOrder } from '../harness/wooCommerceOrder';
import { sendThenShip } from './orderSteps';
import { myOgoApiCalls, useTemplateEnvironment } from './setup';

const env = useTemplateEnvironment({
	template: 'woocommerce-orders-to-myogo.json',
	seed: seedWooOrderProducts,
});

const UPDATED = 'WooCommerce Trigger (order updated)';

/** A paid order sent to myOGO by its order.updated delivery, then shipped by the warehouse. */
async function shippedOrder(number: string) {
	const updated = await wooCommerceWebhookTrigger(env.template, UPDATED, env.credentials());
	env.hooks.push(updated);
	const order = (await env.woo.post('/orders', wooOrder(number, 'processing'))).data as IDataObject;
	await sendThenShip(env, updated, UPDATED, number);
	// The tracking template completes the order with the tracking codes: WooCommerce fires order.updated.
	await updateWooOrder(env.fake, order.id, {
		status: 'completed',
		meta_data: [{ key: '_myogo_tracking_numbers', value: 'JJFI123' }],
	});
	await env.woo.get('/deliveries');
	return { order, updated };
}

test('the order.updated delivery of the tracking completion ends on "Already Shipped" without a WooCommerce or myOGO call', async () => {
	const { order, updated } = await shippedOrder('8301');
	await env.woo.delete('/requests');
	await env.bed.control.delete('/requests');

	const run = await runFromTrigger(env.template, UPDATED, updated.items.at(-1)!, env.credentials());

	expect(run.error).toBeUndefined();
	expect(itemsOf(run, 'Already Shipped')).toEqual([
		expect.objectContaining({ id: order.id, number: '8301', status: 'completed' }),
	]);
	expect(itemsOf(run, 'Nothing to Send')).toEqual([]);
	expect((await env.woo.get('/requests')).data).toEqual([]);
	expect(await myOgoApiCalls(env)).toEqual([]);
});

test('a completed order cancelled in WooCommerce still goes to myOGO and ends on "Could Not Cancel" (handle it as a return)', async () => {
	const { order, updated } = await shippedOrder('8302');
	await env.woo.post(`/orders/${String(order.id)}/status`, { status: 'cancelled' });

	const run = await runFromTrigger(env.template, UPDATED, updated.items.at(-1)!, env.credentials());

	expect(itemsOf(run, 'Already Shipped')).toEqual([]);
	expect(itemsOf(run, 'Could Not Cancel')).toEqual([
		expect.objectContaining({
			error: expect.stringContaining('8302 cannot be cancelled: it has already shipped'),
		}),
	]);
});
