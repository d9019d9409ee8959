import type { IDataObject } from 'n8n-workflow';

import type { MyOgoContext } from '../../MyOgo/transport';
import { MAX_PAGE_SIZE, myOgoRequest } from '../../MyOgo/transport';
import { parseTime, toIso } from './cursor';

export interface ChangeFeed {
	/** List path below /api/v1, e.g. `/orders`. */
	path: string;
	/** The row field holding its modification time (`editTime` or `modified`). */
	timeField: string;
}

/**
 * Reads every row modified strictly after `afterMs`, oldest first, page by page (yielding each page
 * as it arrives, so thousands of rows after a downtime are fine).
 *
 * Paging is by time where it can be: after a full page, the next request asks for
 * `modifiedAfter = (last row's time - 1 ms)` from page 1, instead of page 2 of the first query.
 * Plain page numbers shift when a row changes while we page (it moves to the end of the list and
 * every later row moves up one place, so one row would be skipped); a time boundary does not
 * shift. Rows at the boundary time come again and are dropped by the caller's identity check.
 * Only when a whole page shares one millisecond does it step to the next page number.
 */
export async function* readChanges(
	this: MyOgoContext,
	feed: ChangeFeed,
	afterMs: number,
): AsyncGenerator<IDataObject[]> {
	let after = afterMs;
	let page = 1;
	for (;;) {
		const reply = await myOgoRequest.call(this, {
			method: 'GET',
			path: feed.path,
			qs: { modifiedAfter: toIso(after), limit: MAX_PAGE_SIZE, page },
		});
		const rows = Array.isArray(reply) ? (reply as IDataObject[]) : [];
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
