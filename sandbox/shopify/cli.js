#!/usr/bin/env node
// @ts-check
'use strict';

const { startShopifyFake, DEFAULTS } = require('./index');

const port = Number(process.env.SHOPIFY_FAKE_PORT ?? DEFAULTS.port);
const quiet = process.argv.includes('--quiet');
startShopifyFake({
	port,
	log: quiet ? undefined : (line) => process.stdout.write(`${line}\n`),
}).then(
	(fake) => {
		process.stdout.write(
			`Shopify fake on ${fake.url}\n` +
				`Admin API:  ${fake.adminUrl}\n` +
				`Credential "Shopify OAuth2 API" (the templates' default): Shop Subdomain ${fake.shopSubdomain}, Client ID ${fake.clientId}, Client Secret ${fake.appSecret}, then "Connect my account"\n` +
				`Credential "Shopify Access Token API" (legacy app): Shop Subdomain ${fake.shopSubdomain}, Access Token ${fake.accessToken}, APP Secret Key ${fake.appSecret}\n` +
				`Certificate: ${fake.caCertPath} (start n8n with NODE_EXTRA_CA_CERTS=${fake.caCertPath})\n` +
				`Control API: ${fake.url}/_fake/ (reset, seed, products, orders, inventory, state, requests, deliveries)\n`,
		);
		const stop = () => fake.close().then(() => process.exit(0));
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	},
	(error) => {
		process.stderr.write(`Shopify fake could not start: ${error.message}\n`);
		process.exit(1);
	},
);
