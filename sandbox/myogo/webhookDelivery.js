// @ts-check
'use strict';

const crypto = require('node:crypto');
const http = require('node:http');
const https = require('node:https');
const { toIso } = require('./timestamps');

/**
 * Sends webhook callbacks. Each event becomes one delivery per subscription
 * of its type; a delivery is a JSON POST signed with
 * `X-OGOship-Hmac-SHA256: Base64(HMAC-SHA256(key, raw UTF-8 body))`, plus the
 * subscription's customHeaders. A delivery answered with anything but 2xx, or
 * not answered within the timeout, is tried again after the configured
 * delays (contract: 5 attempts, 1 s, 2 s, 4 s and 8 s apart). A subscription
 * deleted in the meantime gets no further attempts.
 *
 * At most `concurrency` calls are in flight, so 10,000 stock changes queue up
 * instead of opening 10,000 connections to the receiver at once.
 *
 * Every attempt is written to a log (`GET /_sandbox/deliveries`) without the
 * signing key or the custom headers, which may hold the receiver's secrets.
 */

/**
 * @typedef {object} DeliveryJob
 * @property {string} deliveryId
 * @property {string} subscriptionId
 * @property {string} type
 * @property {string} body the exact bytes that are signed and sent
 * @property {number} attempt 1-based
 */

/**
 * @typedef {object} DeliveryLogEntry
 * @property {number} [seq] 1, 2, 3, ... over all attempts (for `?since=`)
 * @property {string} deliveryId the same for every attempt of one delivery
 * @property {string} subscriptionId
 * @property {string} url
 * @property {string} type
 * @property {number} attempt
 * @property {number | null} status the receiver's HTTP status; null when it did not answer
 * @property {string | null} error why there was no answer (timeout, refused, ...)
 * @property {boolean} delivered
 * @property {boolean} willRetry
 * @property {string} time when the attempt started (real time, UTC)
 * @property {number} durationMs
 */

