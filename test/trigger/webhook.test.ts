/**
 * The webhook trigger against the sandbox: the subscription's lifecycle, signatures, replays, and
 * real deliveries (with the sandbox's retries) arriving at a receiver on 127.0.0.1.
 */
import { createHmac } from 'node:crypto';

import axios, { type AxiosInstance } from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { createMyOgoOrder } from '../harness/myOgoOrder';
import { WebhookTrigger } from '../harness/webhook';
import { seedProducts, startTestBed, type TestBed } from './helpers';

let bed: TestBed;
let api: AxiosInstance;
const triggers: WebhookTrigger[] = [];

beforeAll(async () => {
	// Fast retries and a short timeout so retry scenarios take well under a second.
	bed = await startTestBed({ webhookRetryDelaysMs: [100, 200, 400, 800], webhookTimeoutMs: 400 });
});
afterAll(async () => bed.close());
beforeEach(async () => {
	await bed.reset();
	api = await bed.api();
	await seedProducts(bed.control, ['TEE-S', 'MUG']);
});
afterEach(async () => {
	while (triggers.length) await triggers.pop()!.close();
});

async function newTrigger(parameters: IDataObject, listen = true) {
	const trigger = new WebhookTrigger({
		credentials: bed.credentials as never,
		parameters: parameters as never,
	});
	triggers.push(trigger);
	if (listen) await trigger.listen();
	return trigger;
}

async function subscriptions(): Promise<IDataObject[]> {
	return (await api.get('/webhooks', { params: { limit: 250 } })).data;
}

function sign(key: string, body: string) {
	return createHmac('sha256', key).update(body, 'utf8').digest('base64');
}

function post(trigger: WebhookTrigger, body: string, headers: Record<string, string> = {}) {
	return axios.post(trigger.url, body, {
		headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers },
		validateStatus: () => true,
		transformRequest: [(data) => data],
	});
}

const stored = (trigger: WebhookTrigger) =>
	(trigger.persisted['node:myOGO Webhook Trigger'] ?? {}) as IDataObject;
const keyOf = (trigger: WebhookTrigger) => String(stored(trigger).signingKey ?? '');

async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<NonNullable<T>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value as NonNullable<T>;
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

async function createOrder(reference: string) {
	await createMyOgoOrder(api, reference, 'TEE-S', 2);
}

