// @ts-check
'use strict';

const fs = require('node:fs');
const path = require('node:path');

/**
 * Keeps the store in a JSON file: loaded once at start, saved after changes.
 * Saves are batched (at most one per `delayMs`) because a benchmark makes
 * thousands of changes a second and the file can hold 50,000 products;
 * `flush()` writes whatever is pending, and the sandbox calls it on close.
 * Each save goes to a temporary file that is then renamed over the old one,
 * so a crash mid-write never leaves a half-written data file.
 */
class Persistence {
	/**
	 * @param {object} options
	 * @param {string} options.file
	 * @param {import('./store').Store} options.store
	 * @param {number} options.delayMs
	 * @param {(line: string) => void} options.log
	 */
	constructor({ file, store, delayMs, log }) {
		this.file = path.resolve(file);
		this.store = store;
		this.delayMs = delayMs;
		this.log = log;
		/** @type {NodeJS.Timeout | null} */
		this.timer = null;
		this.dirty = false;
		/** @type {Promise<void>} the save in progress, if any */
		this.writing = Promise.resolve();
	}

	/**
	 * Loads the file into the store, if the file exists.
	 * A file that cannot be read as sandbox data stops the start: silently
	 * starting empty would overwrite someone's data on the next save.
	 * @returns {boolean} whether anything was loaded
	 */
	load() {
		if (!fs.existsSync(this.file)) return false;
		const text = fs.readFileSync(this.file, 'utf8');
		let snapshot;
		try {
			snapshot = JSON.parse(text);
		} catch (error) {
			throw new Error(`the sandbox data file ${this.file} is not valid JSON: ${error.message}`);
		}
		this.store.restore(snapshot);
		this.log(
			`loaded ${this.store.products.size} products and ${this.store.orders.size} orders from ${this.file}`,
		);
		return true;
	}

	/** Called after every change: a save happens within `delayMs`. */
	schedule() {
		this.dirty = true;
		if (this.timer) return;
		this.timer = setTimeout(() => {
			this.timer = null;
			void this.saveNow();
		}, this.delayMs);
		this.timer.unref();
	}

	/** Writes pending changes now and waits for every write to finish. */
	async flush() {
		if (this.timer) {
			clearTimeout(this.timer);
			this.timer = null;
		}
		await this.saveNow();
	}

	/** Saves if anything changed, one write at a time. */
	saveNow() {
		this.writing = this.writing.then(async () => {
			if (!this.dirty) return;
			this.dirty = false;
			const text = JSON.stringify(this.store.snapshot());
			const temporary = `${this.file}.${process.pid}.tmp`;
			try {
				await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
				await fs.promises.writeFile(temporary, text);
				await fs.promises.rename(temporary, this.file);
			} catch (error) {
				this.dirty = true; // try again with the next change or on close
				this.log(`could not save the sandbox data file ${this.file}: ${error.message}`);
			}
		});
		return this.writing;
	}
}

module.exports = { Persistence };
