// @ts-check
'use strict';

const { Router } = require('../shared/http/router');
const { Query } = require('../shared/http/query');
const { ApiError } = require('../shared/http/errors');
const { readRawBody, parseJsonBody } = require('../shared/http/body');
const { sendJson } = require('../shared/http/respond');
const { isLoopbackAddress } = require('../shared/loopback');
const { ShopifyError } = require('./errors');
const { servedVersion } = require('./versions');
const { registerOAuthRoutes } = require('./oauth');
const { registerProductRoutes } = require('./rest/products');
const { registerOrderRoutes } = require('./rest/orders');
const { registerWebhookRoutes } = require('./rest/webhooks');
const { registerLocationRoutes } = require('./rest/locations');
const { runGraphql, readGraphqlRequest, operationNameOf } = require('./graphql/execute');
const { takeFault, THROTTLED_BODY, injectedError } = require('./faults');
const { createControlRouter } = require('./control');

/**
 * The fake's one request handler. A call is either
 * - a control call (`/_fake/…`): loopback only, never logged; or
 * - an OAuth call (`/admin/oauth/authorize`, `/admin/oauth/access_token`, sandbox/shopify/oauth.js):
 *   what n8n's *Shopify OAuth2 API* credential does when a merchant connects it; or
 * - an Admin API call: `/shop/.myshopify.com/admin/api/<version>/<resource>[.json]` (the path n8n
 *   builds from the Shop Subdomain `127.0.0.1:<port>/shop/`; plain `/admin/api/<version>/…` works
 *   too). It is logged, its `X-Shopify-Access-Token` checked (the legacy app token or a token the
 *   OAuth flow issued; 401 otherwise), then routed to REST or GraphQL. A retired version is answered
 *   by the oldest served one (versions.js), named in `X-Shopify-API-Version`. n8n writes
 *   `…/2024-07//products.json`, so repeated slashes count as one.
 */

/** @typedef {import('./context').FakeContext} FakeContext */

const ADMIN_PATH = /^(?:\/shop\/\.myshopify\.com)?\/admin\/api\/([^/]+)(\/.*)?$/;
const OAUTH_PATH = /^(?:\/shop\/\.myshopify\.com)?(\/admin\/oauth\/[a-z_]+)$/;
const API_BODY_LIMIT = 20 * 1024 * 1024;
/** Seeding 10,000 products is one big body. */
const CONTROL_BODY_LIMIT = 512 * 1024 * 1024;

/**
 * @param {FakeContext} ctx
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
function createRequestHandler(ctx) {
	const rest = new Router();
	registerProductRoutes(rest, ctx);
	registerOrderRoutes(rest, ctx);
	registerWebhookRoutes(rest, ctx);
	registerLocationRoutes(rest, ctx);
	const oauth = new Router();
	registerOAuthRoutes(oauth, ctx);
	const control = createControlRouter(ctx);

	return (req, res) => {
		const url = req.url || '/';
		const q = url.indexOf('?');
		const rawPath = (q < 0 ? url : url.slice(0, q)).replace(/\/{2,}/g, '/');
		const query = new Query(q < 0 ? '' : url.slice(q + 1));
		const oauthPath = OAUTH_PATH.exec(rawPath);
		const handled =
			rawPath === '/_fake' || rawPath.startsWith('/_fake/')
				? handleControlCall(control, req, res, rawPath, query)
				: oauthPath
					? handleOAuthCall(oauth, req, res, oauthPath[1], query)
					: handleAdminCall(ctx, rest, req, res, rawPath, query);
		handled.catch((error) => answerError(ctx, res, error));
	};
}

/**
 * @param {Router} control
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} rawPath
 * @param {Query} query
 */
async function handleControlCall(control, req, res, rawPath, query) {
	if (!isLoopbackAddress(req.socket.remoteAddress))
		throw new ShopifyError(403, "The fake's control API answers loopback callers only.");
	const method = req.method || 'GET';
	const match = control.match(method, rawPath);
	if (!match)
		throw new ShopifyError(
			404,
			`There is no control call ${method} ${rawPath}; see sandbox/README.md.`,
		);
	const raw = await readRawBody(req, CONTROL_BODY_LIMIT);
	const body = parseJsonBody(raw, req.headers['content-type'], { anyContentType: true });
	const reply = await match.handler({
		method,
		path: rawPath,
		params: match.params,
		query,
		body,
		headers: req.headers,
	});
	sendJson(res, reply.status, reply.body, reply.headers);
}

/**
 * @param {Router} oauth
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} path
 * @param {Query} query
 */
async function handleOAuthCall(oauth, req, res, path, query) {
	const method = req.method || 'GET';
	const match = oauth.match(method, path);
	if (!match) throw new ShopifyError(404, 'Not Found');
	const raw = await readRawBody(req, API_BODY_LIMIT);
	const body = raw.length ? parseOAuthBody(raw, req.headers['content-type']) : {};
	const reply = await match.handler({
		method,
		path,
		params: match.params,
		query,
		body,
		headers: req.headers,
	});
	if (reply.status === 302) {
		res.writeHead(302, reply.headers);
		return void res.end();
	}
	sendJson(res, reply.status, reply.body, reply.headers);
}

