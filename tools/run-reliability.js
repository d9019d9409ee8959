#!/usr/bin/env node
// npm run test:reliability: runs the fault, webhook, bad-input and stock tests, then the security scan
// over everything they left (it must run last), and prints ONE final line summed from what the tests
// observed (.data/reliability/observations.jsonl). Exits non-zero when a test failed or any of
// lost / duplicated / stale stock writes / secret leaks / tracking codes shipped but not delivered is not 0.
'use strict';

const { spawn } = require('node:child_process');
const { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } = require('node:fs');
const path = require('node:path');

const { ensureCertificate } = require('../sandbox/shopify/certificate');

const root = path.resolve(__dirname, '..');
const data = path.join(root, '.data', 'reliability');
const config = path.join('test', 'reliability', 'jest.config.js');
const outputLog = path.join(data, 'jest-output.log');

/**
 * Runs Jest, showing its output and keeping a copy for the secret scan. Resolves to its exit code.
 * The Shopify fake's self-signed certificate is trusted through NODE_EXTRA_CA_CERTS (read at start).
 */
function jest(args, resultsFile, certPath) {
	const child = spawn(
		process.execPath,
		[
			require.resolve('jest/bin/jest'),
			'-c',
			config,
			'--runInBand',
			'--json',
			`--outputFile=${resultsFile}`,
			...args,
		],
		{
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, NODE_EXTRA_CA_CERTS: certPath },
		},
	);
	for (const [stream, target] of [
		[child.stdout, process.stdout],
		[child.stderr, process.stderr],
	]) {
		stream.on('data', (chunk) => {
			target.write(chunk);
			appendFileSync(outputLog, chunk);
		});
	}
	return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

function sumObservations() {
	const file = path.join(data, 'observations.jsonl');
	const total = {
		faultsInjected: 0,
		ordersSent: 0,
		ordersInMyOgo: 0,
		lost: 0,
		duplicated: 0,
		staleStockWrites: 0,
		secretLeaks: 0,
		trackingShipped: 0,
		trackingDelivered: 0,
		tests: 0,
	};
	if (!existsSync(file)) return total;
	for (const line of readFileSync(file, 'utf8').split('\n')) {
		if (!line.trim()) continue;
		const observation = JSON.parse(line);
		total.tests++;
		for (const key of Object.keys(total))
			if (key !== 'tests') total[key] += Number(observation[key] ?? 0);
	}
	return total;
}

async function main() {
	const started = Date.now();
	rmSync(data, { recursive: true, force: true });
	mkdirSync(data, { recursive: true });
	const { certPath } = await ensureCertificate();
	const faults = await jest(
		[
			'--testPathIgnorePatterns',
			'/node_modules/',
			'security\\.test\\.ts$',
			...process.argv.slice(2),
		],
		path.join(data, 'jest-faults.json'),
		certPath,
	);
	const security = await jest(
		['test/reliability/security.test.ts'],
		path.join(data, 'jest-security.json'),
		certPath,
	);
	const total = sumObservations();
	const seconds = ((Date.now() - started) / 1000).toFixed(0);
	console.log(
		`reliability: ${total.tests} observations, jest exit ${faults}/${security}, ${seconds} s`,
	);
	console.log(
		`faults injected: ${total.faultsInjected}, orders sent: ${total.ordersSent}, orders in myOGO: ${total.ordersInMyOgo}, ` +
			`lost: ${total.lost}, duplicated: ${total.duplicated}, stale stock writes: ${total.staleStockWrites}, secret leaks: ${total.secretLeaks}, ` +
			`tracking codes delivered: ${total.trackingDelivered} of ${total.trackingShipped} shipped`,
	);
	const undelivered = total.trackingShipped - total.trackingDelivered;
	const broken =
		total.lost ||
		total.duplicated ||
		total.staleStockWrites ||
		total.secretLeaks ||
		undelivered ||
		total.tests === 0;
	process.exit(faults !== 0 || security !== 0 || broken ? 1 : 0);
}

main();
