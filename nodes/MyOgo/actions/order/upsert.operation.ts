import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { myOgoRequest } from '../../transport';
import { writeOptions } from '../descriptions';
import { hasStatus, settle } from '../requests';
import type { MyOgoOperation } from '../operation';
import { putOrder } from './conflict';
import { orderInputProperties } from './fields';
import type { OrderOfItem } from './orderInput';
import { orderLabel, orderOfItem } from './orderInput';
import { includeDocumentsOption } from './options';
import { orderOutput } from './output';

const properties: INodeProperties[] = [...orderInputProperties(), writeOptions([includeDocumentsOption])];

/** What an update of an existing order sends: a new order's "draft" cannot be applied to it. */
function updateBody(order: IDataObject): IDataObject {
	if (order.status !== 'draft') return order;
	const { status: _draft, ...rest } = order;
	return rest;
}

export const upsertOrder: MyOgoOperation<undefined, OrderOfItem> = {
	value: 'upsert',
	properties,
	parallel: true,
	label: orderLabel,
	build({ itemIndex, item }) {
		return orderOfItem(this, itemIndex, item.json);
	},
	async execute({ itemIndex, input }) {
		// A new order is one call; an order myOGO already has is answered 409 and then updated.
		const created = await settle(
			myOgoRequest.call(this, { method: 'POST', path: '/orders', body: input.order, itemIndex }),
		);
		if (created.ok) return orderOutput(created.value, input, 'created');
		if (!hasStatus(created.error, 409)) throw created.error;

		const updated = await putOrder(this, String(input.order.reference), updateBody(input.order), 'updated', itemIndex);
		return orderOutput(updated, input, 'updated');
	},
};
