/**
 * workflows/shopify-tracking-from-myogo.json, the live poll and the repair at the same moment (#20):
 * both used to read the order's open fulfillment orders before either wrote, and the second
 * fulfillment Shopify refused ended on "Failed Tracking Updates" (a harmless duplicate shown as a
 * failure). The repair now leaves orders shipped within two poll periods to the live run.
 */
import { paidOrderInBoth } from '../harness/shopify';
import { itemsOf, runFromTrigger } from '../harness/templates';
import { liveRunLosesFulfillment, useShopifyTemplateEnvironment } from './setup';
import { expectLeftThenRepaired, LEFT_TO_LIVE_POLL, shipAndPollOne } from './trackingWindow';

const env = useShopifyTemplateEnvironment('shopify-tracking-from-myogo.json', ['MUG']);

beforeEach(async () => {
	await env.shopify.post('/seed', {
		products: [{ title: 'Mug', variants: [{ sku: 'MUG', price: '9.90', inventory_quantity: 10 }] }],
	});
});

/** A paid Shopify order and its myOGO twin, shipped now; returns its reference and the live poll's items. */
async function shipOne() {
	const { reference } = await paidOrderInBoth(env.shopify, await env.bed.api(), { sku: 'MUG' });
	const items = await shipAndPollOne(env.bed, env.template, env.credentials(), reference);
	await env.shopify.delete('/requests');
	return { reference, items };
}

/** The fulfillments asked of Shopify so far (refused ones too). */
async function fulfillmentCalls(): Promise<unknown[]> {
	const calls = (await env.shopify.get('/requests')).data as Array<{ graphqlOperation?: string }>;
	return calls.filter((call) => call.graphqlOperation === 'CreateFulfillment');
}

const repairRun = () =>
	runFromTrigger(env.template, 'Repair Every 4 Hours', [{}], env.credentials());

test('the live run and a repair run at once on a just-shipped order: one fulfillment asked, nothing on the failure end', async () => {
	const { reference, items } = await shipOne();
	// Shopify takes its time with each fulfillment: on the old template the repair's lookup came in
	// while the live run's fulfillment was still under way, and both asked.
	await env.shopify.post('/faults', {
		status: 'delay',
		ms: 3000,
		count: 2,
		path: '/graphql',
		graphqlOperation: 'CreateFulfillment',
	});
	const [live, repair] = await Promise.all([
		runFromTrigger(env.template, 'myOGO Trigger', items, env.credentials()),
		repairRun(),
	]);

	expect(await fulfillmentCalls()).toHaveLength(1);
	expect([live, repair].flatMap((run) => itemsOf(run, 'Failed Tracking Updates'))).toEqual([]);
	expect(itemsOf(live, 'Tracking Sent')).toHaveLength(1);
	expect(itemsOf(repair, LEFT_TO_LIVE_POLL).map((order) => order.reference)).toEqual([reference]);
	const { fulfillments } = (await env.shopify.get('/state')).data as { fulfillments: unknown[] };
	expect(fulfillments).toHaveLength(1);
});

test('an order the live run lost: left to the live poll for two poll periods, then fulfilled once by the repair', async () => {
	const { reference, items } = await shipOne();
	await liveRunLosesFulfillment(env, items);
	await env.shopify.delete('/requests');

	await expectLeftThenRepaired(reference, repairRun, fulfillmentCalls);
	expect(await fulfillmentCalls()).toHaveLength(1);
});
