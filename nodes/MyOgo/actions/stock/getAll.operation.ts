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
		options: [
			{
				...modifiedAfterFilter,
				description:
					'Only stock that changed strictly after this time — "only what changed since". Overlap it a little with the previous run: a change can show up slightly after its timestamp.',
			},
		],
	},
];

export const getAllStock: MyOgoOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many stock levels',
	summary: 'Stock of every product, or only what changed since a time',
	properties,
	async execute({ itemIndex }) {
		const filters = filled(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
		const qs: IDataObject = {};
		const modifiedAfter = isoTimestamp(this, filters.modifiedAfter, 'Modified After', itemIndex);
		if (modifiedAfter !== undefined) qs.modifiedAfter = modifiedAfter;
		return await listRows(this, itemIndex, '/stock', qs);
	},
};
