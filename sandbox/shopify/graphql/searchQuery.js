// @ts-check
'use strict';

/**
 * The subset of Shopify's search syntax (the `query` argument of connections) that the fake
 * understands: `field:value` terms, values quoted with '…' or "…", a trailing `*` for a prefix,
 * `>`, `>=`, `<`, `<=` before a value, `-` or NOT before a term, terms side by side (or AND)
 * must all match, OR between groups of terms. Values compare case-insensitively. As at Shopify,
 * a field the connection does not know is ignored (the term matches everything) and reported
 * as a warning in `extensions.search`; a bare word is matched against the connection's default field.
 */

/**
 * @typedef {object} Term
 * @property {string | null} field
 * @property {string} value
 * @property {'=' | '>' | '>=' | '<' | '<='} op
 * @property {boolean} negate
 */

/**
 * @template T
 * @typedef {Record<string, (row: T) => unknown>} SearchFields field → the row's value for it
 */

/**
 * @template T
 * @typedef {object} CompiledSearch
 * @property {(row: T) => boolean} test
 * @property {{ field: string, message: string }[]} warnings
 * @property {{ field: string, values: string[] } | null} exact when the query is only `f:a OR f:b …`
 *   (one field, plain values): those lower-cased values, so a caller can use an index
 */

const TERM = /^(-)?(?:(\w+):)?(>=|<=|>|<)?(?:'([^']*)'|"([^"]*)"|([^\s()]+))/;

/**
 * @param {string} text
 * @returns {Term[][]} groups joined by OR, terms inside a group joined by AND
 */
function parseSearch(text) {
	/** @type {Term[][]} */
	const groups = [[]];
	let rest = text.trim();
	let negateNext = false;
	while (rest.length) {
		rest = rest.replace(/^[\s()]+/, '');
		if (!rest.length) break;
		const keyword = /^(OR|AND|NOT)(?=[\s(]|$)/.exec(rest);
		if (keyword) {
			if (keyword[1] === 'OR') groups.push([]);
			if (keyword[1] === 'NOT') negateNext = true;
			rest = rest.slice(keyword[0].length);
			continue;
		}
		const m = TERM.exec(rest);
		if (!m) break;
		groups[groups.length - 1].push({
			field: m[2] ? m[2].toLowerCase() : null,
			op: /** @type {Term['op']} */ (m[3] ?? '='),
			value: m[4] ?? m[5] ?? m[6] ?? '',
			negate: Boolean(m[1]) || negateNext,
		});
		negateNext = false;
		rest = rest.slice(m[0].length);
	}
	return groups.filter((group) => group.length);
}

/**
 * @param {unknown} actual
 * @param {Term} term
 * @returns {boolean}
 */
function matches(actual, term) {
	if (Array.isArray(actual)) return actual.some((one) => matches(one, term));
	if (actual === null || actual === undefined) return false;
	if (term.op !== '=') {
		const left = typeof actual === 'number' ? actual : Date.parse(String(actual));
		const right = typeof actual === 'number' ? Number(term.value) : Date.parse(term.value);
		if (Number.isNaN(left) || Number.isNaN(right)) return false;
		return term.op === '>'
			? left > right
			: term.op === '>='
				? left >= right
				: term.op === '<'
					? left < right
					: left <= right;
	}
	const have = String(actual).toLowerCase();
	const want = term.value.toLowerCase();
	return want.endsWith('*') ? have.startsWith(want.slice(0, -1)) : have === want;
}

/**
 * @template T
 * @param {string | null | undefined} text the `query` argument
 * @param {SearchFields<T>} fields
 * @param {string} defaultField used for bare words
 * @returns {CompiledSearch<T>}
 */
function compileSearch(text, fields, defaultField) {
	const groups = text ? parseSearch(text) : [];
	/** @type {{ field: string, message: string }[]} */
	const warnings = [];
	/** @type {{ read: (row: T) => unknown, term: Term }[][]} */
	const compiled = groups.map((group) =>
		group.flatMap((term) => {
			const field = term.field ?? defaultField;
			const read = fields[field];
			if (!read) {
				warnings.push({ field, message: 'Invalid search field for this query.' });
				return [];
			}
			return [{ read, term }];
		}),
	);
	const plain =
		groups.length > 0 &&
		groups.every(
			(g) => g.length === 1 && !g[0].negate && g[0].op === '=' && !g[0].value.endsWith('*'),
		);
	const fieldNames = new Set(groups.map((g) => g[0].field ?? defaultField));
	const exact =
		plain && fieldNames.size === 1 && !warnings.length
			? { field: [...fieldNames][0], values: groups.map((g) => g[0].value.toLowerCase()) }
			: null;
	return {
		warnings,
		exact,
		test: (row) =>
			compiled.length === 0 ||
			compiled.some((group) =>
				group.every(({ read, term }) => matches(read(row), term) !== term.negate),
			),
	};
}

module.exports = { compileSearch, parseSearch };
