import type { IDataObject } from 'n8n-workflow';

import { tidyOrder } from '../../shared/output';
import type { OrderOfItem } from './orderInput';

/** myOGO's reply, tidied, plus what the mapping skipped and noted (and, for upsert, what happened). */
export function orderOutput(reply: IDataObject, built: OrderOfItem, result?: 'created' | 'updated'): IDataObject {
	const output: IDataObject = { ...tidyOrder(reply) };
	if (result) output.result = result;
	output.skippedLines = built.skippedLines;
	output.notes = built.notes;
	return output;
}
