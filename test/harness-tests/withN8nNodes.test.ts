import { runWorkflow } from '../harness/runWorkflow';
import type { RunningSandbox } from '../harness/sandbox';
import { apiClient, sandboxCredentials, startTestSandbox } from '../harness/sandbox';

let sandbox: RunningSandbox;
beforeAll(async () => {
	sandbox = await startTestSandbox();
});
afterAll(async () => sandbox.close());

describe('harness: n8n’s own nodes and ours in one workflow', () => {
	it('runs Manual Trigger → Edit Fields → myOGO and the product lands in the sandbox', async () => {
		const result = await runWorkflow(
			{
				nodes: [
					{
						id: '1',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: '2',
						name: 'Settings',
						type: 'n8n-nodes-base.set',
						typeVersion: 3.4,
						position: [200, 0],
						parameters: {
							assignments: {
								assignments: [
									{ id: 'a', name: 'sku', value: 'HARNESS-1', type: 'string' },
									{ id: 'b', name: 'title', value: 'Wool socks', type: 'string' },
								],
							},
							options: {},
						},
					},
					{
						id: '3',
						name: 'myOGO',
						type: 'n8n-nodes-myogo.myOgo',
						typeVersion: 1,
						position: [400, 0],
						parameters: {
							resource: 'product',
							operation: 'create',
							productCode: { __rl: true, mode: 'id', value: '={{ $json.sku }}' },
							languageCode: 'en',
							additionalFields: { name: '={{ $json.title }}' },
						},
						credentials: { myOgoApi: { id: '1', name: 'sandbox' } },
					},
				],
				connections: {
					Start: { main: [[{ node: 'Settings', type: 'main', index: 0 }]] },
					Settings: { main: [[{ node: 'myOGO', type: 'main', index: 0 }]] },
				},
			},
			{ credentials: { myOgoApi: sandboxCredentials(sandbox.url) } },
		);
		expect(result.error).toBeUndefined();
		expect(result.json('myOGO')).toEqual([
			expect.objectContaining({ code: 'HARNESS-1', name: 'Wool socks' }),
		]);
		const stored = (
			await (await apiClient(sandbox.url)).get('/products', { params: { code: 'HARNESS-1' } })
		).data;
		expect(stored).toEqual([
			expect.objectContaining({ code: 'HARNESS-1', name: 'Wool socks', languageCode: 'en' }),
		]);
	});
});
