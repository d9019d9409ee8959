import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { myOgoRequest } from '../../transport';
import { productLocator } from '../descriptions';
import { productCodeOf, requiredText } from '../parameters';
import type { MyOgoOperation } from '../operation';
import { tidyProduct } from '../../shared/output';

const properties: INodeProperties[] = [
	{
		displayName: 'Find By',
		name: 'findBy',
		type: 'options',
		options: [
			{ name: 'Product Code (SKU)', value: 'code' },
			{ name: 'EAN Code', value: 'eanCode' },
		],
		default: 'code',
	},
	{
		...productLocator('The product to get'),
		displayOptions: { show: { findBy: ['code'] } },
	},
	{
		displayName: 'EAN Code',
		name: 'eanCode',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 6401234567893',
		description: 'Barcode of the product. Every product with this EAN is returned.',
		displayOptions: { show: { findBy: ['eanCode'] } },
	},
];

export const getProduct: MyOgoOperation = {
	value: 'get',
	properties,
	async execute({ itemIndex }) {
		const findBy = this.getNodeParameter('findBy', itemIndex, 'code') as string;
		const byEan = findBy === 'eanCode';
		const key = byEan
			? requiredText(this, 'eanCode', 'EAN Code', itemIndex)
			: productCodeOf(this, itemIndex);
		const rows = (await myOgoRequest.call(this, {
			method: 'GET',
			path: '/products',
			qs: byEan ? { eanCode: key, limit: 250 } : { code: key, limit: 1 },
			itemIndex,
		})) as IDataObject[];
		const found = Array.isArray(rows) ? rows : [];
		if (found.length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				byEan
					? `No product with the EAN code ${key} in myOGO`
					: `No product with the code ${key} in myOGO`,
				{ itemIndex },
			);
		}
		return found.map(tidyProduct);
	},
};
