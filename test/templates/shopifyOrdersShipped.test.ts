/**
 * workflows/shopify-orders-to-myogo.json and the orders/updated delivery that the tracking
 * template's own fulfillmentCreate fires (#20): the order is fulfilled, so there is nothing to send
 * to myOGO; the delivery ends on "Already Shipped" before any call. A cancel after shipping still
 * goes to myOGO (and ends visibly on "Could Not Cancel").
 */
import type { IDataObject } from 'n8n-workflow';

import { itemsOf, runFromTrigger } from '../harness/templates';
import { paidCheckout, shopifyWebhookTrigger } from '../harness/shopify';
import { fulfilShopifyOrder } from '../harness/shopifyAdmin';
import { sendThenShip } from './orderSteps';
import { myOgoApiCalls, useShopifyTemplateEnvironment } from './setup';

const env = useShopifyTemplateEnvironment('shopify-orders-to-myogo.json', ['BEANIE']);

const UPDATED = 'Shopify Trigger (order updated)';
const CANCELLED = 'Shopify Trigger (order cancelled)';

beforeEach(async () => {
	await env.shopify.post('/seed', {
		products: [{ title: 'Beanie', variants: [{ sku: 'BEANIE', price: '15.00' }] }],
	});
});

/** The store API calls the fake logged (its control API not included). */
async function shopifyCalls(): Promise<IDataObject[]> {
	return (await env.shopify.get('/requests')).data as IDataObject[];
}

/** A paid order sent to myOGO by its orders/updated delivery, then shipped by the warehouse. */
async function shippedOrder(updated: Awaited<ReturnType<typeof shopifyWebhookTrigger>>) {
	const checkout = { ...paidCheckout('BEANIE'), financial_status: 'pending' };
	const order = (await env.shopify.post('/orders', checkout)).data as IDataObject;
	await env.shopify.post(`/orders/${String(order.id)}/pay`);
	await env.shopifyFake.settle();
	const reference = String(order.name).replace(/^#/, '');
	await sendThenShip(env, updated, UPDATED, reference);
	return { order, reference };
}

test('the orders/updated delivery of the tracking fulfilment ends on "Already Shipped" without a Shopify or myOGO call', async () => {
	const updated = await shopifyWebhookTrigger(env.template, UPDATED, env.credentials());
	env.hooks.push(updated);
	const { order, reference } = await shippedOrder(updated);
	const deliveriesBefore = updated.items.length;
	await fulfilShopifyOrder(env.shopifyFake, String(order.name), 'JJFI123');
	await env.shopifyFake.settle();
	expect(updated.items).toHaveLength(deliveriesBefore + 1);
	await env.shopify.delete('/requests');
	await env.bed.control.delete('/requests');

	const run = await runFromTrigger(env.template, UPDATED, updated.items.at(-1)!, env.credentials());

	expect(run.error).toBeUndefined();
	expect(itemsOf(run, 'Already Shipped')).toEqual([
		expect.objectContaining({ name: order.name, fulfillment_status: 'fulfilled' }),
	]);
	expect(itemsOf(run, 'Nothing to Send')).toEqual([]);
	expect(await shopifyCalls()).toEqual([]);
	expect(await myOgoApiCalls(env)).toEqual([]);
	const myOgo = (await (await env.bed.api()).get('/orders', { params: { reference } }))
		.data as IDataObject[];
	expect(myOgo.map((o) => o.status)).toEqual(['shipped']);
});

test('a shipped order cancelled in Shopify still goes to myOGO and ends on "Could Not Cancel" (handle it as a return)', async () => {
	const updated = await shopifyWebhookTrigger(env.template, UPDATED, env.credentials());
	const cancelled = await shopifyWebhookTrigger(env.template, CANCELLED, env.credentials());
	env.hooks.push(updated, cancelled);
	const { order, reference } = await shippedOrder(updated);
	await fulfilShopifyOrder(env.shopifyFake, String(order.name), 'JJFI123');
	await env.shopify.post(`/orders/${String(order.id)}/cancel`);
	await env.shopifyFake.settle();
	expect(cancelled.items).toHaveLength(1);
	expect(cancelled.items[0]![0]).toMatchObject({ fulfillment_status: 'fulfilled' });

	const run = await runFromTrigger(env.template, CANCELLED, cancelled.items[0]!, env.credentials());

	expect(itemsOf(run, 'Already Shipped')).toEqual([]);
	expect(itemsOf(run, 'Could Not Cancel')).toEqual([
		expect.objectContaining({
			error: expect.stringContaining(`${reference} cannot be cancelled: it has already shipped`),
		}),
	]);
});
