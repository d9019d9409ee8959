/** Tests run TypeScript straight from source; type errors are caught by `npm run typecheck`. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }],
	},
	testTimeout: 60000,
	setupFilesAfterEnv: ['<rootDir>/test/harness/jestTeardown.ts'],
};
