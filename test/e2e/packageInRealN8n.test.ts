/**
 * The package as users get it: installed into the pinned real n8n as a community package, loaded with
 * no warnings, its credential fetching a token, surviving a token expiry mid-run, and refreshing it.
 * A broken type or credential reference shows up in n8n's output and fails the check.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	executeWorkflow,
	importCredentials,
	importWorkflows,
	outputOf,
	packageProblems,
	setupOwner,
	signIn,
	startN8n,
} from '../../tools/n8n';
import { startTestBed, type TestBed } from '../trigger/helpers';
import { createInstance, expectNoPackageProblems, type E2eInstance } from './instance';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { demoShop } = require('../../sandbox/myogo/seed/demoShop');

const CREDENTIAL = { id: 'e2eMyOgo', name: 'myOGO sandbox' };

let bed: TestBed;
let n8n: E2eInstance;

function node(
	name: string,
	type: string,
	parameters: IDataObject,
	extra: IDataObject = {},
): IDataObject {
	return {
		id: name.replace(/\W/g, '-'),
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		...extra,
	};
}

function chain(...names: string[]): IDataObject {
	const connections: IDataObject = {};
	for (let i = 0; i < names.length - 1; i++)
		connections[names[i]!] = { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] };
	return connections;
}

const myOgoCredential = { myOgoApi: CREDENTIAL };
const START = node('Start', 'n8n-nodes-base.manualTrigger', {});

/** Imports a workflow whose nodes run one after another from a Manual Trigger, and runs it with `n8n execute`. */
async function importAndExecute(id: string, nodes: IDataObject[]) {
	const all = [START, ...nodes];
	await importWorkflows(n8n.env, [
		{
			id,
			name: id,
			nodes: all,
			connections: chain(...all.map((n) => String(n.name))),
			settings: { executionOrder: 'v1' },
		},
	]);
	return await executeWorkflow(n8n.env, id);
}

beforeAll(async () => {
	bed = await startTestBed();
	await bed.control.post('/seed', demoShop);
	n8n = await createInstance('package');
	await importCredentials(n8n.env, [
		{
			...CREDENTIAL,
			type: 'myOgoApi',
			data: {
				merchantId: 'sandbox-merchant',
				secretToken: 'sandbox-secret',
				clientId: '123456',
				clientSecret: 'abcdef',
				environment: 'custom',
				tokenBaseUrl: bed.sandbox.url,
				apiBaseUrl: bed.sandbox.url,
			},
		},
	]);
});

afterAll(async () => {
	await bed?.close();
});

describe('the package in real n8n', () => {
	// First: it also signs up the owner, as every real instance has. The CLI runs below rely on it: with no
	// owner, n8n's pre-execution credential check refuses a missing credential before the run, and n8n
	// 2.40's `execute` then loses that error ("No active execution found") where 2.8 printed it.
	test('n8n start loads the package as a community package, with no warning or error about it', async () => {
		let stopEarly: (() => Promise<void>) | undefined;
		const server = await startN8n(n8n.env, { onSpawn: (stop) => (stopEarly = stop) }).catch(
			async (error: unknown) => {
				await stopEarly?.(); // a start that failed or timed out must not leave n8n running
				throw error;
			},
		);
		try {
			// First-run owner sign-up through the REST API, then the editor's own type lists.
			expect(await setupOwner(server.url)).toBe(true);
			expect(await setupOwner(server.url)).toBe(false);
			const headers = { cookie: await signIn(server.url) };
			const nodeTypes = (await (
				await fetch(`${server.url}/types/nodes.json`, { headers })
			).json()) as Array<{ name: string }>;
			const ours = nodeTypes
				.map((t) => t.name)
				.filter((name) => name.startsWith('n8n-nodes-myogo.'));
			expect(ours).toEqual(
				expect.arrayContaining([
					'n8n-nodes-myogo.myOgo',
					'n8n-nodes-myogo.myOgoTrigger',
					'n8n-nodes-myogo.myOgoWebhookTrigger',
				]),
			);
			const credentialTypes = (await (
				await fetch(`${server.url}/types/credentials.json`, { headers })
			).json()) as Array<{ name: string }>;
			expect(credentialTypes.map((t) => t.name)).toContain('myOgoApi');
		} finally {
			await server.stop();
		}
		expectNoPackageProblems(server.log());
		expect(server.log()).toContain('Editor is now accessible via');
	});

	test('the credential fetches a token, and after the token expires mid-run n8n refreshes it and the next node succeeds', async () => {
		await bed.control.delete('/requests');

		const result = await importAndExecute('e2eTokenExpiry', [
			node(
				'Get Products',
				'n8n-nodes-myogo.myOgo',
				{ resource: 'product', operation: 'getAll', returnAll: true },
				{ credentials: myOgoCredential },
			),
			node(
				'Expire Tokens',
				'n8n-nodes-base.httpRequest',
				{ method: 'POST', url: `${bed.sandbox.url}/_sandbox/tokens/expire`, options: {} },
				{ typeVersion: 4.2, executeOnce: true },
			),
			node(
				'Get Stock',
				'n8n-nodes-myogo.myOgo',
				{ resource: 'stock', operation: 'getAll', returnAll: true },
				{ credentials: myOgoCredential, executeOnce: true },
			),
		]);

		expect(result.ok).toBe(true);
		expectNoPackageProblems(result.output);
		const products = outputOf(result.run, 'Get Products');
		expect(products.map((p) => p.code).sort()).toEqual(
			demoShop.products.map((p: IDataObject) => p.code).sort(),
		);
		const stock = outputOf(result.run, 'Get Stock');
		expect(stock.find((row) => row.productCode === 'SOCKS-3PACK')).toMatchObject({
			stockAvailable: 120,
		});

		// What the sandbox saw: a token, the product call, the stock call refused with the expired token
		// (twice: the transport reads the full answer first, then repeats the call the way that makes
		// n8n refresh, see nodes/MyOgo/transport/request.ts), a new token, the stock call with it.
		const log = (await bed.control.get('/requests')).data as Array<{
			method: string;
			path: string;
			status: number;
		}>;
		const calls = log.map((entry) => `${entry.method} ${entry.path} ${entry.status}`);
		expect(calls).toEqual([
			'POST /OAuth/Token 200',
			'GET /api/v1/products 200',
			'GET /api/v1/stock 401',
			'GET /api/v1/stock 401',
			'POST /OAuth/Token 200',
			'GET /api/v1/stock 200',
		]);
		// No secret in n8n's output.
		expect(result.output).not.toContain('sandbox-secret');
		expect(result.output).not.toContain('abcdef');
	});

	test('a workflow naming a node type the package does not have fails, and the log check catches it', async () => {
		const result = await importAndExecute('e2eUnknownType', [
			node('Nope', 'n8n-nodes-myogo.noSuchNode', {}),
		]);
		expect(result.ok).toBe(false);
		expect(packageProblems(result.output).join('\n')).toContain('n8n-nodes-myogo.noSuchNode');
	});

	test('a myOGO node whose credential does not exist fails, and the log check catches it', async () => {
		const result = await importAndExecute('e2eMissingCred', [
			node(
				'Get Products',
				'n8n-nodes-myogo.myOgo',
				{ resource: 'product', operation: 'getAll', returnAll: true },
				{
					credentials: { myOgoApi: { id: 'noSuchCredential', name: 'gone' } },
				},
			),
		]);
		expect(result.ok).toBe(false);
		expect(packageProblems(result.output).join('\n')).toMatch(
			/Credential with ID .*noSuchCredential.* does not exist/,
		);
	});
});
