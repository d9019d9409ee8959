/**
 * A fake of n8n's processed-data storage (the `processed_data` table behind the Remove Duplicates
 * node's "Remove Items Processed in Previous Executions"), kept in memory so that in-process runs
 * of a template can use the node. Real n8n initialises n8n-core's DataDeduplicationService with the
 * cli's DeduplicationHelper when it starts (`start`, `webhook`, `worker`); the in-process harness
 * starts no cli, so without this the node fails with "Manager needs to initialized before use".
 *
 * It behaves as the pinned n8n 2.8.4 helper does (n8n/dist/deduplication/deduplication-helper.js):
 * one list per workflow and context (`n:<node id>` for scope "node", `''` for scope "workflow");
 * values are stored as their MD5 (base64); a value already in the list is "processed", any other is
 * "new" and appended; the list keeps its newest `maxEntries`; "clear" deletes the list. Only the
 * "entries" mode (Keep Items Where: Value Is New) is modelled: the templates use no other.
 */
import { createHash } from 'node:crypto';

import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';
import { DataDeduplicationService } from 'n8n-core';

const lists = new Map<string, string[]>();

function listKey(scope: DeduplicationScope, contextData: ICheckProcessedContextData): string {
	const workflowId = contextData.workflow.id;
	if (!workflowId) throw new Error('processed data needs a workflow id');
	if (scope === 'node') {
		if (!contextData.node) throw new Error("scope 'node' needs the node");
		return `${workflowId}\u0000n:${contextData.node.id}`;
	}
	return `${workflowId}\u0000`;
}

function entriesOnly(options: ICheckProcessedOptions): void {
	if (options.mode !== 'entries')
		throw new Error(`the harness models only the "entries" mode, not "${options.mode}"`);
}

const hash = (value: DeduplicationItemTypes) =>
	createHash('md5').update(value.toString()).digest('base64');

const inMemoryDeduplicator: IDataDeduplicator = {
	async checkProcessedAndRecord(items, scope, contextData, options): Promise<IDeduplicationOutput> {
		entriesOnly(options);
		const key = listKey(scope, contextData);
		const list = lists.get(key) ?? [];
		const seen = new Set(list);
		const result: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			const hashed = hash(item);
			if (seen.has(hashed)) result.processed.push(item);
			else {
				result.new.push(item);
				list.push(hashed);
				seen.add(hashed);
			}
		}
		if (options.maxEntries) list.splice(0, Math.max(0, list.length - options.maxEntries));
		lists.set(key, list);
		return result;
	},
	async removeProcessed(items, scope, contextData, options) {
		entriesOnly(options);
		const list = lists.get(listKey(scope, contextData));
		if (!list) return;
		for (const item of items) {
			const index = list.indexOf(hash(item));
			if (index !== -1) list.splice(index, 1);
		}
	},
	async clearAllProcessedItems(scope, contextData) {
		lists.delete(listKey(scope, contextData));
	},
	async getProcessedDataCount(scope, contextData, options) {
		return options.mode === 'entries' ? (lists.get(listKey(scope, contextData))?.length ?? 0) : 0;
	},
};

let initialised = false;

/** Gives n8n-core's DataDeduplicationService the in-memory storage (once per module registry). */
export async function useInMemoryProcessedData(): Promise<void> {
	if (initialised) return;
	initialised = true;
	await DataDeduplicationService.init(inMemoryDeduplicator);
}

/** Forgets every recorded value, as a fresh n8n database would (tests call it between tests). */
export function forgetProcessedData(): void {
	lists.clear();
}

/** How many values are recorded for a workflow (all contexts), for tests to look at. */
export function processedDataCount(workflowId: string): number {
	let count = 0;
	for (const [key, list] of lists) if (key.startsWith(`${workflowId}\u0000`)) count += list.length;
	return count;
}
