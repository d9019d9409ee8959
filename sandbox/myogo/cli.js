#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * Runs the myOGO sandbox in a terminal:
 *   node sandbox/cli.js [--seed] [--quiet]
 * Environment: MYOGO_SANDBOX_PORT (default 5690), MYOGO_SANDBOX_HOST
 * (default 127.0.0.1), MYOGO_SANDBOX_DATA (a JSON file to keep the data in).
 */

const { startSandbox } = require('./index');
const { demoShop } = require('./seed/demoShop');

const DEFAULT_CLI_PORT = 5690;

async function main() {
	const args = process.argv.slice(2);
	const unknown = args.filter((a) => !['--seed', '--quiet', '--help', '-h'].includes(a));
	if (args.includes('--help') || args.includes('-h') || unknown.length > 0) {
		if (unknown.length > 0) console.error(`unknown option: ${unknown.join(' ')}`);
		console.log('usage: node sandbox/cli.js [--seed] [--quiet]');
		console.log(
			'  --seed   load a small demo shop (products, stock, orders) when the sandbox is empty',
		);
		console.log('  --quiet  do not print a line per API call');
		console.log(
			'env: MYOGO_SANDBOX_PORT (5690), MYOGO_SANDBOX_HOST (127.0.0.1), MYOGO_SANDBOX_DATA (data file)',
		);
		process.exit(unknown.length > 0 ? 2 : 0);
	}
	const quiet = args.includes('--quiet');
	const portText = process.env.MYOGO_SANDBOX_PORT;
	const port = portText === undefined || portText === '' ? DEFAULT_CLI_PORT : Number(portText);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`MYOGO_SANDBOX_PORT must be a port number, not '${portText}'`);
		process.exit(2);
	}
	const stamp = () => new Date().toISOString().slice(11, 23);
	const sandbox = await startSandbox({
		port,
		host: process.env.MYOGO_SANDBOX_HOST || undefined,
		dataFile: process.env.MYOGO_SANDBOX_DATA || undefined,
		log: quiet ? undefined : (line) => console.log(`${stamp()} ${line}`),
	});

	if (args.includes('--seed')) {
		if (sandbox.store.products.size > 0) {
			console.log('The sandbox already holds data; --seed skipped.');
		} else {
			const response = await fetch(`${sandbox.url}/_sandbox/seed`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify(demoShop),
			});
			const result =
				/** @type {{ products: number, orders: number, incomingStock: number, message?: string }} */ (
					await response.json()
				);
			if (!response.ok) throw new Error(`seeding failed: ${result.message}`);
			console.log(
				`Seeded the demo shop: ${result.products} products, ${result.orders} orders, ${result.incomingStock} incoming deliveries.`,
			);
		}
	}

	const c = sandbox.credentials;
	console.log('');
	console.log(`myOGO sandbox running at ${sandbox.url}`);
	console.log('');
	console.log('Paste into the n8n "myOGO API" credential:');
	console.log('  Environment:    Custom');
	console.log(`  Token Base URL: ${sandbox.url}`);
	console.log(`  API Base URL:   ${sandbox.url}`);
	console.log(`  Merchant ID:    ${c.merchantId}`);
	console.log(`  Secret Token:   ${c.secretToken}`);
	console.log(`  Client ID:      ${c.clientId}`);
	console.log(`  Client Secret:  ${c.clientSecret}`);
	console.log(`  (X-OgoKey API key: ${c.apiKey})`);
	console.log('');
	console.log(`Control API:      ${sandbox.url}/_sandbox  (loopback only; see sandbox/README.md)`);
	if (process.env.MYOGO_SANDBOX_DATA)
		console.log(`Data file:        ${process.env.MYOGO_SANDBOX_DATA}`);
	console.log('Stop with Ctrl+C.');

	let stopping = false;
	/** @param {string} signal */
	const stop = async (signal) => {
		if (stopping) return;
		stopping = true;
		console.log(`\n${signal}: stopping the sandbox...`);
		await sandbox.close();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop('SIGINT'));
	process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
	console.error(`myOGO sandbox could not start: ${error.message}`);
	process.exit(1);
});
