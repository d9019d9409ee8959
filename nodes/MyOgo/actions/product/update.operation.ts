import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { codeInPath, myOgoRequest } from '../../transport';
import { productLocator, writeOptions } from '../descriptions';
import { productCodeOf } from '../parameters';
import type { MyOgoOperation } from '../operation';
import { tidyProduct } from '../../shared/output';
import { checkedProductFields, productOptionalFields } from './fields';

const properties: INodeProperties[] = [
	productLocator('The product to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here change; myOGO keeps the others as they are',
		options: (
			[
				{
					displayName: 'New Product Code (SKU)',
					name: 'code',
					type: 'string',
					default: '',
					placeholder: 'e.g. TSHIRT-BLUE-M-2',
					description: 'Renames the product: its stock and history move to the new code',
				},
				{
					displayName: 'Language Code',
					name: 'languageCode',
					type: 'string',
					default: 'en',
					description: 'ISO 639-1 language of the name and description, e.g. en or fi',
				},
				...productOptionalFields,
			] as INodeProperties[]
		).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
	writeOptions(),
];

interface ProductUpdate {
	code: string;
	body: IDataObject;
}

export const updateProduct: MyOgoOperation<undefined, ProductUpdate> = {
	value: 'update',
	properties,
	parallel: true,
	label: (input) => `Product ${input.code}`,
	build({ itemIndex }) {
		const code = productCodeOf(this, itemIndex);
		const body = checkedProductFields(
			this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
			`Product ${code}`,
		);
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				`Nothing to update for product ${code}: add a field under "Update Fields"`,
				{
					itemIndex,
				},
			);
		}
		return { code, body };
	},
	async execute({ itemIndex, input }) {
		const { segment, qs } = codeInPath(input.code);
		const updated = await myOgoRequest.call(this, {
			method: 'PUT',
			path: `/products/${segment}`,
			qs,
			body: input.body,
			itemIndex,
		});
		return tidyProduct(updated);
	},
};
