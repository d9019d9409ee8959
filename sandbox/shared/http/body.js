// @ts-check
'use strict';

const { ApiError, badRequest } = require('./errors');

/**
 * Reads the whole request body, refusing bodies larger than `limitBytes`
 * (413) so that a runaway client cannot fill the sandbox's memory.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} limitBytes
 * @returns {Promise<Buffer>}
 */
function readRawBody(req, limitBytes) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		let refused = false;
		req.on('data', (/** @type {Buffer} */ chunk) => {
			if (refused) return;
			size += chunk.length;
			if (size > limitBytes) {
				refused = true;
				reject(new ApiError(413, `The request body is larger than ${limitBytes} bytes.`));
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => {
			if (!refused) resolve(Buffer.concat(chunks));
		});
		req.on('error', reject);
	});
}

/** @param {string | undefined} contentType */
function mediaType(contentType) {
	return (contentType || '').split(';')[0].trim().toLowerCase();
}

/** @param {string | undefined} contentType */
function isJsonMediaType(contentType) {
	const type = mediaType(contentType);
	return type === 'application/json' || type === 'text/json' || type.endsWith('+json');
}

/**
 * The JSON body of an API or control call: `undefined` when there is none.
 * A body sent as something other than JSON is refused with 415, as an
 * ASP.NET API does; a body without a Content-Type is read as JSON.
 * @param {Buffer} raw
 * @param {string | undefined} contentType
 * @param {{ anyContentType?: boolean }} [options] the control API reads JSON whatever
 *   the Content-Type says, because `curl -d` labels JSON as a form
 * @returns {unknown}
 */
function parseJsonBody(raw, contentType, { anyContentType = false } = {}) {
	if (raw.length === 0) return undefined;
	if (!anyContentType && contentType && !isJsonMediaType(contentType)) {
		throw new ApiError(
			415,
			`The request body must be JSON (Content-Type: application/json), not ${mediaType(contentType)}.`,
		);
	}
	try {
		return JSON.parse(raw.toString('utf8'));
	} catch (error) {
		throw badRequest(`The request body is not valid JSON: ${error.message}`);
	}
}

module.exports = { readRawBody, parseJsonBody, mediaType };
