// @ts-check
'use strict';

const { mediaType } = require('../../shared/http/body');
const { secretEquals } = require('./secrets');

/**
 * `POST /OAuth/Token`: the OAuth2 resource-owner password grant and the
 * refresh-token grant. Form-encoded bodies only. Refusals answer 400 with
 * the OAuth2 error shape `{ error, error_description }` (contract
 * assumption); descriptions never repeat what the client sent, so a secret
 * typed into the wrong field is not echoed back.
 */

/**
 * @param {import('../types').SandboxContext} ctx
 * @param {Buffer} rawBody
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @returns {import('../../shared/http/router').Reply}
 */
function handleTokenRequest(ctx, rawBody, headers) {
	if (mediaType(headers['content-type']) !== 'application/x-www-form-urlencoded') {
		return oauthError(
			'unsupported_grant_type',
			'The token request body must be application/x-www-form-urlencoded; JSON and other bodies are refused.',
		);
	}
	const form = new URLSearchParams(rawBody.toString('utf8'));
	const grantType = form.get('grant_type') || '';
	if (grantType !== 'password' && grantType !== 'refresh_token') {
		return oauthError(
			'unsupported_grant_type',
			'The grant_type must be "password" or "refresh_token".',
		);
	}

	const client = clientCredentials(form, headers);
	const expected = ctx.options.credentials;
	if (
		!secretEquals(client.id, expected.clientId) ||
		!secretEquals(client.secret, expected.clientSecret)
	) {
		return oauthError('invalid_client', 'The client_id or client_secret is not valid.');
	}

	if (grantType === 'password') {
		const usernameOk = secretEquals(form.get('username') || '', expected.merchantId);
		const passwordOk = secretEquals(form.get('password') || '', expected.secretToken);
		if (!usernameOk || !passwordOk) {
			return oauthError(
				'invalid_grant',
				'The Merchant ID (username) or Secret Token (password) is not valid.',
			);
		}
		return tokenReply(ctx.tokens.issue(client.id, form.get('scope') || ''));
	}

	const refreshToken = form.get('refresh_token') || '';
	const record = refreshToken ? ctx.tokens.redeemRefreshToken(refreshToken, client.id) : null;
	if (!record) {
		return oauthError(
			'invalid_grant',
			'The refresh token is not valid: it is unknown, expired or already used.',
		);
	}
	return tokenReply(ctx.tokens.issue(client.id, form.get('scope') || record.scope));
}

/**
 * Client credentials come in the form (what OGOship's clients do) or, as
 * OAuth2 also allows, in an `Authorization: Basic` header.
 * @param {URLSearchParams} form
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
function clientCredentials(form, headers) {
	const basic = /^Basic\s+(\S+)\s*$/i.exec(headers.authorization || '');
	if (basic && !form.has('client_id')) {
		const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon >= 0) {
			return {
				id: decodeFormComponent(decoded.slice(0, colon)),
				secret: decodeFormComponent(decoded.slice(colon + 1)),
			};
		}
	}
	return { id: form.get('client_id') || '', secret: form.get('client_secret') || '' };
}

/** @param {string} value */
function decodeFormComponent(value) {
	try {
		return decodeURIComponent(value.replace(/\+/g, ' '));
	} catch {
		return value;
	}
}

/** @param {object} tokens */
function tokenReply(tokens) {
	return {
		status: 200,
		body: tokens,
		headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
	};
}

/**
 * @param {string} error
 * @param {string} description
 */
function oauthError(error, description) {
	return {
		status: 400,
		body: { error, error_description: description },
		headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
	};
}

module.exports = { handleTokenRequest };
