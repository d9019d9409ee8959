import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeProperties } from 'n8n-workflow';

import { MyOgo } from '../../nodes/MyOgo/MyOgo.node';
import { RESOURCES } from '../../nodes/MyOgo/actions/resources';
import { byCode, pairedIndexes, product, requestLog, runMyOgo, seed, useSandbox } from './helpers';

const NODE_DIR = path.resolve(__dirname, '../../nodes/MyOgo');

describe('myOGO node: description', () => {
	const description = new MyOgo().description;

	it('has the conventional shape of an n8n node', () => {
		expect(description.name).toBe('myOgo');
		expect(description.displayName).toBe('myOGO');
		expect(description.usableAsTool).toBe(true);
		expect(description.subtitle).toContain('$parameter["operation"]');
		expect(description.subtitle).toContain('$parameter["resource"]');
		expect(description.icon).toEqual({ light: 'file:myOgo.svg', dark: 'file:myOgo.dark.svg' });
		expect(existsSync(path.join(NODE_DIR, 'myOgo.dark.svg'))).toBe(true);
		expect(existsSync(path.join(NODE_DIR, 'myOgo.svg'))).toBe(true);
		expect(readFileSync(path.resolve(NODE_DIR, '../../credentials/myOgo.svg'), 'utf8')).toBe(
			readFileSync(path.join(NODE_DIR, 'myOgo.svg'), 'utf8'),
		);
	});

	it('offers the resources and operations of the issue', () => {
		const operations = Object.fromEntries(
			RESOURCES.map((resource) => [
				resource.value,
				resource.operations.map((op) => op.value).sort(),
			]),
		);
		expect(operations).toEqual({
			product: ['create', 'get', 'getAll', 'update', 'upsert'],
			stock: ['get', 'getAll'],
			order: ['cancel', 'create', 'get', 'getAll', 'update', 'upsert'],
			incomingStock: ['create', 'get', 'getAll'],
		});
	});

	it('lists every resource and every operation in the dropdowns, each once, with an action', () => {
		const resourceSelector = description.properties.find(
			(property) => property.name === 'resource',
		);
		expect(
			(resourceSelector?.options as Array<{ value: string }>).map((option) => option.value),
		).toEqual(RESOURCES.map((resource) => resource.value));
		for (const resource of RESOURCES) {
			const selector = resource.operationSelector;
			expect(selector.displayOptions).toEqual({ show: { resource: [resource.value] } });
			const options = selector.options as Array<{ value: string; action?: string }>;
			expect(options.map((option) => option.value).sort()).toEqual(
				resource.operations.map((operation) => operation.value).sort(),
			);
			for (const option of options) expect(option.action).toMatch(/^[A-Z]/);
			expect(options.map((option) => option.value)).toContain(selector.default);
		}
	});

	it('shows Parallel Requests (1–16, default 4) on every writing operation', () => {
		for (const resource of RESOURCES) {
			for (const operation of resource.operations) {
				const options = operation.properties.find((property) => property.name === 'options');
				const parallel = (options?.options as INodeProperties[] | undefined)?.find(
					(o) => o.name === 'parallelRequests',
				);
				if (operation.parallel) {
					expect(parallel).toMatchObject({
						default: 4,
						typeOptions: { minValue: 1, maxValue: 16 },
					});
					expect(parallel?.hint).toMatch(/429/);
				} else {
					expect(parallel).toBeUndefined();
				}
			}
		}
	});

	it('has a codex file with categories and documentation links', () => {
		const codex = JSON.parse(readFileSync(path.join(NODE_DIR, 'MyOgo.node.json'), 'utf8'));
		expect(codex.node).toBe('n8n-nodes-myogo.myOgo');
		expect(codex.categories.length).toBeGreaterThan(0);
		const urls = codex.resources.primaryDocumentation.map((entry: { url: string }) => entry.url);
		expect(urls).toContain('https://openapi.ogoship.com');
		expect(urls.some((url: string) => url.includes('readme'))).toBe(true);
	});
});

describe('myOGO node: the item loop', () => {
	const ctx = useSandbox();

	it('runs writes in parallel: the calls overlap, and the output keeps the input order', async () => {
		await ctx.control.post('/latency', { ms: 150 });
		const input = Array.from({ length: 8 }, (_, i) => ({ code: `PAR-${i}` }));
		const parameters = {
			resource: 'product',
			operation: 'create',
			productCode: byCode('={{ $json.code }}'),
			languageCode: 'en',
		};

		const startedSerial = Date.now();
		const serial = await runMyOgo(
			ctx,
			{ ...parameters, options: { parallelRequests: 1 } },
			input.map((i) => ({ code: `S-${i.code}` })),
		);
		const serialMs = Date.now() - startedSerial;
		expect(serial.error).toBeUndefined();

		const startedParallel = Date.now();
		const parallel = await runMyOgo(
			ctx,
			{ ...parameters, options: { parallelRequests: 8 } },
			input,
		);
		const parallelMs = Date.now() - startedParallel;
		expect(parallel.error).toBeUndefined();
		expect(parallel.items.map((item) => item.json.code)).toEqual(input.map((i) => i.code));
		expect(pairedIndexes(parallel.items)).toEqual(input.map((_, i) => i));
		// Loose: 8 calls of 150 ms one after another take over a second; at once, a fraction of that.
		expect(parallelMs).toBeLessThan(serialMs * 0.75);

		const posts = (await requestLog(ctx)).filter(
			(entry) => entry.method === 'POST' && entry.path === '/api/v1/products',
		);
		expect(posts).toHaveLength(16);
	});

	it('keeps read operations one at a time and pairs every output item', async () => {
		await seed(ctx, { products: [product('R-1'), product('R-2'), product('R-3')] });
		const result = await runMyOgo(
			ctx,
			{ resource: 'product', operation: 'get', productCode: byCode('={{ $json.code }}') },
			[{ code: 'R-3' }, { code: 'R-1' }, { code: 'R-2' }],
		);
		expect(result.items.map((item) => item.json.code)).toEqual(['R-3', 'R-1', 'R-2']);
		expect(pairedIndexes(result.items)).toEqual([0, 1, 2]);
	});

	it('honours 429 with Retry-After while running in parallel', async () => {
		await ctx.control.post('/faults', {
			status: 429,
			count: 2,
			retryAfter: 0,
			path: '/api/v1/products',
		});
		const input = Array.from({ length: 4 }, (_, i) => ({ code: `RL-${i}` }));
		const result = await runMyOgo(
			ctx,
			{
				resource: 'product',
				operation: 'create',
				productCode: byCode('={{ $json.code }}'),
				languageCode: 'en',
			},
			input,
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4);
		const { data } = await ctx.api.get('/products', { params: { limit: 250 } });
		expect(data).toHaveLength(4);
	});
});

