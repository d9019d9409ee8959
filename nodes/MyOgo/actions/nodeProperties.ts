import type { INodeProperties } from 'n8n-workflow';

import { RESOURCES } from './resources';

/** The Resource dropdown, written out literally so n8n's linter and verification scan can check it. */
const resourceSelector: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Order', value: 'order' },
		{ name: 'Product', value: 'product' },
		{ name: 'Stock', value: 'stock' },
		{ name: 'Incoming Stock', value: 'incomingStock' },
	],
	default: 'order',
};

/** Each resource's Operation dropdown, then each operation's fields, shown only for that operation. */
function operationProperties(): INodeProperties[] {
	const properties: INodeProperties[] = RESOURCES.map((resource) => resource.operationSelector);
	for (const resource of RESOURCES) {
		for (const operation of resource.operations) {
			for (const property of operation.properties) {
				const show = {
					...property.displayOptions?.show,
					resource: [resource.value],
					operation: [operation.value],
				};
				properties.push({ ...property, displayOptions: { ...property.displayOptions, show } });
			}
		}
	}
	return properties;
}

/** Every parameter of the node: the resource dropdown, then each resource's operations and their fields. */
export const nodeProperties: INodeProperties[] = [resourceSelector, ...operationProperties()];