describe('subscription lifecycle', () => {
	test('activation registers a subscription with a fresh key; a second activation finds it', async () => {
		const trigger = await newTrigger({ event: 'orderShipped' }, false);
		expect(await trigger.activate()).toEqual({ existed: false });
		const [subscription, ...others] = await subscriptions();
		expect(others).toEqual([]);
		expect(subscription).toMatchObject({
			url: trigger.url,
			type: 'OrderShipped',
			key: keyOf(trigger),
		});
		expect(stored(trigger).webhookId).toBe(subscription.id);
		expect(keyOf(trigger)).toMatch(/^[A-Za-z0-9_-]{43}$/);

		expect(await trigger.activate()).toEqual({ existed: true });
		expect(await subscriptions()).toHaveLength(1);

		// Keys are never reused between subscriptions.
		const other = await newTrigger({ event: 'orderShipped' }, false);
		await other.activate();
		expect(keyOf(other)).not.toBe(keyOf(trigger));
	});

	test('checkExists removes orphans on our URL and leaves other subscriptions alone', async () => {
		const trigger = await newTrigger({ event: 'stockChanged' }, false);
		await trigger.activate();
		const orphan = (
			await api.post('/webhooks', {
				url: trigger.url,
				key: 'old-key',
				type: 'ProductStockLevelChanged',
			})
		).data;
		const foreign = (
			await api.post('/webhooks', { url: 'https://shop.example/hooks/stock', key: 'k', type: 2 })
		).data;
		expect(await trigger.activate()).toEqual({ existed: true });
		const ids = (await subscriptions()).map((s) => s.id);
		expect(ids).not.toContain(orphan.id);
		expect(ids).toContain(foreign.id);
		expect(ids).toContain(stored(trigger).webhookId);
	});

	test('a subscription deleted in myOGO, or made for another event, is replaced', async () => {
		const trigger = await newTrigger({ event: 'orderShipped' }, false);
		await trigger.activate();
		const first = stored(trigger);
		await api.delete(`/webhooks/${first.webhookId}`);
		expect(await trigger.activate()).toEqual({ existed: false });
		const second = stored(trigger);
		expect(second.webhookId).not.toBe(first.webhookId);
		expect(second.signingKey).not.toBe(first.signingKey);

		trigger.setParameters({ event: 'stockChanged' });
		expect(await trigger.activate()).toEqual({ existed: false });
		expect((await subscriptions()).map((s) => [s.url, s.type])).toEqual([
			[trigger.url, 'ProductStockLevelChanged'],
		]);
	});

	test('deactivation deletes the subscription; deleting what is already gone is fine', async () => {
		const trigger = await newTrigger({ event: 'orderShipped' }, false);
		await trigger.activate();
		expect(await trigger.deactivate()).toBe(true);
		expect(await subscriptions()).toEqual([]);
		expect(stored(trigger).webhookId).toBeUndefined();
		expect(stored(trigger).signingKey).toBeUndefined();
		expect(await trigger.deactivate()).toBe(true);

		await trigger.activate();
		await api.delete(`/webhooks/${stored(trigger).webhookId}`);
		expect(await trigger.deactivate()).toBe(true);
	});

	test('an event this version does not know fails activation naming it, and subscribes nothing', async () => {
		const trigger = await newTrigger({ event: 'stockLevelChanged' }, false);
		await expect(trigger.activate()).rejects.toThrow('Unknown event "stockLevelChanged"');
		expect(await subscriptions()).toEqual([]);
	});
});

describe('signatures', () => {
	const body = JSON.stringify({
		type: 'ProductStockLevelChanged',
		occurred: '2026-11-26T17:00:00.000Z',
		stock: [
			{
				productCode: 'TEE-S',
				stock: 5,
				stockAvailable: 4,
				reserved: 1,
				modified: '2026-11-26T17:00:00.000Z',
			},
			{
				productCode: 'MUG',
				stock: 0,
				stockAvailable: 0,
				reserved: 0,
				modified: '2026-11-26T17:00:00.000Z',
			},
		],
	});

	test('a good signature over the raw body starts the workflow with one item per product', async () => {
		const trigger = await newTrigger({ event: 'stockChanged' });
		await trigger.activate();
		const response = await post(trigger, body, {
			'X-OGOship-Hmac-SHA256': sign(keyOf(trigger), body),
		});
		expect(response.status).toBe(200);
		expect(trigger.items).toEqual([
			[
				expect.objectContaining({ productCode: 'TEE-S', stockAvailable: 4 }),
				expect.objectContaining({ productCode: 'MUG', stockAvailable: 0 }),
			],
		]);
	});

	test('batch output puts the delivery in one item', async () => {
		const trigger = await newTrigger({ event: 'stockChanged', stockOutput: 'batch' });
		await trigger.activate();
		await post(trigger, body, { 'X-OGOship-Hmac-SHA256': sign(keyOf(trigger), body) });
		expect(trigger.items).toEqual([
			[
				{
					stock: [expect.any(Object), expect.any(Object)],
					count: 2,
					occurred: '2026-11-26T17:00:00.000Z',
				},
			],
		]);
	});

	test.each([
		['no signature header', () => ({})],
		[
			'a signature made with another key',
			() => ({ 'X-OGOship-Hmac-SHA256': sign('not-the-key', body) }),
		],
		['a signature that is not Base64', () => ({ 'X-OGOship-Hmac-SHA256': 'this is not base64!' })],
		['an empty signature', () => ({ 'X-OGOship-Hmac-SHA256': '' })],
	])('%s is refused with 401 and starts nothing', async (_name, headers) => {
		const trigger = await newTrigger({ event: 'stockChanged' });
		await trigger.activate();
		const response = await post(trigger, body, headers());
		expect(response.status).toBe(401);
		expect(response.data).toEqual({
			message: 'Missing or invalid X-OGOship-Hmac-SHA256 signature',
		});
		expect(trigger.items).toEqual([]);
	});

	test('a signature of different bytes is refused: the same JSON re-serialised does not pass', async () => {
		const trigger = await newTrigger({ event: 'stockChanged' });
		await trigger.activate();
		const signature = sign(keyOf(trigger), body);
		const reformatted = JSON.stringify(JSON.parse(body), null, 2);
		expect((await post(trigger, reformatted, { 'X-OGOship-Hmac-SHA256': signature })).status).toBe(
			401,
		);
		const tampered = body.replace('"stockAvailable":4', '"stockAvailable":400');
		expect((await post(trigger, tampered, { 'X-OGOship-Hmac-SHA256': signature })).status).toBe(
			401,
		);
		expect(trigger.items).toEqual([]);
	});

	test('a trigger that was never activated (no key) refuses everything', async () => {
		const trigger = await newTrigger({ event: 'stockChanged' });
		expect((await post(trigger, body, { 'X-OGOship-Hmac-SHA256': sign('', body) })).status).toBe(
			401,
		);
		expect(trigger.items).toEqual([]);
	});

	test('a signed delivery for the other event is acknowledged and ignored', async () => {
		const trigger = await newTrigger({ event: 'orderShipped' });
		await trigger.activate();
		const response = await post(trigger, body, {
			'X-OGOship-Hmac-SHA256': sign(keyOf(trigger), body),
		});
		expect(response.status).toBe(200);
		expect(response.data).toEqual({ message: 'Ignored: this trigger listens for OrderShipped' });
		expect(trigger.items).toEqual([]);
	});
});

