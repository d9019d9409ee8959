/**
 * The template tier (`npm run test:templates`): the workflow templates and the harness checks that
 * run n8n's own nodes (store nodes, Set, Merge…) from the pinned n8n installed in dev/n8n, next to
 * ours, in-process. Same settings as `npm test`'s Jest run, over these folders only.
 */
const path = require('node:path');

const quickLoop = require('../../jest.config');
const N8N_NODE_TIERS = require('../n8nNodeTiers');

module.exports = {
	...quickLoop,
	rootDir: path.resolve(__dirname, '..', '..'),
	roots: N8N_NODE_TIERS.map((folder) => folder.replace(/\/$/, '')),
	testPathIgnorePatterns: ['/node_modules/'],
};
