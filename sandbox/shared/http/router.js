// @ts-check
'use strict';

const { ApiError, badRequest } = require('./errors');

/**
 * A tiny router. Patterns are written like `/api/v1/products/{code}`: the
 * fixed words match case-insensitively (clients send both `/api/v1/orders`
 * and `/Api/v1/Orders`), while `{placeholders}` capture the path segment
 * exactly, percent-decoded (codes and references are case-sensitive). A
 * trailing slash is ignored.
 */

/**
 * @typedef {object} RequestContext
 * @property {string} method
 * @property {string} path         the path as requested (still percent-encoded)
 * @property {Record<string, string>} params decoded `{placeholder}` values
 * @property {import('./query').Query} query
 * @property {unknown} body        the parsed JSON body, undefined when none
 * @property {import('node:http').IncomingHttpHeaders} headers
 * @property {string} [apiVersion] the Shopify fake's answering Admin API version
 */

/**
 * @typedef {object} Reply
 * @property {number} status
 * @property {unknown} [body]
 * @property {Record<string, string>} [headers]
 */

/** @typedef {(request: RequestContext) => Reply | Promise<Reply>} Handler */

/**
 * @typedef {object} Route
 * @property {string} method
 * @property {({ literal: string } | { param: string })[]} segments
 * @property {Handler} handler
 */

class Router {
	constructor() {
		/** @type {Route[]} */
		this.routes = [];
	}

	/**
	 * @param {string} method
	 * @param {string} pattern
	 * @param {Handler} handler
	 */
	add(method, pattern, handler) {
		const segments = splitPath(pattern).map((segment) => {
			const m = /^\{(\w+)\}$/.exec(segment);
			return m ? { param: m[1] } : { literal: segment.toLowerCase() };
		});
		this.routes.push({ method: method.toUpperCase(), segments, handler });
		return this;
	}

	/**
	 * Finds the handler for a call. Throws 405 when the path is known but not
	 * for this method, and answers null when the path is unknown.
	 * @param {string} method
	 * @param {string} rawPath percent-encoded, without the query
	 * @returns {{ handler: Handler, params: Record<string, string> } | null}
	 */
	match(method, rawPath) {
		const parts = splitPath(rawPath);
		/** @type {Set<string>} */
		const allowed = new Set();
		for (const route of this.routes) {
			const params = matchSegments(route.segments, parts);
			if (!params) continue;
			if (route.method === method.toUpperCase()) return { handler: route.handler, params };
			allowed.add(route.method);
		}
		if (allowed.size > 0) {
			const list = [...allowed].join(', ');
			throw new ApiError(405, `The method ${method} is not allowed here; use ${list}.`, {
				Allow: list,
			});
		}
		return null;
	}
}

/** @param {string} path */
function splitPath(path) {
	const parts = path.split('/');
	if (parts[0] === '') parts.shift();
	if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
	return parts;
}

/**
 * @param {Route['segments']} segments
 * @param {string[]} parts
 */
function matchSegments(segments, parts) {
	if (segments.length !== parts.length) return null;
	/** @type {Record<string, string>} */
	const params = {};
	for (let i = 0; i < segments.length; i++) {
		const segment = segments[i];
		if ('literal' in segment) {
			if (parts[i].toLowerCase() !== segment.literal) return null;
		} else {
			params[segment.param] = decodeSegment(parts[i]);
		}
	}
	return params;
}

/** @param {string} segment */
function decodeSegment(segment) {
	try {
		return decodeURIComponent(segment);
	} catch {
		throw badRequest(`The path segment '${segment}' is not valid percent-encoding.`);
	}
}

module.exports = { Router, splitPath };
