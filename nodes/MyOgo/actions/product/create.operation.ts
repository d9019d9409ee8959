import type { IDataObject } from 'n8n-workflow';

import { myOgoRequest } from '../../transport';
import { requiredText, writeOptions } from '../common';
import type { MyOgoOperation } from '../operation';
import { tidyProduct } from '../output';
import type { ProductsOfItem } from './productInput';
import { productInputProperties, productsOfItem, withSkipped } from './productInput';

const properties = [
	...productInputProperties({
		displayName: 'Product Code (SKU)',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. TSHIRT-BLUE-M',
		description: 'The SKU; unique per merchant, and the key stores match products by',
	}),
	writeOptions(),
];

export const createProduct: MyOgoOperation<undefined, ProductsOfItem> = {
	value: 'create',
	properties,
	parallel: true,
	build({ itemIndex, item }) {
		return productsOfItem(this, itemIndex, item.json, () => requiredText(this, 'code', 'Product Code (SKU)', itemIndex));
	},
	async execute({ itemIndex, input }) {
		const outputs: IDataObject[] = [];
		for (const body of input.products) {
			const created = await myOgoRequest.call(this, { method: 'POST', path: '/products', body, itemIndex });
			outputs.push(withSkipped(tidyProduct(created), input.skipped));
		}
		return outputs;
	},
};
