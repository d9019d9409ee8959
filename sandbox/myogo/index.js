// @ts-check
'use strict';

const http = require('node:http');
const { DEFAULTS, DEFAULT_CREDENTIALS } = require('./defaults');
const { SandboxClock } = require('./clock');
const { Store } = require('./store');
const { Persistence } = require('./persistence');
const { TokenService } = require('./auth/tokens');
const { RequestLog } = require('../shared/requestLog');
const { FaultQueue } = require('./faults');
const { Latency } = require('./latency');
const { WebhookDispatcher } = require('./webhookDelivery');
const { createRequestHandler } = require('./app');

/**
 * The myOGO sandbox: a local fake of the myOGO (OGOship) API, following the
 * contract in docs/myogo-api.md. See `sandbox/README.md`.
 */

/**
 * @typedef {object} SandboxOptions
 * @property {number} [port] 0 (the default) picks a free port
 * @property {string} [host] default 127.0.0.1
 * @property {string} [dataFile] JSON file to load at start and save changes to
 * @property {number} [accessTokenTtlSeconds] default 5400
 * @property {number} [refreshTokenTtlSeconds] default 14 days
 * @property {number[]} [webhookRetryDelaysMs] default [1000, 2000, 4000, 8000]
 * @property {number} [webhookTimeoutMs] default 10000
 * @property {number} [webhookConcurrency] default 16
 * @property {number} [persistDelayMs] default 250
 * @property {number} [requestLogLimit] default 200000
 * @property {number} [deliveryLogLimit] default 50000
 * @property {(line: string) => void} [log] human-readable log lines; default silent
 * @property {Partial<import('./defaults').SandboxCredentials>} [credentials]
 */

/**
 * @typedef {object} RunningSandbox
 * @property {string} url  `http://127.0.0.1:<port>`, no trailing slash
 * @property {number} port
 * @property {() => Promise<void>} close stops listening, cancels deliveries, saves the data file
 * @property {import('./store').Store} store the live state (for tests; prefer the control API)
 * @property {import('./defaults').SandboxCredentials} credentials the credentials in force
 */

/**
 * @param {SandboxOptions} [options]
 * @returns {Promise<RunningSandbox>}
 */
async function startSandbox(options = {}) {
	const resolved = resolveOptions(options);
	const log = resolved.log;
	const clock = new SandboxClock();
	const store = new Store();

	const persistence = resolved.dataFile
		? new Persistence({ file: resolved.dataFile, store, delayMs: resolved.persistDelayMs, log })
		: null;
	if (persistence) {
		persistence.load();
		store.onChange = () => persistence.schedule();
	}

	const tokens = new TokenService({
		store,
		accessTokenTtlSeconds: resolved.accessTokenTtlSeconds,
		refreshTokenTtlSeconds: resolved.refreshTokenTtlSeconds,
		merchantId: resolved.credentials.merchantId,
	});
	const credentials = resolved.credentials;
	const requestLog = new RequestLog({
		limit: resolved.requestLogLimit,
		knownSecrets: () => [credentials.secretToken, credentials.clientSecret, credentials.apiKey],
		isIssuedToken: (value) => tokens.isIssuedToken(value),
	});
	const faults = new FaultQueue();
	const latency = new Latency();
	const webhookDelivery = new WebhookDispatcher({
		store,
		clock,
		retryDelaysMs: resolved.webhookRetryDelaysMs,
		timeoutMs: resolved.webhookTimeoutMs,
		concurrency: resolved.webhookConcurrency,
		logLimit: resolved.deliveryLogLimit,
		log,
	});

	/** @type {import('./types').SandboxContext} */
	const ctx = {
		options: resolved,
		clock,
		store,
		tokens,
		requestLog,
		faults,
		latency,
		webhookDelivery,
		log,
		resetAll() {
			webhookDelivery.cancelAll();
			webhookDelivery.clearLog();
			store.clear();
			requestLog.clear();
			faults.clear();
			latency.ms = 0;
			clock.unfreeze();
			log('sandbox reset: all data, tokens, subscriptions, faults and logs cleared');
		},
	};

	const server = http.createServer(createRequestHandler(ctx));
	// Benchmarks keep connections alive between calls; don't close them under a slow client.
	server.keepAliveTimeout = 65000;
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(resolved.port, resolved.host, () => {
			server.off('error', reject);
			resolve(undefined);
		});
	});
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	// Bound to every interface? Hand out the loopback address, which a client can actually dial.
	const reachable =
		address.address === '0.0.0.0'
			? '127.0.0.1'
			: address.address === '::'
				? '::1'
				: address.address;
	const hostForUrl = reachable.includes(':') ? `[${reachable}]` : reachable;
	const url = `http://${hostForUrl}:${address.port}`;
	log(`myOGO sandbox listening on ${url}`);

	let closing = /** @type {Promise<void> | null} */ (null);
	return {
		url,
		port: address.port,
		store,
		credentials: { ...credentials },
		close() {
			if (!closing) {
				closing = (async () => {
					webhookDelivery.stop();
					await new Promise((resolve) => {
						server.close(() => resolve(undefined));
						server.closeAllConnections();
					});
					if (persistence) await persistence.flush();
					log('myOGO sandbox stopped');
				})();
			}
			return closing;
		},
	};
}

/**
 * @param {SandboxOptions} options
 * @returns {import('./types').ResolvedOptions}
 */
function resolveOptions(options) {
	/** @param {keyof typeof DEFAULTS} name */
	const pick = (name) => options[/** @type {keyof SandboxOptions} */ (name)] ?? DEFAULTS[name];
	const delays = options.webhookRetryDelaysMs ?? [...DEFAULTS.webhookRetryDelaysMs];
	if (!Array.isArray(delays) || !delays.every((d) => Number.isFinite(d) && d >= 0)) {
		throw new TypeError('webhookRetryDelaysMs must be a list of non-negative numbers');
	}
	return {
		port: Number(pick('port')),
		host: String(pick('host')),
		dataFile: options.dataFile || undefined,
		accessTokenTtlSeconds: Number(pick('accessTokenTtlSeconds')),
		refreshTokenTtlSeconds: Number(pick('refreshTokenTtlSeconds')),
		webhookRetryDelaysMs: [...delays],
		webhookTimeoutMs: Number(pick('webhookTimeoutMs')),
		webhookConcurrency: Number(pick('webhookConcurrency')),
		persistDelayMs: Number(pick('persistDelayMs')),
		requestLogLimit: Number(pick('requestLogLimit')),
		deliveryLogLimit: Number(pick('deliveryLogLimit')),
		log: options.log || (() => {}),
		credentials: { ...DEFAULT_CREDENTIALS, ...(options.credentials || {}) },
	};
}

module.exports = { startSandbox, DEFAULTS };
