/**
 * `npm run test:browser`: the editor as a person sees it, in headless Chromium against the stack of
 * `npm start`. Kept out of the main Jest run (its files end in `.browser.ts`, not `.test.ts`).
 */
module.exports = {
	rootDir: '../..',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/browser'],
	testMatch: ['**/*.browser.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }],
	},
	// Starting the whole stack (build, sandbox, fakes, n8n, imports) takes a minute or two on 2 cores.
	testTimeout: 600000,
};
