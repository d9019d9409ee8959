/** Tests run TypeScript straight from source; type errors are caught by `npm run typecheck`. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	// Tiers with their own config: end-to-end runs real n8n (`npm run test:e2e`); the reliability
	// suite has its own runner (`npm run test:reliability`).
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/reliability/'],
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
