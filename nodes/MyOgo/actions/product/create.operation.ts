import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { myOgoRequest } from '../../transport';
import type { MyOgoOperation } from '../operation';
import { tidyProduct } from '../output';
import { filledFields, productOptionalFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Product Code (SKU)',
		name: 'code',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. TSHIRT-BLUE-M',
		description: 'The SKU; unique per merchant, and the key stores match products by',
	},
	{
		displayName: 'Language Code',
		name: 'languageCode',
		type: 'string',
		required: true,
		default: 'en',
		description: 'ISO 639-1 language of the name and description, e.g. en or fi (ask your warehouse which it takes)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: productOptionalFields,
	},
];

export const createProduct: MyOgoOperation = {
	value: 'create',
	name: 'Create',
	action: 'Create a product',
	summary: 'Add a new product (SKU) to myOGO',
	properties,
	parallel: true,
	async execute({ itemIndex }) {
		const body: IDataObject = {
			code: this.getNodeParameter('code', itemIndex) as string,
			languageCode: this.getNodeParameter('languageCode', itemIndex) as string,
			...filledFields(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		};
		const created = await myOgoRequest.call(this, { method: 'POST', path: '/products', body, itemIndex });
		return tidyProduct(created);
	},
};
