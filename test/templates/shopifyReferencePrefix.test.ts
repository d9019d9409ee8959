/**
 * Several shops on one myOGO merchant (#17): with `settings.referencePrefix` = `S1-` the Shopify
 * orders template sends, updates and cancels `S1-<order number>`, and the tracking template fulfils
 * only `S1-` orders (the prefix taken off to find the Shopify order), ending every other shop's
 * shipped order on "Another Shop's Order" without a Shopify call, live and in the repair.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { createMyOgoOrder } from '../harness/myOgoOrder';
import { paidCheckout, shopifyWebhookTrigger } from '../harness/shopify';
import {
	configure,
	itemsOf,
	loadTemplate,
	runFromTrigger,
	templatePollingTrigger,
	type Template,
} from '../harness/templates';
import type { RunResult } from '../harness/runWorkflow';
import { myOgoApiCalls, useShopifyTemplateEnvironment } from './setup';
import { atTheNextRepair } from '../harness/n8nClock';

const env = useShopifyTemplateEnvironment('shopify-orders-to-myogo.json', ['MUG']);
const PREFIX = 'S1-';

beforeEach(async () => {
	await env.shopify.post('/seed', {
		products: [{ title: 'Mug', variants: [{ sku: 'MUG', price: '9.90', inventory_quantity: 10 }] }],
	});
});

/** A template as a merchant of shop S1 sets it up: the fake's shop, the prefix `S1-`. */
function shopOne(file: string): Template {
	return configure(loadTemplate(file), {
		'settings.shopSubdomain': env.shopifyFake.shopSubdomain,
		'settings.referencePrefix': PREFIX,
	});
}

async function myOgoOrders(): Promise<Record<string, IDataObject>> {
	const rows = (await (await env.bed.api()).get('/orders', { params: { limit: 250 } }))
		.data as IDataObject[];
	return Object.fromEntries(rows.map((order) => [String(order.reference), order]));
}

