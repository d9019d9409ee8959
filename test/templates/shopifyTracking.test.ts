/**
 * workflows/shopify-tracking-from-myogo.json: a shipped myOGO order fulfils the Shopify order's open
 * fulfillment orders with the tracking numbers, link and carrier, notifying the buyer. Tracking goes in
 * Shopify's documented pairs (number + url, numbers + urls), on the pinned Admin API version.
 */
import type { IDataObject } from 'n8n-workflow';

import { paidOrderInBoth, revokedShopifyOAuth2Credentials } from '../harness/shopify';
import {
	configure,
	itemsOf,
	loadTemplate,
	runFromTrigger,
	templatePollingTrigger,
} from '../harness/templates';
import { expectRepairSendsOne, liveRunLosesFulfillment, useTemplateEnvironment } from './setup';
import { atTheNextRepair } from '../harness/n8nClock';

const env = useTemplateEnvironment({
	stores: ['shopify'],
	template: 'shopify-tracking-from-myogo.json',
	settings: (_woo, { shopifyFake }) => ({ 'settings.shopSubdomain': shopifyFake.shopSubdomain }),
	seed: (bed) =>
		bed.control.post('/seed', { products: [{ code: 'MUG', languageCode: 'en', name: 'Mug' }] }),
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

interface ShopifyState {
	orders: IDataObject[];
	fulfillments: IDataObject[];
}

async function shopifyState(): Promise<ShopifyState> {
	return (await env.shopify.get('/state')).data as ShopifyState;
}

/** A paid Shopify order, and the same order in myOGO. */
async function paidOrder(shippingCode = 'POSTI_PAKETTI') {
	return await paidOrderInBoth(env.shopify, await env.bed.api(), { sku: 'MUG', shippingCode });
}

beforeEach(async () => {
	await env.shopify.post('/seed', {
		products: [{ title: 'Mug', variants: [{ sku: 'MUG', price: '9.90', inventory_quantity: 10 }] }],
	});
});

async function shipAndPoll(
	template: typeof env.template,
	shipments: Array<[reference: string, trackingNumber: string]>,
) {
	const trigger = templatePollingTrigger(template, env.credentials());
	await trigger.activate();
	await tick();
	for (const [reference, trackingNumber] of shipments) {
		await env.bed.control.post(`/orders/${reference}/advance`, {
			status: 'shipped',
			trackingNumber,
		});
	}
	const items = await trigger.poll();
	expect(items?.map((o) => o.reference).sort()).toEqual(
		shipments.map(([reference]) => reference).sort(),
	);
	return items!;
}

test('a shipped order is fulfilled in Shopify with its tracking numbers, link and carrier; the buyer is notified', async () => {
	const shipped = await paidOrder('POSTI_PAKETTI');
	const waiting = await paidOrder();
	const items = await shipAndPoll(env.template, [[shipped.reference, 'JJFI111,JJFI222']]);
	const result = await runFromTrigger(env.template, 'myOGO Trigger', items, env.credentials());
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Tracking Updates')).toEqual([]);
	expect(itemsOf(result, 'Tracking Sent')).toHaveLength(1);

	// Both sides: myOGO's tracking numbers and link are on the Shopify fulfillment, the order is fulfilled.
	const myOgo = (
		(await (await env.bed.api()).get('/orders', { params: { reference: shipped.reference } }))
			.data as IDataObject[]
	)[0];
	expect(myOgo.status).toBe('shipped');
	const state = await shopifyState();
	const fulfillments = state.fulfillments.filter((f) => f.orderId === shipped.id);
	expect(fulfillments).toHaveLength(1);
	expect(fulfillments[0]).toMatchObject({
		status: 'SUCCESS',
		notifyCustomer: true,
		lineItems: [{ sku: 'MUG', quantity: 2 }],
	});
	expect(fulfillments[0].trackingInfo).toEqual([
		{ company: 'Posti', number: 'JJFI111', url: myOgo.trackingUrl },
		{ company: 'Posti', number: 'JJFI222', url: myOgo.trackingUrl },
	]);
	expect(state.orders.find((o) => o.id === shipped.id)).toMatchObject({
		fulfillment_status: 'fulfilled',
	});
	expect(state.orders.find((o) => o.id === waiting.id)).toMatchObject({ fulfillment_status: null });
	expect(state.fulfillments.filter((f) => f.orderId === waiting.id)).toEqual([]);

	// The same shipment again (a later poll, a re-run): nothing new in Shopify, not a failure.
	const again = await runFromTrigger(env.template, 'myOGO Trigger', items, env.credentials());
	expect(itemsOf(again, 'Already Fulfilled').map((o) => o.reference)).toEqual([shipped.reference]);
	expect(itemsOf(again, 'Failed Tracking Updates')).toEqual([]);
	expect((await shopifyState()).fulfillments.filter((f) => f.orderId === shipped.id)).toHaveLength(
		1,
	);
});

test('with notifications off, a carrier not in the map takes the default, several orders in one poll', async () => {
	const quiet = configure(loadTemplate('shopify-tracking-from-myogo.json'), {
		'settings.shopSubdomain': env.shopifyFake.shopSubdomain,
		'settings.notifyCustomer': false,
		'settings.carrierByShippingCode': { POSTI_SMARTPOST: 'Posti' },
		'settings.defaultCarrier': 'Other Carrier',
	});
	const first = await paidOrder('POSTI_SMARTPOST');
	const second = await paidOrder('MATKAHUOLTO'); // not in the map: the default carrier
	const items = await shipAndPoll(quiet, [
		[first.reference, 'JJFI333'],
		[second.reference, 'JJFI444'],
	]);
	const result = await runFromTrigger(quiet, 'myOGO Trigger', items, env.credentials());
	expect(itemsOf(result, 'Failed Tracking Updates')).toEqual([]);
	const { fulfillments } = await shopifyState();
	// One tracking code each: sent as Shopify's number + url pair, so the link stays with the code.
	const summary = fulfillments.map((f) => [
		f.orderId,
		(f.trackingInfo as IDataObject[]).map((t) => [t.number, t.company, typeof t.url]),
		f.notifyCustomer,
	]);
	expect(summary).toEqual(
		expect.arrayContaining([
			[first.id, [['JJFI333', 'Posti', 'string']], false],
			[second.id, [['JJFI444', 'Other Carrier', 'string']], false],
		]),
	);
	expect(fulfillments).toHaveLength(2);
});

test('an order Shopify does not know, and a refused lookup, go to "Failed Tracking Updates"', async () => {
	const unknown = {
		reference: '99999',
		status: 'shipped',
		shippingCode: 'POSTI_PAKETTI',
		trackingNumber: 'X1',
		trackingNumbers: ['X1'],
		trackingUrl: 'https://t.example/X1',
	};
	const result = await runFromTrigger(env.template, 'myOGO Trigger', [unknown], env.credentials());
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Tracking Updates')).toEqual([
		expect.objectContaining({
			reference: '99999',
			state: 'notFound',
			problem: expect.stringContaining('99999 was not found in Shopify'),
		}),
	]);
	expect(itemsOf(result, 'Tracking Sent')).toEqual([]);
	expect((await shopifyState()).fulfillments).toEqual([]);

	const wrongToken = {
		...env.credentials(),
		shopifyOAuth2Api: revokedShopifyOAuth2Credentials(env.shopifyFake),
	};
	const refused = await runFromTrigger(env.template, 'myOGO Trigger', [unknown], wrongToken);
	expect(refused.error).toBeUndefined();
	const failed = itemsOf(refused, 'Failed Tracking Updates');
	expect(failed).toHaveLength(1);
	expect(JSON.stringify(failed[0])).toMatch(/401|authori[sz]|access token|refresh/i);
	expect(JSON.stringify(failed[0])).not.toContain('revoked_token');
});

