import type { MyOgoResource } from '../operation';
import { getStock } from './get.operation';
import { getAllStock } from './getAll.operation';

export const stockResource: MyOgoResource = {
	value: 'stock',
	operationSelector: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['stock'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the stock of a product',
				description: 'Stock, reserved and available quantity of one product code',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many stock levels',
				description: 'Stock of every product, or only what changed since a time',
			},
		],
		default: 'getAll',
	},
	operations: [getStock, getAllStock],
};
