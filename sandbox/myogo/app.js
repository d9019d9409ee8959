// @ts-check
'use strict';

const { Router } = require('../shared/http/router');
const { Query } = require('../shared/http/query');
const { ApiError, errorBody } = require('../shared/http/errors');
const { readRawBody, parseJsonBody } = require('../shared/http/body');
const { sendJson } = require('../shared/http/respond');
const { sleep } = require('./latency');
const { authenticate } = require('./auth/authenticate');
const { handleTokenRequest } = require('./auth/tokenEndpoint');
const { registerProductRoutes } = require('./resources/products');
const { registerStockRoutes } = require('./resources/stock');
const { registerOrderRoutes } = require('./resources/orders');
const { registerIncomingStockRoutes } = require('./resources/incomingStock');
const { registerWebhookRoutes } = require('./resources/webhooks');
const { createControlRouter, isControlPath } = require('./control');
const { isLoopbackAddress } = require('../shared/loopback');

/**
 * The sandbox's one request handler. Every call on the port is one of:
 * - a control call (`/_sandbox/...`): loopback only, never logged, delayed or faulted;
 * - a token call (`POST /OAuth/Token`) or an API call (`/api/v1/...`), or an
 *   unknown path: logged, delayed by the injected latency, possibly failed
 *   by an injected fault, then handled.
 */

/** API bodies are small; this only stops a runaway client. */
const API_BODY_LIMIT = 20 * 1024 * 1024;
/** Seeding 50,000 products is one big body. */
const CONTROL_BODY_LIMIT = 512 * 1024 * 1024;

/**
 * @param {import('./types').SandboxContext} ctx
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
function createRequestHandler(ctx) {
	const api = new Router();
	registerProductRoutes(api, ctx);
	registerStockRoutes(api, ctx);
	registerOrderRoutes(api, ctx);
	registerIncomingStockRoutes(api, ctx);
	registerWebhookRoutes(api, ctx);
	const control = createControlRouter(ctx);

	return (req, res) => {
		const url = req.url || '/';
		const q = url.indexOf('?');
		const rawPath = q < 0 ? url : url.slice(0, q);
		const query = new Query(q < 0 ? '' : url.slice(q + 1));
		const handled = isControlPath(rawPath)
			? handleControlCall(ctx, control, req, res, rawPath, query)
			: handleApiCall(ctx, api, req, res, rawPath, query);
		handled.catch((error) => answerError(ctx, res, error));
	};
}

/**
 * @param {import('./types').SandboxContext} ctx
 * @param {Router} control
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} rawPath
 * @param {Query} query
 */
async function handleControlCall(ctx, control, req, res, rawPath, query) {
	if (!isLoopbackAddress(req.socket.remoteAddress)) {
		throw new ApiError(403, 'The sandbox control API answers loopback callers only.');
	}
	const method = req.method || 'GET';
	const match = control.match(method, rawPath);
	if (!match)
		throw new ApiError(404, `There is no control call ${method} ${rawPath}; see GET /_sandbox.`);
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
 * @param {import('./types').SandboxContext} ctx
 * @param {Router} api
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} rawPath
 * @param {Query} query
 */
async function handleApiCall(ctx, api, req, res, rawPath, query) {
	const method = req.method || 'GET';
	const entry = ctx.requestLog.begin(method, rawPath, query.pairs);
	res.on('close', () => ctx.requestLog.finish(entry, res.headersSent ? res.statusCode : 0));
	const started = Date.now();
	res.on('finish', () =>
		ctx.log(`${method} ${entry.path} → ${res.statusCode} (${Date.now() - started} ms)`),
	);

	const raw = await readRawBody(req, API_BODY_LIMIT);
	await ctx.latency.wait();

	const fault = ctx.faults.take(rawPath, method);
	if (fault) {
		if (fault.delayMs) await sleep(fault.delayMs);
		if (fault.status === 'reset') {
			ctx.requestLog.finish(entry, 0, true);
			ctx.log(`${method} ${entry.path} → injected connection reset`);
			req.socket.destroy();
			return;
		}
		ctx.requestLog.finish(entry, fault.status, true);
		/** @type {Record<string, string>} */
		const headers =
			fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
		sendJson(
			res,
			fault.status,
			errorBody(fault.status, `Injected fault: the sandbox was told to answer ${fault.status}.`),
			headers,
		);
		return;
	}

	const path = rawPath.toLowerCase().replace(/\/+$/, '');
	if (path === '/oauth/token') {
		if (method !== 'POST')
			throw new ApiError(405, 'The token endpoint takes POST only.', { Allow: 'POST' });
		const reply = handleTokenRequest(ctx, raw, req.headers);
		sendJson(res, reply.status, reply.body, reply.headers);
		return;
	}

	const match = api.match(method, rawPath);
	if (!match) throw new ApiError(404, `No API endpoint matches ${method} ${rawPath}.`);
	authenticate(ctx, req.headers);
	const body = parseJsonBody(raw, req.headers['content-type']);
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
 * Turns a thrown error into the error body; anything that is not an
 * ApiError is a sandbox bug and answers 500.
 * @param {import('./types').SandboxContext} ctx
 * @param {import('node:http').ServerResponse} res
 * @param {unknown} error
 */
function answerError(ctx, res, error) {
	if (error instanceof ApiError) {
		sendJson(res, error.statusCode, errorBody(error.statusCode, error.message), error.headers);
		return;
	}
	ctx.log(`sandbox error: ${error instanceof Error ? error.stack : String(error)}`);
	sendJson(res, 500, errorBody(500, 'The sandbox failed to handle this call; see its log.'));
}

module.exports = { createRequestHandler };
