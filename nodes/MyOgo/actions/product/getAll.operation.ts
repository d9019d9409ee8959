import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { filled, isoTimestamp, listRows, modifiedAfterFilter, returnAllAndLimit } from '../common';
import type { MyOgoOperation } from '../operation';
import { tidyProduct } from '../output';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'EAN Code', name: 'eanCode', type: 'string', default: '', description: 'Only products with this barcode' },
			modifiedAfterFilter,
			{
				displayName: 'Product Code (SKU)',
				name: 'code',
				type: 'string',
				default: '',
				description: 'Only the product with exactly this code',
			},
		],
	},
];

export const getAllProducts: MyOgoOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many products',
	summary: "List myOGO's products, e.g. only those changed since a time",
	properties,
	async execute({ itemIndex }) {
		const filters = filled(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
		const qs: IDataObject = {};
		if (filters.code !== undefined) qs.code = String(filters.code).trim();
		if (filters.eanCode !== undefined) qs.eanCode = String(filters.eanCode).trim();
		const modifiedAfter = isoTimestamp(this, filters.modifiedAfter, 'Modified After', itemIndex);
		if (modifiedAfter !== undefined) qs.modifiedAfter = modifiedAfter;
		const rows = await listRows(this, itemIndex, '/products', qs);
		return rows.map(tidyProduct);
	},
};
