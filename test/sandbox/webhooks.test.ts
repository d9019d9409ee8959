import crypto from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import { order, product, sleep, startWithClients, waitFor, useResetSandbox } from './helpers';

/** A tiny webhook receiver on 127.0.0.1 that records calls and answers what it is told. */
class Receiver {
	calls: { headers: http.IncomingHttpHeaders; raw: string; body: any; at: number }[] = [];
	/** Statuses to answer, in order; then `thenStatus`. `hang` never answers. */
	script: (number | 'hang')[] = [];
	thenStatus = 200;
	server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			this.calls.push({ headers: req.headers, raw, body: JSON.parse(raw), at: Date.now() });
			const next = this.script.length ? this.script.shift()! : this.thenStatus;
			if (next === 'hang') return;
			res.writeHead(next).end();
		});
	});
	url = '';

	async start() {
		await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
	}
	async stop() {
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}
}

const sign = (key: string, raw: string) =>
	crypto.createHmac('sha256', key).update(raw, 'utf8').digest('base64');

describe('sandbox: webhooks', () => {
	const env = useResetSandbox({
		options: { webhookRetryDelaysMs: [40, 40, 40, 40], webhookTimeoutMs: 300 },
		seedProducts: ['TSHIRT-BLUE-M', 'MUG-LOGO'],
	});
	let receiver: Receiver;

	beforeEach(async () => {
		receiver = new Receiver();
		await receiver.start();
	});
	afterEach(async () => {
		await receiver.stop();
	});

	const subscribe = (type: string | number, extra: Record<string, unknown> = {}) =>
		env.api.post('/webhooks', { url: receiver.url, key: 'whsec-test-key', type, ...extra });

	describe('subscriptions', () => {
		it('creates with 201 and a GUID id; a type number is answered by its name', async () => {
			const shipped = await subscribe(1);
			expect(shipped.status).toBe(201);
			expect(shipped.data).toMatchObject({
				url: receiver.url,
				key: 'whsec-test-key',
				type: 'OrderShipped',
				customHeaders: {},
			});
			expect(shipped.data.id).toMatch(/^[0-9a-f-]{36}$/);
			expect((await subscribe(2)).data.type).toBe('ProductStockLevelChanged');
			expect((await subscribe('productstocklevelchanged')).data.type).toBe(
				'ProductStockLevelChanged',
			);
			expect((await subscribe('OrderShipped')).data.type).toBe('OrderShipped');
		});

		it.each([
			['type', { type: 3 }],
			['type', { type: 'OrderPacked' }],
			['url', { url: 'ftp://127.0.0.1/hook' }],
			['url', { url: 'not a url' }],
			['key', { key: undefined }],
			['customHeaders', { customHeaders: ['x'] }],
		])('refuses with 400 naming %s', async (field, change) => {
			const response = await env.api.post('/webhooks', {
				url: receiver.url,
				key: 'k',
				type: 1,
				...change,
			});
			expect(response.status).toBe(400);
			expect(response.data.message).toContain(field);
		});

		it('reads, lists, updates partially and deletes with 204', async () => {
			const id = (await subscribe(1, { customHeaders: { 'X-Shop': 'one' } })).data.id;
			expect((await env.api.get(`/webhooks/${id}`)).data.customHeaders).toEqual({
				'X-Shop': 'one',
			});
			expect((await env.api.get('/webhooks')).data.map((w: { id: string }) => w.id)).toEqual([id]);

			const updated = await env.api.put(`/webhooks/${id}`, {
				type: 'ProductStockLevelChanged',
				customHeaders: { 'X-Shop': 'two' },
			});
			expect(updated.status).toBe(200);
			expect(updated.data).toMatchObject({
				id,
				url: receiver.url,
				key: 'whsec-test-key',
				type: 'ProductStockLevelChanged',
				customHeaders: { 'X-Shop': 'two' },
			});
			expect((await env.api.put(`/webhooks/${id}`, { url: 'mailto:x@y.z' })).status).toBe(400);

			const deleted = await env.api.delete(`/webhooks/${id}`);
			expect(deleted.status).toBe(204);
			expect(deleted.data).toBe('');
			expect((await env.api.get(`/webhooks/${id}`)).status).toBe(404);
			expect((await env.api.delete(`/webhooks/${id}`)).status).toBe(404);
			expect((await env.api.get('/webhooks')).data).toEqual([]);
		});
	});

	describe('deliveries', () => {
		it('sends ProductStockLevelChanged, signed over the raw body, with the custom headers', async () => {
			await subscribe('ProductStockLevelChanged', {
				customHeaders: { 'X-Shop-Token': 'shop-123' },
			});
			await subscribe('OrderShipped'); // must not receive stock events
			await env.control.post('/clock', { now: '2026-09-01T12:00:00Z' });
			await env.control.put('/stock/TSHIRT-BLUE-M', { stockAvailable: 7, reserved: 1 });

			await waitFor(() => receiver.calls.length === 1);
			const call = receiver.calls[0];
			expect(call.headers['content-type']).toMatch(/^application\/json/);
			expect(call.headers['x-ogoship-hmac-sha256']).toBe(sign('whsec-test-key', call.raw));
			expect(call.headers['x-shop-token']).toBe('shop-123');
			expect(call.body).toEqual({
				type: 'ProductStockLevelChanged',
				occurred: '2026-09-01T12:00:00.000Z',
				stock: [
					{
						productCode: 'TSHIRT-BLUE-M',
						stock: 8,
						stockAvailable: 7,
						reserved: 1,
						modified: '2026-09-01T12:00:00.000Z',
					},
				],
			});
			await sleep(100);
			expect(receiver.calls).toHaveLength(1);
		});

		it('sends one delivery per stock change', async () => {
			await subscribe(2);
			await env.control.put('/stock/TSHIRT-BLUE-M', { stockAvailable: 1 });
			await env.control.put('/stock/MUG-LOGO', { stockAvailable: 2 });
			await env.control.put('/stock/TSHIRT-BLUE-M', { stockAvailable: 3 });
			await waitFor(() => receiver.calls.length === 3);
			const seen = receiver.calls
				.map((c) => `${c.body.stock[0].productCode}=${c.body.stock[0].stockAvailable}`)
				.sort();
			expect(seen).toEqual(['MUG-LOGO=2', 'TSHIRT-BLUE-M=1', 'TSHIRT-BLUE-M=3']);
		});

		it('sends OrderShipped with the order reply when the warehouse ships', async () => {
			await subscribe(1);
			await env.api.post('/orders', order('WEB-9', [{ code: 'MUG-LOGO', quantity: 1 }]));
			await env.control.post('/orders/WEB-9/advance', { status: 'collecting' });
			const shipped = (await env.control.post('/orders/WEB-9/advance', { status: 'shipped' })).data;
			await waitFor(() => receiver.calls.length === 1);
			const call = receiver.calls[0];
			expect(call.headers['x-ogoship-hmac-sha256']).toBe(sign('whsec-test-key', call.raw));
			expect(call.body.type).toBe('OrderShipped');
			expect(call.body.occurred).toMatch(/Z$/);
			expect(call.body.order).toEqual(shipped);
			expect(call.body.order.trackingNumber).toMatch(/^JJFI/);
		});

		it('retries a non-2xx answer after the configured delays until it is accepted', async () => {
			receiver.script = [500, 503];
			await subscribe(2);
			await env.control.put('/stock/MUG-LOGO', { stockAvailable: 4 });
			await waitFor(() => receiver.calls.length === 3);
			await sleep(150);
			expect(receiver.calls).toHaveLength(3);
			expect(new Set(receiver.calls.map((c) => c.raw)).size).toBe(1); // the same delivery each time
			expect(receiver.calls[1].at - receiver.calls[0].at).toBeGreaterThanOrEqual(35);

			const log = (await env.control.get('/deliveries')).data;
			expect(log.map((e: any) => [e.attempt, e.status, e.delivered])).toEqual([
				[1, 500, false],
				[2, 503, false],
				[3, 200, true],
			]);
			expect(log[0]).toMatchObject({
				url: receiver.url,
				type: 'ProductStockLevelChanged',
				willRetry: true,
			});
			expect(new Set(log.map((e: any) => e.deliveryId)).size).toBe(1);
		});

		it('gives up after 5 attempts in all', async () => {
			receiver.thenStatus = 500;
			await subscribe(2);
			await env.control.put('/stock/MUG-LOGO', { stockAvailable: 4 });
			await waitFor(() => receiver.calls.length === 5);
			await sleep(250);
			expect(receiver.calls).toHaveLength(5);
			const log = (await env.control.get('/deliveries')).data;
			expect(log.map((e: any) => e.attempt)).toEqual([1, 2, 3, 4, 5]);
			expect(log[4].willRetry).toBe(false);
		});

		it('counts an unanswered call as failed after the timeout, and retries it', async () => {
			receiver.script = ['hang'];
			await subscribe(2);
			await env.control.put('/stock/MUG-LOGO', { stockAvailable: 4 });
			await waitFor(() => receiver.calls.length === 2, 3000);
			const log = await waitFor(async () => {
				const entries = (await env.control.get('/deliveries')).data;
				return entries.length === 2 ? entries : null;
			});
			expect(log[0]).toMatchObject({ attempt: 1, status: null, delivered: false });
			expect(log[0].error).toMatch(/300 ms/);
			expect(log[0].durationMs).toBeGreaterThanOrEqual(290);
			expect(log[1]).toMatchObject({ attempt: 2, status: 200, delivered: true });
		});

		it('sends nothing more to a deleted subscription, not even pending retries', async () => {
			const slow = await startWithClients({ webhookRetryDelaysMs: [300, 300, 300, 300] });
			try {
				receiver.thenStatus = 500;
				const id = (await slow.api.post('/webhooks', { url: receiver.url, key: 'k', type: 2 })).data
					.id;
				await slow.control.post('/seed', { products: [product('X')] });
				await slow.control.put('/stock/X', { stockAvailable: 1 });
				await waitFor(() => receiver.calls.length === 1);
				expect((await slow.api.delete(`/webhooks/${id}`)).status).toBe(204);
				await slow.control.put('/stock/X', { stockAvailable: 2 });
				await sleep(700);
				expect(receiver.calls).toHaveLength(1);
			} finally {
				await slow.sandbox.close();
			}
		});

		it('keeps the signing key and custom header values out of the delivery log', async () => {
			await subscribe(2, { customHeaders: { Authorization: 'Bearer receiver-secret-xyz' } });
			await env.control.put('/stock/MUG-LOGO', { stockAvailable: 4 });
			await waitFor(() => receiver.calls.length === 1);
			expect(receiver.calls[0].headers.authorization).toBe('Bearer receiver-secret-xyz');
			const text = JSON.stringify((await env.control.get('/deliveries')).data);
			expect(text).toContain('ProductStockLevelChanged');
			expect(text).not.toContain('whsec-test-key');
			expect(text).not.toContain('receiver-secret-xyz');
		});

		it('answers deliveries since a sequence number', async () => {
			await subscribe(2);
			await env.control.put('/stock/MUG-LOGO', { stockAvailable: 1 });
			await env.control.put('/stock/MUG-LOGO', { stockAvailable: 2 });
			await waitFor(async () => (await env.control.get('/deliveries')).data.length === 2);
			const all = (await env.control.get('/deliveries')).data;
			expect(
				(await env.control.get('/deliveries', { params: { since: all[0].seq } })).data,
			).toEqual([all[1]]);
		});
	});
});