describe('replayed deliveries', () => {
	const body = JSON.stringify({
		type: 'ProductStockLevelChanged',
		occurred: '2026-11-26T17:00:00.000Z',
		stock: [
			{
				productCode: 'MUG',
				stock: 3,
				stockAvailable: 3,
				reserved: 0,
				modified: '2026-11-26T17:00:00.000Z',
			},
		],
	});

	test('the same signed body again is answered "Already received" and starts nothing', async () => {
		const trigger = await newTrigger({ event: 'stockChanged' });
		await trigger.activate();
		const headers = { 'X-OGOship-Hmac-SHA256': sign(keyOf(trigger), body) };
		expect((await post(trigger, body, headers)).status).toBe(200);
		const again = await post(trigger, body, headers);
		expect(again.status).toBe(200);
		expect(again.data).toEqual({ message: 'Already received' });
		expect(trigger.items).toHaveLength(1);

		// A different delivery (another time) still goes through.
		const next = body.replace('17:00:00.000Z","stock"', '17:05:00.000Z","stock"');
		await post(trigger, next, { 'X-OGOship-Hmac-SHA256': sign(keyOf(trigger), next) });
		expect(trigger.items).toHaveLength(2);
	});

	test('with Ignore Repeated Deliveries off, every copy starts the workflow', async () => {
		const trigger = await newTrigger({ event: 'stockChanged', options: { ignoreRepeats: false } });
		await trigger.activate();
		const headers = { 'X-OGOship-Hmac-SHA256': sign(keyOf(trigger), body) };
		await post(trigger, body, headers);
		await post(trigger, body, headers);
		expect(trigger.items).toHaveLength(2);
	});

	test('a new subscription starts with an empty memory', async () => {
		const trigger = await newTrigger({ event: 'stockChanged' });
		await trigger.activate();
		await post(trigger, body, { 'X-OGOship-Hmac-SHA256': sign(keyOf(trigger), body) });
		await trigger.deactivate();
		await trigger.activate();
		await post(trigger, body, { 'X-OGOship-Hmac-SHA256': sign(keyOf(trigger), body) });
		expect(trigger.items).toHaveLength(2);
	});
});

