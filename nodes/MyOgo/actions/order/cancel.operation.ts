import type { INodeProperties } from 'n8n-workflow';

import { codeInPath, myOgoRequest } from '../../transport';
import { hasStatus, requiredText, settle, writeOptions } from '../common';
import type { MyOgoOperation } from '../operation';
import { tidyOrder } from '../output';
import { notChangeableError } from './conflict';
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
		const { segment, qs } = codeInPath(reference);
		const written = await settle(
			myOgoRequest.call(this, { method: 'PUT', path: `/orders/${segment}`, qs, body: { status: 'cancelled' }, itemIndex }),
		);
		if (written.ok) return tidyOrder(written.value);
		if (hasStatus(written.error, 409)) throw await notChangeableError(this, written.error, reference, 'cancelled', itemIndex);
		throw written.error;
	},
};
