/**
 * Every paid Shopify order ends in myOGO exactly once: workflows/shopify-orders-to-myogo.json run
 * in-process through its webhook path (n8n's own Shopify Trigger receiving the fake's HMAC-signed
 * deliveries) and its hourly catch-up, with myOGO faults (429, 5xx bursts, resets, stalls, answers
 * lost after the write) and Shopify faults (5xx, 429, resets) injected through the control APIs, and
 * deliveries repeated, replayed, forged, out of order, or sent while the workflow is off.
 */
import { createHmac } from 'node:crypto';

import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { itemsOf } from '../harness/templates';
import type { WebhookTrigger } from '../harness/webhook';
import { ORDER_CALL_FAULT_STORM, SUITE_TIMEOUT_MS, problems } from './support/environment';
import { answeredPostsTo } from './support/sandboxCalls';
import { useShopifyReliabilityEnvironment } from './support/shopifyEnvironment';

const SKUS = ['SHOP-HOODIE-L', 'SHOP-BEANIE'];
const env = useShopifyReliabilityEnvironment({
	template: 'shopify-orders-to-myogo.json',
	settings: (fake) => ({ 'settings.shopSubdomain': fake.shopSubdomain }),
	products: SKUS,
});

const PAID = 'Shopify Trigger (order paid)';
const CANCELLED = 'Shopify Trigger (order cancelled)';
const CATCH_UP = 'Catch-up Every Hour';

beforeEach(async () => {
	await env.shopify.post('/seed', {
		products: [
			{ title: 'Hoodie', variants: [{ sku: SKUS[0], price: '42.00', option1: 'Blue / L' }] },
			{ title: 'Beanie', variants: [{ sku: SKUS[1], price: '15.00' }] },
		],
	});
});

/** A checkout as the buyer places it (the fake fills in titles and variant ids from the SKUs). */
function checkout(extra: IDataObject = {}): IDataObject {
	return {
		email: 'sigrid@example.no',
		line_items: [
			{ sku: SKUS[0], quantity: 2, price: '42.00' },
			{ sku: SKUS[1], quantity: 1, price: '15.00' },
		],
		shipping_address: {
			first_name: 'Sigrid',
			last_name: 'Ødegård',
			address1: 'Storgata 1',
			city: 'Oslo',
			zip: '0155',
			country_code: 'NO',
		},
		shipping_lines: [{ title: 'Standard', code: 'STANDARD', price: '4.90' }],
		...extra,
	};
}

