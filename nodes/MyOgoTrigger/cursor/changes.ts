import type { IDataObject } from 'n8n-workflow';

import type { MyOgoContext } from '../../MyOgo/transport';
import { MAX_PAGE_SIZE, myOgoRequest } from '../../MyOgo/transport';
import { parseTime, toIso } from './cursor';

export interface ChangeFeed {
	/** List path below /api/v1, e.g. `/orders`. */
	path: string;
	/** The row field holding its modification time (`editTime` or `modified`). */
	timeField: string;
	/** The record a row is about (order id, product code…), without anything a change alters. */
	record(row: IDataObject): string;
}

async function readPage(
	this: MyOgoContext,
	feed: ChangeFeed,
	afterMs: number,
	page: number,
): Promise<IDataObject[]> {
	const reply = await myOgoRequest.call(this, {
		method: 'GET',
		path: feed.path,
		qs: { modifiedAfter: toIso(afterMs), limit: MAX_PAGE_SIZE, page },
	});
	return Array.isArray(reply) ? (reply as IDataObject[]) : [];
}

/**
 * Reads every row modified strictly after `afterMs`, oldest first, page by page (yielding each page
 * as it arrives, so thousands of rows after a downtime are fine). Rows may come more than once;
 * the caller drops repeats by identity.
 *
 * It pages by page number, the fewest calls myOGO allows. Page numbers are safe as long as no row
 * of the list changes while we page: a changed row leaves its place (every later row moves up one,
 * so one may slip back over a page boundary we already crossed) and reappears at the end of the
 * list with its new time. Rows are never deleted from these lists, so that reappearance is the one
 * sign of a shift, and it is always seen because we read to the end. When it is seen, the rows
 * from the moved row's old time on are read again by time (`readByTime`), which no shift can fool.
 */
export async function* readChanges(
	this: MyOgoContext,
	feed: ChangeFeed,
	afterMs: number,
): AsyncGenerator<IDataObject[]> {
	const firstTimeOf = new Map<string, number>();
	let movedFrom = Number.POSITIVE_INFINITY;
	for (let page = 1; ; page++) {
		const rows = await readPage.call(this, feed, afterMs, page);
		for (const row of rows) {
			const record = feed.record(row);
			const time = parseTime(row[feed.timeField]);
			const first = firstTimeOf.get(record);
			if (first === undefined) firstTimeOf.set(record, time);
			else if (time !== first && first < movedFrom) movedFrom = first;
		}
		if (rows.length > 0) yield rows;
		if (rows.length < MAX_PAGE_SIZE) break;
	}
	if (Number.isFinite(movedFrom))
		yield* readByTime.call(this, feed, Math.max(afterMs, movedFrom - 1));
}

/**
 * Reads every row modified strictly after `afterMs` by time boundaries: after a full page, the next
 * request asks for `modifiedAfter = (last row's time - 1 ms)` from page 1. A time boundary does not
 * shift when rows change; rows at the boundary time come again (the caller drops them). Only when a
 * whole page shares one millisecond does it step to the next page number. Costs a few more calls
 * than page numbers when many rows share a millisecond, so it is the fallback, not the rule.
 */
async function* readByTime(
	this: MyOgoContext,
	feed: ChangeFeed,
	afterMs: number,
): AsyncGenerator<IDataObject[]> {
	let after = afterMs;
	let page = 1;
	for (;;) {
		const rows = await readPage.call(this, feed, after, page);
		if (rows.length > 0) yield rows;
		if (rows.length < MAX_PAGE_SIZE) return;
		const lastTime = parseTime(rows[rows.length - 1][feed.timeField]);
		const boundary = Math.floor(lastTime) - 1;
		if (Number.isFinite(boundary) && boundary > after) {
			after = boundary;
			page = 1;
		} else {
			page++;
		}
	}
}
