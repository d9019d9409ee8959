import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { filled, isoTimestamp, listRows, modifiedAfterFilter, returnAllAndLimit } from '../common';
import type { MyOgoOperation } from '../operation';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [modifiedAfterFilter],
	},
];

export const getAllIncomingStock: MyOgoOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many incoming stock notices',
	summary: 'List incoming stock notices, e.g. those changed since a time',
	properties,
	async execute({ itemIndex }) {
		const filters = filled(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
		const qs: IDataObject = {};
		const modifiedAfter = isoTimestamp(this, filters.modifiedAfter, 'Modified After', itemIndex);
		if (modifiedAfter !== undefined) qs.modifiedAfter = modifiedAfter;
		return await listRows(this, itemIndex, '/stockupdate', qs);
	},
};
