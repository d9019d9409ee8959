// @ts-check
'use strict';

/**
 * Where the pinned real n8n lives, and the environment it runs with: one user folder per
 * instance (under the repo's ignored `.data/`), loopback only, no telemetry, no version checks,
 * no calls to n8n.io, so a run needs no network.
 */

const path = require('node:path');

const { DATA_DIR, REPO_ROOT, selectedN8n } = require('./pinned');

/** The pinned n8n this run uses (MYOGO_N8N, see pinned.js). */
const PINNED = selectedN8n();
const N8N_PACKAGE_DIR = path.join(PINNED.dir, 'node_modules', 'n8n');
/** n8n's own launcher script (the `.bin/n8n` link points at it), run with N8N_NODE. */
const N8N_BIN = path.join(N8N_PACKAGE_DIR, 'bin', 'n8n');
/** The Node binary n8n runs with. */
const N8N_NODE = PINNED.node;
/** Where this n8n's instances keep their user folders. */
const N8N_DATA_DIR = PINNED.dataDir;

/** A fixed key for development data only: credentials in `.data/` are demo values for local fakes. */
const DEV_ENCRYPTION_KEY = 'n8n-nodes-myogo-dev-only-key';

/**
 * @typedef {object} N8nInstanceOptions
 * @property {string} userFolder  becomes N8N_USER_FOLDER; n8n keeps its data in `<userFolder>/.n8n`
 * @property {number} port        the editor/REST/webhook port on 127.0.0.1
 * @property {number} brokerPort  the task runner broker port (two n8n processes must not share it)
 * @property {string} [extraCaCerts] PEM file for NODE_EXTRA_CA_CERTS (the Shopify fake's certificate)
 * @property {Record<string, string>} [extra] more variables, applied last
 */

/**
 * The environment for one n8n instance. Starts from this process's environment minus every
 * variable n8n reads (N8N_*, DB_*, WEBHOOK_URL…), so a developer's own settings cannot leak in.
 * @param {N8nInstanceOptions} options
 * @returns {Record<string, string>}
 */
function n8nEnvironment(options) {
	/** @type {Record<string, string>} */
	const env = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (value === undefined) continue;
		// NODE_ENV=test (set by Jest) makes n8n use a throwaway in-memory database.
		if (
			/^(N8N_|DB_|EXECUTIONS_|QUEUE_|JEST_|WEBHOOK_URL$|GENERIC_TIMEZONE$|NODE_ENV$|NODE_EXTRA_CA_CERTS$|NODE_OPTIONS$)/.test(
				name,
			)
		)
			continue;
		env[name] = value;
	}
	const base = `http://127.0.0.1:${options.port}`;
	Object.assign(env, {
		// Every service n8n talks to here is on loopback: never through a proxy a machine may have set.
		NO_PROXY: '127.0.0.1,localhost',
		// Whatever n8n starts as `node` (its task runner) is the same Node n8n itself runs on.
		PATH: [path.dirname(N8N_NODE), env.PATH].filter(Boolean).join(path.delimiter),
		no_proxy: '127.0.0.1,localhost',
		N8N_USER_FOLDER: options.userFolder,
		N8N_ENCRYPTION_KEY: DEV_ENCRYPTION_KEY,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(options.port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${base}/`,
		// The store fakes deliver their webhooks here: n8n registers this address in the fake.
		WEBHOOK_URL: `${base}/`,
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		// The editor is served over plain http on loopback.
		N8N_SECURE_COOKIE: 'false',
		// Nothing calls the internet: no telemetry, version checks, templates, banners, AI or licence renewals.
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_AI_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
		// Community packages on, but never fetched from npm: ours is installed from our own tarball.
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		// A workflow whose trigger fails once must stay active: the tests and the demo want to see it retry.
		N8N_WORKFLOW_AUTODEACTIVATION_ENABLED: 'false',
		N8N_LOG_OUTPUT: 'console',
		N8N_LOG_LEVEL: 'info',
		GENERIC_TIMEZONE: 'UTC',
		TZ: 'UTC',
	});
	Object.assign(env, PINNED.env);
	if (options.extraCaCerts) env.NODE_EXTRA_CA_CERTS = options.extraCaCerts;
	Object.assign(env, options.extra ?? {});
	return env;
}

module.exports = {
	REPO_ROOT,
	DATA_DIR,
	PINNED,
	N8N_DATA_DIR,
	N8N_PACKAGE_DIR,
	N8N_BIN,
	N8N_NODE,
	DEV_ENCRYPTION_KEY,
	n8nEnvironment,
};
