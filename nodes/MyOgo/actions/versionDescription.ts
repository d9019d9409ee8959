import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { RESOURCES } from './resources';

function resourceSelector(): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: RESOURCES.map((resource) => ({ name: resource.name, value: resource.value })),
		default: RESOURCES[0].value,
	};
}

/** The `operation` dropdown of each resource, and each operation's fields shown only for it. */
function operationProperties(): INodeProperties[] {
	const properties: INodeProperties[] = [];
	for (const resource of RESOURCES) {
		properties.push({
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: resource.operations.map((operation) => ({
				name: operation.name,
				value: operation.value,
				action: operation.action,
				description: operation.summary,
			})),
			default: resource.defaultOperation,
		});
	}
	for (const resource of RESOURCES) {
		for (const operation of resource.operations) {
			for (const property of operation.properties) {
				const show = { ...property.displayOptions?.show, resource: [resource.value], operation: [operation.value] };
				properties.push({ ...property, displayOptions: { ...property.displayOptions, show } });
			}
		}
	}
	return properties;
}

export const versionDescription: INodeTypeDescription = {
	displayName: 'myOGO',
	name: 'myOgo',
	icon: 'file:myOgo.svg',
	group: ['transform'],
	version: 1,
	subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
	description: 'Products, stock, orders and incoming stock in myOGO, the fulfillment platform of OGOship',
	defaults: { name: 'myOGO' },
	usableAsTool: true,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'myOgoApi', required: true }],
	properties: [resourceSelector(), ...operationProperties()],
};
