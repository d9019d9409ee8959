import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { MappingError } from '../mapping/MappingError';
import type { BuiltItem, MyOgoOperation } from './operation';

export const DEFAULT_PARALLEL_REQUESTS = 4;
export const MAX_PARALLEL_REQUESTS = 16;

/** Reads the run-wide "Parallel Requests" option; it sizes one pool, so it cannot vary per item. */
function parallelRequests(context: IExecuteFunctions, operation: MyOgoOperation): number {
	if (!operation.parallel) return 1;
	const value = Number(
		context.getNodeParameter('options.parallelRequests', 0, DEFAULT_PARALLEL_REQUESTS),
	);
	if (!Number.isFinite(value)) return DEFAULT_PARALLEL_REQUESTS;
	return Math.min(Math.max(Math.trunc(value), 1), MAX_PARALLEL_REQUESTS);
}

/** Turns anything thrown for an item into an n8n error that names the item. */
function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	if (error instanceof MappingError) {
		return new NodeOperationError(context.getNode(), error.message, {
			itemIndex,
			description: `myOGO field: ${error.field}`,
		});
	}
	return new NodeOperationError(context.getNode(), readableMessage(error), { itemIndex });
}

/** A message a person can read from anything thrown: never `[object Object]`. */
function readableMessage(error: unknown): string {
	if (error instanceof Error && error.message) return error.message;
	if (typeof error === 'string') return error;
	if (error && typeof error === 'object') {
		const message = (error as { message?: unknown }).message;
		if (typeof message === 'string' && message !== '') return message;
		try {
			return JSON.stringify(error);
		} catch {
			return 'Unknown error';
		}
	}
	return String(error);
}

/**
 * The error item continue-on-fail puts out, in n8n's own shape: `{ error: message }` and nothing
 * else. That shape is what n8n routes to the node's error output ("On Error: Continue (using error
 * output)") merged with the input item, so the failed order or product travels with its error.
 * The message names the item, the field or the call, and myOGO's answer.
 */
function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	return { json: { error: error.message }, pairedItem: { item: itemIndex } };
}

/** Puts the item's label (e.g. `Order 1042`) in front of an error message that lacks it. */
function withLabel(error: Error, label: string | undefined): Error {
	if (label && !error.message.startsWith(label)) error.message = `${label}: ${error.message}`;
	return error;
}

interface Failure {
	first?: { itemIndex: number; error: Error };
}

/** With items running in parallel, the error reported is the one of the lowest item index. */
function keepEarliest(failure: Failure, candidate: { itemIndex: number; error: Error }) {
	if (!failure.first || candidate.itemIndex < failure.first.itemIndex) failure.first = candidate;
}

/**
 * The one item loop of the myOGO node. Runs `operation` for every input item (several at once when
 * the operation writes and "Parallel Requests" allows), keeps the output in input order, pairs every
 * output item with its input, and applies continue-on-fail: a failed item becomes an error item
 * instead of stopping the run. Without continue-on-fail the first failure stops the run after the
 * calls already under way have finished, so no write is left half-known.
 */
export async function runItems(
	this: IExecuteFunctions,
	operation: MyOgoOperation,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const results: INodeExecutionData[][] = new Array(items.length);
	const continueOnFail = this.continueOnFail();
	const failure: Failure = {};

	// Every item is read and checked before the first call, so an invalid item stops the run (without
	// continue-on-fail) before anything is written.
	const built: Array<BuiltItem<unknown>> = [];
	const inputs: unknown[] = new Array(items.length);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		if (!operation.build) {
			built.push({ itemIndex, input: undefined });
			continue;
		}
		try {
			const input = await operation.build.call(this, { itemIndex, item: items[itemIndex] });
			inputs[itemIndex] = input;
			built.push({ itemIndex, input });
		} catch (thrown) {
			const error = asNodeError(this, thrown, itemIndex);
			if (!continueOnFail) throw error;
			results[itemIndex] = [errorItem(error, itemIndex)];
		}
	}

	const shared =
		operation.prepare && built.length > 0
			? await operation.prepare.call(this, items, built)
			: undefined;
	let next = 0;

	const worker = async () => {
		while (next < built.length && !failure.first) {
			const { itemIndex } = built[next++];
			try {
				const output = await operation.execute.call(this, {
					itemIndex,
					item: items[itemIndex],
					shared,
					input: inputs[itemIndex],
				});
				const rows = Array.isArray(output) ? output : [output];
				results[itemIndex] = rows.map((json) => ({ json, pairedItem: { item: itemIndex } }));
			} catch (thrown) {
				const error = withLabel(
					asNodeError(this, thrown, itemIndex),
					operation.label?.(inputs[itemIndex]),
				);
				if (continueOnFail) {
					results[itemIndex] = [errorItem(error, itemIndex)];
				} else {
					keepEarliest(failure, { itemIndex, error });
				}
			}
		}
	};

	const poolSize = Math.min(parallelRequests(this, operation), Math.max(built.length, 1));
	await Promise.all(Array.from({ length: poolSize }, worker));
	if (failure.first) throw failure.first.error;
	return results.flat().filter((row): row is INodeExecutionData => row !== undefined);
}
