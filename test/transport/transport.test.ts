import type { IDataObject } from 'n8n-workflow';

import { RETRY_POLICY } from '../../nodes/MyOgo/transport';
import { runWorkflow } from '../harness/runWorkflow';
import type { RunningSandbox } from '../harness/sandbox';
import { controlClient, sandboxCredentials, startTestSandbox } from '../harness/sandbox';

let sandbox: RunningSandbox;
const control = () => controlClient(sandbox.url);

beforeAll(async () => {
	sandbox = await startTestSandbox();
	// Keep backoff short in tests; the policy's shape is what is under test.
	RETRY_POLICY.backoffBaseMs = 20;
});
afterAll(async () => sandbox.close());
beforeEach(async () => {
	await control().post('/reset');
});

interface LogEntry {
	method: string;
	path: string;
	query: Record<string, string>;
	status: number | null;
	time: string;
}

async function apiLog(): Promise<LogEntry[]> {
	const log = (await control().get('/requests')).data as LogEntry[];
	return log.filter((entry) => entry.path.toLowerCase().startsWith('/api/v1'));
}

/** Runs the test-only probe node, which calls our transport inside a real n8n execution. */
async function probe(parameters: IDataObject, onError?: 'continueRegularOutput') {
	const result = await runWorkflow(
		{
			nodes: [
				{
					id: 'probe',
					name: 'Probe',
					type: 'test.transportProbe',
					typeVersion: 1,
					position: [0, 0],
					parameters: { qs: '{}', body: '', ...parameters } as never,
					credentials: { myOgoApi: { id: '1', name: 'sandbox' } },
					...(onError ? { onError } : {}),
				},
			],
			connections: {},
		},
		{ credentials: { myOgoApi: sandboxCredentials(sandbox.url) } },
	);
	return result;
}

async function seedProducts(count: number) {
	const products = Array.from({ length: count }, (_, i) => ({
		code: `SKU-${String(i).padStart(5, '0')}`,
		languageCode: 'en',
		name: `Product ${i}`,
	}));
	await control().post('/seed', { products });
}

describe('transport: errors', () => {
	it('turns myOGO’s error body into a NodeApiError with its message, the call and the item', async () => {
		const result = await probe({
			method: 'PUT',
			path: '/products/NO-SUCH-CODE',
			body: '{"name":"x"}',
		});
		expect(result.error).toBeDefined();
		expect(result.error!.message).toMatch(/^myOGO answered 404 to PUT \/products\/NO-SUCH-CODE: /);
		expect(result.error!.message).not.toContain('[object Object]');
		expect((result.error as unknown as { httpCode: string }).httpCode).toBe('404');
		expect(result.error!.context?.itemIndex).toBe(0);
	});

	it('shows a 400’s field message as myOGO wrote it', async () => {
		const result = await probe({ method: 'POST', path: '/products', body: '{"code":"A-1"}' });
		expect(result.error!.message).toContain('myOGO answered 400 to POST /products');
		expect(result.error!.message).toContain('languageCode');
	});
});

describe('transport: 429 and Retry-After', () => {
	it('waits for Retry-After and then repeats the call, also for a POST', async () => {
		await control().post('/faults', { status: 429, count: 1, retryAfter: 1 });
		const result = await probe({
			method: 'POST',
			path: '/products',
			body: '{"code":"RATE-1","languageCode":"en"}',
		});
		expect(result.error).toBeUndefined();
		const log = (await apiLog()).filter((entry) => entry.method === 'POST');
		expect(log.map((entry) => entry.status)).toEqual([429, 201]);
		const waitedMs = Date.parse(log[1].time) - Date.parse(log[0].time);
		expect(waitedMs).toBeGreaterThanOrEqual(950);
	});
});

describe('transport: 5xx and dropped connections', () => {
	it('retries a GET after 500/502/503 with backoff until it succeeds', async () => {
		await control().post('/faults', { status: 503, count: 1 });
		await control().post('/faults', { status: 502, count: 1 });
		await control().post('/faults', { status: 500, count: 1 });
		const result = await probe({ method: 'GET', path: '/products' });
		expect(result.error).toBeUndefined();
		expect((await apiLog()).map((entry) => entry.status)).toEqual([503, 502, 500, 200]);
	});

	it('never repeats a POST after a 5xx: one call, and the error says so', async () => {
		await control().post('/faults', { status: 503, count: 1 });
		const result = await probe({
			method: 'POST',
			path: '/products',
			body: '{"code":"ONCE","languageCode":"en"}',
		});
		expect(result.error!.message).toMatch(/^myOGO answered 503 to POST \/products: /);
		const posts = (await apiLog()).filter((entry) => entry.method === 'POST');
		expect(posts).toHaveLength(1);
	});

	it('never repeats a POST whose connection dropped, but repeats a GET', async () => {
		await control().post('/faults', { status: 'reset', count: 1 });
		const post = await probe({
			method: 'POST',
			path: '/products',
			body: '{"code":"RESET","languageCode":"en"}',
		});
		expect(post.error!.message).toBe(
			'Could not reach myOGO for POST /products: the connection was closed before myOGO answered. Check the API Base URL and your connection.',
		);
		await control().post('/faults', { status: 'reset', count: 1 });
		const get = await probe({ method: 'GET', path: '/products' });
		expect(get.error).toBeUndefined();
		const log = await apiLog();
		expect(log.filter((entry) => entry.method === 'POST')).toHaveLength(1);
		expect(log.filter((entry) => entry.method === 'GET').map((entry) => entry.status)).toEqual([
			0, 200,
		]);
	});

	it('gives up after the attempt limit and says how many were tried', async () => {
		await control().post('/faults', { status: 503, count: 50 });
		const result = await probe({ method: 'GET', path: '/stock' });
		expect(result.error!.message).toContain(`after ${RETRY_POLICY.maxAttempts} attempts`);
		expect(await apiLog()).toHaveLength(RETRY_POLICY.maxAttempts);
	});
});

describe('transport: paging', () => {
	it('reads 1,100 rows in pages of 250 until the short page, each row once', async () => {
		await seedProducts(1100);
		const result = await probe({ mode: 'list', path: '/products' });
		expect(result.error).toBeUndefined();
		const rows = result.json('Probe')[0].rows as IDataObject[];
		expect(rows).toHaveLength(1100);
		expect(new Set(rows.map((row) => row.code)).size).toBe(1100);
		const gets = await apiLog();
		expect(gets.map((entry) => [entry.query.limit, entry.query.page])).toEqual([
			['250', '1'],
			['250', '2'],
			['250', '3'],
			['250', '4'],
			['250', '5'],
		]);
	});

	it('yields page by page and stops after an exactly full last page with one empty read', async () => {
		await seedProducts(500);
		const result = await probe({ mode: 'pages', path: '/products' });
		expect(result.json('Probe')[0].pageSizes).toEqual([250, 250]);
		expect(await apiLog()).toHaveLength(3);
	});

	it('asks only for the rows a limit needs', async () => {
		await seedProducts(300);
		const result = await probe({ mode: 'list', path: '/products', limit: 10 });
		expect(result.json('Probe')[0].rows).toHaveLength(10);
		expect((await apiLog()).map((entry) => entry.query.limit)).toEqual(['10']);
	});
});
