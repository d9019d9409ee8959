import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { filled, isoTimestamp, listRows, modifiedAfterFilter, returnAllAndLimit } from '../common';
import type { MyOgoOperation } from '../operation';
import { tidyOrder } from '../output';
import { ORDER_STATUSES } from './fields';

const properties: INodeProperties[] = [
	...returnAllAndLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			modifiedAfterFilter,
			{
				displayName: 'Status',
				name: 'status',
				type: 'multiOptions',
				options: ORDER_STATUSES.map((status) => ({
					name: status.charAt(0).toUpperCase() + status.slice(1),
					value: status,
				})),
				default: [],
				description: 'Only orders in one of these statuses',
			},
		],
	},
];

export const getAllOrders: MyOgoOperation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many orders',
	summary: 'List orders, e.g. those changed since a time or in a given status',
	properties,
	async execute({ itemIndex }) {
		const filters = filled(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
		const qs: IDataObject = {};
		const modifiedAfter = isoTimestamp(this, filters.modifiedAfter, 'Modified After', itemIndex);
		if (modifiedAfter !== undefined) qs.modifiedAfter = modifiedAfter;
		const statuses = (Array.isArray(filters.status) ? filters.status : filters.status ? [filters.status] : []).map(
			(status) => String(status).toLowerCase(),
		);
		// myOGO v1 documents no status filter: the pages are filtered here, reading only what the limit needs.
		const keep =
			statuses.length > 0 ? (row: IDataObject) => statuses.includes(String(row.status ?? '').toLowerCase()) : undefined;
		const rows = await listRows(this, itemIndex, '/orders', qs, keep);
		return rows.map(tidyOrder);
	},
};
