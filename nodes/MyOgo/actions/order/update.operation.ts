import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { writeOptions } from '../descriptions';
import { filled, requiredText } from '../parameters';
import type { MyOgoOperation } from '../operation';
import { tidyOrder } from '../../shared/output';
import { putOrder } from './conflict';
import {
	customerAllFields,
	orderLinesProperties,
	orderOptionalFields,
	referenceField,
} from './fields';
import { countryCode, optionalOrderFields, orderLinesOf, referenceLabel } from './orderInput';

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
			{
				name: 'New (Release Draft)',
				value: 'new',
				description: 'Releases a draft order to the warehouse',
			},
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
		const body = optionalOrderFields(
			this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject,
			label,
		);
		const customer = filled(this.getNodeParameter('customerFields', itemIndex, {}) as IDataObject);
		if (Object.keys(customer).length > 0) {
			for (const [name, value] of Object.entries(customer)) customer[name] = String(value).trim();
			if (customer.countryCode !== undefined)
				customer.countryCode = countryCode(customer.countryCode, label);
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
