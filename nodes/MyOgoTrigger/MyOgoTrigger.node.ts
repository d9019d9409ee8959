import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ORDER_STATUS_OPTIONS } from '../MyOgo/shared/orderStatuses';
import type { PollEvent } from './events';
import type { PollSettings, StockOutput } from './poll';
import { pollChanges, sampleLatest } from './poll';

/**
 * Polls myOGO for changes. Works on any n8n, also one myOGO cannot reach. Every change is emitted
 * exactly once, across polls and restarts: see cursor/cursor.ts for how.
 */
export class MyOgoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'myOGO Trigger',
		name: 'myOgoTrigger',
		icon: { light: 'file:../MyOgo/myOgo.svg', dark: 'file:../MyOgo/myOgo.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["event"]}}',
		description:
			'Starts a workflow when orders, stock, products or incoming stock change in myOGO (polling)',
		defaults: { name: 'myOGO Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'myOgoApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				noDataExpression: true,
				default: 'orderShipped',
				options: [
					{
						name: 'Incoming Stock Changed',
						value: 'incomingStockChanged',
						description: 'An incoming stock notice (ASN) was created or changed, e.g. received',
					},
					{
						name: 'Order Shipped',
						value: 'orderShipped',
						description:
							'An order left the warehouse with a tracking number; the item carries tracking numbers, tracking URL and order lines',
					},
					{
						name: 'Order Status Changed',
						value: 'orderStatusChanged',
						description: 'An order changed while in one of the chosen statuses',
					},
					{
						name: 'Product Changed',
						value: 'productChanged',
						description: 'A product was created or its information changed',
					},
					{
						name: 'Stock Changed',
						value: 'stockChanged',
						description: 'The warehouse stock of a product changed',
					},
				],
			},
			{
				displayName: 'Statuses',
				name: 'statuses',
				type: 'multiOptions',
				default: ['shipped'],
				description: 'Emit an order when it changes while in one of these statuses',
				displayOptions: { show: { event: ['orderStatusChanged'] } },
				options: ORDER_STATUS_OPTIONS,
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
						description: 'Each changed stock row becomes an item (productCode, stockAvailable, …)',
					},
					{
						name: 'All Changes in One Item',
						value: 'batch',
						description:
							'All stock rows changed since the last poll in one item, as "stock" (for stores with batch APIs)',
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
						displayName: 'Start From',
						name: 'startFrom',
						type: 'dateTime',
						default: '',
						description:
							'Emit changes made after this time when the workflow is first activated. Empty: only changes from the moment of activation. Changing it later starts over from the new time.',
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event') as PollEvent;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const settings: PollSettings = {
			event,
			statuses:
				event === 'orderStatusChanged'
					? (this.getNodeParameter('statuses', ['shipped']) as string[]).map((s) => s.toLowerCase())
					: [],
			stockOutput:
				event === 'stockChanged'
					? (this.getNodeParameter('stockOutput', 'perProduct') as StockOutput)
					: 'perProduct',
			startFrom: options.startFrom ? String(options.startFrom).trim() : '',
		};
		if (this.getMode() === 'manual') return await sampleLatest.call(this, settings);
		return await pollChanges.call(this, settings);
	}
}
