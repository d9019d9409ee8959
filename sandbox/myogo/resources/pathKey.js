// @ts-check
'use strict';

const { badRequest } = require('../../shared/http/errors');

/**
 * The code or reference named in a path. Codes with `/` or other awkward
 * characters are sent base64url-encoded with `?base64url=true` (contract).
 * @param {string} segment the decoded path segment
 * @param {import('../../shared/http/query').Query} query
 * @param {string} what for the error message, e.g. "product code"
 */
function pathKey(segment, query, what) {
	if (!query.isTrue('base64url')) return segment;
	if (!/^[A-Za-z0-9_-]+={0,2}$/.test(segment)) {
		throw badRequest(
			`The ${what} in the path is not valid base64url, yet base64url=true was given.`,
		);
	}
	const decoded = Buffer.from(segment, 'base64url').toString('utf8');
	if (decoded === '' || decoded.includes('\uFFFD')) {
		throw badRequest(`The ${what} in the path does not decode from base64url to UTF-8 text.`);
	}
	return decoded;
}

module.exports = { pathKey };
