// @ts-check
'use strict';

const crypto = require('node:crypto');

/**
 * Compares a secret in constant time, so the sandbox does not teach clients
 * bad habits by leaking how much of a secret matched.
 * @param {unknown} given
 * @param {string} expected
 */
function secretEquals(given, expected) {
	if (typeof given !== 'string') return false;
	const a = crypto.createHash('sha256').update(given).digest();
	const b = crypto.createHash('sha256').update(expected).digest();
	return crypto.timingSafeEqual(a, b);
}

module.exports = { secretEquals };
