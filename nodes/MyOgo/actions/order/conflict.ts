import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { codeInPath, myOgoRequest } from '../../transport';
import { firstRow, hasStatus, settle } from '../requests';
import { referenceLabel } from './orderInput';

/** How a status reads in "Order 1042 cannot be cancelled: …" — each names the status. */
const STATUS_PHRASES: Record<string, string> = {
	locked: 'it is locked in the warehouse',
	collecting: 'it is already collecting in the warehouse',
	shipped: 'it has already shipped',
	returned: 'it has been returned',
	cancelled: 'it is already cancelled',
};

export function statusPhrase(status: string): string {
	return STATUS_PHRASES[status] ?? `its status is ${status}`;
}

/** The order's current status, or undefined when it cannot be read. */
async function currentStatus(
	context: IExecuteFunctions,
	reference: string,
	itemIndex: number,
): Promise<string | undefined> {
	try {
		const status = (await firstRow(context, '/orders', { reference }, itemIndex))?.status;
		return typeof status === 'string' ? status.toLowerCase() : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The error for a 409 on `PUT /orders/{reference}`: myOGO refuses changes to an order the warehouse
 * has taken over. The status is read from myOGO (an extra call only on this error path), so the
 * message names it whatever words myOGO's own message uses.
 */
async function notChangeableError(
	context: IExecuteFunctions,
	error: Error & { description?: string | null },
	reference: string,
	verb: 'cancelled' | 'updated',
	itemIndex: number,
): Promise<NodeOperationError> {
	const status = await currentStatus(context, reference, itemIndex);
	const reason = status ? statusPhrase(status) : 'myOGO no longer accepts changes to it';
	const advice =
		verb === 'cancelled'
			? 'An order can be cancelled while it is draft, reserved, new or pending. Ask the warehouse to stop it, or handle it as a return.'
			: 'An order can be changed while it is draft, reserved, new or pending; once the warehouse has taken it over, changes have to go through the warehouse.';
	return new NodeOperationError(
		context.getNode(),
		`${referenceLabel(reference)} cannot be ${verb}: ${reason}`,
		{
			itemIndex,
			description: `${advice} myOGO said: ${error.message}`,
		},
	);
}

/** The statuses in which myOGO still takes changes from the merchant. */
const CHANGEABLE_STATUSES = new Set(['draft', 'reserved', 'new', 'pending']);

export function isChangeable(status: unknown): boolean {
	return typeof status !== 'string' || CHANGEABLE_STATUSES.has(status.toLowerCase());
}

/**
 * The error for an order changed in the store after the warehouse took it over: no call is made
 * (myOGO would answer 409), and the message lists what changed so the merchant can pass it on.
 */
export function takenOverError(
	context: IExecuteFunctions,
	reference: string,
	status: string,
	changed: string,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(
		context.getNode(),
		`${referenceLabel(reference)} cannot be updated: ${statusPhrase(status.toLowerCase())}. Changed in the store since it was sent: ${changed}. Tell the warehouse (OGOship customer service) these changes, or handle them with the buyer.`,
		{
			itemIndex,
			description:
				'An order can be changed while it is draft, reserved, new or pending; once the warehouse has taken it over, changes have to go through the warehouse.',
		},
	);
}

/**
 * `PUT /orders/{reference}`, the one way an order is changed (Update, Cancel, and Create or Update
 * once the order exists): myOGO's stored order, or the "cannot be …" error naming its status on a 409.
 */
export async function putOrder(
	context: IExecuteFunctions,
	reference: string,
	body: IDataObject,
	verb: 'cancelled' | 'updated',
	itemIndex: number,
): Promise<IDataObject> {
	const { segment, qs } = codeInPath(reference);
	const written = await settle(
		myOgoRequest.call(context, { method: 'PUT', path: `/orders/${segment}`, qs, body, itemIndex }),
	);
	if (written.ok) return written.value as IDataObject;
	if (hasStatus(written.error, 409))
		throw await notChangeableError(context, written.error, reference, verb, itemIndex);
	throw written.error;
}
