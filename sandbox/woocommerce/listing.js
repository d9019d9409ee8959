// @ts-check
'use strict';

/** WordPress's list conventions as the WooCommerce fake serves them: pages and date filters. */

const { parseTime, WcError } = require('./model');

/** @typedef {Record<string, any>} Obj */

/**
 * A paged list with WordPress's X-WP-Total / X-WP-TotalPages / Link headers.
 * @param {Obj[]} rows @param {URLSearchParams} query @param {string} collectionUrl the list's own address, for the Link header
 */
function paged(rows, query, collectionUrl) {
	const perPage = Number(query.get('per_page') ?? 10);
	const page = Number(query.get('page') ?? 1);
	if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) {
		throw new WcError(400, 'rest_invalid_param', 'Invalid parameter(s): per_page');
	}
	if (!Number.isInteger(page) || page < 1)
		throw new WcError(400, 'rest_invalid_param', 'Invalid parameter(s): page');
	const totalPages = Math.max(1, Math.ceil(rows.length / perPage));
	const body = rows.slice((page - 1) * perPage, page * perPage);
	const link = (/** @type {number} */ p) => {
		const next = new URLSearchParams(query);
		next.set('page', String(p));
		next.delete('consumer_key');
		next.delete('consumer_secret');
		return `${collectionUrl}?${next}`;
	};
	const links = [];
	if (page > 1) links.push(`<${link(page - 1)}>; rel="prev"`);
	if (page < totalPages) links.push(`<${link(page + 1)}>; rel="next"`);
	/** @type {Record<string, string>} */
	const headers = { 'X-WP-Total': String(rows.length), 'X-WP-TotalPages': String(totalPages) };
	// WordPress omits Link on a single page; n8n's "Return All" reads headers.link unconditionally,
	// so the fake always sends one (an "up" link to the collection) to stay usable with it.
	headers.Link = links.length ? links.join(', ') : `<${collectionUrl}>; rel="up"`;
	return { status: 200, body, headers };
}

/** @param {Obj[]} rows @param {URLSearchParams} query @param {string} dateField */
function filterByDates(rows, query, dateField) {
	const after = parseTime(query.get('after') ?? undefined);
	const modifiedAfter = parseTime(query.get('modified_after') ?? undefined);
	const before = parseTime(query.get('before') ?? undefined);
	return rows.filter(
		(row) =>
			(Number.isNaN(after) || parseTime(row[dateField]) > after) &&
			(Number.isNaN(before) || parseTime(row[dateField]) < before) &&
			(Number.isNaN(modifiedAfter) || parseTime(row.date_modified_gmt) > modifiedAfter),
	);
}

module.exports = { paged, filterByDates };
