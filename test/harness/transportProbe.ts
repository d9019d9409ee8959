import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { myOgoList, myOgoPages, myOgoRequest } from '../../nodes/MyOgo/transport';

/**
 * A test-only node that calls our transport exactly as our nodes do, inside a real n8n execution
 * context, so transport behaviour (retries, errors, paging) is tested without any operation on top.
 */
export class TransportProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		group: ['transform'],
		version: 1,
		description: 'Test-only',
		defaults: { name: 'Transport Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'myOgoApi', required: true }],
		properties: [
			{ displayName: 'Mode', name: 'mode', type: 'string', default: 'request' },
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '/products' },
			{ displayName: 'Query', name: 'qs', type: 'json', default: '{}' },
			{ displayName: 'Body', name: 'body', type: 'json', default: '' },
			{ displayName: 'Limit', name: 'limit', type: 'number', default: 0 },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		const items = this.getInputData();
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			const mode = this.getNodeParameter('mode', itemIndex) as string;
			const path = this.getNodeParameter('path', itemIndex) as string;
			const qs = parseJson(this.getNodeParameter('qs', itemIndex));
			if (mode === 'list') {
				const limit = this.getNodeParameter('limit', itemIndex) as number;
				const rows = await myOgoList.call(this, { path, qs, limit: limit || undefined, itemIndex });
				out.push({ json: { rows }, pairedItem: { item: itemIndex } });
			} else if (mode === 'pages') {
				const sizes: number[] = [];
				for await (const page of myOgoPages.call(this, { path, qs, itemIndex }))
					sizes.push(page.length);
				out.push({ json: { pageSizes: sizes }, pairedItem: { item: itemIndex } });
			} else {
				const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
				const body = parseJson(this.getNodeParameter('body', itemIndex));
				const reply = await myOgoRequest.call(this, {
					method,
					path,
					qs,
					body: Object.keys(body).length ? body : undefined,
					itemIndex,
				});
				out.push({ json: { reply }, pairedItem: { item: itemIndex } });
			}
		}
		return [out];
	}
}

function parseJson(value: unknown): IDataObject {
	if (typeof value === 'string') return value ? (JSON.parse(value) as IDataObject) : {};
	return (value ?? {}) as IDataObject;
}
