/** `npm run bench:queue`: the queue-mode benchmark alone (it starts Redis, PostgreSQL and six n8n processes over its run). */
const bench = require('../jest.config.js');

module.exports = {
	...bench,
	roots: ['<rootDir>/bench/queue'],
	testPathIgnorePatterns: [],
	testTimeout: 1800000,
};
