import type { IDataObject } from 'n8n-workflow';

import type { MyOgoContext } from './request';
import { myOgoRequest } from './request';

/** myOGO's largest page; fewer pages means fewer round trips. */
export const MAX_PAGE_SIZE = 250;

export interface PageQuery {
	path: string;
	qs?: IDataObject;
	pageSize?: number;
	itemIndex?: number;
}

/**
 * Yields myOGO list pages one by one until a short page, so a caller can hand rows on
 * before the whole catalog is read. myOGO gives no total: a page shorter than `limit` is the last
 * (docs/myogo-api.md, "Lists, errors, limits").
 */
export async function* myOgoPages(
	this: MyOgoContext,
	query: PageQuery,
): AsyncGenerator<IDataObject[]> {
	const pageSize = Math.min(Math.max(query.pageSize ?? MAX_PAGE_SIZE, 1), MAX_PAGE_SIZE);
	for (let page = 1; ; page++) {
		const rows = await myOgoRequest.call(this, {
			method: 'GET',
			path: query.path,
			qs: { ...query.qs, limit: pageSize, page },
			itemIndex: query.itemIndex,
		});
		const list = Array.isArray(rows) ? (rows as IDataObject[]) : [];
		if (list.length > 0) yield list;
		if (list.length < pageSize) return;
	}
}

export interface ListOptions extends PageQuery {
	/** Stop after this many rows; undefined reads everything. */
	limit?: number;
}

/** Reads rows across pages up to `limit` (or all), asking only for the pages it needs. */
export async function myOgoList(this: MyOgoContext, options: ListOptions): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	const limit = options.limit;
	// With a small limit, a small page avoids downloading rows that would be thrown away.
	const pageSize =
		limit !== undefined && limit < MAX_PAGE_SIZE ? Math.max(limit, 1) : options.pageSize;
	for await (const page of myOgoPages.call(this, { ...options, pageSize })) {
		for (const row of page) {
			rows.push(row);
			if (limit !== undefined && rows.length >= limit) return rows;
		}
	}
	return rows;
}
