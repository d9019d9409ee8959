import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { myOgoRequest } from '../../transport';
import { productLocator, requiredText } from '../common';
import type { MyOgoOperation } from '../operation';

const properties: INodeProperties[] = [
	productLocator('productCode', 'Product', 'The product whose stock to get, by its code (SKU)'),
];

export const getStock: MyOgoOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get the stock of a product',
	summary: 'Stock, reserved and available quantity of one product code',
	properties,
	async execute({ itemIndex }) {
		const productCode = requiredText(this, 'productCode', 'Product', itemIndex);
		const rows = (await myOgoRequest.call(this, {
			method: 'GET',
			path: '/stock',
			qs: { productCode, limit: 1 },
			itemIndex,
		})) as IDataObject[];
		if (!Array.isArray(rows) || rows.length === 0) {
			throw new NodeOperationError(this.getNode(), `No stock for the product code ${productCode} in myOGO`, {
				itemIndex,
				description: 'myOGO keeps a stock row for every product: check that the product exists.',
			});
		}
		return rows[0];
	},
};
