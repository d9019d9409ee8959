import type { INodeProperties } from 'n8n-workflow';

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

/** Every parameter of the node: the resource dropdown, then each resource's operations and their fields. */
export const nodeProperties: INodeProperties[] = [resourceSelector(), ...operationProperties()];
