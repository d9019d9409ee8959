// @ts-check
'use strict';

const crypto = require('node:crypto');

const { gid } = require('./ids');
const { notFound, unprocessable } = require('./errors');
const { shopifyTime } = require('./catalog');

/**
 * Webhook subscriptions (REST `/webhooks.json`) and their deliveries. A delivery is a JSON POST
 * of the REST object with Shopify's headers; `X-Shopify-Hmac-Sha256` is the base64 HMAC-SHA256 of
 * the raw body keyed with the app's client secret, which is what n8n's Shopify Trigger checks.
 * A subscription's `api_version` is the version that answered the call creating it (n8n's trigger asks
 * for 2024-07, so the oldest served version); its deliveries name that version in `X-Shopify-API-Version`.
 * One attempt per delivery (Shopify retries for hours; tests replay instead, `POST /_fake/deliveries/replay`).
 */

/** @typedef {import('./shop').Shop} Shop */
/** @typedef {import('./shop').Webhook} Webhook */

const TOPIC = /^[a-z_]+\/[a-z_]+$/;
const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * @typedef {object} Delivery
 * @property {number} id           1, 2, 3, … (for replay)
 * @property {string} webhookId    X-Shopify-Webhook-Id (new for every delivery, kept by a replay)
 * @property {number} subscriptionId
 * @property {string} topic
 * @property {string} address
 * @property {string} apiVersion   the subscription's api_version
 * @property {number | string} status the receiver's HTTP status, 'pending', or 'error: …'
 * @property {number} attempts
 * @property {unknown} payload
 */

/**
 * @param {Shop} shop
 * @param {Record<string, any>} input the `webhook` object of `POST /webhooks.json`
 * @param {string} apiVersion the version that answered the call
 */
function createWebhook(shop, input, apiVersion) {
	if (!input || typeof input !== 'object')
		throw unprocessable({ webhook: ['Required parameter missing or invalid'] });
	/** @type {Record<string, string[]>} */
	const errors = {};
	if (typeof input.topic !== 'string' || !TOPIC.test(input.topic))
		errors.topic = ['Invalid topic specified.'];
	let address;
	try {
		address = new URL(String(input.address));
	} catch {
		errors.address = ['is invalid'];
	}
	// Shopify takes only HTTPS addresses; the fake also takes plain HTTP on loopback for test receivers.
	if (
		address &&
		address.protocol !== 'https:' &&
		!(
			address.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(address.hostname)
		)
	) {
		errors.address = ['protocol http:// is not supported'];
	}
	if ((input.format ?? 'json') !== 'json')
		errors.format = ['is not supported by the fake (json only)'];
	if (!errors.topic && !errors.address) {
		for (const hook of shop.webhooks.values()) {
			if (hook.topic === input.topic && hook.address === input.address)
				errors.address = ['for this topic has already been taken'];
		}
	}
	if (Object.keys(errors).length) throw unprocessable(errors);
	const id = shop.newId();
	const now = shopifyTime();
	/** @type {Webhook} */
	const hook = {
		id,
		address: String(input.address),
		topic: input.topic,
		format: 'json',
		created_at: now,
		updated_at: now,
		fields: Array.isArray(input.fields) ? input.fields : [],
		metafield_namespaces: [],
		api_version: apiVersion,
		admin_graphql_api_id: gid('WebhookSubscription', id),
	};
	shop.webhooks.set(id, hook);
	return hook;
}

/**
 * @param {Shop} shop
 * @param {unknown} id
 */
function webhookOr404(shop, id) {
	const hook = shop.webhooks.get(Number(id));
	if (!hook) throw notFound();
	return hook;
}

class WebhookSender {
	/**
	 * @param {{ appSecret: string, shopDomain: () => string, log: (line: string) => void }} options
	 */
	constructor({ appSecret, shopDomain, log }) {
		this.appSecret = appSecret;
		this.shopDomain = shopDomain;
		this.log = log;
		/** @type {Delivery[]} */
		this.deliveries = [];
		/** @type {Set<Promise<void>>} */
		this.inFlight = new Set();
		this.nextId = 1;
	}

	/**
	 * Queues one delivery per subscription to `topic`.
	 * @param {Shop} shop
	 * @param {string} topic
	 * @param {unknown} payload
	 */
	fire(shop, topic, payload) {
		for (const hook of shop.webhooks.values()) {
			if (hook.topic !== topic) continue;
			/** @type {Delivery} */
			const delivery = {
				id: this.nextId++,
				webhookId: crypto.randomUUID(),
				subscriptionId: hook.id,
				topic,
				address: hook.address,
				apiVersion: hook.api_version,
				status: 'pending',
				attempts: 0,
				payload: JSON.parse(JSON.stringify(payload)),
			};
			this.deliveries.push(delivery);
			this.send(delivery);
		}
	}

	/** @param {number} id */
	replay(id) {
		const delivery = this.deliveries.find((d) => d.id === id);
		if (!delivery) throw notFound();
		this.send(delivery);
		return delivery;
	}

	/** @param {Delivery} delivery */
	send(delivery) {
		const body = JSON.stringify(delivery.payload);
		const signature = crypto
			.createHmac('sha256', this.appSecret)
			.update(body, 'utf8')
			.digest('base64');
		delivery.attempts += 1;
		delivery.status = 'pending';
		const attempt = fetch(delivery.address, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/json',
				'User-Agent': 'Shopify-Captain-Hook',
				'X-Shopify-Topic': delivery.topic,
				'X-Shopify-Hmac-Sha256': signature,
				'X-Shopify-Shop-Domain': this.shopDomain(),
				'X-Shopify-Webhook-Id': delivery.webhookId,
				'X-Shopify-Triggered-At': new Date().toISOString(),
				'X-Shopify-API-Version': delivery.apiVersion,
			},
			body,
			signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
		})
			.then(async (res) => {
				await res.arrayBuffer();
				delivery.status = res.status;
			})
			.catch((error) => {
				delivery.status = `error: ${error.message}`;
			})
			.finally(() => {
				this.log(`webhook ${delivery.topic} → ${delivery.address}: ${delivery.status}`);
				this.inFlight.delete(attempt);
			});
		this.inFlight.add(attempt);
	}

	/** Resolves once every delivery queued so far has been attempted. */
	async settle() {
		while (this.inFlight.size) await Promise.all([...this.inFlight]);
	}

	clear() {
		this.deliveries = [];
	}
}

module.exports = { createWebhook, webhookOr404, WebhookSender };
