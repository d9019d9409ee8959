import type { MyOgoResource } from '../operation';
import { cancelOrder } from './cancel.operation';
import { createOrder } from './create.operation';
import { getOrder } from './get.operation';
import { getAllOrders } from './getAll.operation';
import { updateOrder } from './update.operation';
import { upsertOrder } from './upsert.operation';

export const orderResource: MyOgoResource = {
	value: 'order',
	name: 'Order',
	defaultOperation: 'create',
	operations: [createOrder, upsertOrder, cancelOrder, getOrder, getAllOrders, updateOrder],
};
