// @ts-check
'use strict';

const http = require('node:http');

/**
 * An error that becomes an HTTP answer with myOGO's error body:
 * `{ statusCode, statusDescription, message }`.
 */
class ApiError extends Error {
	/**
	 * @param {number} statusCode
	 * @param {string} message
	 * @param {Record<string, string>} [headers] extra response headers (Retry-After, Allow, ...)
	 */
	constructor(statusCode, message, headers) {
		super(message);
		this.statusCode = statusCode;
		this.headers = headers || {};
	}
}

/**
 * @param {number} statusCode
 * @param {string} message
 */
function errorBody(statusCode, message) {
	return { statusCode, statusDescription: http.STATUS_CODES[statusCode] || 'Error', message };
}

/** @param {string} message */
const badRequest = (message) => new ApiError(400, message);
/** @param {string} message */
const notFound = (message) => new ApiError(404, message);
/** @param {string} message */
const conflict = (message) => new ApiError(409, message);

module.exports = { ApiError, errorBody, badRequest, notFound, conflict };
