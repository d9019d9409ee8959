// @ts-check
'use strict';

/**
 * Magento's `searchCriteria` query (PHP bracket notation): filter groups (AND of groups, OR inside a
 * group), sort orders, page size and current page, and the Web API input limits on lists and page
 * sizes. `searchCriteria` and `search_criteria` are both read, with camelCase or snake_case keys.
 */

const { MagentoError } = require('./model');

/** Magento's maximum page size with input limits on, and the page size it uses when none is given. */
const MAX_PAGE_SIZE = 300;
const DEFAULT_PAGE_SIZE = 20;
/** Magento's `webapi/validation/complex_array_limit`: entries of one list in one request. */
const MAX_LIST_ENTRIES = 20;

/** @typedef {Record<string, any>} Obj */

/** `filter_groups` → `filterGroups`. @param {string} key */
const camel = (key) => key.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/**
 * The query string as PHP reads it: `a[b][0][c]=v` → `{ a: { b: { 0: { c: 'v' } } } }`.
 * @param {URLSearchParams} params
 */
function parseBrackets(params) {
	/** @type {Obj} */
	const root = {};
	for (const [name, value] of params) {
		const m = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(name);
		if (!m) continue;
		const keys = [m[1], ...[...m[2].matchAll(/\[([^[\]]*)\]/g)].map((k) => k[1])].map(camel);
		let node = root;
		keys.forEach((key, i) => {
			if (i === keys.length - 1) node[key] = value;
			else node = node[key] = typeof node[key] === 'object' ? node[key] : {};
		});
	}
	return root;
}

/** `{0: a, 1: b}` or `[a, b]` → `[a, b]`. @param {unknown} value @returns {Obj[]} */
const entries = (value) =>
	value && typeof value === 'object' ? Object.values(/** @type {Obj} */ (value)) : [];

/** @param {unknown} a @param {unknown} b */
function compare(a, b) {
	const x = Number(a);
	const y = Number(b);
	if (a !== '' && b !== '' && a !== null && !Number.isNaN(x) && !Number.isNaN(y)) return x - y;
	return String(a ?? '').localeCompare(String(b ?? ''));
}

/** @param {unknown} actual @param {string} condition @param {string} value */
function matches(actual, condition, value) {
	switch (condition) {
		case 'eq':
			return compare(actual, value) === 0;
		case 'neq':
			return compare(actual, value) !== 0;
		case 'gt':
			return compare(actual, value) > 0;
		case 'gteq':
		case 'from':
			return compare(actual, value) >= 0;
		case 'lt':
			return compare(actual, value) < 0;
		case 'lteq':
		case 'to':
			return compare(actual, value) <= 0;
		case 'in':
			return value.split(',').some((v) => compare(actual, v.trim()) === 0);
		case 'nin':
			return !value.split(',').some((v) => compare(actual, v.trim()) === 0);
		case 'like': {
			const pattern = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*');
			return new RegExp(`^${pattern}$`, 'i').test(String(actual ?? ''));
		}
		case 'null':
			return actual === null || actual === undefined;
		case 'notnull':
			return actual !== null && actual !== undefined;
		default:
			throw new MagentoError(400, 'Invalid condition type: %1', [condition]);
	}
}

/**
 * Reads the search criteria of a list call.
 * @param {URLSearchParams} params @param {{ inputLimits: boolean }} settings
 */
function readSearchCriteria(params, settings) {
	const parsed = parseBrackets(params);
	const criteria = parsed.searchCriteria ?? {};
	const groups = entries(criteria.filterGroups).map((group) =>
		entries(group.filters).map((f) => ({
			field: String(f.field ?? ''),
			value: String(f.value ?? ''),
			condition: String(f.conditionType ?? 'eq'),
		})),
	);
	const sortOrders = entries(criteria.sortOrders).map((s) => ({
		field: String(s.field ?? ''),
		descending: String(s.direction ?? 'ASC').toUpperCase() === 'DESC',
	}));
	let pageSize = criteria.pageSize === undefined ? undefined : Number(criteria.pageSize);
	if (settings.inputLimits) {
		if (pageSize !== undefined && pageSize > MAX_PAGE_SIZE)
			throw new MagentoError(400, 'Maximum SearchCriteria pageSize is %max', {
				max: MAX_PAGE_SIZE,
			});
		pageSize ??= DEFAULT_PAGE_SIZE;
	}
	const currentPage = criteria.currentPage === undefined ? 1 : Number(criteria.currentPage);
	return { groups, sortOrders, pageSize, currentPage };
}

/**
 * Applies the criteria to rows: Magento's search result `{ items, search_criteria, total_count }`.
 * A current page past the last one answers the last page again (a Magento collection clamps the page
 * number), so a client must stop on `total_count` or on a short page.
 * @param {Obj[]} rows @param {ReturnType<typeof readSearchCriteria>} criteria
 * @param {(row: Obj, field: string) => unknown} [fieldOf]
 */
function search(rows, criteria, fieldOf = (row, field) => row[field]) {
	let found = rows.filter((row) =>
		criteria.groups.every(
			(group) =>
				group.length === 0 ||
				group.some((f) => matches(fieldOf(row, f.field), f.condition, f.value)),
		),
	);
	for (const order of [...criteria.sortOrders].reverse()) {
		found = [...found].sort((a, b) => {
			const c = compare(fieldOf(a, order.field), fieldOf(b, order.field));
			return order.descending ? -c : c;
		});
	}
	const total = found.length;
	let items = found;
	if (criteria.pageSize !== undefined && criteria.pageSize > 0) {
		const lastPage = Math.max(1, Math.ceil(total / criteria.pageSize));
		const page = Math.min(Math.max(1, criteria.currentPage), lastPage);
		items = found.slice((page - 1) * criteria.pageSize, page * criteria.pageSize);
	}
	return { items, search_criteria: echo(criteria), total_count: total };
}

/**
 * The criteria as Magento echoes them in a search result (snake_case; `current_page` as asked).
 * @param {ReturnType<typeof readSearchCriteria>} criteria
 */
function echo(criteria) {
	return {
		filter_groups: criteria.groups.map((group) => ({
			filters: group.map((f) => ({ field: f.field, value: f.value, condition_type: f.condition })),
		})),
		...(criteria.sortOrders.length
			? {
					sort_orders: criteria.sortOrders.map((o) => ({
						field: o.field,
						direction: o.descending ? 'DESC' : 'ASC',
					})),
				}
			: {}),
		...(criteria.pageSize === undefined ? {} : { page_size: criteria.pageSize }),
		current_page: criteria.currentPage,
	};
}

/**
 * With input limits on, a list in a request body holds at most 20 entries.
 * @param {unknown[]} list @param {string} type @param {{ inputLimits: boolean }} settings
 */
function checkListLimit(list, type, settings) {
	if (settings.inputLimits && list.length > MAX_LIST_ENTRIES)
		throw new MagentoError(400, 'Maximum items of type "%type" is %max', {
			type,
			max: MAX_LIST_ENTRIES,
		});
}

module.exports = {
	MAX_PAGE_SIZE,
	DEFAULT_PAGE_SIZE,
	MAX_LIST_ENTRIES,
	parseBrackets,
	readSearchCriteria,
	search,
	checkListLimit,
};
