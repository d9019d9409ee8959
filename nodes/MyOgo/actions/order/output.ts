import type { IDataObject } from 'n8n-workflow';

import { NO_SKU } from '../../mapping/orderLines';
import { tidyOrder } from '../../shared/output';
import type { OrderOfItem } from './orderInput';

/** What Create or Update did with the order. */
export type UpsertResult = 'created' | 'updated' | 'unchanged' | 'alreadyInMyOgo';

const WHAT_TO_DO_WITHOUT_SKU =
	'Give the product a SKU in the store, the same code as the product has in myOGO. This order went to the warehouse without the line: while the order is new in myOGO, add the line there (myOGO → Orders), otherwise tell OGOship customer service or send the item to the buyer yourself.';

/**
 * The shippable lines the order went without (no SKU), each with why and what to do. Lines that
 * are never shipped (gift cards, digital goods) are in `skippedLines` only: nothing is missing.
 */
function linesLeftOut(skippedLines: IDataObject[]): IDataObject[] {
	return skippedLines
		.filter((line) => line.reason === NO_SKU)
		.map((line) => ({ ...line, whatToDo: WHAT_TO_DO_WITHOUT_SKU }));
}

/** myOGO's reply, tidied, plus what the mapping skipped and noted (and, for upsert, what happened). */
export function orderOutput(
	reply: IDataObject,
	built: OrderOfItem,
	result?: UpsertResult,
): IDataObject {
	const output: IDataObject = { ...tidyOrder(reply) };
	if (result) output.result = result;
	output.skippedLines = built.skippedLines;
	output.linesLeftOut = linesLeftOut(built.skippedLines);
	output.notes = built.notes;
	return output;
}
