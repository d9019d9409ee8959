// @ts-check
'use strict';

/**
 * Shopify's two ways of naming one object: the numeric id of the REST API and the global id
 * (`gid://shopify/Product/123`) of the GraphQL API, which REST objects also carry as
 * `admin_graphql_api_id`.
 */

/**
 * @param {string} type e.g. 'Product', 'ProductVariant', 'InventoryItem'
 * @param {number | string} id
 */
function gid(type, id) {
	return `gid://shopify/${type}/${id}`;
}

/**
 * The numeric id inside a global id of the expected type, or null when the text is not one.
 * Shopify ignores a query string after the id (InventoryLevel ids carry one).
 * @param {unknown} value
 * @param {string} type
 * @returns {number | null}
 */
function parseGid(value, type) {
	if (typeof value !== 'string') return null;
	const m = /^gid:\/\/shopify\/(\w+)\/(\d+)(\?.*)?$/.exec(value);
	if (!m || m[1] !== type) return null;
	return Number(m[2]);
}

module.exports = { gid, parseGid };
