import type { IDataObject } from 'n8n-workflow';

import { myOgoRequest } from '../../transport';
import { productLocator, writeOptions } from '../descriptions';
import type { MyOgoOperation } from '../operation';
import { tidyProduct } from '../../shared/output';
import type { ProductsOfItem } from './productInput';
import { productInputProperties, productsLabel, productsOfItem, withSkipped } from './productInput';

const properties = [
	...productInputProperties(
		productLocator(
			'The SKU of the new product; unique per merchant, and the key stores match products by',
			{ forNewCode: true },
		),
	),
	writeOptions(),
];

export const createProduct: MyOgoOperation<undefined, ProductsOfItem> = {
	value: 'create',
	properties,
	parallel: true,
	label: productsLabel,
	build({ itemIndex, item }) {
		return productsOfItem(this, itemIndex, item.json);
	},
	async execute({ itemIndex, input }) {
		const outputs: IDataObject[] = [];
		for (const body of input.products) {
			const created = await myOgoRequest.call(this, {
				method: 'POST',
				path: '/products',
				body,
				itemIndex,
			});
			outputs.push(withSkipped(tidyProduct(created), input.skipped));
		}
		return outputs;
	},
};
