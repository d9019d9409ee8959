import type { IDataObject } from 'n8n-workflow';

import { modifiedAfterFilter } from '../descriptions';
import { getManyOperation } from '../getMany';
import { tidyOrder } from '../../shared/output';
import { ORDER_STATUS_OPTIONS } from '../../shared/orderStatuses';

export const getAllOrders = getManyOperation({
	path: '/orders',
	filters: [
		modifiedAfterFilter,
		{
			displayName: 'Status',
			name: 'status',
			type: 'multiOptions',
			options: ORDER_STATUS_OPTIONS,
			default: [],
			description: 'Only orders in one of these statuses',
		},
	],
	keep(filters) {
		const statuses = (
			Array.isArray(filters.status) ? filters.status : filters.status ? [filters.status] : []
		).map((status) => String(status).toLowerCase());
		// myOGO v1 documents no status filter: the pages are filtered here, reading only what the limit needs.
		return statuses.length > 0
			? (row: IDataObject) => statuses.includes(String(row.status ?? '').toLowerCase())
			: undefined;
	},
	tidy: tidyOrder,
});