describe('real deliveries from the sandbox', () => {
	test('an order advanced to shipped arrives, signed, with tracking numbers and lines', async () => {
		const trigger = await newTrigger({ event: 'orderShipped' });
		await trigger.activate();
		await createOrder('5001');
		await bed.control.post('/orders/5001/advance', {
			status: 'shipped',
			trackingNumber: 'JJFI1,JJFI2',
		});
		const [items] = await waitFor(() => (trigger.items.length ? trigger.items : undefined));
		expect(items).toEqual([
			expect.objectContaining({
				reference: '5001',
				status: 'shipped',
				trackingNumber: 'JJFI1,JJFI2',
				trackingNumbers: ['JJFI1', 'JJFI2'],
				trackingUrl: expect.stringContaining('JJFI1'),
				orderLines: [expect.objectContaining({ code: 'TEE-S', quantity: 2 })],
			}),
		]);
		const deliveries = (await bed.control.get('/deliveries')).data as IDataObject[];
		expect(deliveries).toEqual([
			expect.objectContaining({ type: 'OrderShipped', status: 200, delivered: true, attempt: 1 }),
		]);
	});

	test('a stock change arrives as one item per product', async () => {
		const trigger = await newTrigger({ event: 'stockChanged' });
		await trigger.activate();
		await bed.control.put('/stock/MUG', { stockAvailable: 12 });
		const [items] = await waitFor(() => (trigger.items.length ? trigger.items : undefined));
		expect(items).toEqual([expect.objectContaining({ productCode: 'MUG', stockAvailable: 12 })]);
	});

	test('a failed attempt is retried by myOGO and the workflow runs once', async () => {
		const trigger = await newTrigger({ event: 'stockChanged' });
		await trigger.activate();
		trigger.intercept = (res, index) => {
			if (index > 0) return false;
			res.writeHead(503);
			res.end();
			return true;
		};
		await bed.control.put('/stock/MUG', { stockAvailable: 1 });
		await waitFor(() => trigger.items.length === 1);
		const deliveries = (await bed.control.get('/deliveries')).data as IDataObject[];
		expect(deliveries.map((d) => [d.attempt, d.status, d.delivered])).toEqual([
			[1, 503, false],
			[2, 200, true],
		]);
	});

	test('a delivery answered too late is sent again, and the replay memory drops the copy', async () => {
		const trigger = await newTrigger({ event: 'stockChanged' });
		await trigger.activate();
		// The first call runs the workflow but answers after myOGO's timeout: myOGO tries again.
		trigger.beforeAnswer = async (index) => {
			if (index === 0) await new Promise((resolve) => setTimeout(resolve, 700));
		};
		await bed.control.put('/stock/MUG', { stockAvailable: 2 });
		await waitFor(async () =>
			((await bed.control.get('/deliveries')).data as IDataObject[]).some((d) => d.delivered),
		);
		await waitFor(
			() => trigger.calls.length === 2 && trigger.calls.every((call) => call.body !== undefined),
		);
		const deliveries = (await bed.control.get('/deliveries')).data as IDataObject[];
		expect(deliveries.map((d) => [d.attempt, d.delivered])).toEqual([
			[1, false],
			[2, true],
		]);
		expect(trigger.calls.map((c) => c.body)).toEqual([
			{ message: 'Workflow was started' },
			{ message: 'Already received' },
		]);
		expect(trigger.items).toHaveLength(1);
	});

	test('after deactivation nothing more is delivered', async () => {
		const trigger = await newTrigger({ event: 'stockChanged' });
		await trigger.activate();
		await trigger.deactivate();
		await bed.control.put('/stock/MUG', { stockAvailable: 3 });
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(trigger.calls).toEqual([]);
	});
});
