// @ts-check
'use strict';

const { createShop } = require('./shop');
const { WebhookSender } = require('./webhooks');
const { RequestLog } = require('../shared/requestLog');
const { DEFAULTS } = require('./defaults');

/**
 * Everything a request handler of the fake reaches for: the shop's state, the webhook sender,
 * the request log, the secrets it checks and the URLs it hands out (known once it listens).
 */

/**
 * @param {{ accessToken: string, appSecret: string, oauthAccessToken?: string, log: (line: string) => void }} options
 */
function createContext({
	accessToken,
	appSecret,
	oauthAccessToken = DEFAULTS.oauthAccessToken,
	log,
}) {
	const urls = { url: '', adminUrl: '', shopDomain: '' };
	const ctx = {
		accessToken,
		appSecret,
		clientId: DEFAULTS.clientId,
		oauthAccessToken,
		appScopes: DEFAULTS.appScopes,
		/**
		 * The legacy custom app's token or the one the OAuth flow issued.
		 * @param {unknown} token
		 */
		acceptsToken: (token) => token === accessToken || token === oauthAccessToken,
		log,
		urls,
		shop: createShop(),
		/** @type {import('./faults').FaultRule[]} pending fault rules (`/_fake/faults`) */
		faults: [],
		/** @type {Map<string, { fingerprint: string, result: unknown }>} `@idempotent` keys seen, per mutation (graphql/idempotency.js) */
		idempotencyKeys: new Map(),
		/** @type {import('./costBudget').CostBudget | null} the GraphQL cost budget (`/_fake/rate-limit`), off by default */
		costBudget: null,
		/** The budget's clock, in milliseconds. */
		now: () => Date.now(),
		sender: new WebhookSender({ appSecret, shopDomain: () => urls.shopDomain, log }),
		requestLog: new RequestLog({
			limit: 200_000,
			knownSecrets: () => [accessToken, appSecret, oauthAccessToken],
			isIssuedToken: () => false,
		}),
		/** @param {string} topic @param {unknown} payload */
		fire: (topic, payload) => ctx.sender.fire(ctx.shop, topic, payload),
		/**
		 * An empty shop; webhook subscriptions survive unless `webhooks` is true.
		 * @param {{ webhooks?: boolean }} [options]
		 */
		reset({ webhooks = false } = {}) {
			const kept = ctx.shop.webhooks;
			ctx.shop = createShop();
			if (!webhooks) {
				for (const [id, hook] of kept) ctx.shop.webhooks.set(id, hook);
				const highest = Math.max(0, ...kept.keys());
				while (ctx.shop.newId() < highest);
			}
			ctx.sender.clear();
			ctx.requestLog.clear();
			ctx.faults = [];
			ctx.idempotencyKeys = new Map();
			ctx.costBudget = null;
		},
	};
	return ctx;
}

/** @typedef {ReturnType<typeof createContext>} FakeContext */

module.exports = { createContext };