const reference = (order: IDataObject) => String(order.name).replace(/^#/, '');

/** Places and pays `count` orders (each delivers orders/paid); answers them. */
async function paidOrders(count: number): Promise<IDataObject[]> {
	const orders: IDataObject[] = [];
	for (let i = 0; i < count; i++) {
		const order = (await env.shopify.post('/orders', checkout())).data as IDataObject;
		orders.push((await env.shopify.post(`/orders/${order.id}/pay`)).data as IDataObject);
	}
	await env.shopifyFake.settle();
	return orders;
}

interface Outputs {
	sent: IDataObject[];
	failed: IDataObject[];
	nothingToCancel: IDataObject[];
	cancelled: IDataObject[];
}

const emptyOutputs = (): Outputs => ({ sent: [], failed: [], nothingToCancel: [], cancelled: [] });

async function runAndCollect(outputs: Outputs, triggerName: string, items: IDataObject[]) {
	const result = await env.run(triggerName, items);
	expect(result.error).toBeUndefined();
	// Everything that ends well: sent (whole or without some lines), or already in myOGO as it is.
	outputs.sent.push(
		...itemsOf(result, 'Sent to myOGO'),
		...itemsOf(result, 'Sent Without Some Lines'),
		...itemsOf(result, 'Nothing to Send'),
	);
	outputs.failed.push(...itemsOf(result, 'Failed Orders'));
	outputs.nothingToCancel.push(...itemsOf(result, 'Nothing to Cancel'));
	outputs.cancelled.push(...itemsOf(result, 'Cancelled in myOGO'));
}

/** Runs the template once per delivery the trigger accepted (from `from` on), in arrival order. */
async function runDeliveries(
	trigger: WebhookTrigger,
	triggerName: string,
	from = 0,
): Promise<Outputs> {
	const outputs = emptyOutputs();
	for (const items of trigger.items.slice(from)) await runAndCollect(outputs, triggerName, items);
	return outputs;
}

async function catchUp(): Promise<Outputs> {
	const outputs = emptyOutputs();
	await runAndCollect(outputs, CATCH_UP, [{ timestamp: new Date().toISOString() }]);
	return outputs;
}

const sortedRefs = (items: IDataObject[]) => items.map((o) => String(o.reference)).sort();

describe('every paid Shopify order ends in myOGO exactly once', () => {
	test('webhooks under myOGO and Shopify faults, with a repeated delivery, then the catch-up (itself faulted once)', async () => {
		const [paid] = await env.activateShopifyTriggers(PAID, CANCELLED);
		// myOGO faults on the order calls (see ORDER_CALL_FAULT_STORM).
		for (const fault of ORDER_CALL_FAULT_STORM) await env.control.post('/faults', fault);
		// Shopify, on the per-delivery read of the current order: a 503, a 429 and a dropped connection.
		for (const status of [503, 429, 'reset'])
			await env.shopify.post('/faults', { status, method: 'GET', path: '/orders/', after: 2 });

		const orders = await paidOrders(8);
		const refs = orders.map(reference).sort();
		// Shopify delivers orders/paid of the last order again (as after a slow answer from n8n).
		const deliveries = (await env.shopify.get('/deliveries')).data as Array<{
			id: number;
			topic: string;
		}>;
		await env.shopify.post('/deliveries/replay', {
			id: deliveries.filter((d) => d.topic === 'orders/paid').at(-1)!.id,
		});
		expect(paid.items).toHaveLength(9);

		const hooks = await runDeliveries(paid, PAID);
		expect((await env.control.get('/faults')).data).toEqual([]);
		expect((await env.shopify.get('/faults')).data).toEqual([]);
		// Every fault that was not ridden out left a visible failure; nothing was created twice.
		const postFaults = (await answeredPostsTo(env, '/api/v1/orders'))
			.filter((e) => e.fault)
			.map((e) => Number(e.status))
			.sort((x, y) => x - y);
		expect(postFaults).toEqual([0, 429, 500, 502, 503, 503]);
		const shopifyReadFaults = ((await env.shopify.get('/requests')).data as IDataObject[]).filter(
			(e) => e.fault,
		);
		expect(shopifyReadFaults).toHaveLength(3);
		expect(hooks.failed).toHaveLength(5 + 3);
		const created = hooks.sent.filter((o) => o.result === 'created');
		expect(new Set(sortedRefs(created)).size).toBe(created.length);
		expect(created.length).toBeLessThan(refs.length);

		// The first catch-up's Shopify read fails: visible, nothing sent. The next one sends every paid order.
		await env.shopify.post('/faults', { status: 500, method: 'GET', path: '/orders' });
		const refused = await catchUp();
		expect(refused.failed).toHaveLength(1);
		expect(refused.sent).toEqual([]);
		const repair = await catchUp();
		expect(repair.failed).toEqual([]);
		expect(sortedRefs(repair.sent)).toEqual(refs);
		const createdByCatchUp = sortedRefs(repair.sent.filter((o) => o.result === 'created'));
		expect([...sortedRefs(created), ...createdByCatchUp].sort()).toEqual(refs);

		const outcome = await env.observe({ expectedReferences: refs });
		expect(problems(outcome)).toEqual([]);
		expect(outcome.references.sort()).toEqual(refs);
	});

	test('a POST that reached myOGO but whose answer was lost is not repeated: the catch-up finds it there', async () => {
		await env.shopify.post('/seed', {
			orders: [1, 2, 3].map(() => checkout({ financial_status: 'paid' })),
		});
		env.proxy.withholdAnswer({ method: 'POST', path: '/api/v1/orders', mode: 'drop', count: 1 });
		env.proxy.withholdAnswer({
			method: 'POST',
			path: '/api/v1/orders',
			mode: 'stall',
			stallMs: SUITE_TIMEOUT_MS + 800,
			count: 1,
		});

		const first = await catchUp();
		expect(first.failed).toHaveLength(2);
		expect(first.failed.map((item) => String(item.error)).join('\n')).toMatch(
			/Could not reach myOGO for POST \/orders/,
		);
		expect(await answeredPostsTo(env, '/api/v1/orders')).toHaveLength(3);
		const refs = (await env.myOgoOrders()).map((o) => String(o.reference)).sort();
		expect(refs).toHaveLength(3);

		const second = await catchUp();
		expect(second.failed).toEqual([]);
		expect(second.sent.map((o) => o.result)).toEqual([
			'alreadyInMyOgo',
			'alreadyInMyOgo',
			'alreadyInMyOgo',
		]);
		const outcome = await env.observe({ expectedReferences: refs });
		expect(problems(outcome)).toEqual([]);
	});
});

describe('Shopify deliveries on a bad day', () => {
	test('a delivery replayed (correctly signed) is one order; forged, unsigned and tampered ones start nothing', async () => {
		const [paid] = await env.activateShopifyTriggers(PAID);
		const [order] = await paidOrders(1);
		const delivery = (
			(await env.shopify.get('/deliveries')).data as Array<{
				id: number;
				topic: string;
				payload: unknown;
			}>
		).find((d) => d.topic === 'orders/paid')!;
		await env.shopify.post('/deliveries/replay', { id: delivery.id });
		await env.shopify.post('/deliveries/replay', { id: delivery.id });

		const body = JSON.stringify(delivery.payload);
		const headers = (hmac: string | null): Record<string, string> => ({
			'Content-Type': 'application/json',
			'X-Shopify-Topic': 'orders/paid',
			'X-Shopify-Shop-Domain': `${env.shopifyFake.shopSubdomain}.myshopify.com`,
			'X-Shopify-API-Version': '2024-07',
			...(hmac !== null && { 'X-Shopify-Hmac-Sha256': hmac }),
		});
		const sign = (key: string, payload = body) =>
			createHmac('sha256', key).update(payload).digest('base64');
		const tampered = body.replace('"quantity":2', '"quantity":200');
		expect(tampered).not.toBe(body);
		const attempts = [
			await axios.post(paid.url, body, {
				headers: headers(sign('not-the-app-secret')),
				validateStatus: () => true,
				transformRequest: [(d) => d],
			}),
			await axios.post(paid.url, body, {
				headers: headers(null),
				validateStatus: () => true,
				transformRequest: [(d) => d],
			}),
			// The genuine signature, on a body changed in transit.
			await axios.post(paid.url, tampered, {
				headers: headers(sign(env.shopifyFake.appSecret)),
				validateStatus: () => true,
				transformRequest: [(d) => d],
			}),
		];
		expect(attempts.every((response) => response.status < 500)).toBe(true);
		expect(paid.calls).toHaveLength(6);
		expect(paid.items).toHaveLength(3); // the delivery and its two replays only
		env.extraFaults += attempts.length;

		const out = await runDeliveries(paid, PAID);
		expect(out.failed).toEqual([]);
		expect(out.sent.map((o) => [o.reference, o.result])).toEqual([
			[reference(order), 'created'],
			[reference(order), 'unchanged'],
			[reference(order), 'unchanged'],
		]);
		const outcome = await env.observe({ expectedReferences: [reference(order)] });
		expect(problems(outcome)).toEqual([]);
		expect((await env.myOgoOrders())[0]).toMatchObject({
			orderLines: [
				expect.objectContaining({ quantity: 2 }),
				expect.objectContaining({ quantity: 1 }),
			],
		});
	});

	test('out of order: a cancel run before the late paid delivery leaves no active order in myOGO', async () => {
		const [paid, cancelled] = await env.activateShopifyTriggers(PAID, CANCELLED);
		const [kept, dropped] = await paidOrders(2);
		await env.shopify.post(`/orders/${dropped.id}/cancel`);
		await env.shopifyFake.settle();
		expect([paid.items.length, cancelled.items.length]).toEqual([2, 1]);

		// The cancel overtakes both paid deliveries.
		const out = emptyOutputs();
		await runAndCollect(out, CANCELLED, cancelled.items[0]);
		for (const items of paid.items) await runAndCollect(out, PAID, items);
		expect(out.failed).toEqual([]);
		expect(out.sent.map((o) => [o.reference, o.result])).toEqual([[reference(kept), 'created']]);
		expect(out.nothingToCancel.map((o) => String(o.error))).toEqual([
			expect.stringContaining(reference(dropped)),
			expect.stringContaining(reference(dropped)),
		]);
		const orders = await env.myOgoOrders();
		expect(orders.filter((o) => o.status !== 'cancelled').map((o) => o.reference)).toEqual([
			reference(kept),
		]);
		// The cancelled order is not one that must reach myOGO: only the kept one counts as sent.
		const outcome = await env.observe({ expectedReferences: [reference(kept)] });
		expect(problems(outcome)).toEqual([]);
	});

	test('an order paid while the workflow is inactive gets no delivery, and the catch-up sends it once', async () => {
		const triggers = await env.activateShopifyTriggers(PAID, CANCELLED);
		for (const trigger of triggers) await trigger.deactivate();
		expect((await env.shopify.get('/state')).data.webhooks).toEqual([]);
		const [order] = await paidOrders(1);
		expect(triggers.flatMap((trigger) => trigger.items)).toEqual([]);

		await env.activateShopifyTriggers(PAID, CANCELLED);
		const out = await catchUp();
		expect(out.failed).toEqual([]);
		expect(out.sent.map((o) => [o.reference, o.result])).toEqual([[reference(order), 'created']]);
		const outcome = await env.observe({ expectedReferences: [reference(order)] });
		expect(problems(outcome)).toEqual([]);
	});
});
