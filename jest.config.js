const N8N_NODE_TIERS = require('./test/n8nNodeTiers');

/**
 * `npm test`'s Jest run, the quick loop: unit and in-process tests against the fakes, no n8n install.
 * Tests run TypeScript straight from source; type errors are caught by `npm run typecheck`.
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// Tiers with their own config: the templates, which run n8n's own nodes from dev/n8n
	// (`npm run test:templates`); end to end in real n8n (`npm run test:e2e`); queue mode
	// (`npm run test:queue`); the reliability
	// suite has its own runner (`npm run test:reliability`). What is left needs no n8n install.
	testPathIgnorePatterns: [
		'/node_modules/',
		...N8N_NODE_TIERS,
		'<rootDir>/test/e2e/',
		'<rootDir>/test/queue/',
		'<rootDir>/test/reliability/',
	],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }],
	},
	testTimeout: 60000,
	// n8n's own nodes (from dev/n8n) must share our one copy of the engine, as inside real n8n.
	moduleNameMapper: {
		'^n8n-workflow$': '<rootDir>/node_modules/n8n-workflow',
		'^n8n-core$': '<rootDir>/node_modules/n8n-core',
	},
	setupFilesAfterEnv: ['<rootDir>/test/harness/jestTeardown.ts'],
};
