// @ts-check
'use strict';

/**
 * Keys kept sorted by (modification time, creation sequence): the order every
 * list endpoint answers in (oldest modification first, ties broken by a
 * stable creation sequence).
 *
 * Why a sorted array kept up to date instead of sorting per request: a
 * benchmark pages through 50,000 rows with `modifiedAfter`, and sorting on
 * every page call would cost O(n log n) each time. Here a write costs a
 * binary search plus one memmove of the array tail (tiny even at 50,000
 * rows; and a write with a fresh timestamp lands at the end, so usually it
 * is a push), and a `modifiedAfter` lookup is a binary search.
 */

/**
 * @typedef {object} OrderEntry
 * @property {string} key
 * @property {number} ms  modification time, milliseconds since the epoch
 * @property {number} seq creation sequence; unique within one index
 */

class ModifiedOrder {
	constructor() {
		/** @type {OrderEntry[]} sorted by (ms, seq) */
		this.entries = [];
		/** @type {Map<string, OrderEntry>} */
		this.byKey = new Map();
	}

	get size() {
		return this.entries.length;
	}

	/**
	 * Puts `key` at its place for (ms, seq), moving it if it was already here.
	 * @param {string} key
	 * @param {number} ms
	 * @param {number} seq
	 */
	upsert(key, ms, seq) {
		const old = this.byKey.get(key);
		if (old) {
			if (old.ms === ms && old.seq === seq) return;
			this.entries.splice(this.indexOfEntry(old), 1);
		}
		const entry = { key, ms, seq };
		const at = this.insertionPoint(ms, seq);
		if (at === this.entries.length) this.entries.push(entry);
		else this.entries.splice(at, 0, entry);
		this.byKey.set(key, entry);
	}

	/** @param {string} key */
	delete(key) {
		const old = this.byKey.get(key);
		if (!old) return;
		this.entries.splice(this.indexOfEntry(old), 1);
		this.byKey.delete(key);
	}

	clear() {
		this.entries = [];
		this.byKey.clear();
	}

	/**
	 * The index of the first entry modified strictly after `ms`.
	 * @param {number} ms may carry a fraction of a millisecond
	 */
	firstIndexAfter(ms) {
		let lo = 0;
		let hi = this.entries.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.entries[mid].ms > ms) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}

	/** @param {number} index */
	keyAt(index) {
		return this.entries[index].key;
	}

	/**
	 * The first index whose entry sorts after (ms, seq).
	 * @param {number} ms
	 * @param {number} seq
	 */
	insertionPoint(ms, seq) {
		const last = this.entries[this.entries.length - 1];
		if (!last || compare(last.ms, last.seq, ms, seq) < 0) return this.entries.length;
		let lo = 0;
		let hi = this.entries.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			const e = this.entries[mid];
			if (compare(e.ms, e.seq, ms, seq) > 0) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}

	/** @param {OrderEntry} entry an entry that is in this index */
	indexOfEntry(entry) {
		// (ms, seq) is unique, so the entry sits right before its insertion point.
		const index = this.insertionPoint(entry.ms, entry.seq) - 1;
		if (this.entries[index] !== entry)
			throw new Error(`ModifiedOrder corrupted at key ${entry.key}`);
		return index;
	}
}

/**
 * @param {number} aMs
 * @param {number} aSeq
 * @param {number} bMs
 * @param {number} bSeq
 */
function compare(aMs, aSeq, bMs, bSeq) {
	return aMs === bMs ? aSeq - bSeq : aMs - bMs;
}

module.exports = { ModifiedOrder };
