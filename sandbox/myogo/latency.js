// @ts-check
'use strict';

const { badRequest } = require('../shared/http/errors');

/**
 * Injected latency (`POST /_sandbox/latency`): every API and token call
 * waits this long before it is handled, so that clients can prove their
 * timeouts and progress reporting work.
 */
class Latency {
	constructor() {
		this.ms = 0;
	}

	/** @param {unknown} body `{ ms }` */
	set(body) {
		const ms =
			body && typeof body === 'object'
				? /** @type {Record<string, unknown>} */ (body).ms
				: undefined;
		if (
			!Number.isInteger(ms) ||
			/** @type {number} */ (ms) < 0 ||
			/** @type {number} */ (ms) > 600000
		) {
			throw badRequest("The field 'ms' must be a whole number of milliseconds from 0 to 600000.");
		}
		this.ms = /** @type {number} */ (ms);
	}

	/** @returns {Promise<void>} */
	wait() {
		return this.ms > 0 ? sleep(this.ms) : Promise.resolve();
	}
}

/** @param {number} ms */
function sleep(ms) {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

module.exports = { Latency, sleep };
