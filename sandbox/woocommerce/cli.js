#!/usr/bin/env node
// @ts-check
'use strict';

const { startWooCommerceFake, DEFAULTS } = require('./index');

const port = Number(process.env.WOOCOMMERCE_FAKE_PORT ?? DEFAULTS.port);
startWooCommerceFake({ port }).then((fake) => {
	process.stdout.write(
		`WooCommerce fake on ${fake.url}\n` +
			`Credential "WooCommerce API": URL ${fake.url}, Consumer Key ${fake.consumerKey}, Consumer Secret ${fake.consumerSecret}\n` +
			`Control API: ${fake.url}/_fake/ (reset, seed, state, requests, deliveries, orders, latency)\n`,
	);
	const stop = () => fake.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
});