describe('myOGO node: a failed write names its record', () => {
	const ctx = useSandbox();

	// Parallel writes finish in any order: each failed item's error starts with the record it is about.
	it.each([
		[
			'product create',
			{
				resource: 'product',
				operation: 'create',
				productCode: byCode('={{ $json.code }}'),
				languageCode: 'en',
			},
			'Product TAKEN',
		],
		[
			'product update',
			{
				resource: 'product',
				operation: 'update',
				productCode: byCode('={{ $json.code }}'),
				updateFields: { name: 'x' },
			},
			'Product NO-SUCH',
		],
		[
			'order cancel',
			{ resource: 'order', operation: 'cancel', reference: '={{ $json.code }}' },
			'Order NO-SUCH',
		],
		[
			'order update',
			{
				resource: 'order',
				operation: 'update',
				reference: '={{ $json.code }}',
				updateFields: { comments: 'x' },
			},
			'Order NO-SUCH',
		],
		[
			'incoming stock create',
			{
				resource: 'incomingStock',
				operation: 'create',
				reference: '={{ $json.code }}',
				supplier: 'Acme',
				receiveDate: '2026-12-24T00:00:00Z',
				productsInput: 'defineBelow',
				products: {
					product: [{ code: 'NOT-IN-MYOGO', expectedQuantity: 1, countryOfOrigin: 'FI' }],
				},
			},
			'Incoming stock NO-SUCH',
		],
	])('%s', async (_name, parameters, label) => {
		await seed(ctx, { products: [product('TAKEN')] });
		const code = label.split(' ').pop();
		const result = await runMyOgo(ctx, parameters, [{ code }], { continueOnFail: true });
		expect(String(result.items[0].json.error)).toMatch(new RegExp(`^${label}: `));
	});
});

describe('myOGO node: error output', () => {
	it('routes failed items to the error output with the input item, and good ones to the success output', async () => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { runWorkflow } = require('../harness/runWorkflow');
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { sandboxCredentials, startTestSandbox, controlClient } = require('../harness/sandbox');
		const sandbox = await startTestSandbox();
		try {
			await controlClient(sandbox.url).post('/seed', {
				products: [{ code: 'SKU-1', languageCode: 'en' }],
			});
			const order = (reference: string, code: string) => ({
				reference,
				code,
			});
			const result = await runWorkflow(
				{
					nodes: [
						{
							id: '0',
							name: 'Orders',
							type: 'test.passThrough',
							typeVersion: 1,
							position: [-200, 0],
							parameters: {},
						},
						{
							id: '1',
							name: 'myOGO',
							type: 'n8n-nodes-myogo.myOgo',
							typeVersion: 1,
							position: [0, 0],
							onError: 'continueErrorOutput',
							credentials: { myOgoApi: { id: '1', name: 'sandbox' } },
							parameters: {
								resource: 'order',
								operation: 'upsert',
								inputFormat: 'myOgoFields',
								reference: '={{ $json.reference }}',
								shippingCode: 'POSTI_PAKETTI',
								customerName: 'Åsa Öberg',
								customerAddress1: 'Mannerheimintie 12',
								customerCity: 'Helsinki',
								customerCountryCode: 'FI',
								linesInput: 'defineBelow',
								orderLines: { line: [{ code: '={{ $json.code }}', quantity: 1 }] },
							},
						},
					],
					connections: { Orders: { main: [[{ node: 'myOGO', type: 'main', index: 0 }]] } },
				},
				{
					credentials: { myOgoApi: sandboxCredentials(sandbox.url) },
					startNode: 'Orders',
					input: [{ json: order('E-1', 'SKU-1') }, { json: order('E-2', 'NO-SUCH-SKU') }],
				},
			);
			const success = result.json('myOGO', 0);
			const failed = result.json('myOGO', 1);
			expect(success.map((row: { reference: string }) => row.reference)).toEqual(['E-1']);
			expect(failed).toHaveLength(1);
			expect(failed[0].reference).toBe('E-2');
			expect(String(failed[0].error)).toMatch(
				/^Order E-2: myOGO answered 400 to POST \/orders: .*NO-SUCH-SKU/,
			);
		} finally {
			await sandbox.close();
		}
	});
});
