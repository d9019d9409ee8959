// @ts-check
'use strict';

/**
 * The Admin API versions the fake serves, and what it does with a version it no longer serves.
 *
 * The fake plays Shopify as it is from mid-January 2027, when 2026-01 is retired: the oldest
 * version still served is 2026-04, the first one in which `inventorySetQuantities` requires
 * `changeFromQuantity` and the `@idempotent` directive. A request naming a retired version (such as
 * the `2024-07` that n8n 2.8's Shopify node and trigger hard-code) does not fail: it is answered by
 * the oldest served version, and the `X-Shopify-API-Version` header says which one answered.
 * A name that is not a version at all, or a version newer than any served one, is a 404.
 */

/** Oldest first. 2027-01 is a release candidate in December 2026 and stable from January 2027. */
const LIVE_VERSIONS = ['2026-04', '2026-07', '2026-10', '2027-01'];
const OLDEST_LIVE_VERSION = LIVE_VERSIONS[0];
/** The version the templates pin (their Settings node); the fake's own URLs use it too. */
const PINNED_VERSION = '2026-10';
const VERSION_NAME = /^\d{4}-(?:01|04|07|10)$/;

/**
 * The version that answers a request naming `requested`, or null when none does.
 * @param {string} requested
 */
function servedVersion(requested) {
	if (LIVE_VERSIONS.includes(requested)) return requested;
	if (VERSION_NAME.test(requested) && requested < OLDEST_LIVE_VERSION) return OLDEST_LIVE_VERSION;
	return null;
}

module.exports = { LIVE_VERSIONS, OLDEST_LIVE_VERSION, PINNED_VERSION, servedVersion };
