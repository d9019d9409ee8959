/**
 * The Magento 2 fake (sandbox/magento2) for tests: start it, the n8n "Magento 2 API" credential a
 * merchant fills in for it, its REST API and its control API, and a workflow that runs one of n8n's
 * own Magento 2 node operations.
 */
import axios, { type AxiosInstance } from 'axios';
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import { runWorkflow } from './runWorkflow';

// The fake is plain JavaScript, used exactly as its CLI uses it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startMagentoFake } = require('../../sandbox/magento2');

export interface RunningMagentoFake {
	url: string;
	port: number;
	accessToken: string;
	close(): Promise<void>;
}

export async function startTestMagento(): Promise<RunningMagentoFake> {
	return (await startMagentoFake({ port: 0 })) as RunningMagentoFake;
}

/** The n8n "Magento 2 API" credential (`magento2Api`) for the fake. */
export function magentoCredentials(fake: RunningMagentoFake): ICredentialDataDecryptedObject {
	return { host: fake.url, accessToken: fake.accessToken };
}

/** The fake's control API (`/_fake/...`). */
export function magentoControl(fake: RunningMagentoFake): AxiosInstance {
	return axios.create({ baseURL: `${fake.url}/_fake`, timeout: 30_000 });
}

/** The fake's REST API below `/rest/default/V1`, with the token; never throws on a status. */
export function magentoApi(fake: RunningMagentoFake, token = fake.accessToken): AxiosInstance {
	return axios.create({
		baseURL: `${fake.url}/rest/default/V1`,
		headers: { Authorization: `Bearer ${token}` },
		validateStatus: () => true,
	});
}

/** Runs one operation of n8n's own Magento 2 node (n8n-nodes-base) against the fake. */
export async function runMagentoNode(
	fake: RunningMagentoFake,
	parameters: INodeParameters,
): Promise<IDataObject[]> {
	const result = await runWorkflow(
		{
			nodes: [
				{
					id: 'start',
					name: 'Start',
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'magento',
					name: 'Magento 2',
					type: 'n8n-nodes-base.magento2',
					typeVersion: 1,
					position: [200, 0],
					parameters,
					credentials: { magento2Api: { id: 'test-magento2Api', name: 'test magento2Api' } },
				},
			],
			connections: { Start: { main: [[{ node: 'Magento 2', type: 'main', index: 0 }]] } },
		},
		{ credentials: { magento2Api: magentoCredentials(fake) } },
	);
	if (result.error) throw result.error;
	return result.json('Magento 2');
}

/**
 * A customer orders in the fake (`POST /_fake/orders`): by default a configurable tee (2 × TEE-S) and
 * a bundle KIT of one MUG and two SPOONs, shipped flat rate, paid by check; `input` overrides fields.
 */
export async function placeMagentoOrder(
	control: AxiosInstance,
	input: IDataObject = {},
): Promise<Record<string, any>> {
	const reply = await control.post('/orders', {
		items: [
			{
				sku: 'TEE-S',
				product_type: 'configurable',
				qty_ordered: 2,
				price: 20,
				children: [{ sku: 'TEE-S' }],
			},
			{
				sku: 'KIT',
				product_type: 'bundle',
				qty_ordered: 1,
				price: 30,
				children: [{ sku: 'MUG' }, { sku: 'SPOON', qty_ordered: 2 }],
			},
		],
		shipping_method: 'flatrate_flatrate',
		payment_method: 'checkmo',
		...input,
	});
	return reply.data as Record<string, any>;
}
