import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { myOgoRequest } from '../../transport';
import { writeOptions } from '../descriptions';
import type { KnownRows, RowList } from '../knownRows';
import { knownRow, readKnownRows } from '../knownRows';
import type { BuiltItem, MyOgoOperation } from '../operation';
import { isoTimestamp } from '../parameters';
import { hasStatus, settle } from '../requests';
import { changedOrderFields, changesText } from './compare';
import { isChangeable, putOrder, takenOverError } from './conflict';
import { orderInputProperties } from './fields';
import type { OrderOfItem } from './orderInput';
import { orderLabel, orderOfItem } from './orderInput';
import { includeDocumentsOption } from './options';
import { orderOutput } from './output';

/** What the node does with an order myOGO already holds. */
type ExistingOrders = 'update' | 'updateChanges' | 'createFirst' | 'leave';

const existingOrdersField: INodeProperties = {
	displayName: 'When myOGO Has the Order',
	name: 'existingOrders',
	type: 'options',
	options: [
		{
			name: 'Update It',
			value: 'update',
			description:
				'Send it again (create, and update when myOGO answers that it has it): two calls for a known order',
		},
		{
			name: 'Update Only What Changed',
			value: 'updateChanges',
			description:
				'Read what myOGO holds first and write only when something would change (output "unchanged" otherwise); an order the warehouse has taken over fails with what changed',
		},
		{
			name: 'Create First, Then Update What Changed',
			value: 'createFirst',
			description:
				'For orders that are most likely new (e.g. a payment webhook): send it as a new order, one call; only when myOGO answers that it has it, read it and write only what changed, as "Update Only What Changed" does',
		},
		{
			name: 'Only Send Orders myOGO Lacks',
			value: 'leave',
			description:
				'A catch-up: orders myOGO has are never written (output "alreadyInMyOgo"), only missing ones are created',
		},
	],
	default: 'update',
	description:
		"Read once per run (an expression may pick it, e.g. one value for a catch-up and another for webhooks). With more than 20 orders in a run, myOGO's orders are read 250 a call instead of one by one.",
};

const changedAfterOption: INodeProperties = {
	displayName: 'Read myOGO Orders Changed After',
	name: 'heldChangedAfter',
	type: 'dateTime',
	default: '',
	description:
		'With "Update Only What Changed" or "Only Send Orders myOGO Lacks": myOGO\'s orders changed after this time (e.g. the start of a catch-up window, a little earlier to be safe) are read 250 a call for any run of two or more orders, instead of asking for each. Empty: the list is read only for runs of more than 20 orders.',
};

const properties: INodeProperties[] = [
	...orderInputProperties(),
	existingOrdersField,
	writeOptions([changedAfterOption, includeDocumentsOption]),
];

/** Set when the run compares with what myOGO holds; undefined for "Update It". */
interface Shared {
	mode: Exclude<ExistingOrders, 'update'>;
	held: KnownRows;
	list: RowList;
}

/** What an update of an existing order sends: a new order's "draft" cannot be applied to it. */
function updateBody(order: IDataObject): IDataObject {
	if (order.status !== 'draft') return order;
	const { status: _draft, ...rest } = order;
	return rest;
}

function put(
	context: IExecuteFunctions,
	input: OrderOfItem,
	itemIndex: number,
): Promise<IDataObject> {
	return putOrder(
		context,
		String(input.order.reference),
		updateBody(input.order),
		'updated',
		itemIndex,
	);
}

/** "Update It": a new order is one call; an order myOGO already has is answered 409 and then updated. */
async function createElseUpdate(context: IExecuteFunctions, input: OrderOfItem, itemIndex: number) {
	const created = await settle(
		myOgoRequest.call(context, { method: 'POST', path: '/orders', body: input.order, itemIndex }),
	);
	if (created.ok) return orderOutput(created.value, input, 'created');
	if (!hasStatus(created.error, 409)) throw created.error;
	return orderOutput(await put(context, input, itemIndex), input, 'updated');
}

/** The order as myOGO holds it, compared with the item: written only when something would change. */
async function settleWithHeld(
	context: IExecuteFunctions,
	shared: Shared,
	stored: IDataObject,
	input: OrderOfItem,
	itemIndex: number,
): Promise<IDataObject> {
	if (shared.mode === 'leave') return orderOutput(stored, input, 'alreadyInMyOgo');
	const changes = changedOrderFields(input.order, stored);
	if (changes.length === 0) return orderOutput(stored, input, 'unchanged');
	const reference = String(input.order.reference);
	if (!isChangeable(stored.status)) {
		throw takenOverError(
			context,
			reference,
			String(stored.status),
			changesText(changes),
			itemIndex,
		);
	}
	const reply = await put(context, input, itemIndex);
	shared.held.known.set(reference, reply);
	return { ...orderOutput(reply, input, 'updated'), changes: changes as unknown as IDataObject[] };
}

async function compareThenWrite(
	context: IExecuteFunctions,
	shared: Shared,
	input: OrderOfItem,
	itemIndex: number,
) {
	const reference = String(input.order.reference);
	// "Create First" skips the read: for a new order the POST is the only call.
	const stored =
		shared.mode === 'createFirst'
			? null
			: await knownRow(context, shared.held, shared.list, reference, itemIndex);
	if (stored) return await settleWithHeld(context, shared, stored, input, itemIndex);
	const created = await settle(
		myOgoRequest.call(context, { method: 'POST', path: '/orders', body: input.order, itemIndex }),
	);
	if (created.ok) {
		shared.held.known.set(reference, created.value as IDataObject);
		return orderOutput(created.value, input, 'created');
	}
	if (!hasStatus(created.error, 409)) throw created.error;
	// myOGO has it after all (changed before the list's window, or sent meanwhile): compare with what it holds.
	const found = await knownRow(context, shared.held, shared.list, reference, itemIndex, true);
	if (!found) throw created.error;
	return await settleWithHeld(context, shared, found, input, itemIndex);
}

export const upsertOrder: MyOgoOperation<Shared | undefined, OrderOfItem> = {
	value: 'upsert',
	properties,
	parallel: true,
	label: orderLabel,
	build({ itemIndex, item }) {
		return orderOfItem(this, itemIndex, item.json);
	},
	async prepare(_items, built: Array<BuiltItem<OrderOfItem>>) {
		const mode = this.getNodeParameter('existingOrders', 0, 'update') as ExistingOrders;
		if (mode === 'update') return undefined;
		if (mode === 'createFirst')
			return {
				mode,
				list: { path: '/orders', keyField: 'reference' },
				held: { known: new Map(), complete: false },
			};
		const changedAfter = isoTimestamp(
			this,
			this.getNodeParameter('options.heldChangedAfter', 0, '') as unknown,
			changedAfterOption.displayName,
			0,
		);
		const references = new Set(built.map(({ input }) => String(input.order.reference)));
		const list: RowList = changedAfter
			? {
					path: '/orders',
					keyField: 'reference',
					qs: { modifiedAfter: changedAfter },
					windowed: true,
				}
			: { path: '/orders', keyField: 'reference' };
		return { mode, list, held: await readKnownRows(this, list, references) };
	},
	async execute({ itemIndex, input, shared }) {
		if (!shared) return await createElseUpdate(this, input, itemIndex);
		return await compareThenWrite(this, shared, input, itemIndex);
	},
};
