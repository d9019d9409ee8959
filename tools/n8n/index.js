// @ts-check
'use strict';

/**
 * Runs the pinned real n8n (dev/n8n) with this repo's package installed as a community package:
 * used by `npm start` (tools/start.js) and the end-to-end tests (test/e2e/).
 */

module.exports = {
	...require('./environment'),
	...require('./installPackage'),
	...require('./cli'),
	...require('./server'),
	...require('./owner'),
	...require('./executions'),
	...require('./logProblems'),
	...require('./templates'),
	...require('./localCredentials'),
};
