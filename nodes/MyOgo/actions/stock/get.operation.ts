import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { productLocator } from '../descriptions';
import { productCodeOf } from '../parameters';
import { firstRow } from '../requests';
import type { MyOgoOperation } from '../operation';

const properties: INodeProperties[] = [productLocator('The product whose stock to get')];

export const getStock: MyOgoOperation = {
	value: 'get',
	properties,
	async execute({ itemIndex }) {
		const productCode = productCodeOf(this, itemIndex);
		const row = await firstRow(this, '/stock', { productCode }, itemIndex);
		if (row === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`No stock for the product code ${productCode} in myOGO`,
				{
					itemIndex,
					description: 'myOGO keeps a stock row for every product: check that the product exists.',
				},
			);
		}
		return row;
	},
};
