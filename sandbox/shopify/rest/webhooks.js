// @ts-check
'use strict';

const { createWebhook, webhookOr404 } = require('../webhooks');
const { unprocessable } = require('../errors');

/**
 * `/webhooks.json`: what n8n's Shopify Trigger calls on activation (list by topic, create) and
 * deactivation (delete).
 */

/** @typedef {import('../context').FakeContext} FakeContext */

/**
 * @param {import('../../shared/http/router').Router} router
 * @param {FakeContext} ctx
 */
function registerWebhookRoutes(router, ctx) {
	/** @param {import('../../shared/http/query').Query} query */
	const matching = (query) =>
		[...ctx.shop.webhooks.values()].filter(
			(hook) =>
				(!query.get('topic') || hook.topic === query.get('topic')) &&
				(!query.get('address') || hook.address === query.get('address')),
		);
	router.add('GET', '/webhooks', ({ query }) => ({
		status: 200,
		body: { webhooks: matching(query) },
	}));
	router.add('GET', '/webhooks/count', ({ query }) => ({
		status: 200,
		body: { count: matching(query).length },
	}));
	router.add('GET', '/webhooks/{id}', ({ params }) => ({
		status: 200,
		body: { webhook: webhookOr404(ctx.shop, params.id) },
	}));
	router.add('POST', '/webhooks', ({ body, apiVersion }) => ({
		status: 201,
		body: {
			webhook: createWebhook(
				ctx.shop,
				/** @type {Record<string, any>} */ (body)?.webhook,
				/** @type {string} */ (apiVersion),
			),
		},
	}));
	router.add('PUT', '/webhooks/{id}', ({ params, body }) => {
		const hook = webhookOr404(ctx.shop, params.id);
		const address = /** @type {Record<string, any>} */ (body)?.webhook?.address;
		if (typeof address !== 'string' || !address)
			throw unprocessable({ address: ["can't be blank"] });
		hook.address = address;
		return { status: 200, body: { webhook: hook } };
	});
	router.add('DELETE', '/webhooks/{id}', ({ params }) => {
		ctx.shop.webhooks.delete(webhookOr404(ctx.shop, params.id).id);
		return { status: 200, body: {} };
	});
}

module.exports = { registerWebhookRoutes };
