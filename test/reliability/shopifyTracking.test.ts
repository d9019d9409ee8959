/**
 * Tracking on a bad day: workflows/shopify-tracking-from-myogo.json with its own myOGO Trigger, while
 * Shopify throttles, fails and drops its GraphQL calls. Every failure is visible; running the failed
 * execution again (n8n's "Retry") and running it once more (a duplicate) leave each shipped order
 * fulfilled exactly once, with its tracking number: a retry never creates a second fulfillment.
 */
import type { IDataObject } from 'n8n-workflow';

import { paidOrderInBoth } from '../harness/shopify';
import { itemsOf, templatePollingTrigger } from '../harness/templates';
import { atTheNextRepair } from '../harness/n8nClock';
import { problems } from './support/environment';
import { useShopifyReliabilityEnvironment } from './support/shopifyEnvironment';

const env = useShopifyReliabilityEnvironment({
	template: 'shopify-tracking-from-myogo.json',
	settings: (fake) => ({ 'settings.shopSubdomain': fake.shopSubdomain }),
	products: ['TRK-MUG'],
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A paid Shopify order and the same order in myOGO. */
async function paidOrder() {
	return await paidOrderInBoth(env.shopify, await env.api(), { sku: 'TRK-MUG' });
}

/**
 * `count` paid orders in Shopify and myOGO, shipped in myOGO with tracking numbers `<prefix><i>00`,
 * and the template's polling trigger's first poll of them.
 */
async function shipPaidOrders(count: number, prefix: string) {
	await env.shopify.post('/seed', {
		products: [
			{ title: 'Mug', variants: [{ sku: 'TRK-MUG', price: '9.90', inventory_quantity: 10 }] },
		],
	});
	const orders = [];
	for (let i = 0; i < count; i++) orders.push(await paidOrder());
	const trigger = templatePollingTrigger(env.template, env.credentials());
	await trigger.activate();
	await tick();
	for (const [i, order] of orders.entries()) {
		await env.control.post(`/orders/${order.reference}/advance`, {
			status: 'shipped',
			trackingNumber: `${prefix}${i}00`,
		});
	}
	return { orders, trigger, items: await trigger.poll() };
}

test('shipped orders end fulfilled exactly once in Shopify through throttles, 5xx, resets, a lost answer, a retry and a duplicate run', async () => {
	const { orders, items } = await shipPaidOrders(5, 'JJFI');
	expect(items).toHaveLength(orders.length);

	// Shopify fails four of the five orders, at different steps (the lookup, or the fulfillment itself);
	// for one, the fulfillment is made but its answer is lost, so n8n sees a failure although Shopify has it.
	for (const fault of [
		{ status: 'THROTTLED', path: '/graphql', graphqlOperation: 'FindOrderByName' },
		{ status: 503, path: '/graphql', graphqlOperation: 'CreateFulfillment' },
		{ status: 'reset', path: '/graphql', graphqlOperation: 'CreateFulfillment' },
		{ status: 'lost-answer', path: '/graphql', graphqlOperation: 'CreateFulfillment' },
	]) {
		await env.shopify.post('/faults', fault);
	}
	const runs: Array<Record<'sent' | 'already' | 'failed', IDataObject[]>> = [];
	for (let attempt = 0; attempt < 3; attempt++) {
		// The same trigger items each time: the first run, n8n's retry of it, then a duplicate run.
		const result = await env.run('myOGO Trigger', items!);
		expect(result.error).toBeUndefined();
		runs.push({
			sent: itemsOf(result, 'Tracking Sent'),
			already: itemsOf(result, 'Already Fulfilled'),
			failed: itemsOf(result, 'Failed Tracking Updates'),
		});
	}
	expect(runs.map((run) => [run.sent.length, run.already.length, run.failed.length])).toEqual([
		[1, 0, 4],
		[3, 2, 0],
		[0, 5, 0],
	]);

	const fulfillments = ((await env.shopify.get('/state')).data as { fulfillments: IDataObject[] })
		.fulfillments;
	expect(fulfillments.map((f) => f.orderName).sort()).toEqual(
		orders.map((o) => `#${o.reference}`).sort(),
	);
	for (const [i, order] of orders.entries()) {
		const mine = fulfillments.filter((f) => f.orderId === order.id);
		expect(mine).toHaveLength(1);
		expect(JSON.stringify(mine[0].trackingInfo)).toContain(`JJFI${i}00`);
	}
	const shopifyOrders = ((await env.shopify.get('/state')).data as { orders: IDataObject[] })
		.orders;
	expect(shopifyOrders.map((o) => o.fulfillment_status)).toEqual(orders.map(() => 'fulfilled'));

	const refs = orders.map((o) => o.reference);
	const outcome = await env.observe({
		expectedReferences: refs,
		tracking: { shipped: refs, delivered: await deliveredReferences(orders) },
	});
	expect(problems(outcome)).toEqual([]);
	expect(outcome.faultsInjected).toBeGreaterThanOrEqual(4);
});

test('Shopify failing during the live shipped poll, nobody retrying: the repair run delivers every tracking code, one fulfillment each', async () => {
	const { orders, items } = await shipPaidOrders(4, 'JJRP');
	for (const fault of [
		{ status: 503, path: '/graphql', graphqlOperation: 'FindOrderByName' },
		{ status: 502, path: '/graphql', graphqlOperation: 'CreateFulfillment' },
		{ status: 'reset', path: '/graphql', graphqlOperation: 'CreateFulfillment' },
	]) {
		await env.shopify.post('/faults', fault);
	}
	const live = await env.run('myOGO Trigger', items!);
	expect(itemsOf(live, 'Failed Tracking Updates')).toHaveLength(3);

	// Nobody retries the failed execution: the schedule's repair run puts the missing codes in.
	const repair = await atTheNextRepair(() => env.run('Repair Every 4 Hours', [{}]));
	expect(itemsOf(repair, 'Failed Tracking Updates')).toEqual([]);
	expect(itemsOf(repair, 'Tracking Sent')).toHaveLength(3);
	const again = await atTheNextRepair(() => env.run('Repair Every 4 Hours', [{}]));
	expect(itemsOf(again, 'Tracking Sent')).toEqual([]);

	const fulfillments = ((await env.shopify.get('/state')).data as { fulfillments: IDataObject[] })
		.fulfillments;
	for (const order of orders)
		expect(fulfillments.filter((f) => f.orderId === order.id)).toHaveLength(1);
	const refs = orders.map((o) => o.reference);
	const outcome = await env.observe({
		expectedReferences: refs,
		tracking: { shipped: refs, delivered: await deliveredReferences(orders) },
	});
	expect(problems(outcome)).toEqual([]);
	expect(outcome.trackingDelivered).toBe(4);
});

/** The orders whose Shopify fulfillment carries the tracking number myOGO shipped them with. */
async function deliveredReferences(
	orders: Array<{ id: unknown; reference: string }>,
): Promise<string[]> {
	const fulfillments = ((await env.shopify.get('/state')).data as { fulfillments: IDataObject[] })
		.fulfillments;
	const api = await env.api();
	const delivered: string[] = [];
	for (const order of orders) {
		const shipped = (
			(await api.get('/orders', { params: { reference: order.reference } })).data as IDataObject[]
		)[0];
		const codes = fulfillments
			.filter((f) => f.orderId === order.id)
			.flatMap((f) => (f.trackingInfo as IDataObject[]).map((t) => t.number));
		if (
			String(shipped.trackingNumber)
				.split(',')
				.every((code) => codes.includes(code))
		)
			delivered.push(order.reference);
	}
	return delivered;
}
