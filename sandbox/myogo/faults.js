// @ts-check
'use strict';

const { badRequest } = require('../shared/http/errors');

/**
 * Injected failures (`POST /_sandbox/faults`), so that clients can prove they
 * retry, honour Retry-After and survive dropped connections.
 *
 * A rule fails the next `count` calls whose path starts with `path`
 * (case-insensitive) and, when it names a `method`, that use it (e.g. only
 * the POSTs of `/api/v1/orders`, letting the reads through). Without a `path` a rule covers every `/api/v1` call;
 * the token endpoint is only hit by a rule whose path names it (`/OAuth...`),
 * so a blanket rule never blocks a client from logging in. Rules queue in the
 * order they were added: a call is failed by the oldest rule that covers it.
 *
 * `status: "reset"` (a sandbox extension) destroys the connection without
 * answering, like a crashed proxy.
 */

/**
 * @typedef {object} FaultRule
 * @property {number} id
 * @property {number | 'reset'} status
 * @property {number} remaining calls still to fail
 * @property {number | undefined} retryAfter seconds, sent as a Retry-After header
 * @property {number | undefined} delayMs wait this long before failing
 * @property {string | undefined} path lower-cased path prefix
 * @property {string | undefined} method upper-cased HTTP method, or any
 */

class FaultQueue {
	constructor() {
		/** @type {FaultRule[]} */
		this.rules = [];
		this.nextId = 1;
	}

	/**
	 * Adds a rule from a control request body.
	 * @param {unknown} body
	 * @returns {FaultRule}
	 */
	add(body) {
		if (typeof body !== 'object' || body === null || Array.isArray(body)) {
			throw badRequest(
				'The request body must be a JSON object such as {"status": 503, "count": 2}.',
			);
		}
		const b = /** @type {Record<string, unknown>} */ (body);
		const status = b.status;
		if (
			status !== 'reset' &&
			!(
				Number.isInteger(status) &&
				/** @type {number} */ (status) >= 400 &&
				/** @type {number} */ (status) <= 599
			)
		) {
			throw badRequest(
				'The field \'status\' must be an HTTP error status from 400 to 599, or "reset".',
			);
		}
		const count = b.count === undefined ? 1 : b.count;
		if (!Number.isInteger(count) || /** @type {number} */ (count) < 1) {
			throw badRequest("The field 'count' must be a whole number from 1 up.");
		}
		const retryAfter = optionalWhole(b.retryAfter, 'retryAfter');
		const delayMs = optionalWhole(b.delayMs, 'delayMs');
		let path;
		if (b.path !== undefined && b.path !== null && b.path !== '') {
			if (typeof b.path !== 'string')
				throw badRequest('The field \'path\' must be a string such as "/api/v1/orders".');
			path = (b.path.startsWith('/') ? b.path : `/${b.path}`).toLowerCase();
		}
		if (
			b.method !== undefined &&
			b.method !== null &&
			b.method !== '' &&
			typeof b.method !== 'string'
		) {
			throw badRequest('The field \'method\' must be a string such as "POST".');
		}
		const method =
			typeof b.method === 'string' && b.method !== '' ? b.method.toUpperCase() : undefined;
		/** @type {FaultRule} */
		const rule = {
			id: this.nextId++,
			status: /** @type {number | 'reset'} */ (status),
			remaining: /** @type {number} */ (count),
			retryAfter,
			delayMs,
			path,
			method,
		};
		this.rules.push(rule);
		return rule;
	}

	/**
	 * The rule that fails this call, if any, using up one of its count.
	 * @param {string} rawPath the requested path
	 * @param {string} [method] the request's HTTP method
	 * @returns {FaultRule | null} a copy, safe to keep
	 */
	take(rawPath, method) {
		const path = rawPath.toLowerCase();
		const index = this.rules.findIndex(
			(rule) => (!rule.method || rule.method === method) && covers(rule, path),
		);
		if (index < 0) return null;
		const rule = this.rules[index];
		rule.remaining -= 1;
		if (rule.remaining <= 0) this.rules.splice(index, 1);
		return { ...rule };
	}

	list() {
		return this.rules.map((rule) => ({ ...rule }));
	}

	clear() {
		this.rules = [];
	}
}

/**
 * @param {FaultRule} rule
 * @param {string} path lower-cased
 */
function covers(rule, path) {
	const isTokenPath = path.replace(/\/+$/, '') === '/oauth/token';
	if (isTokenPath)
		return rule.path !== undefined && rule.path.startsWith('/oauth') && path.startsWith(rule.path);
	if (rule.path !== undefined) return path.startsWith(rule.path);
	return path === '/api/v1' || path.startsWith('/api/v1/');
}

/**
 * @param {unknown} value
 * @param {string} name
 */
function optionalWhole(value, name) {
	if (value === undefined || value === null) return undefined;
	if (!Number.isInteger(value) || /** @type {number} */ (value) < 0) {
		throw badRequest(`The field '${name}' must be a whole number from 0 up.`);
	}
	return /** @type {number} */ (value);
}

module.exports = { FaultQueue };
