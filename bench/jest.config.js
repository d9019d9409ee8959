/** `npm run bench`: the benchmarks, printed as figures (no timed assertions). Same transform as the tests. */
module.exports = {
	rootDir: '..',
	testEnvironment: 'node',
	roots: ['<rootDir>/bench'],
	testMatch: ['**/*.bench.ts'],
	// The queue-mode benchmark needs Redis and PostgreSQL and takes minutes: `npm run bench:queue`;
	// the day in the shop drives real n8n for about 20 minutes: `npm run bench:day`.
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/bench/queue/', '<rootDir>/bench/day/'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }],
	},
	testTimeout: 900000,
	moduleNameMapper: {
		'^n8n-workflow$': '<rootDir>/node_modules/n8n-workflow',
		'^n8n-core$': '<rootDir>/node_modules/n8n-core',
	},
	setupFilesAfterEnv: ['<rootDir>/test/harness/jestTeardown.ts'],
};
