// @ts-check
'use strict';

/**
 * JSDoc types shared by the sandbox's modules (this file has no code).
 */

/**
 * @typedef {object} ResolvedOptions
 * @property {number} port
 * @property {string} host
 * @property {string | undefined} dataFile
 * @property {number} accessTokenTtlSeconds
 * @property {number} refreshTokenTtlSeconds
 * @property {number[]} webhookRetryDelaysMs
 * @property {number} webhookTimeoutMs
 * @property {number} webhookConcurrency
 * @property {number} persistDelayMs
 * @property {number} requestLogLimit
 * @property {number} deliveryLogLimit
 * @property {(line: string) => void} log
 * @property {import('./defaults').SandboxCredentials} credentials
 */

/**
 * Everything a handler needs: the one object the sandbox's parts share.
 * @typedef {object} SandboxContext
 * @property {ResolvedOptions} options
 * @property {import('./clock').SandboxClock} clock
 * @property {import('./store').Store} store
 * @property {import('./auth/tokens').TokenService} tokens
 * @property {import('../shared/requestLog').RequestLog} requestLog
 * @property {import('./faults').FaultQueue} faults
 * @property {import('./latency').Latency} latency
 * @property {import('./webhookDelivery').WebhookDispatcher} webhookDelivery
 * @property {(line: string) => void} log
 * @property {() => void} resetAll empties data and every piece of injected trouble
 */

module.exports = {};
