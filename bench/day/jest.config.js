/** `npm run bench:day`: a day in the shop for each store, full size (real n8n, about 10 minutes a store). */
const path = require('node:path');

const bench = require('../jest.config.js');

module.exports = {
	...bench,
	rootDir: path.resolve(__dirname, '..', '..'),
	roots: ['<rootDir>/bench/day'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 1800000,
};
