import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

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

/** Records `entries` as sent; answers the ones recorded before (sent unchanged since). */
export async function recordSent(
	context: IExecuteFunctions,
	entries: string[],
): Promise<Set<string>> {
	if (entries.length === 0) return new Set();
	const { processed } = await context.helpers.checkProcessedAndRecord(entries, 'workflow', OPTIONS);
	return new Set(processed.map(String));
}

/** Forgets entries whose send failed or never happened, so the next delivery sends them again. */
export async function forgetSent(context: IExecuteFunctions, entries: string[]): Promise<void> {
	if (entries.length > 0) await context.helpers.removeProcessed(entries, 'workflow', OPTIONS);
}
