// @ts-check
'use strict';

const crypto = require('node:crypto');

const { ShopifyError } = require('./errors');

/**
 * The two OAuth calls n8n's *Shopify OAuth2 API* credential makes when a merchant clicks
 * "Connect my account" (authorization-code grant, as for an app made in Shopify's Dev Dashboard):
 * - `GET /admin/oauth/authorize?client_id&redirect_uri&state&scope`: Shopify shows its grant
 *   screen; the fake grants at once and redirects to `redirect_uri` with `code`, `state`, `shop`.
 * - `POST /admin/oauth/access_token` `{ client_id, client_secret, code }` (form or JSON): a code is
 *   good once; the answer is `{ access_token, scope }`. The scopes are the app's, as configured in
 *   its Dev Dashboard version, not the `scope` the request asked for (n8n's credential asks for a
 *   fixed orders+products set it does not let anyone change).
 * The token issued is the fake's `oauthAccessToken`, accepted by every Admin API call alongside
 * the legacy app's `accessToken`.
 */

/** @typedef {import('./context').FakeContext} FakeContext */

/**
 * @param {import('../shared/http/router').Router} router
 * @param {FakeContext} ctx
 */
function registerOAuthRoutes(router, ctx) {
	/** Codes handed out and not yet exchanged. */
	const openCodes = new Set();

	router.add('GET', '/admin/oauth/authorize', ({ query }) => {
		if (query.get('client_id') !== ctx.clientId)
			throw new ShopifyError(400, 'Oauth error invalid_request: The client_id is not valid.');
		const redirect = query.get('redirect_uri');
		if (!redirect || !/^https?:\/\//.test(redirect))
			throw new ShopifyError(
				400,
				'Oauth error invalid_request: The redirect_uri is missing or not valid.',
			);
		const code = crypto.randomBytes(16).toString('hex');
		openCodes.add(code);
		const target = new URL(redirect);
		target.searchParams.set('code', code);
		target.searchParams.set('shop', ctx.urls.shopDomain);
		const state = query.get('state');
		if (state) target.searchParams.set('state', state);
		target.searchParams.set('timestamp', String(Math.floor(Date.now() / 1000)));
		return { status: 302, headers: { Location: target.toString() } };
	});

	router.add('POST', '/admin/oauth/access_token', ({ body }) => {
		const form = /** @type {Record<string, unknown>} */ (body ?? {});
		if (form.client_id !== ctx.clientId || form.client_secret !== ctx.appSecret) {
			throw new ShopifyError(400, {
				error: 'invalid_client',
				error_description: 'Client credentials are invalid',
			});
		}
		if (typeof form.code !== 'string' || !openCodes.delete(form.code)) {
			throw new ShopifyError(400, {
				error: 'invalid_request',
				error_description: 'The authorization code was not found or was already used',
			});
		}
		return {
			status: 200,
			body: { access_token: ctx.oauthAccessToken, scope: ctx.appScopes.join(',') },
		};
	});
}

module.exports = { registerOAuthRoutes };
