import type { MyOgoResource } from '../operation';
import { createIncomingStock } from './create.operation';
import { getIncomingStock } from './get.operation';
import { getAllIncomingStock } from './getAll.operation';

export const incomingStockResource: MyOgoResource = {
	value: 'incomingStock',
	operationSelector: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['incomingStock'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create an incoming stock notice',
				description: 'Tell the warehouse a delivery is on its way (advance shipping notice)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an incoming stock notice',
				description: 'Get one incoming stock notice by its reference, with received quantities',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many incoming stock notices',
				description: 'List incoming stock notices, e.g. those changed since a time',
			},
		],
		default: 'create',
	},
	operations: [createIncomingStock, getIncomingStock, getAllIncomingStock],
};