/**
 * The token exchange comes as a form or as JSON (n8n's OAuth client sends a form).
 * @param {Buffer} raw
 * @param {string | undefined} contentType
 */
function parseOAuthBody(raw, contentType) {
	if ((contentType ?? '').includes('application/x-www-form-urlencoded'))
		return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
	return parseJsonBody(raw, contentType, { anyContentType: true });
}

/**
 * @param {FakeContext} ctx
 * @param {Router} rest
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} rawPath
 * @param {Query} query
 */
async function handleAdminCall(ctx, rest, req, res, rawPath, query) {
	const method = req.method || 'GET';
	const m = ADMIN_PATH.exec(rawPath);
	const entry =
		/** @type {import('../shared/requestLog').RequestLogEntry & { servedVersion?: string, graphqlOperation?: string, graphqlRootFields?: string[], throttled?: boolean, idempotentReplay?: boolean, delayedMs?: number, credential?: 'oauth' | 'app-token' }} */ (
			ctx.requestLog.begin(
				method,
				m ? rawPath.slice(rawPath.indexOf('/admin/')) : rawPath,
				query.pairs,
			)
		);
	res.on('close', () => ctx.requestLog.finish(entry, res.headersSent ? res.statusCode : 0));
	const raw = await readRawBody(req, API_BODY_LIMIT);
	const apiVersion = m ? servedVersion(m[1]) : null;
	if (!m || !apiVersion) throw new ShopifyError(404, 'Not Found');
	entry.servedVersion = apiVersion;
	const token = req.headers['x-shopify-access-token'];
	if (!ctx.acceptsToken(token))
		throw new ShopifyError(
			401,
			'[API] Invalid API key or access token (unrecognized login or wrong password)',
		);
	entry.credential = token === ctx.oauthAccessToken ? 'oauth' : 'app-token';
	const resource = (m[2] ?? '/').replace(/\.json$/, '');
	const isGraphql = resource === '/graphql' && method === 'POST';
	const graphqlRequest = isGraphql
		? readGraphqlRequest(raw, req.headers['content-type'])
		: undefined;
	const fault = takeFault(ctx.faults, {
		method,
		resource,
		graphqlOperation: graphqlRequest && operationNameOf(graphqlRequest),
	});
	if (fault?.status === 'delay') {
		entry.delayedMs = fault.ms;
		if (graphqlRequest) entry.graphqlOperation = operationNameOf(graphqlRequest);
		await new Promise((resolve) => setTimeout(resolve, fault.ms));
	} else if (fault) {
		entry.fault = true;
		if (graphqlRequest) entry.graphqlOperation = operationNameOf(graphqlRequest);
		if (fault.status === 'reset') return void req.socket.destroy();
		if (fault.status === 'THROTTLED')
			return void sendJson(res, 200, THROTTLED_BODY, callLimitHeaders(apiVersion));
		if (fault.status !== 'lost-answer') throw injectedError(fault.status);
	}
	// A "lost-answer" fault lets the call do its work, then drops the connection instead of answering.
	const answer =
		fault?.status === 'lost-answer'
			? () => void req.socket.destroy()
			: (
					/** @type {number} */ status,
					/** @type {unknown} */ body,
					/** @type {Record<string, string>} */ headers,
				) => sendJson(res, status, body, headers);
	if (resource === '/graphql') {
		if (!graphqlRequest) throw new ShopifyError(405, 'Method Not Allowed');
		const { body, operation, rootFields, throttled, idempotentReplay } = await runGraphql(
			ctx,
			graphqlRequest,
		);
		if (operation) entry.graphqlOperation = operation;
		if (rootFields) entry.graphqlRootFields = rootFields;
		if (throttled) entry.throttled = true;
		if (idempotentReplay) entry.idempotentReplay = true;
		answer(200, body, callLimitHeaders(apiVersion));
		return;
	}
	const match = rest.match(method, resource);
	if (!match) throw new ShopifyError(404, 'Not Found');
	const body = parseJsonBody(raw, req.headers['content-type']);
	const reply = await match.handler({
		method,
		path: resource,
		params: match.params,
		query,
		body,
		headers: req.headers,
		apiVersion,
	});
	answer(reply.status, reply.body, { ...callLimitHeaders(apiVersion), ...reply.headers });
}

/**
 * Shopify's REST rate-limit header (the fake never limits, so the bucket is always nearly empty)
 * and the version that answered.
 * @param {string} apiVersion
 */
function callLimitHeaders(apiVersion) {
	return { 'X-Shopify-Shop-Api-Call-Limit': '1/40', 'X-Shopify-API-Version': apiVersion };
}

/**
 * Errors become Shopify's `{ "errors": … }` bodies; anything unexpected is a fake bug (500).
 * @param {FakeContext} ctx
 * @param {import('node:http').ServerResponse} res
 * @param {unknown} error
 */
function answerError(ctx, res, error) {
	if (error instanceof ShopifyError)
		return sendJson(res, error.status, { errors: error.errors }, error.headers);
	if (error instanceof ApiError)
		return sendJson(res, error.statusCode, { errors: error.message }, error.headers);
	ctx.log(`shopify fake error: ${error instanceof Error ? error.stack : String(error)}`);
	return sendJson(res, 500, {
		errors: 'The Shopify fake failed to handle this call; see its log.',
	});
}

module.exports = { createRequestHandler };
