// @ts-check
'use strict';

const { ShopifyError } = require('../errors');

/**
 * The list filters Shopify's REST lists share: ids, since_id and the *_at_min / *_at_max time ranges.
 */

/** @typedef {Record<string, string>} Filters */

/**
 * @param {Filters} filters
 * @param {string} name
 */
function timeFilter(filters, name) {
	const text = filters[name];
	if (text === undefined || text === '') return undefined;
	const time = Date.parse(text);
	if (Number.isNaN(time)) throw new ShopifyError(400, { [name]: ['Invalid value.'] });
	return time;
}

/**
 * A predicate for the filters every list has.
 * @param {Filters} filters
 * @param {string[]} timeFields e.g. ['created_at', 'updated_at']
 * @returns {(row: Record<string, any>) => boolean}
 */
function commonFilter(filters, timeFields) {
	const ids = filters.ids
		? new Set(filters.ids.split(',').map((id) => Number(id.trim())))
		: undefined;
	const sinceId = filters.since_id ? Number(filters.since_id) : undefined;
	const ranges = timeFields.map((field) => ({
		field,
		min: timeFilter(filters, `${field}_min`),
		max: timeFilter(filters, `${field}_max`),
	}));
	return (row) => {
		if (ids && !ids.has(row.id)) return false;
		if (sinceId !== undefined && !(row.id > sinceId)) return false;
		for (const { field, min, max } of ranges) {
			const time = Date.parse(row[field]);
			if (min !== undefined && !(time >= min)) return false;
			if (max !== undefined && !(time <= max)) return false;
		}
		return true;
	};
}

/**
 * A comma-separated list filter: matches when the row's value is one of them (or the filter is
 * absent or `any`).
 * @param {string | undefined} text
 * @param {(value: string, row: Record<string, any>) => boolean} test
 */
function anyOf(text, test) {
	if (!text || text === 'any') return () => true;
	const values = text.split(',').map((v) => v.trim());
	return (/** @type {Record<string, any>} */ row) => values.some((value) => test(value, row));
}

module.exports = { commonFilter, anyOf };
