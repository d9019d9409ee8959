// @ts-check
'use strict';

const { badRequest } = require('../shared/http/errors');
const { parseIsoTimestamp } = require('./timestamps');

const MAX_LIMIT = 250;
const DEFAULT_LIMIT = 50;

/**
 * `limit` (1–250, default 50) and `page` (from 1, default 1). Anything else
 * → 400 naming the parameter. An empty value counts as absent.
 * @param {import('../shared/http/query').Query} query
 * @returns {{ limit: number, page: number, offset: number }}
 */
function readPaging(query) {
	const limit = readWhole(query.filter('limit'), DEFAULT_LIMIT);
	if (limit === null || limit < 1 || limit > MAX_LIMIT) {
		throw badRequest(`The query parameter 'limit' must be a whole number from 1 to ${MAX_LIMIT}.`);
	}
	const page = readWhole(query.filter('page'), 1);
	if (page === null || page < 1) {
		throw badRequest("The query parameter 'page' must be a whole number from 1 up.");
	}
	return { limit, page, offset: (page - 1) * limit };
}

/**
 * @param {string | undefined} text
 * @param {number} fallback
 * @returns {number | null} null when not a whole number
 */
function readWhole(text, fallback) {
	if (text === undefined) return fallback;
	if (!/^\s*[+-]?\d+\s*$/.test(text)) return null;
	const value = Number(text);
	return Number.isSafeInteger(value) ? value : null;
}

/**
 * `modifiedAfter` as milliseconds (possibly fractional), or undefined when
 * not given. A value without an offset is UTC; an unparseable one → 400.
 * @param {import('../shared/http/query').Query} query
 * @param {string} [name]
 */
function readModifiedAfter(query, name = 'modifiedAfter') {
	const text = query.filter(name);
	if (text === undefined) return undefined;
	const ms = parseIsoTimestamp(text);
	if (ms === null) {
		// A '+' sent unencoded in a query string arrives as a space.
		const hint = / \d{2}(:?\d{2})?$/.test(text) ? " (a '+' in an offset must be sent as %2B)" : '';
		throw badRequest(
			`The query parameter '${name}' must be an ISO-8601 timestamp such as 2026-11-26T17:00:00.000Z${hint}.`,
		);
	}
	return ms;
}

module.exports = { readPaging, readModifiedAfter, MAX_LIMIT, DEFAULT_LIMIT };
