import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MAX_PAGE_SIZE, myOgoPages } from '../transport';
import { firstRow } from './requests';

/** Up to this many keys a run asks myOGO for each one by key instead of reading the list. */
export const SMALL_BATCH = 20;

/** What a run knows of the rows myOGO holds (products by code, orders by reference): a row, or null when myOGO has none. */
export interface KnownRows {
	known: Map<string, IDataObject | null>;
	/** True when the whole list was read: a key not in `known` is not in it. */
	complete: boolean;
}

/** Where a kind of row is listed, and which field is its key (also the list's filter for one row). */
export interface RowList {
	path: string;
	keyField: string;
	/** Filters of the list read, e.g. `modifiedAfter`. */
	qs?: IDataObject;
	/**
	 * True when the filters narrow the list to about the rows the run brings (e.g. the orders of a
	 * catch-up window): then it is read for any batch of two or more, not only for large ones.
	 */
	windowed?: boolean;
	/** Up to this many keys are asked for one by one (default: 1 for a windowed list, else SMALL_BATCH). */
	askOneByOneUpTo?: number;
}

/**
 * Reads the list in pages of 250 while that is cheaper than asking per key: it stops once the
 * pages read outnumber the keys still not found (those are then asked for one by one). A small
 * batch (one row, for a windowed list) is asked for one by one from the start. A list that asks
 * one by one for fewer keys than SMALL_BATCH reads at most its first page for a batch up to
 * SMALL_BATCH: a short page answers every key, a full one leaves the rest to one read each (so
 * at most one call more than asking one by one).
 */
export async function readKnownRows(
	context: IExecuteFunctions,
	list: RowList,
	keys: Set<string>,
): Promise<KnownRows> {
	const known = new Map<string, IDataObject | null>();
	const oneByOne = list.askOneByOneUpTo ?? (list.windowed ? 1 : SMALL_BATCH);
	if (keys.size <= oneByOne) return { known, complete: false };
	const firstPageOnly = !list.windowed && keys.size <= SMALL_BATCH;
	let pages = 0;
	for await (const page of myOgoPages.call(context, { path: list.path, qs: list.qs ?? {} })) {
		pages++;
		for (const row of page) {
			const key = String(row[list.keyField]);
			if (keys.has(key)) known.set(key, row);
		}
		// A short page is the list's last (myOGO gives no total): what it lacks, myOGO lacks.
		if (page.length < MAX_PAGE_SIZE) return { known, complete: true };
		if (firstPageOnly || pages >= keys.size - known.size) return { known, complete: false };
	}
	return { known, complete: true };
}

/**
 * The row under `key`: from the list read, else asked for (and remembered for later items of the
 * run). `askAgain` skips what the run knows, e.g. after myOGO answered that it has the row after all.
 */
export async function knownRow(
	context: IExecuteFunctions,
	rows: KnownRows,
	list: RowList,
	key: string,
	itemIndex: number,
	askAgain = false,
): Promise<IDataObject | null> {
	if (!askAgain) {
		const known = rows.known.get(key);
		if (known !== undefined) return known;
		if (rows.complete) return null;
	}
	const found = (await firstRow(context, list.path, { [list.keyField]: key }, itemIndex)) ?? null;
	rows.known.set(key, found);
	return found;
}
