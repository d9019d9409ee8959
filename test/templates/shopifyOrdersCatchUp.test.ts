/**
 * The hourly catch-up of workflows/shopify-orders-to-myogo.json when webhooks were lost (#20): it
 * reads every page of the window (Shopify's cursor in the Link header), and it cancels in myOGO the
 * paid orders cancelled in the window that myOGO still has active, once.
 */
import type { IDataObject } from 'n8n-workflow';

import { itemsOf, runFromTrigger } from '../harness/templates';
import { paidCheckout } from '../harness/shopify';
import { myOgoApiCalls, useShopifyTemplateEnvironment } from './setup';

const env = useShopifyTemplateEnvironment('shopify-orders-to-myogo.json', ['BEANIE']);

beforeEach(async () => {
	await env.shopify.post('/seed', {
		products: [{ title: 'Beanie', variants: [{ sku: 'BEANIE', price: '15.00' }] }],
	});
});

const checkout = () => paidCheckout('BEANIE');

async function catchUp() {
	const run = await runFromTrigger(env.template, 'Catch-up Every Hour', [{}], env.credentials());
	expect(run.error).toBeUndefined();
	expect(itemsOf(run, 'Failed Orders')).toEqual([]);
	return run;
}

/** The Shopify REST list reads the catch-up made (orders.json), with their query. */
async function orderListReads(): Promise<Array<Record<string, string>>> {
	const log = (await env.shopify.get('/requests')).data as Array<{
		method: string;
		path: string;
		query: Record<string, string>;
	}>;
	return log
		.filter((entry) => entry.method === 'GET' && entry.path.endsWith('/orders.json'))
		.map((entry) => entry.query);
}

async function myOgoStatuses(): Promise<Record<string, unknown>> {
	const api = await env.bed.api();
	const rows: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const batch = (await api.get('/orders', { params: { limit: 250, page } }))
			.data as IDataObject[];
		rows.push(...batch);
		if (batch.length < 250) break;
	}
	return Object.fromEntries(rows.map((order) => [order.reference, order.status]));
}

test('600 paid orders the webhooks missed all reach myOGO once; Shopify is read in pages of 250 (3 for 600 + 1 for the cancelled ones), not per order', async () => {
	const seeded = (
		await env.shopify.post('/seed', {
			orders: Array.from({ length: 600 }, checkout),
		})
	).data as { orders: number[] };
	expect(seeded.orders).toHaveLength(600);
	await env.shopify.delete('/requests');

	const run = await catchUp();

	const sent = itemsOf(run, 'Sent to myOGO');
	expect(sent.map((order) => order.result)).toEqual(new Array(600).fill('created'));
	expect(new Set(sent.map((order) => order.reference)).size).toBe(600);
	const statuses = await myOgoStatuses();
	expect(Object.keys(statuses)).toHaveLength(600);
	expect(new Set(Object.values(statuses))).toEqual(new Set(['new']));

	const reads = await orderListReads();
	expect(reads).toHaveLength(4);
	// The paid list: a first page with the filters, then two pages by cursor with nothing but limit.
	expect(reads[0]).toMatchObject({
		status: 'open',
		financial_status: 'paid',
		fulfillment_status: 'unfulfilled',
		limit: '250',
	});
	expect(reads.slice(1, 3).map((query) => Object.keys(query).sort())).toEqual([
		['limit', 'page_info'],
		['limit', 'page_info'],
	]);
	// Then the orders cancelled in the window: none here.
	expect(reads[3]).toMatchObject({ status: 'cancelled', limit: '250' });
	expect(itemsOf(run, 'Get Active Orders from myOGO')).toEqual([]);

	// The next hour finds them all in myOGO and writes nothing.
	await env.bed.control.delete('/requests');
	const again = await catchUp();
	expect(itemsOf(again, 'Nothing to Send')).toHaveLength(600);
	const calls = await myOgoApiCalls(env);
	expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
	// myOGO's orders of the window are read once for all three pages: ⌈600 / 250⌉ = 3 pages.
	expect(calls).toHaveLength(3);
	console.log(
		`Shopify orders catch-up, 600 missed orders: ${reads.length} Shopify list reads, ` +
			`${sent.length} myOGO creates; next hour ${calls.length} myOGO reads, 0 writes`,
	);
}, 300_000);

test('a paid order cancelled in Shopify whose webhook was lost is cancelled in myOGO by the next catch-up; a second catch-up sends no cancel', async () => {
	const [kept, gone] = await seedPaidOrders(2);
	await catchUp();
	expect(await myOgoStatuses()).toEqual({ [kept]: 'new', [gone]: 'new' });

	// No workflow listens: the orders/cancelled delivery goes nowhere, as when Shopify gave up on it.
	await env.shopify.post(`/orders/${idOf(gone)}/cancel`);
	await env.bed.control.delete('/requests');
	const first = await catchUp();
	expect(itemsOf(first, 'Cancelled in myOGO').map((order) => order.reference)).toEqual([gone]);
	expect(itemsOf(first, 'Nothing to Send').map((order) => order.reference)).toEqual([kept]);
	// One read of the window for the paid orders, one of the active orders for the cancel.
	expect(
		(await myOgoApiCalls(env)).filter((call) => call.method === 'GET').map((call) => call.path),
	).toEqual(['/api/v1/orders', '/api/v1/orders']);
	expect(await myOgoStatuses()).toEqual({ [kept]: 'new', [gone]: 'cancelled' });

	await env.bed.control.delete('/requests');
	const second = await catchUp();
	expect(itemsOf(second, 'Cancel in myOGO')).toEqual([]);
	expect(itemsOf(second, 'Nothing to Send').map((order) => order.reference)).toEqual([kept]);
	expect((await myOgoApiCalls(env)).filter((call) => call.method !== 'GET')).toEqual([]);
});

test('a lost cancel of an order the warehouse is already collecting ends on "Could Not Cancel" with the reason', async () => {
	const [collecting] = await seedPaidOrders(1);
	await catchUp();
	await env.bed.control.post(`/orders/${collecting}/advance`, { status: 'collecting' });
	await env.shopify.post(`/orders/${idOf(collecting)}/cancel`);
	const run = await catchUp();
	expect(itemsOf(run, 'Cancelled in myOGO')).toEqual([]);
	expect(itemsOf(run, 'Could Not Cancel')).toEqual([
		expect.objectContaining({
			error: expect.stringContaining(`${collecting} cannot be cancelled: it is already collecting`),
		}),
	]);
	expect(await myOgoStatuses()).toEqual({ [collecting]: 'collecting' });
});

const ids = new Map<string, number>();
const idOf = (reference: string) => ids.get(reference)!;

/** Paid orders seeded in the Shopify fake (no webhook fires); returns their references. */
async function seedPaidOrders(count: number): Promise<string[]> {
	const seeded = (
		(await env.shopify.post('/seed', { orders: Array.from({ length: count }, checkout) })).data as {
			orders: number[];
		}
	).orders;
	const state = (await env.shopify.get('/state')).data as { orders: IDataObject[] };
	return seeded.map((id) => {
		const reference = String(state.orders.find((order) => order.id === id)!.name).replace(/^#/, '');
		ids.set(reference, id);
		return reference;
	});
}
