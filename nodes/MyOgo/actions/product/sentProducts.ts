import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { settle } from '../requests';

/**
 * What this workflow last sent to myOGO for each SKU, kept in n8n's own database (the processed-data
 * store behind the Remove Duplicates node, scope "workflow", so a Remove Duplicates node set to
 * "Clear Deduplication History" with scope "Workflow" forgets it, e.g. before a full resync).
 *
 * A store sends "product updated" for writes that change nothing myOGO holds (a stock write, a
 * category): the product the node would send then equals what it sent last time, and needs no
 * myOGO call. A product whose data differs was changed in the store, so the store's data is written
 * over myOGO's without reading myOGO first.
 */

/** n8n keeps the newest this many entries per workflow (one per SKU and version sent). */
const REMEMBERED = 100_000;
const OPTIONS = { mode: 'entries' as const, maxEntries: REMEMBERED };

/** The entry for one product as sent: its code, the body sent, and whether existing ones are kept. */
export function sentEntry(body: IDataObject, keepExisting: boolean): string {
	return JSON.stringify([body.code, keepExisting, body]);
}

/**
 * n8n 2.8 keeps a workflow's entries in one database row that each call reads, changes and writes
 * back without a lock (n8n's deduplication-helper.js): runs at the same moment lose one another's
 * entries, and when the row is new all but one fail on a constraint
 * (test/e2e/shopifyProductsGuard.test.ts). So the runs of one n8n process take turns here, and a
 * call that fails anyway is asked again. Across queue-mode workers they may still race: a lost entry
 * costs one more myOGO call for that SKU, never a lost write.
 */
const ATTEMPTS = 3;
let turn: Promise<unknown> = Promise.resolve();

async function inTurn<T>(call: () => Promise<T>): Promise<T> {
	const mine = turn.then(call, call);
	turn = mine.catch(() => undefined);
	return await mine;
}

async function withRetries<T>(call: () => Promise<T>): Promise<{ ok: boolean; value?: T }> {
	for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
		const result = await settle(inTurn(call));
		if (result.ok) return { ok: true, value: result.value };
	}
	return { ok: false };
}

/**
 * Records `entries` as sent; answers the ones recorded before (sent unchanged since). When n8n's
 * store cannot be written, nothing counts as sent before: every product is then sent (one call
 * more each, never a product left out).
 */
export async function recordSent(
	context: IExecuteFunctions,
	entries: string[],
): Promise<Set<string>> {
	if (entries.length === 0) return new Set();
	const recorded = await withRetries(
		async () => await context.helpers.checkProcessedAndRecord(entries, 'workflow', OPTIONS),
	);
	return new Set((recorded.value?.processed ?? []).map(String));
}

/**
 * Forgets entries whose send failed or never happened, so the next delivery sends them again. If
 * n8n's store cannot be written, the send's own error still stands and the daily resync (which
 * clears the store first) sends them.
 */
export async function forgetSent(context: IExecuteFunctions, entries: string[]): Promise<void> {
	if (entries.length === 0) return;
	await withRetries(
		async () => await context.helpers.removeProcessed(entries, 'workflow', OPTIONS),
	);
}
