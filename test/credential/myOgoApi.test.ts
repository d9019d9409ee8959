import { testCredential } from '../harness/credentialTest';
import { runNode } from '../harness/runNode';
import { newCredentialsHelper } from '../harness/runWorkflow';
import type { RunningSandbox } from '../harness/sandbox';
import { apiClient, controlClient, sandboxCredentials, startTestSandbox } from '../harness/sandbox';

let sandbox: RunningSandbox;

beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => sandbox.close());
beforeEach(async () => {
	await controlClient(sandbox.url).post('/reset');
});

const createProducts = (count: number) => ({
	type: 'myOgo',
	parameters: {
		resource: 'product',
		operation: 'create',
		productCode: { __rl: true, mode: 'id', value: '={{ $json.code }}' },
		languageCode: 'en',
		options: { parallelRequests: 1 },
	},
	input: Array.from({ length: count }, (_, i) => ({ code: `TOKEN-${i}` })),
});

async function tokenCalls(): Promise<number> {
	const log = (await controlClient(sandbox.url).get('/requests')).data as Array<{ path: string }>;
	return log.filter((entry) => entry.path.toLowerCase() === '/oauth/token').length;
}

describe('myOGO API credential', () => {
	it('fetches one access token with the password grant and reuses it for every call', async () => {
		const credentialsHelper = newCredentialsHelper({ myOgoApi: sandboxCredentials(sandbox.url) });
		const first = await runNode({ ...createProducts(3), credentials: {}, credentialsHelper });
		expect(first.error).toBeUndefined();
		expect(first.items).toHaveLength(3);
		const second = await runNode({
			...createProducts(0),
			input: [{ code: 'TOKEN-LATER' }],
			credentials: {},
			credentialsHelper,
		});
		expect(second.error).toBeUndefined();
		expect(credentialsHelper.preAuthenticationRuns.get('myOgoApi')).toBe(1);
		expect(await tokenCalls()).toBe(1);
		expect(String(credentialsHelper.store.get('myOgoApi')?.accessToken)).toMatch(
			/^[\w-]+\.[\w-]+\.[\w-]+$/,
		);
	});

	it('fetches a new token through n8n’s refresh path when the token expires mid-run', async () => {
		const control = controlClient(sandbox.url);
		await control.post('/latency', { ms: 40 });
		const credentialsHelper = newCredentialsHelper({ myOgoApi: sandboxCredentials(sandbox.url) });
		const run = runNode({ ...createProducts(20), credentials: {}, credentialsHelper });
		// Let some items through with the first token, then expire every token the sandbox issued.
		await new Promise((resolve) => setTimeout(resolve, 300));
		await control.post('/tokens/expire');
		const result = await run;

		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.code)).toEqual(
			Array.from({ length: 20 }, (_, i) => `TOKEN-${i}`),
		);
		expect(credentialsHelper.preAuthenticationRuns.get('myOgoApi')).toBe(2);
		const log = (await control.get('/requests')).data as Array<{
			method: string;
			path: string;
			status: number;
		}>;
		const posts = log.filter(
			(entry) => entry.method === 'POST' && entry.path.toLowerCase() === '/api/v1/products',
		);
		// One call met the expired token: answered 401, repeated once so n8n's refresh path runs
		// (401 again, then a new token), then sent with the new token. Every product was created once.
		expect(posts.filter((entry) => entry.status === 401)).toHaveLength(2);
		expect(posts.filter((entry) => entry.status === 201)).toHaveLength(20);
		const stored = (
			await (await apiClient(sandbox.url)).get('/products', { params: { limit: 250 } })
		).data;
		expect(stored).toHaveLength(20);
	});

	it('says which fields to check when the Merchant ID or Secret Token is wrong, without the secret', async () => {
		const secret = 'wrong-secret-4711';
		const result = await runNode({
			...createProducts(1),
			credentials: { myOgoApi: sandboxCredentials(sandbox.url, { secretToken: secret }) },
		});
		expect(result.error).toBeDefined();
		expect(result.error!.message).toContain('Merchant ID and Secret Token');
		expect(result.error!.message).toContain('invalid_grant');
		expect(JSON.stringify(result.run)).not.toContain(secret);
	});

	it('says to check the Client ID and Client Secret when the client is wrong', async () => {
		const result = await runNode({
			...createProducts(1),
			credentials: { myOgoApi: sandboxCredentials(sandbox.url, { clientSecret: 'not-abcdef' }) },
		});
		expect(result.error!.message).toContain('Client ID and Client Secret');
		expect(JSON.stringify(result.run)).not.toContain('not-abcdef');
	});

	it('passes n8n’s credential test with the right values and fails it with a clear message otherwise', async () => {
		expect(await testCredential('myOgoApi', sandboxCredentials(sandbox.url))).toEqual({
			status: 'OK',
			message: 'Connection tested successfully',
		});
		const failed = await testCredential(
			'myOgoApi',
			sandboxCredentials(sandbox.url, { merchantId: 'nobody' }),
		);
		expect(failed.status).toBe('Error');
		expect(failed.message).toContain('Merchant ID and Secret Token');
		expect(failed.message).not.toContain('sandbox-secret');
	});

	it('tells the user to fix the Token Base URL when the token server cannot be reached', async () => {
		const result = await runNode({
			...createProducts(1),
			credentials: {
				myOgoApi: sandboxCredentials(sandbox.url, { tokenBaseUrl: 'http://127.0.0.1:9' }),
			},
		});
		expect(result.error!.message).toContain('Could not reach the myOGO token server');
		expect(result.error!.message).toContain('Token Base URL');
	});
});
