import type { MyOgoResource } from '../operation';
import { createProduct } from './create.operation';
import { getProduct } from './get.operation';
import { getAllProducts } from './getAll.operation';
import { updateProduct } from './update.operation';
import { upsertProduct } from './upsert.operation';

export const productResource: MyOgoResource = {
	value: 'product',
	operationSelector: {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['product'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a product',
				description:
					'Add a new product (SKU) to myOGO; a store product becomes one myOGO product per variant',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a product',
				// n8n's wording for every upsert (its linter asks for exactly this); the product code is the key.
				description: 'Create a new record, or update the current one if it already exists (upsert)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a product',
				description: 'Get one product by its code or EAN',
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many products',
				description: "List myOGO's products, e.g. only those changed since a time",
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a product',
				description: 'Change fields of a product, or rename its code',
			},
		],
		default: 'create',
	},
	operations: [createProduct, upsertProduct, getProduct, getAllProducts, updateProduct],
};
