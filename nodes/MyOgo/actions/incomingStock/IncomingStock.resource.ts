import type { MyOgoResource } from '../operation';
import { createIncomingStock } from './create.operation';
import { getIncomingStock } from './get.operation';
import { getAllIncomingStock } from './getAll.operation';

export const incomingStockResource: MyOgoResource = {
	value: 'incomingStock',
	name: 'Incoming Stock',
	defaultOperation: 'create',
	operations: [createIncomingStock, getIncomingStock, getAllIncomingStock],
};
