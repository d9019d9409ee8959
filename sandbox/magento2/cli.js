#!/usr/bin/env node
// @ts-check
'use strict';

const { startMagentoFake, DEFAULTS } = require('./index');

const port = Number(process.env.MAGENTO_FAKE_PORT ?? DEFAULTS.port);
startMagentoFake({ port }).then((fake) => {
	process.stdout.write(
		`Magento 2 fake on ${fake.url}\n` +
			`Credential "Magento 2 API": Host ${fake.url}, Access Token ${fake.accessToken}\n` +
			`Control API: ${fake.url}/_fake/ (reset, seed, state, requests, orders, settings, faults, latency)\n`,
	);
	const stop = () => fake.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
});
