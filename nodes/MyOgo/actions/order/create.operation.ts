import type { INodeProperties } from 'n8n-workflow';

import { myOgoRequest } from '../../transport';
import { writeOptions } from '../descriptions';
import type { MyOgoOperation } from '../operation';
import { orderInputProperties } from './fields';
import type { OrderOfItem } from './orderInput';
import { orderLabel, orderOfItem } from './orderInput';
import { includeDocumentsOption } from './options';
import { orderOutput } from './output';

const properties: INodeProperties[] = [
	...orderInputProperties(),
	writeOptions([includeDocumentsOption]),
];

export const createOrder: MyOgoOperation<undefined, OrderOfItem> = {
	value: 'create',
	properties,
	parallel: true,
	label: orderLabel,
	build({ itemIndex, item }) {
		return orderOfItem(this, itemIndex, item.json);
	},
	async execute({ itemIndex, input }) {
		const created = await myOgoRequest.call(this, {
			method: 'POST',
			path: '/orders',
			body: input.order,
			itemIndex,
		});
		return orderOutput(created, input);
	},
};