test('Shopify answering 5xx during the live shipped poll: the repair run fulfills the order, exactly once; a second repair writes nothing', async () => {
	const shipped = await paidOrder();
	const waiting = await paidOrder();
	const items = await shipAndPoll(env.template, [[shipped.reference, 'JJFI555']]);
	await liveRunLosesFulfillment(env, items);
	expect((await shopifyState()).fulfillments).toEqual([]);

	await env.shopify.delete('/requests');
	await expectRepairSendsOne(env);
	const shopifyCalls = (await env.shopify.get('/requests')).data as Array<{
		method: string;
		path: string;
		graphqlOperation?: string;
	}>;
	expect(shopifyCalls.map((c) => c.graphqlOperation ?? `${c.method} ${c.path}`)).toEqual([
		'GET /admin/api/2026-10/orders.json',
		'FindOrderByName',
		'CreateFulfillment',
	]);
	const myOgo = (
		(await (await env.bed.api()).get('/orders', { params: { reference: shipped.reference } }))
			.data as IDataObject[]
	)[0];
	const state = await shopifyState();
	const fulfillments = state.fulfillments.filter((f) => f.orderId === shipped.id);
	expect(fulfillments).toHaveLength(1);
	expect(fulfillments[0].trackingInfo).toEqual([
		{ company: 'Posti', number: 'JJFI555', url: myOgo.trackingUrl },
	]);
	expect(state.fulfillments.filter((f) => f.orderId === waiting.id)).toEqual([]);

	await env.shopify.delete('/requests');
	const again = await atTheNextRepair(() =>
		runFromTrigger(env.template, 'Repair Every 4 Hours', [{}], env.credentials()),
	);
	expect(itemsOf(again, 'Tracking Sent')).toEqual([]);
	expect(
		((await env.shopify.get('/requests')).data as Array<{ graphqlOperation?: string }>).filter(
			(c) => c.graphqlOperation === 'CreateFulfillment',
		),
	).toEqual([]);
	expect((await shopifyState()).fulfillments).toHaveLength(1);
});

describe('a merchant changes the tracking template (workflows/README.md → Changing a template)', () => {
	test('settings.carrierName: one carrier name shown in Shopify for every shipment, whatever the shipping code', async () => {
		const posti = configure(env.template, { 'settings.carrierName': 'Posti Express' });
		const express = await paidOrder('DHL_EXPRESS'); // the map says "DHL Express"
		const other = await paidOrder('MATKAHUOLTO'); // the map says "Matkahuolto"
		const items = await shipAndPoll(posti, [
			[express.reference, 'JJFI777'],
			[other.reference, 'JJFI888'],
		]);
		const result = await runFromTrigger(posti, 'myOGO Trigger', items, env.credentials());
		expect(itemsOf(result, 'Failed Tracking Updates')).toEqual([]);
		// The rules spot sees one item per shipped order.
		expect(
			itemsOf(result, 'Your Rules (one item per shipped order)')
				.map((order) => order.reference)
				.sort(),
		).toEqual([express.reference, other.reference].sort());
		const { fulfillments } = await shopifyState();
		expect(
			fulfillments
				.map((f) => [f.orderId, (f.trackingInfo as IDataObject[]).map((t) => t.company)])
				.sort(),
		).toEqual(
			[
				[express.id, ['Posti Express']],
				[other.id, ['Posti Express']],
			].sort(),
		);
	});
});
