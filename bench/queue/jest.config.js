/** `npm run bench:queue`: the queue-mode benchmark alone (it starts Redis, PostgreSQL and six n8n processes over its run). */
const path = require('node:path');

const bench = require('../jest.config.js');

module.exports = {
	...bench,
	rootDir: path.resolve(__dirname, '..', '..'),
	roots: ['<rootDir>/bench/queue'],
	testPathIgnorePatterns: ['/node_modules/'],
	testTimeout: 1800000,
};
