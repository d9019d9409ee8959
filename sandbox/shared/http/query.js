// @ts-check
'use strict';

/**
 * Query parameters with case-insensitive names and exact values (contract:
 * `modifiedAfter`, `ModifiedAfter` and `modifiedafter` are the same
 * parameter). When a name is repeated, the first value counts.
 */
class Query {
	/** @param {string} rawQuery the part of the URL after `?`, without it */
	constructor(rawQuery) {
		/** @type {Map<string, string>} lower-cased name → value */
		this.values = new Map();
		/** @type {[string, string][]} as sent, for the request log */
		this.pairs = [];
		for (const [name, value] of new URLSearchParams(rawQuery)) {
			this.pairs.push([name, value]);
			const key = name.toLowerCase();
			if (!this.values.has(key)) this.values.set(key, value);
		}
	}

	/**
	 * @param {string} name any case
	 * @returns {string | undefined}
	 */
	get(name) {
		return this.values.get(name.toLowerCase());
	}

	/**
	 * A filter value: an empty value counts as no filter, because form-built
	 * clients send `?code=&reference=` for fields left blank.
	 * @param {string} name
	 */
	filter(name) {
		const value = this.get(name);
		return value === undefined || value === '' ? undefined : value;
	}

	/** @param {string} name */
	isTrue(name) {
		return (this.get(name) || '').toLowerCase() === 'true';
	}
}

module.exports = { Query };