class WebhookDispatcher {
	/**
	 * @param {object} options
	 * @param {import('./store').Store} options.store
	 * @param {import('./clock').SandboxClock} options.clock
	 * @param {number[]} options.retryDelaysMs
	 * @param {number} options.timeoutMs
	 * @param {number} options.concurrency
	 * @param {number} options.logLimit
	 * @param {(line: string) => void} options.log
	 */
	constructor({ store, clock, retryDelaysMs, timeoutMs, concurrency, logLimit, log }) {
		this.store = store;
		this.clock = clock;
		this.retryDelaysMs = retryDelaysMs;
		this.timeoutMs = timeoutMs;
		this.concurrency = Math.max(1, concurrency);
		this.logLimit = logLimit;
		this.log = log;
		/** @type {DeliveryJob[]} */
		this.queue = [];
		this.active = 0;
		/** @type {Set<NodeJS.Timeout>} */
		this.retryTimers = new Set();
		/** @type {Set<import('node:http').ClientRequest>} */
		this.inFlight = new Set();
		/** @type {DeliveryLogEntry[]} */
		this.entries = [];
		this.nextSeq = 1;
		this.stopped = false;
		/** @type {(() => void)[]} */
		this.idleWaiters = [];
		// Own agents, so that stopping the sandbox also closes its idle keep-alive connections.
		this.httpAgent = new http.Agent({ keepAlive: true, maxSockets: this.concurrency });
		this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets: this.concurrency });
	}

	get maxAttempts() {
		return this.retryDelaysMs.length + 1;
	}

	/**
	 * Queues a delivery of this event to every subscription of its type.
	 * @param {'OrderShipped' | 'ProductStockLevelChanged'} type
	 * @param {Record<string, unknown>} data what goes next to `type` and `occurred`
	 */
	emit(type, data) {
		if (this.stopped) return;
		const subscriptions = [...this.store.webhooks.values()].filter((s) => s.type === type);
		if (subscriptions.length === 0) return;
		const body = JSON.stringify({ type, occurred: toIso(this.clock.now()), ...data });
		for (const subscription of subscriptions) {
			this.enqueue({
				deliveryId: crypto.randomUUID(),
				subscriptionId: subscription.id,
				type,
				body,
				attempt: 1,
			});
		}
	}

	/** Deliveries queued, waiting for a retry, or in flight. */
	get pending() {
		return this.queue.length + this.active + this.retryTimers.size;
	}

	/** Resolves when nothing is queued, waiting or in flight. */
	whenIdle() {
		if (this.pending === 0) return Promise.resolve();
		return new Promise((resolve) => this.idleWaiters.push(() => resolve(undefined)));
	}

	/**
	 * @param {number} [sinceSeq] only attempts after this sequence number
	 */
	list(sinceSeq = 0) {
		const firstSeq = this.entries.length
			? /** @type {number} */ (this.entries[0].seq)
			: this.nextSeq;
		return this.entries.slice(Math.max(0, sinceSeq - firstSeq + 1));
	}

	clearLog() {
		this.entries = [];
		this.nextSeq = 1;
	}

	/** Drops everything queued or waiting and aborts calls in flight (reset, close). */
	cancelAll() {
		this.queue = [];
		for (const timer of this.retryTimers) clearTimeout(timer);
		this.retryTimers.clear();
		for (const request of this.inFlight) request.destroy(new Error('sandbox stopped the delivery'));
		this.inFlight.clear();
		this.notifyIfIdle();
	}

	stop() {
		this.stopped = true;
		this.cancelAll();
		this.httpAgent.destroy();
		this.httpsAgent.destroy();
	}

	/** @param {DeliveryJob} job */
	enqueue(job) {
		this.queue.push(job);
		this.pump();
	}

	pump() {
		while (!this.stopped && this.active < this.concurrency && this.queue.length > 0) {
			const job = /** @type {DeliveryJob} */ (this.queue.shift());
			this.active++;
			void this.attempt(job).finally(() => {
				this.active--;
				this.pump();
				this.notifyIfIdle();
			});
		}
	}

	notifyIfIdle() {
		if (this.pending !== 0) return;
		const waiters = this.idleWaiters;
		this.idleWaiters = [];
		for (const resolve of waiters) resolve();
	}

	/** @param {DeliveryJob} job */
	async attempt(job) {
		const subscription = this.store.webhooks.get(job.subscriptionId);
		if (!subscription) {
			this.log(`webhook ${job.type} ${job.deliveryId}: subscription deleted, no further attempts`);
			return;
		}
		const started = Date.now();
		const signature = crypto
			.createHmac('sha256', subscription.key)
			.update(job.body, 'utf8')
			.digest('base64');
		const headers = {
			...subscription.customHeaders,
			'Content-Type': 'application/json; charset=utf-8',
			'User-Agent': 'myOGO-sandbox-webhooks',
			'X-OGOship-Hmac-SHA256': signature,
		};
		const { status, error } = await this.post(subscription.url, headers, job.body);
		if (this.stopped) return;
		const delivered = status !== null && status >= 200 && status < 300;
		const willRetry =
			!delivered && job.attempt < this.maxAttempts && this.store.webhooks.has(job.subscriptionId);
		this.record({
			deliveryId: job.deliveryId,
			subscriptionId: job.subscriptionId,
			url: subscription.url,
			type: job.type,
			attempt: job.attempt,
			status,
			error,
			delivered,
			willRetry,
			time: new Date(started).toISOString(),
			durationMs: Date.now() - started,
		});
		this.log(
			`webhook ${job.type} → ${subscription.url} attempt ${job.attempt}: ${status ?? error}${willRetry ? ' (will retry)' : ''}`,
		);
		if (willRetry) {
			const delay = this.retryDelaysMs[job.attempt - 1];
			const timer = setTimeout(() => {
				this.retryTimers.delete(timer);
				this.enqueue({ ...job, attempt: job.attempt + 1 });
			}, delay);
			timer.unref();
			this.retryTimers.add(timer);
		}
	}

	/** @param {DeliveryLogEntry} entry */
	record(entry) {
		this.entries.push({ seq: this.nextSeq++, ...entry });
		if (this.entries.length > this.logLimit)
			this.entries.splice(0, Math.max(1, Math.floor(this.logLimit / 10)));
	}

	/**
	 * One POST. Never throws: answers the status, or null and why not.
	 * @param {string} url
	 * @param {Record<string, string>} headers
	 * @param {string} body
	 * @returns {Promise<{ status: number | null, error: string | null }>}
	 */
	post(url, headers, body) {
		return new Promise((resolve) => {
			let settled = false;
			/** @param {number | null} status @param {string | null} error */
			const settle = (status, error) => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				this.inFlight.delete(request);
				resolve({ status, error });
			};
			const secure = url.startsWith('https:');
			/** @type {import('node:http').ClientRequest} */
			let request;
			try {
				request = (secure ? https : http).request(url, {
					method: 'POST',
					agent: secure ? this.httpsAgent : this.httpAgent,
					headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
				});
			} catch (error) {
				// e.g. a custom header value that is not a legal header
				resolve({ status: null, error: error.message });
				return;
			}
			const timer = setTimeout(() => {
				request.destroy(new Error(`no answer within ${this.timeoutMs} ms`));
			}, this.timeoutMs);
			timer.unref();
			this.inFlight.add(request);
			request.on('response', (response) => {
				response.resume(); // the answer's body does not matter
				response.on('end', () => settle(response.statusCode ?? null, null));
				response.on('error', () => settle(response.statusCode ?? null, null));
				response.on('close', () => settle(response.statusCode ?? null, null));
			});
			request.on('error', (error) => settle(null, error.message));
			request.end(body);
		});
	}
}

module.exports = { WebhookDispatcher };
