// @ts-check
'use strict';

const { ShopifyError } = require('../errors');

/**
 * Shopify's cursor pagination for REST lists: a page's `Link` header holds
 * `<…?limit=N&page_info=X>; rel="previous", <…?limit=N&page_info=Y>; rel="next"` (previous first,
 * each only when there is such a page, no header on a lone page). `page_info` is opaque and
 * carries the first request's filters, so a request with `page_info` may add only `limit` and
 * `fields`. `limit` defaults to 50 and is capped at 250.
 */

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 250;
/** What a request with page_info may carry besides it. */
const PAGE_PARAMS = new Set(['page_info', 'limit', 'fields']);

/** @typedef {Record<string, string>} Filters */
/** @typedef {{ direction: 'next' | 'previous', id: number, filters: Filters }} Cursor */

/** @param {Cursor} cursor */
function encodeCursor(cursor) {
	return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

/** @param {string} text @returns {Cursor} */
function decodeCursor(text) {
	try {
		const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
		if (
			(cursor.direction === 'next' || cursor.direction === 'previous') &&
			Number.isInteger(cursor.id) &&
			cursor.filters &&
			typeof cursor.filters === 'object'
		) {
			return cursor;
		}
	} catch {
		// answered below
	}
	throw new ShopifyError(400, { page_info: ['Invalid value.'] });
}

/** @param {import('../../shared/http/query').Query} query */
function readLimit(query) {
	const text = query.get('limit');
	if (text === undefined || text === '') return { limit: DEFAULT_LIMIT, given: false };
	const limit = Number(text);
	if (!Number.isInteger(limit) || limit < 1)
		throw new ShopifyError(400, { limit: ['Invalid value.'] });
	return { limit: Math.min(limit, MAX_LIMIT), given: true };
}

/**
 * One page of a list.
 * @template {Record<string, any>} T rows with a numeric `id`
 * @param {object} options
 * @param {import('../../shared/http/query').Query} options.query the request's query
 * @param {string} options.url the list's absolute URL without query (for the Link header)
 * @param {(filters: Filters) => T[]} options.rows every row matching the filters, in list order
 * @returns {{ rows: T[], headers: Record<string, string> }}
 */
function pageOf({ query, url, rows }) {
	const pageInfo = query.get('page_info');
	/** @type {Filters} */
	let filters = {};
	/** @type {Cursor | undefined} */
	let cursor;
	if (pageInfo !== undefined) {
		const extra = query.pairs.map(([name]) => name).filter((name) => !PAGE_PARAMS.has(name));
		if (extra.length)
			throw new ShopifyError(400, {
				page_info: [
					`cannot be combined with ${extra.join(', ')}; only limit and fields may be added`,
				],
			});
		cursor = decodeCursor(pageInfo);
		filters = cursor.filters;
	} else {
		for (const [name, value] of query.pairs)
			if (!PAGE_PARAMS.has(name) && !(name in filters)) filters[name] = value;
	}
	const { limit, given } = readLimit(query);
	const all = rows(filters);
	let start = 0;
	let end = Math.min(all.length, limit);
	if (cursor) {
		// Rows are found by id, not position, so a row added or removed meanwhile moves nothing.
		const at = all.findIndex((row) => row.id === cursor.id);
		const position = at >= 0 ? at : all.length;
		if (cursor.direction === 'next') {
			start = at >= 0 ? at + 1 : all.length;
			end = Math.min(all.length, start + limit);
		} else {
			end = position;
			start = Math.max(0, end - limit);
		}
	}
	const page = all.slice(start, end);
	/** @param {Cursor} c */
	const link = (c) => `${url}?${given ? `limit=${limit}&` : ''}page_info=${encodeCursor(c)}`;
	const links = [];
	if (start > 0 && page.length)
		links.push(`<${link({ direction: 'previous', id: page[0].id, filters })}>; rel="previous"`);
	if (end < all.length && page.length)
		links.push(
			`<${link({ direction: 'next', id: page[page.length - 1].id, filters })}>; rel="next"`,
		);
	return { rows: page, headers: links.length ? { Link: links.join(', ') } : {} };
}

/**
 * Applies `fields=a,b` (keep only those keys), as Shopify does on lists and single objects.
 * @template {Record<string, unknown>} T
 * @param {T} row
 * @param {string | undefined} fields
 */
function pickFields(row, fields) {
	if (!fields) return row;
	const wanted = fields
		.split(',')
		.map((f) => f.trim())
		.filter(Boolean);
	return Object.fromEntries(wanted.filter((key) => key in row).map((key) => [key, row[key]]));
}

module.exports = { pageOf, pickFields, DEFAULT_LIMIT, MAX_LIMIT };
