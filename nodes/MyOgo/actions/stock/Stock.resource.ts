import type { MyOgoResource } from '../operation';
import { getStock } from './get.operation';
import { getAllStock } from './getAll.operation';

export const stockResource: MyOgoResource = {
	value: 'stock',
	name: 'Stock',
	defaultOperation: 'getAll',
	operations: [getStock, getAllStock],
};
