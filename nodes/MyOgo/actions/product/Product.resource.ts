import type { MyOgoResource } from '../operation';
import { createProduct } from './create.operation';
import { getProduct } from './get.operation';
import { getAllProducts } from './getAll.operation';
import { updateProduct } from './update.operation';
import { upsertProduct } from './upsert.operation';

export const productResource: MyOgoResource = {
	value: 'product',
	name: 'Product',
	defaultOperation: 'create',
	operations: [createProduct, upsertProduct, getProduct, getAllProducts, updateProduct],
};