async function placePaidOrder(): Promise<{ id: number; number: string }> {
	const order = (await env.shopify.post('/orders', paidCheckout('MUG'))).data as IDataObject;
	return { id: Number(order.id), number: String(order.name).replace(/^#/, '') };
}

async function shopifyCalls(): Promise<string[]> {
	const log = (await env.shopify.get('/requests')).data as Array<{ method: string; path: string }>;
	return log.map((entry) => `${entry.method} ${entry.path.replace(/^\/admin\/api\/[^/]+/, '')}`);
}

describe('orders template with settings.referencePrefix "S1-"', () => {
	test('a paid order reaches myOGO as S1-<number>; an address edit updates it; the catch-up finds it there; a cancel cancels it', async () => {
		const template = shopOne('shopify-orders-to-myogo.json');
		const [paid, updated, cancelled] = await Promise.all(
			[
				'Shopify Trigger (order paid)',
				'Shopify Trigger (order updated)',
				'Shopify Trigger (order cancelled)',
			].map((name) => shopifyWebhookTrigger(template, name, env.credentials())),
		);
		env.hooks.push(paid, updated, cancelled);
		const order = (
			await env.shopify.post('/orders', { ...paidCheckout('MUG'), financial_status: 'pending' })
		).data as IDataObject;
		const number = String(order.name).replace(/^#/, '');
		await env.shopify.post(`/orders/${String(order.id)}/pay`);
		await env.shopifyFake.settle();
		const sent = await runFromTrigger(
			template,
			'Shopify Trigger (order paid)',
			paid.items[0],
			env.credentials(),
		);
		expect(itemsOf(sent, 'Sent to myOGO').map((o) => [o.reference, o.result])).toEqual([
			[`${PREFIX}${number}`, 'created'],
		]);
		expect(Object.keys(await myOgoOrders())).toEqual([`${PREFIX}${number}`]);

		await axios.put(
			`${env.shopifyFake.adminUrl}/orders/${String(order.id)}.json`,
			{
				order: {
					shipping_address: {
						...(order.shipping_address as IDataObject),
						address1: 'Aleksanterinkatu 5',
					},
				},
			},
			{ headers: { 'X-Shopify-Access-Token': env.shopifyFake.accessToken } },
		);
		await env.shopifyFake.settle();
		const edit = await runFromTrigger(
			template,
			'Shopify Trigger (order updated)',
			updated.items[updated.items.length - 1],
			env.credentials(),
		);
		expect(itemsOf(edit, 'Sent to myOGO').map((o) => [o.reference, o.result])).toEqual([
			[`${PREFIX}${number}`, 'updated'],
		]);
		expect((await myOgoOrders())[`${PREFIX}${number}`].customer).toMatchObject({
			address1: 'Aleksanterinkatu 5',
		});

		await env.bed.control.delete('/requests');
		const catchUp = await runFromTrigger(template, 'Catch-up Every Hour', [{}], env.credentials());
		expect(itemsOf(catchUp, 'Nothing to Send').map((o) => [o.reference, o.result])).toEqual([
			[`${PREFIX}${number}`, 'unchanged'],
		]);
		expect((await myOgoApiCalls(env)).filter((call) => call.method !== 'GET')).toEqual([]);

		await env.shopify.post(`/orders/${String(order.id)}/cancel`);
		await env.shopifyFake.settle();
		const cancel = await runFromTrigger(
			template,
			'Shopify Trigger (order cancelled)',
			cancelled.items[0],
			env.credentials(),
		);
		expect(itemsOf(cancel, 'Cancelled in myOGO').map((o) => o.reference)).toEqual([
			`${PREFIX}${number}`,
		]);
		expect(Object.keys(await myOgoOrders())).toEqual([`${PREFIX}${number}`]);
		expect((await myOgoOrders())[`${PREFIX}${number}`].status).toBe('cancelled');
	});

	test('the catch-up sends a missed order as S1-<number> and cancels it as S1-<number> when its cancel was lost', async () => {
		const template = shopOne('shopify-orders-to-myogo.json');
		// An order of another shop with the same number is in myOGO: it is neither "found" nor cancelled.
		const order = await placePaidOrder();
		await createMyOgoOrder(await env.bed.api(), order.number, 'MUG');
		const first = await runFromTrigger(template, 'Catch-up Every Hour', [{}], env.credentials());
		expect(itemsOf(first, 'Sent to myOGO').map((o) => o.reference)).toEqual([
			`${PREFIX}${order.number}`,
		]);

		await env.shopify.post(`/orders/${order.id}/cancel`);
		const second = await runFromTrigger(template, 'Catch-up Every Hour', [{}], env.credentials());
		expect(itemsOf(second, 'Failed Orders')).toEqual([]);
		expect(itemsOf(second, 'Cancelled in myOGO').map((o) => o.reference)).toEqual([
			`${PREFIX}${order.number}`,
		]);
		const statuses = Object.fromEntries(
			Object.entries(await myOgoOrders()).map(([reference, o]) => [reference, o.status]),
		);
		expect(statuses).toEqual({ [order.number]: 'new', [`${PREFIX}${order.number}`]: 'cancelled' });
	});
});

describe('tracking template with settings.referencePrefix "S1-"', () => {
	/** Three paid, unfulfilled Shopify orders; myOGO has shipped them as S1-…, S2-… and with no prefix. */
	async function shippedForThreeShops() {
		const [ours, second, unprefixed] = [
			await placePaidOrder(),
			await placePaidOrder(),
			await placePaidOrder(),
		];
		const references = [`${PREFIX}${ours.number}`, `S2-${second.number}`, unprefixed.number];
		const api = await env.bed.api();
		for (const reference of references) await createMyOgoOrder(api, reference, 'MUG', 1);
		return { ours, second, unprefixed, references };
	}

	async function ship(references: string[]) {
		for (const reference of references)
			await env.bed.control.post(`/orders/${reference}/advance`, {
				status: 'shipped',
				trackingNumber: `JJFI${reference}`,
			});
	}

	/**
	 * The run fulfilled the S1- order, ended the S2- and unprefixed ones on "Another Shop's Order",
	 * and made exactly `calls` to Shopify.
	 */
	async function expectOnlyShopOneFulfilled(
		run: RunResult,
		{ ours, second, unprefixed }: Awaited<ReturnType<typeof shippedForThreeShops>>,
		calls: string[],
	) {
		expect(run.error).toBeUndefined();
		expect(itemsOf(run, 'Failed Tracking Updates')).toEqual([]);
		expect(itemsOf(run, 'Tracking Sent')).toHaveLength(1);
		const others = itemsOf(run, "Another Shop's Order").map((o) => o.reference);
		expect(others.sort()).toEqual([`S2-${second.number}`, unprefixed.number].sort());
		expect(await shopifyCalls()).toEqual(calls);
		const state = (await env.shopify.get('/state')).data as { orders: IDataObject[] };
		const status = (id: number) => state.orders.find((o) => o.id === id)!.fulfillment_status;
		expect([ours.id, second.id, unprefixed.id].map(status)).toEqual(['fulfilled', null, null]);
	}

	test('fulfils the S1- order found by its number; the S2- and unprefixed orders end on "Another Shop\'s Order" with no Shopify call', async () => {
		const template = shopOne('shopify-tracking-from-myogo.json');
		const shops = await shippedForThreeShops();
		const { references } = shops;
		const trigger = templatePollingTrigger(template, env.credentials());
		await trigger.activate();
		await new Promise((resolve) => setTimeout(resolve, 5));
		await ship(references);
		const items = (await trigger.poll())!;
		expect(items.map((o) => o.reference).sort()).toEqual([...references].sort());
		await env.shopify.delete('/requests');

		const run = await runFromTrigger(template, 'myOGO Trigger', items, env.credentials());
		// One lookup and one fulfillment, both for the S1- order.
		await expectOnlyShopOneFulfilled(run, shops, ['POST /graphql.json', 'POST /graphql.json']);
	});

	test('the repair fulfils only the S1- order; the others end on "Another Shop\'s Order" with no Shopify lookup', async () => {
		const template = shopOne('shopify-tracking-from-myogo.json');
		const shops = await shippedForThreeShops();
		const { references } = shops;
		await ship(references);
		await env.shopify.delete('/requests');

		const repair = await atTheNextRepair(() =>
			runFromTrigger(template, 'Repair Every 4 Hours', [{}], env.credentials()),
		);
		// The one list read of unfulfilled orders, then one lookup and one fulfillment for the S1- order.
		await expectOnlyShopOneFulfilled(repair, shops, [
			'GET /orders.json',
			'POST /graphql.json',
			'POST /graphql.json',
		]);
	});
});
