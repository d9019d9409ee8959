/**
 * The reliability and security suite (npm run test:reliability). Same transform and module map as the
 * unit tiers; one file at a time (they share the 2-core machine and inject faults with real waits).
 */
const base = require('../../jest.config.js');

module.exports = {
	...base,
	rootDir: '../..',
	roots: ['<rootDir>/test/reliability'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 120000,
};
