import axios from 'axios';
import { PASSWORD_GRANT, product, tokenRequest, useResetSandbox } from './helpers';

describe('sandbox: injected faults and latency', () => {
	const env = useResetSandbox();

	it('answers 429 with Retry-After and the error body, then recovers', async () => {
		expect(
			(await env.control.post('/faults', { status: 429, count: 1, retryAfter: 7 })).status,
		).toBe(200);
		const limited = await env.api.get('/products');
		expect(limited.status).toBe(429);
		expect(limited.headers['retry-after']).toBe('7');
		expect(limited.data).toEqual({
			statusCode: 429,
			statusDescription: 'Too Many Requests',
			message: expect.any(String),
		});
		expect((await env.api.get('/products')).status).toBe(200);
	});

	it('fails exactly `count` calls', async () => {
		await env.control.post('/faults', { status: 503, count: 2 });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await env.api.get('/orders')).status);
		expect(statuses).toEqual([503, 503, 200]);
	});

	it('with a method, fails only the calls that use it: the writes of a path, not its reads', async () => {
		await env.control.post('/faults', { status: 503, path: '/api/v1/orders', method: 'post' });
		expect((await env.api.get('/orders')).status).toBe(200);
		expect((await env.api.post('/orders', {})).status).toBe(503);
		expect((await env.control.get('/faults')).data).toEqual([]);
	});

	it('sends no Retry-After unless told to', async () => {
		await env.control.post('/faults', { status: 500 });
		const response = await env.api.get('/orders');
		expect(response.status).toBe(500);
		expect(response.headers['retry-after']).toBeUndefined();
		expect(response.data.statusDescription).toBe('Internal Server Error');
	});

	it('drops the connection without an answer for status "reset"', async () => {
		await env.control.post('/faults', { status: 'reset' });
		const error = await axios
			.get(`${env.sandbox.url}/api/v1/products`, {
				headers: env.api.defaults.headers.common as any,
			})
			.catch((e) => e);
		expect(error).toBeInstanceOf(Error);
		expect(error.response).toBeUndefined();
		expect(['ECONNRESET', 'ERR_BAD_RESPONSE', 'ECONNABORTED']).toContain(error.code);
		expect((await env.api.get('/products')).status).toBe(200);
		const log = (await env.control.get('/requests')).data;
		expect(log.find((e: any) => e.fault)).toMatchObject({
			path: '/api/v1/products',
			status: 0,
			fault: true,
		});
	});

	it('matches `path` as a case-insensitive prefix', async () => {
		await env.control.post('/faults', { status: 502, count: 1, path: '/API/V1/Orders' });
		expect((await env.api.get('/products')).status).toBe(200);
		expect((await env.api.get('/stock')).status).toBe(200);
		expect((await env.api.get('/orders')).status).toBe(502);
		expect((await env.api.get('/orders')).status).toBe(200);
	});

	it('leaves the token endpoint alone unless a rule names it', async () => {
		await env.control.post('/faults', { status: 503, count: 1 });
		expect((await tokenRequest(env.sandbox, PASSWORD_GRANT)).status).toBe(200);
		expect((await env.api.get('/products')).status).toBe(503);

		await env.control.post('/faults', { status: 503, count: 1, path: '/' });
		expect((await tokenRequest(env.sandbox, PASSWORD_GRANT)).status).toBe(200);
		expect((await env.api.get('/products')).status).toBe(503);

		await env.control.post('/faults', { status: 503, count: 1, path: '/oauth/token' });
		const token = await tokenRequest(env.sandbox, PASSWORD_GRANT);
		expect(token.status).toBe(503);
		expect(token.data.statusCode).toBe(503);
		expect((await tokenRequest(env.sandbox, PASSWORD_GRANT)).status).toBe(200);
	});

	it('queues rules in the order they were added', async () => {
		await env.control.post('/faults', { status: 500 });
		await env.control.post('/faults', { status: 502, count: 2 });
		await env.control.post('/faults', { status: 429, retryAfter: 1 });
		expect((await env.control.get('/faults')).data.map((r: any) => r.status)).toEqual([
			500, 502, 429,
		]);
		const statuses = [];
		for (let i = 0; i < 5; i++) statuses.push((await env.api.get('/products')).status);
		expect(statuses).toEqual([500, 502, 502, 429, 200]);
		expect((await env.control.get('/faults')).data).toEqual([]);
	});

	it('waits delayMs before failing', async () => {
		await env.control.post('/faults', { status: 503, delayMs: 250 });
		const started = Date.now();
		expect((await env.api.get('/products')).status).toBe(503);
		expect(Date.now() - started).toBeGreaterThanOrEqual(240);
	});

	it('can be cleared with DELETE /_sandbox/faults', async () => {
		await env.control.post('/faults', { status: 500, count: 10 });
		await env.control.delete('/faults');
		expect((await env.api.get('/products')).status).toBe(200);
	});

	it.each([
		[{ status: 200 }],
		[{ status: 'boom' }],
		[{ status: 503, count: 0 }],
		[{ status: 429, retryAfter: -1 }],
		[{ status: 503, path: 5 }],
	])('refuses the rule %j with 400', async (rule) => {
		const response = await env.control.post('/faults', rule);
		expect(response.status).toBe(400);
		expect(response.data.statusCode).toBe(400);
	});

	it('writes faulted calls to the request log with their status', async () => {
		await env.control.post('/faults', { status: 503 });
		await env.api.get('/products');
		await env.api.get('/products');
		const log = (await env.control.get('/requests')).data.filter(
			(e: any) => e.path === '/api/v1/products',
		);
		expect(log.map((e: any) => [e.status, e.fault === true])).toEqual([
			[503, true],
			[200, false],
		]);
	});

	it('delays every API and token call by the injected latency', async () => {
		await env.control.post('/seed', { products: [product('L1')] });
		expect((await env.control.post('/latency', { ms: 300 })).data).toEqual({ ms: 300 });
		let started = Date.now();
		expect((await env.api.get('/products')).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		started = Date.now();
		expect((await tokenRequest(env.sandbox, PASSWORD_GRANT)).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		// Control calls are never delayed.
		started = Date.now();
		await env.control.get('/latency');
		expect(Date.now() - started).toBeLessThan(250);
		await env.control.post('/latency', { ms: 0 });
		started = Date.now();
		await env.api.get('/products');
		expect(Date.now() - started).toBeLessThan(250);
		expect((await env.control.post('/latency', { ms: -5 })).status).toBe(400);
	});
});
