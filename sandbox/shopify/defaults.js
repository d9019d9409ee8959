// @ts-check
'use strict';

/**
 * The fake's fixed credentials and port, so the CLI prints the same values every run.
 * They are test values, not secrets: the fake runs on 127.0.0.1 only.
 */
const DEFAULTS = {
	port: 5691,
	host: '127.0.0.1',
	/** The Admin API access token (a custom app's token starts with shpat_). */
	accessToken: 'shpat_fake_admin_api_access_token_0001',
	/** The app's client secret, the webhook HMAC key (and the OAuth client secret). */
	appSecret: 'fake_app_client_secret_0001',
	/** The app's client ID (Shopify also calls it the API key), for the OAuth2 credential. */
	clientId: 'fake_app_client_id_0001',
	/** The token the OAuth flow issues (what n8n's Shopify OAuth2 API credential ends up holding). */
	oauthAccessToken: 'fake_oauth_access_token_0001',
	/** The scopes the app's Dev Dashboard version declares: what the templates need (workflows/README.md). */
	appScopes: [
		'read_orders',
		'read_products',
		'read_inventory',
		'write_inventory',
		'read_merchant_managed_fulfillment_orders',
		'write_merchant_managed_fulfillment_orders',
	],
};

module.exports = { DEFAULTS };
