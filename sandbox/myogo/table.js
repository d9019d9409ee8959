// @ts-check
'use strict';

const { ModifiedOrder } = require('./modifiedOrder');

/**
 * @typedef {object} TableRecord
 * @property {number} modifiedMs when the row last changed (sandbox clock)
 * @property {number} seq        stable creation sequence, the tie-breaker
 */

/**
 * @typedef {object} PageQuery
 * @property {number} [modifiedAfterMs] only rows modified strictly later
 * @property {(record: any) => boolean} [matches] extra filter
 * @property {number} offset rows to skip (after filtering)
 * @property {number} limit  rows to return at most
 */

/**
 * One kind of row (products, stock rows, orders, incoming stock), found in
 * O(1) by its key (code or reference) and listed in modification order.
 * @template {TableRecord} R
 */
class Table {
	/** @param {() => void} onChange called after every write, for persistence */
	constructor(onChange) {
		/** @type {Map<string, R>} */
		this.rows = new Map();
		this.order = new ModifiedOrder();
		this.onChange = onChange;
	}

	get size() {
		return this.rows.size;
	}

	/** @param {string} key */
	get(key) {
		return this.rows.get(key);
	}

	/** @param {string} key */
	has(key) {
		return this.rows.has(key);
	}

	/**
	 * @param {string} key
	 * @param {R} record
	 */
	put(key, record) {
		this.rows.set(key, record);
		this.order.upsert(key, record.modifiedMs, record.seq);
		this.onChange();
	}

	/** @param {string} key */
	delete(key) {
		if (!this.rows.delete(key)) return false;
		this.order.delete(key);
		this.onChange();
		return true;
	}

	clear() {
		this.rows.clear();
		this.order.clear();
	}

	/** All rows, in modification order. */
	*inModifiedOrder() {
		for (const entry of this.order.entries) yield /** @type {R} */ (this.rows.get(entry.key));
	}

	/**
	 * One page of rows in modification order.
	 * Without a filter this is a binary search and a slice; with one it walks
	 * from the `modifiedAfter` position and stops as soon as the page is full.
	 * @param {PageQuery} query
	 * @returns {R[]}
	 */
	page({ modifiedAfterMs, matches, offset, limit }) {
		const entries = this.order.entries;
		const start = modifiedAfterMs === undefined ? 0 : this.order.firstIndexAfter(modifiedAfterMs);
		/** @type {R[]} */
		const out = [];
		if (!matches) {
			const from = start + offset;
			const to = Math.min(entries.length, from + limit);
			for (let i = from; i < to; i++) out.push(/** @type {R} */ (this.rows.get(entries[i].key)));
			return out;
		}
		let skipped = 0;
		for (let i = start; i < entries.length && out.length < limit; i++) {
			const record = /** @type {R} */ (this.rows.get(entries[i].key));
			if (!matches(record)) continue;
			if (skipped < offset) skipped++;
			else out.push(record);
		}
		return out;
	}
}

module.exports = { Table };
