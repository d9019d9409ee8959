import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { tidyOrder } from '../MyOgo/shared/output';
import type { ReplayMemory } from './replay';
import { keepInStaticData, memoryName, remember, seenRecently } from './replay';
import { fingerprint, isValidSignature, SIGNATURE_HEADER } from './signature';
import type { StoredSubscription } from './subscription';
import {
	createSubscription,
	eventOf,
	isType,
	removeSubscription,
	subscriptionExists,
	SUBSCRIPTION_TYPES,
} from './subscription';

/** Answers directly (n8n's own webhook nodes do the same for a refused call) and starts nothing. */
function refuse(this: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	const res = this.getResponseObject();
	res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify({ message }));
	return { noWebhookResponse: true };
}

async function rawBodyOf(this: IWebhookFunctions): Promise<Buffer | undefined> {
	const req = this.getRequestObject();
	if (req.rawBody === undefined && typeof req.readRawBody === 'function') await req.readRawBody();
	const raw: unknown = req.rawBody;
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	return undefined;
}

/** The replay memory of this node's current subscription (see replay.ts). */
function replayMemory(
	this: IWebhookFunctions | IExecuteFunctions,
	staticData: IDataObject,
): ReplayMemory {
	const key = (staticData as StoredSubscription).signingKey ?? '';
	return {
		staticData,
		name: memoryName(this.getWorkflow().id, this.getNode().name, this.getMode(), key),
	};
}

/**
 * Instant myOGO events. On activation it subscribes this node's URL in myOGO with a fresh signing
 * key; each delivery must carry a valid X-OGOship-Hmac-SHA256 over the exact bytes received.
 */
export class MyOgoWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'myOGO Webhook Trigger',
		name: 'myOgoWebhookTrigger',
		icon: { light: 'file:../MyOgo/myOgo.svg', dark: 'file:../MyOgo/myOgo.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts a workflow the moment myOGO ships an order or a stock level changes (needs n8n reachable by myOGO)',
		defaults: { name: 'myOGO Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'myOgoApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'orderShipped',
				options: [
					{
						name: 'Order Shipped',
						value: 'orderShipped',
						description:
							'An order left the warehouse; the item carries tracking numbers, tracking URL and order lines',
					},
					{
						name: 'Stock Changed',
						value: 'stockChanged',
						description: 'The warehouse stock of a product changed',
					},
				],
			},
			{
				displayName: 'Output',
				name: 'stockOutput',
				type: 'options',
				default: 'perProduct',
				displayOptions: { show: { event: ['stockChanged'] } },
				options: [
					{
						name: 'One Item per Product',
						value: 'perProduct',
						description:
							'Each stock row of the delivery becomes an item (productCode, stockAvailable, …)',
					},
					{
						name: 'All Changes in One Item',
						value: 'batch',
						description:
							'All stock rows of the delivery in one item, as "stock" (for stores with batch APIs)',
					},
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Ignore Repeated Deliveries',
						name: 'ignoreRepeats',
						type: 'boolean',
						default: true,
						description:
							'Whether a delivery whose exact body already started this workflow in the last 24 hours is answered "already received" without starting it again',
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const event = eventOf(this);
				return await subscriptionExists.call(this, event);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const event = eventOf(this);
				return await createSubscription.call(this, event);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await removeSubscription.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const event = eventOf(this);
		const staticData = this.getWorkflowStaticData('node');
		const key = (staticData as StoredSubscription).signingKey ?? '';
		const raw = await rawBodyOf.call(this);
		const signature = this.getHeaderData()[SIGNATURE_HEADER];
		if (!raw || !isValidSignature(key, raw, signature)) {
			return refuse.call(this, 401, 'Missing or invalid X-OGOship-Hmac-SHA256 signature');
		}

		let payload: IDataObject;
		try {
			payload = JSON.parse(raw.toString('utf8')) as IDataObject;
		} catch {
			return refuse.call(this, 400, 'The body is not JSON');
		}
		if (!payload || typeof payload !== 'object' || !isType(payload.type, event)) {
			// Signed by our key but for another event: a subscription from before the event was changed.
			return {
				webhookResponse: {
					message: `Ignored: this trigger listens for ${SUBSCRIPTION_TYPES[event].name}`,
				},
			};
		}

		let items: INodeExecutionData[];
		if (event === 'orderShipped') {
			const order = payload.order;
			if (!order || typeof order !== 'object')
				return refuse.call(this, 400, 'The delivery has no order');
			items = [{ json: tidyOrder(order as IDataObject) }];
		} else {
			const stock = payload.stock;
			if (!Array.isArray(stock)) return refuse.call(this, 400, 'The delivery has no stock rows');
			const rows = (stock as IDataObject[]).map((row) => ({ ...row }));
			const batch = this.getNodeParameter('stockOutput', 'perProduct') === 'batch';
			if (rows.length === 0) return { webhookResponse: { message: 'No stock rows' } };
			items = batch
				? [{ json: { stock: rows, count: rows.length, occurred: payload.occurred } }]
				: rows.map((json) => ({ json }));
		}

		// Replays: see replay.ts. A body already emitted is acknowledged (so retries stop) and dropped.
		const options = this.getNodeParameter('options', {}) as IDataObject;
		if (options.ignoreRepeats !== false) {
			const hash = fingerprint(raw);
			const now = Date.now();
			const memory = replayMemory.call(this, staticData);
			if (seenRecently(memory, hash, now)) {
				return { webhookResponse: { message: 'Already received' } };
			}
			remember(memory, hash, now);
		}
		return { workflowData: [items] };
	}

	/**
	 * Runs first in the run a delivery started, and hands its items on. It also copies the replay
	 * memory into static data, which n8n saves when the run ends, on every version (replay.ts).
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const memory = replayMemory.call(this, this.getWorkflowStaticData('node'));
		keepInStaticData(memory, this.getWorkflow().id, this.getNode().name, Date.now());
		return [this.getInputData().map((item, index) => ({ ...item, pairedItem: { item: index } }))];
	}
}
