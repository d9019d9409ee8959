#!/usr/bin/env node
// Runs Jest over every test tier that needs no browser, then prints one plain closing line
// ("tests: N passed, N failed, N skipped") that any CI reads, and exits with Jest's code.
const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const { ensureCertificate } = require('../sandbox/shopify/certificate');

const root = path.resolve(__dirname, '..');
const resultsFile = path.join(root, '.data', 'jest-results.json');
mkdirSync(path.dirname(resultsFile), { recursive: true });

// The Shopify fake speaks HTTPS with a self-signed certificate. Node trusts extra CAs only from
// NODE_EXTRA_CA_CERTS read at process start, so the certificate is made before Jest starts.
ensureCertificate().then(
	({ certPath }) => {
		const jest = spawnSync(
			process.execPath,
			[
				require.resolve('jest/bin/jest'),
				'--runInBand',
				'--json',
				`--outputFile=${resultsFile}`,
				...process.argv.slice(2),
			],
			{ cwd: root, stdio: 'inherit', env: { ...process.env, NODE_EXTRA_CA_CERTS: certPath } },
		);
		report(jest.status);
	},
	(error) => {
		console.error(`Could not make the Shopify fake's certificate: ${error.message}`);
		process.exit(1);
	},
);

/** Prints the closing line and exits with Jest's code. */
function report(status) {
	let summary = 'tests: results missing';
	try {
		const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
		const skipped = results.numPendingTests + results.numTodoTests;
		summary = `tests: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${skipped} skipped`;
		if (results.numTotalTests === 0) summary = 'tests: 0 passed, 0 failed (no test ran)';
	} catch {
		// Jest crashed before writing results; its own output says why.
	}
	console.log(summary);
	process.exit(status ?? 1);
}
