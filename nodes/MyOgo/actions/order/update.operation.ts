import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { MappingError, normalizeCountry } from '../../mapping';
import { writeOptions } from '../descriptions';
import { filled, requiredText } from '../parameters';
import type { MyOgoOperation } from '../operation';
import { tidyOrder } from '../../shared/output';
import { putOrder } from './conflict';
import { customerAllFields, orderLinesProperties, orderOptionalFields, referenceField } from './fields';
import { optionalOrderFields, orderLinesOf, referenceLabel } from './orderInput';

const properties: INodeProperties[] = [
	{ ...referenceField, description: 'The reference of the order to update' },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Only the fields added here change; myOGO keeps the others',
		options: orderOptionalFields([
			{ name: 'New (Release Draft)', value: 'new', description: 'Releases a draft order to the warehouse' },
		]),
	},
	{
		displayName: 'Customer Fields',
		name: 'customerFields',
		type: 'collection',
		placeholder: 'Add Customer Field',
		default: {},
		description: 'Customer fields to change; the others keep their values',
		options: customerAllFields,
	},
	...orderLinesProperties(true),
	writeOptions(),
];

interface OrderUpdate {
	reference: string;
	body: IDataObject;
}

export const updateOrder: MyOgoOperation<undefined, OrderUpdate> = {
	value: 'update',
	properties,
	parallel: true,
	label: (input) => referenceLabel(input.reference),
	build({ itemIndex }) {
		const reference = requiredText(this, 'reference', 'Order Reference', itemIndex);
		const label = referenceLabel(reference);
		const body = optionalOrderFields(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject, label);
		const customer = filled(this.getNodeParameter('customerFields', itemIndex, {}) as IDataObject);
		if (Object.keys(customer).length > 0) {
			for (const [name, value] of Object.entries(customer)) customer[name] = String(value).trim();
			if (customer.countryCode !== undefined) {
				const code = normalizeCountry(customer.countryCode);
				if (code === undefined) {
					throw new MappingError(
						`${label}: country ${JSON.stringify(customer.countryCode)} is not a known country — use a two-letter ISO code such as FI or SE`,
						{ field: 'customer.countryCode' },
					);
				}
				customer.countryCode = code;
			}
			body.customer = customer;
		}
		const orderLines = orderLinesOf(this, itemIndex, label);
		if (orderLines !== undefined) body.orderLines = orderLines;
		if (Object.keys(body).length === 0) {
			throw new NodeOperationError(
				this.getNode(),
				`Nothing to update for order ${reference}: add a field under "Update Fields" or "Customer Fields", or send order lines`,
				{ itemIndex },
			);
		}
		return { reference, body };
	},
	async execute({ itemIndex, input }) {
		return tidyOrder(await putOrder(this, input.reference, input.body, 'updated', itemIndex));
	},
};
