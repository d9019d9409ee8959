import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requiredText } from '../parameters';
import { firstRow } from '../requests';
import type { MyOgoOperation } from '../operation';
import { tidyOrder } from '../../shared/output';
import { referenceField } from './fields';

const properties: INodeProperties[] = [
	{ ...referenceField, description: 'The reference of the order to get' },
];

export const getOrder: MyOgoOperation = {
	value: 'get',
	properties,
	async execute({ itemIndex }) {
		const reference = requiredText(this, 'reference', 'Order Reference', itemIndex);
		const row = await firstRow(this, '/orders', { reference }, itemIndex);
		if (row === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`No order with the reference ${reference} in myOGO`,
				{ itemIndex },
			);
		}
		return tidyOrder(row);
	},
};
