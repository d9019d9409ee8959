// @ts-check
'use strict';

/**
 * The sandbox's defaults, in one place so that the CLI, the README and the
 * tests all agree on them.
 */

/**
 * @typedef {object} SandboxCredentials
 * @property {string} merchantId   the OAuth2 `username` (myOGO's Merchant ID)
 * @property {string} secretToken  the OAuth2 `password` (myOGO's Secret Token)
 * @property {string} clientId     the OAuth2 client id (OGOship's demo client is 123456)
 * @property {string} clientSecret the OAuth2 client secret (the demo client's is abcdef)
 * @property {string} apiKey       the value accepted in an `X-OgoKey` header
 */

/** @type {Readonly<SandboxCredentials>} */
const DEFAULT_CREDENTIALS = Object.freeze({
	merchantId: 'sandbox-merchant',
	secretToken: 'sandbox-secret',
	clientId: '123456',
	clientSecret: 'abcdef',
	apiKey: 'sandbox-key',
});

/** The delivery types the contract says the sandbox's merchant has enabled. */
const DEFAULT_SHIPPING_CODES = Object.freeze([
	'POSTI_PAKETTI',
	'POSTI_SMARTPOST',
	'MATKAHUOLTO',
	'DHL_EXPRESS',
]);

const DEFAULTS = Object.freeze({
	/** 0 asks the operating system for a free port. */
	port: 0,
	host: '127.0.0.1',
	/** @type {string | undefined} JSON file the state is loaded from and saved to; none = memory only. */
	dataFile: undefined,
	/** 1.5 hours, as documented by OGOship. */
	accessTokenTtlSeconds: 5400,
	/** Two weeks, as documented by OGOship. */
	refreshTokenTtlSeconds: 14 * 24 * 60 * 60,
	/** Gaps between the 5 attempts of a webhook delivery (contract: 1 s, 2 s, 4 s, 8 s). */
	webhookRetryDelaysMs: Object.freeze([1000, 2000, 4000, 8000]),
	/** A callback not answered within this is a failed attempt. */
	webhookTimeoutMs: 10000,
	/** How many webhook calls may be in flight at once, so a burst of stock changes cannot flood the receiver. */
	webhookConcurrency: 16,
	/** Writes to `dataFile` are batched: at most one save per this many milliseconds. */
	persistDelayMs: 250,
	/** The request log keeps this many newest entries, so long benchmarks cannot exhaust memory. */
	requestLogLimit: 200000,
	/** The webhook delivery log keeps this many newest attempts. */
	deliveryLogLimit: 50000,
	/** @type {((line: string) => void) | undefined} receives human-readable log lines; none = silent. */
	log: undefined,
	credentials: DEFAULT_CREDENTIALS,
});

module.exports = { DEFAULTS, DEFAULT_CREDENTIALS, DEFAULT_SHIPPING_CODES };
