/**
 * The end-to-end tier (`npm run test:e2e`): the built package installed into the pinned real n8n
 * (dev/n8n; with MYOGO_N8N=compat the n8n 2.40 of `npm run test:compat`), driven through n8n's CLI
 * and server against the myOGO sandbox and the store fakes.
 * Slow by nature (real n8n starts, real poll intervals), so it has its own config and runs in band.
 */
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');

module.exports = {
	rootDir: root,
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }],
	},
	// Real n8n processes start (~10 s each) and a live flow waits for real poll intervals (1 minute).
	testTimeout: 240000,
	globalSetup: '<rootDir>/test/e2e/timing.js',
	globalTeardown: '<rootDir>/test/e2e/timing.js',
};
