// @ts-check
'use strict';

const crypto = require('node:crypto');
const { readFields, isPlainObject, malformed, text } = require('../validation');
const { notFound } = require('../../shared/http/errors');
const { readPaging } = require('../paging');

/**
 * Webhook subscriptions — `GET/POST /api/v1/webhooks`,
 * `GET/PUT/DELETE /api/v1/webhooks/{id}`. `type` is accepted as the name or
 * the number (OrderShipped = 1, ProductStockLevelChanged = 2) and replies
 * carry the name (contract assumption). Only http/https URLs are taken.
 */

/** @typedef {import('../types').SandboxContext} SandboxContext */
/** @typedef {import('../store').WebhookRecord} WebhookRecord */

/** Known types, by their number in OGOship's 2019 client. */
const WEBHOOK_TYPES = /** @type {const} */ (['OrderShipped', 'ProductStockLevelChanged']);

/**
 * @param {unknown} value
 * @param {string} path
 */
function readType(value, path) {
	const known = `one of: ${WEBHOOK_TYPES.map((name, i) => `${name} (${i + 1})`).join(', ')}`;
	if (typeof value === 'number' || (typeof value === 'string' && /^\d+$/.test(value.trim()))) {
		const name = WEBHOOK_TYPES[Number(value) - 1];
		if (!name) throw malformed(path, known);
		return name;
	}
	if (typeof value === 'string') {
		const name = WEBHOOK_TYPES.find((t) => t.toLowerCase() === value.trim().toLowerCase());
		if (name) return name;
	}
	throw malformed(path, known);
}

/**
 * @param {unknown} value
 * @param {string} path
 */
function readUrl(value, path) {
	if (typeof value !== 'string') throw malformed(path, 'an http or https URL (a string)');
	let url;
	try {
		url = new URL(value);
	} catch {
		throw malformed(path, 'an absolute http or https URL');
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		throw malformed(path, 'an http or https URL');
	return value;
}

/**
 * Header names and values that can really be sent.
 * @param {unknown} value
 * @param {string} path
 */
function readHeaders(value, path) {
	if (!isPlainObject(value)) throw malformed(path, 'an object of header names and string values');
	/** @type {Record<string, string>} */
	const out = {};
	for (const [name, headerValue] of Object.entries(value)) {
		if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
			throw malformed(`${path}.${name}`, 'under a valid HTTP header name');
		if (typeof headerValue !== 'string' || /[\r\n\0]/.test(headerValue)) {
			throw malformed(`${path}.${name}`, 'a string without line breaks');
		}
		out[name] = headerValue;
	}
	return out;
}

/** @type {import('../validation').FieldSpec} */
const WEBHOOK_FIELDS = {
	url: { required: true, read: readUrl },
	key: { required: true, read: text() },
	type: { required: true, read: readType },
	customHeaders: { read: readHeaders },
};

/** @param {WebhookRecord} hook */
function webhookReply(hook) {
	return {
		id: hook.id,
		url: hook.url,
		key: hook.key,
		type: hook.type,
		customHeaders: hook.customHeaders,
	};
}

/**
 * @param {SandboxContext} ctx
 * @param {string} id
 */
function findWebhook(ctx, id) {
	const hook = ctx.store.webhooks.get(id);
	if (!hook) throw notFound(`No webhook subscription with the id '${id}' exists.`);
	return hook;
}

/**
 * @param {import('../../shared/http/router').Router} router
 * @param {SandboxContext} ctx
 */
function registerWebhookRoutes(router, ctx) {
	router.add('GET', '/api/v1/webhooks', ({ query }) => {
		const { offset, limit } = readPaging(query);
		const all = [...ctx.store.webhooks.values()];
		return { status: 200, body: all.slice(offset, offset + limit).map(webhookReply) };
	});

	router.add('POST', '/api/v1/webhooks', ({ body }) => {
		const fields = readFields(body, WEBHOOK_FIELDS);
		/** @type {WebhookRecord} */
		const hook = {
			id: crypto.randomUUID(),
			url: fields.url,
			key: fields.key,
			type: fields.type,
			customHeaders: fields.customHeaders || {},
			seq: ctx.store.nextSequence(),
		};
		ctx.store.webhooks.set(hook.id, hook);
		ctx.store.markChanged();
		return { status: 201, body: webhookReply(hook) };
	});

	router.add('GET', '/api/v1/webhooks/{id}', ({ params }) => ({
		status: 200,
		body: webhookReply(findWebhook(ctx, params.id)),
	}));

	router.add('PUT', '/api/v1/webhooks/{id}', ({ params, body }) => {
		const hook = findWebhook(ctx, params.id);
		const fields = readFields(body, WEBHOOK_FIELDS, { partial: true });
		/** @type {WebhookRecord} */
		const updated = {
			...hook,
			...fields,
			customHeaders:
				fields.customHeaders === undefined ? hook.customHeaders : fields.customHeaders || {},
		};
		ctx.store.webhooks.set(hook.id, updated);
		ctx.store.markChanged();
		return { status: 200, body: webhookReply(updated) };
	});

	router.add('DELETE', '/api/v1/webhooks/{id}', ({ params }) => {
		findWebhook(ctx, params.id);
		ctx.store.webhooks.delete(params.id);
		ctx.store.markChanged();
		return { status: 204 };
	});
}

module.exports = { registerWebhookRoutes, WEBHOOK_TYPES };
