import js from '@eslint/js';
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// What ships (package.json, nodes, credentials) gets exactly the rules of n8n's verification scan:
// its own config is imported, so `npm run lint` and `npm run release:check` cannot drift apart.
// The scan config is written for a package folder with nothing else in it, so its entries are
// narrowed here to the shipped files; the rest of the repository gets the generic rule sets
// n8n's community-node tooling (@n8n/node-cli) lints with.
const SHIPPED = ['package.json', 'nodes/**/*.ts', 'credentials/**/*.ts'];
const onlyShipped = (entry) => ({
	...entry,
	files: entry.files
		? entry.files.map((pattern) => pattern.replace(/^\*\*\/(nodes|credentials)\//, '$1/'))
		: SHIPPED,
});

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'dev/**', 'docs/**', 'coverage/**', '.data/**'] },
	{ files: ['**/*.{js,mjs,ts}'], ...js.configs.recommended },
	...tseslint.configs.recommended.map((entry) => ({ ...entry, files: ['**/*.{js,mjs,ts}'] })),
	{
		files: ['**/*.{js,mjs,ts}'],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			'no-console': 'error',
			// `_name` marks a parameter or binding kept for its position (e.g. Express's `next`).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
			],
		},
	},
	{
		// CommonJS scripts: the fakes, the runners and the benchmarks are plain Node programs.
		files: ['**/*.js'],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
	{
		files: ['test/**/*.{js,ts}', 'bench/**/*.{js,ts}'],
		languageOptions: { globals: { ...globals.jest } },
	},
	{
		// Command-line programs: the fakes' CLI and logs, the runners, the benchmarks, and the tests
		// that print the figures they measured. Printing is what they are for.
		files: ['sandbox/**', 'tools/**', 'bench/**', 'test/**', 'gulpfile.js'],
		rules: { 'no-console': 'off' },
	},
	{
		// Tests reach into n8n's internals (execution contexts, node types) that have no public types.
		files: ['test/**/*.ts', 'bench/**/*.ts'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
	...(await buildScanConfig()).map(onlyShipped),
	{
		files: ['nodes/**/*.ts', 'credentials/**/*.ts'],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
		},
	},
];
