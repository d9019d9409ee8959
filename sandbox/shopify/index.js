// @ts-check
'use strict';

/**
 * A fake of Shopify's Admin API (as served from mid-January 2027: 2026-04 to 2027-01) over HTTPS on 127.0.0.1, for testing the Shopify ⇄ myOGO
 * templates with n8n's own Shopify and Shopify Trigger nodes: REST products, orders, webhooks and
 * locations as those nodes call them, a GraphQL subset (inventory, fulfillment) run by the
 * `graphql` reference implementation, HMAC-signed webhook deliveries, and a control API under
 * `/_fake/`. See sandbox/README.md.
 */

const https = require('node:https');

const { ensureCertificate } = require('./certificate');
const { createContext } = require('./context');
const { createRequestHandler } = require('./app');
const { DEFAULTS } = require('./defaults');
const { PINNED_VERSION, LIVE_VERSIONS, OLDEST_LIVE_VERSION } = require('./versions');

/**
 * @param {{ port?: number, host?: string, accessToken?: string, appSecret?: string, certificateDir?: string, log?: (line: string) => void }} [options]
 */
async function startShopifyFake(options = {}) {
	const certificate = await ensureCertificate(options.certificateDir);
	const ctx = createContext({
		accessToken: options.accessToken ?? DEFAULTS.accessToken,
		appSecret: options.appSecret ?? DEFAULTS.appSecret,
		log: options.log ?? (() => undefined),
	});
	const server = https.createServer(
		{ key: certificate.key, cert: certificate.cert },
		createRequestHandler(ctx),
	);
	server.keepAliveTimeout = 1000;
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, options.host ?? DEFAULTS.host, () => resolve(undefined));
	});
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	const url = `https://127.0.0.1:${port}`;
	const shopSubdomain = `127.0.0.1:${port}/shop/`;
	ctx.urls.url = url;
	ctx.urls.shopDomain = `${shopSubdomain}.myshopify.com`;
	ctx.urls.adminUrl = `${url}/shop/.myshopify.com/admin/api/${PINNED_VERSION}`;

	return {
		url,
		port,
		/** What goes into n8n's Shopify credential "Shop Subdomain". */
		shopSubdomain,
		adminUrl: ctx.urls.adminUrl,
		accessToken: ctx.accessToken,
		appSecret: ctx.appSecret,
		/** The OAuth2 credential's side: client ID, and the token its flow issues. */
		clientId: ctx.clientId,
		oauthAccessToken: ctx.oauthAccessToken,
		caCertPath: certificate.certPath,
		/** Resolves when every webhook delivery queued so far has been attempted. */
		settle: () => ctx.sender.settle(),
		/** The live state (prefer the control API). */
		get shop() {
			return ctx.shop;
		},
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve(undefined));
			}),
	};
}

module.exports = { startShopifyFake, DEFAULTS, PINNED_VERSION, LIVE_VERSIONS, OLDEST_LIVE_VERSION };
