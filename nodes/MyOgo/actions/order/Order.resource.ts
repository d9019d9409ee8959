import type { MyOgoResource } from '../operation';
import { cancelOrder } from './cancel.operation';
import { createOrder } from './create.operation';
import { getOrder } from './get.operation';
import { getAllOrders } from './getAll.operation';
import { updateOrder } from './update.operation';
import { upsertOrder } from './upsert.operation';

export const orderResource: MyOgoResource = {
	value: 'order',
	operationSelector: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['order'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel an order',
				description: 'Cancel an order the warehouse has not started collecting',
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create an order',
				description:
					'Send a new order to the warehouse, from fields or straight from a store order',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update an order',
				// n8n's wording for every upsert (its linter asks for exactly this); the reference is the key.
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get an order',
				description: 'Get one order by its reference, with status and tracking numbers',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many orders',
				description: 'List orders, e.g. those changed since a time or in a given status',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update an order',
				description:
					'Change an order the warehouse has not started on yet (lines and documents are replaced whole)',
			},
		],
		default: 'create',
	},
	operations: [createOrder, upsertOrder, cancelOrder, getOrder, getAllOrders, updateOrder],
};
