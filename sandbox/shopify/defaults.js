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
	/** The app's client secret, the webhook HMAC key. */
	appSecret: 'fake_app_client_secret_0001',
};

module.exports = { DEFAULTS };
