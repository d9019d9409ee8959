// @ts-check
'use strict';

/**
 * The sandbox's clock. Every timestamp the sandbox stores (editTime,
 * modified, created, the `occurred` of webhook payloads) comes from here, so
 * that a test can freeze time: many rows then share one timestamp, or a row
 * written later gets a timestamp earlier than rows already served — the two
 * situations the contract warns cursor-polling clients about.
 *
 * Token lifetimes deliberately do NOT use this clock (they use real time), so
 * freezing the clock never logs a client out.
 */
class SandboxClock {
	constructor() {
		/** @type {number | null} */
		this.frozenAtMs = null;
	}

	/** @returns {number} milliseconds since the epoch */
	now() {
		return this.frozenAtMs === null ? Date.now() : this.frozenAtMs;
	}

	/** @param {number} ms stop the clock at this instant */
	freeze(ms) {
		this.frozenAtMs = ms;
	}

	/** Back to real time. */
	unfreeze() {
		this.frozenAtMs = null;
	}

	get frozen() {
		return this.frozenAtMs !== null;
	}
}

module.exports = { SandboxClock };
