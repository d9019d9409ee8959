import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { router } from './actions/router';
import { nodeProperties } from './actions/nodeProperties';
import { listSearch } from './methods';

export class MyOgo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'myOGO',
		name: 'myOgo',
		icon: { light: 'file:myOgo.svg', dark: 'file:myOgo.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Products, stock, orders and incoming stock in myOGO, the fulfillment platform of OGOship',
		defaults: { name: 'myOGO' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'myOgoApi', required: true }],
		properties: nodeProperties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
