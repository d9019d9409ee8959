import type { MyOgoResource } from '../operation';
import { createProduct } from './create.operation';

export const productResource: MyOgoResource = {
	value: 'product',
	name: 'Product',
	defaultOperation: 'create',
	operations: [createProduct],
};
