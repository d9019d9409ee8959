// @ts-check
'use strict';

/**
 * The log of API and token calls (`GET /_sandbox/requests`), so that tests
 * can check what a client really sent: how many calls, which filters, which
 * retries. It must never hold a secret, token or key: only method, path,
 * query and status are kept (no headers, no bodies), query values under
 * token-ish names are replaced, and any value or path that contains a known
 * secret or a token this sandbox issued is scrubbed as well.
 */

const REDACTED = '[redacted]';

/** Query parameter names whose values are never logged. */
const SECRET_NAME =
	/token|secret|password|passwd|pwd|key|auth|signature|hmac|credential|session|code_verifier/i;

/** Something shaped like a JWT (three base64url parts). */
const JWT_SHAPE = /[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;

/**
 * @typedef {object} RequestLogEntry
 * @property {number} seq    1, 2, 3, ... (for `?since=`)
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string | string[]>} query
 * @property {number | null} status null while the call is in progress; 0 for an injected connection reset
 * @property {string} time   when the call arrived (real time, UTC)
 * @property {number | null} durationMs
 * @property {boolean} [fault] true when the answer was an injected fault
 */

class RequestLog {
	/**
	 * @param {object} options
	 * @param {number} options.limit keep at most this many newest entries
	 * @param {() => string[]} options.knownSecrets the secrets that must never appear
	 * @param {(value: string) => boolean} options.isIssuedToken
	 */
	constructor({ limit, knownSecrets, isIssuedToken }) {
		this.limit = limit;
		this.knownSecrets = knownSecrets;
		this.isIssuedToken = isIssuedToken;
		/** @type {RequestLogEntry[]} */
		this.entries = [];
		this.nextSeq = 1;
	}

	/**
	 * @param {string} method
	 * @param {string} path
	 * @param {[string, string][]} queryPairs
	 * @returns {RequestLogEntry}
	 */
	begin(method, path, queryPairs) {
		/** @type {Record<string, string | string[]>} */
		const query = {};
		for (const [name, value] of queryPairs) {
			const safe = SECRET_NAME.test(name) ? REDACTED : this.scrub(value);
			const previous = query[name];
			if (previous === undefined) query[name] = safe;
			else query[name] = Array.isArray(previous) ? [...previous, safe] : [previous, safe];
		}
		/** @type {RequestLogEntry} */
		const entry = {
			seq: this.nextSeq++,
			method,
			path: this.scrub(path),
			query,
			status: null,
			time: new Date().toISOString(),
			durationMs: null,
		};
		this.entries.push(entry);
		// Drop the oldest tenth at once, so trimming stays cheap per call.
		if (this.entries.length > this.limit)
			this.entries.splice(0, Math.max(1, Math.floor(this.limit / 10)));
		return entry;
	}

	/**
	 * @param {RequestLogEntry} entry
	 * @param {number} status
	 * @param {boolean} [fault]
	 */
	finish(entry, status, fault = false) {
		if (entry.status !== null) return;
		entry.status = status;
		entry.durationMs = Date.now() - Date.parse(entry.time);
		if (fault) entry.fault = true;
	}

	/**
	 * @param {number} [sinceSeq] only entries after this sequence number
	 */
	list(sinceSeq = 0) {
		const firstSeq = this.entries.length ? this.entries[0].seq : this.nextSeq;
		const from = Math.max(0, sinceSeq - firstSeq + 1);
		return this.entries.slice(from);
	}

	clear() {
		this.entries = [];
		this.nextSeq = 1;
	}

	/**
	 * Replaces known secrets and issued tokens inside a value.
	 * @param {string} value
	 */
	scrub(value) {
		if (!value) return value;
		if (this.isIssuedToken(value)) return REDACTED;
		let out = value.replace(JWT_SHAPE, REDACTED);
		for (const secret of this.knownSecrets()) {
			if (secret && out.includes(secret)) out = out.split(secret).join(REDACTED);
		}
		return out;
	}
}

module.exports = { RequestLog, REDACTED };
