// @ts-check
'use strict';

/**
 * An Admin API error answer, with the body Shopify sends: `{ "errors": … }`, where `errors` is a
 * sentence ("Not Found") or an object of field → messages for validation failures (422).
 */
class ShopifyError extends Error {
	/**
	 * @param {number} status
	 * @param {string | Record<string, string[] | string>} errors
	 */
	constructor(status, errors) {
		super(typeof errors === 'string' ? errors : JSON.stringify(errors));
		this.status = status;
		this.errors = errors;
		/** @type {Record<string, string> | undefined} extra answer headers (e.g. Retry-After) */
		this.headers = undefined;
	}
}

const notFound = () => new ShopifyError(404, 'Not Found');
/** @param {Record<string, string[] | string>} fields */
const unprocessable = (fields) => new ShopifyError(422, fields);

module.exports = { ShopifyError, notFound, unprocessable };
