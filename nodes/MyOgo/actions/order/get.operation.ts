import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { myOgoRequest } from '../../transport';
import { requiredText } from '../common';
import type { MyOgoOperation } from '../operation';
import { tidyOrder } from '../output';
import { referenceField } from './fields';

const properties: INodeProperties[] = [{ ...referenceField, description: 'The reference of the order to get' }];

export const getOrder: MyOgoOperation = {
	value: 'get',
	name: 'Get',
	action: 'Get an order',
	summary: 'Get one order by its reference, with status and tracking numbers',
	properties,
	async execute({ itemIndex }) {
		const reference = requiredText(this, 'reference', 'Order Reference', itemIndex);
		const rows = (await myOgoRequest.call(this, {
			method: 'GET',
			path: '/orders',
			qs: { reference, limit: 1 },
			itemIndex,
		})) as IDataObject[];
		if (!Array.isArray(rows) || rows.length === 0) {
			throw new NodeOperationError(this.getNode(), `No order with the reference ${reference} in myOGO`, { itemIndex });
		}
		return tidyOrder(rows[0]);
	},
};
