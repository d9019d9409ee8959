import type { INodeProperties } from 'n8n-workflow';

import { writeOptions } from '../descriptions';
import { requiredText } from '../parameters';
import type { MyOgoOperation } from '../operation';
import { tidyOrder } from '../../shared/output';
import { putOrder } from './conflict';
import { referenceField } from './fields';
import { referenceLabel } from './orderInput';

const properties: INodeProperties[] = [
	{ ...referenceField, description: 'The reference of the order to cancel' },
	writeOptions(),
];

export const cancelOrder: MyOgoOperation<undefined, string> = {
	value: 'cancel',
	properties,
	parallel: true,
	label: referenceLabel,
	build({ itemIndex }) {
		return requiredText(this, 'reference', 'Order Reference', itemIndex);
	},
	async execute({ itemIndex, input: reference }) {
		return tidyOrder(
			await putOrder(this, reference, { status: 'cancelled' }, 'cancelled', itemIndex),
		);
	},
};
