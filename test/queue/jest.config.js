/**
 * The queue-mode tier (`npm run test:queue`): the built package in the pinned real n8n run as main,
 * webhook processor and two workers over Redis and PostgreSQL (tools/queue/), against the myOGO
 * sandbox and the store fakes. The end-to-end tier's settings, with its own tests and a longer limit:
 * five n8n processes start (~1 minute on a loaded machine), a burst and a catch-up take minutes.
 */
const e2e = require('../e2e/jest.config.js');

module.exports = {
	...e2e,
	roots: ['<rootDir>/test/queue'],
	testTimeout: 900000,
};
