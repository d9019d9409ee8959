#!/usr/bin/env node
// Runs the benchmark files (bench/jest.config.js) with the Shopify fake's certificate trusted: Node
// reads NODE_EXTRA_CA_CERTS only at process start, so the certificate is made before Jest starts
// (as tools/run-tests.js does for the tests). Arguments go to Jest: `node tools/run-bench.js bench/stockSync.bench.ts`;
// a leading `-c <config>` replaces bench/jest.config.js (`npm run bench:queue`).
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { ensureCertificate } = require('../sandbox/shopify/certificate');

const args = process.argv.slice(2);
const config =
	args[0] === '-c'
		? path.resolve(args.splice(0, 2)[1])
		: path.join(__dirname, '..', 'bench', 'jest.config.js');

ensureCertificate().then(({ certPath }) => {
	const jest = spawnSync(
		process.execPath,
		[require.resolve('jest/bin/jest'), '-c', config, '--runInBand', ...args],
		{
			cwd: path.resolve(__dirname, '..'),
			stdio: 'inherit',
			env: { ...process.env, NODE_EXTRA_CA_CERTS: certPath },
		},
	);
	process.exit(jest.status ?? 1);
});
