// @ts-check
'use strict';

const { ApiError } = require('../../shared/http/errors');
const { secretEquals } = require('./secrets');

/**
 * Lets an API call through when it carries a valid `Authorization: Bearer`
 * access token, or an `X-OgoKey` equal to the merchant's API key (the
 * contract's assumption about OGOship's third method). Otherwise 401 with the
 * error body.
 * @param {import('../types').SandboxContext} ctx
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
function authenticate(ctx, headers) {
	const authorization = headers.authorization || '';
	const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
	let tokenState = null;
	if (bearer) {
		tokenState = ctx.tokens.checkAccessToken(bearer[1]);
		if (tokenState === 'valid') return;
	}
	const apiKey = headers['x-ogokey'];
	if (apiKey !== undefined) {
		if (secretEquals(Array.isArray(apiKey) ? apiKey[0] : apiKey, ctx.options.credentials.apiKey))
			return;
		throw unauthorized('The X-OgoKey header does not hold a valid API key.', 'invalid_token');
	}
	if (tokenState === 'expired')
		throw unauthorized(
			'Authorization has been denied for this request: the access token has expired.',
			'invalid_token',
		);
	if (tokenState === 'invalid')
		throw unauthorized(
			'Authorization has been denied for this request: the access token is not valid.',
			'invalid_token',
		);
	if (authorization)
		throw unauthorized(
			'Authorization has been denied for this request: the Authorization header must be "Bearer <access token>".',
			'invalid_request',
		);
	throw unauthorized(
		'Authorization has been denied for this request: send "Authorization: Bearer <access token>" or an X-OgoKey header.',
	);
}

/**
 * @param {string} message
 * @param {string} [oauthError]
 */
function unauthorized(message, oauthError) {
	const challenge = oauthError ? `Bearer error="${oauthError}"` : 'Bearer';
	return new ApiError(401, message, { 'WWW-Authenticate': challenge });
}

module.exports = { authenticate };
