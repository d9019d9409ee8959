// @ts-check
'use strict';

const { ShopifyError } = require('./errors');
const { takeFault: takeMatchingFault } = require('../shared/faultRules');

/**
 * The fake's fault hook, for the reliability suite (`/_fake/faults`, see sandbox/README.md).
 * A rule fails the next `count` Admin API calls whose resource path (below `/admin/api/<version>`,
 * without `.json`, e.g. `/orders` or `/graphql`) starts with `path`, optionally only for one
 * `method` and, for GraphQL, one `graphqlOperation` (the operation's name). `after` lets that many
 * matching calls through first, so a fault can land mid-way through a run. What the failed call gets:
 * - a status 400-599: that status with Shopify's `{ "errors": … }` body (429 also carries `Retry-After`);
 * - `"reset"`: the connection is dropped without an answer;
 * - `"lost-answer"`: the call is carried out, then the connection is dropped instead of the answer
 *   (a write that happened although the client saw only a network error);
 * - `"THROTTLED"`: HTTP 200 with `errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }]`,
 *   as Shopify answers a GraphQL call when the cost bucket is empty;
 * - `"delay"`: the call waits `ms` milliseconds (default 1000, at most 30000), then is carried out and
 *   answered as usual: a window in which a test can change the shop (a sale between a client's read
 *   and its write).
 */

/** @typedef {{ status: number | 'reset' | 'lost-answer' | 'THROTTLED' | 'delay', ms?: number, remaining: number, after: number, path: string, method?: string, graphqlOperation?: string }} FaultRule */

const MAX_DELAY_MS = 30_000;

/**
 * @param {Record<string, any>} body
 * @returns {FaultRule}
 */
function faultRule(body) {
	const status = body.status;
	const valid =
		['reset', 'lost-answer', 'THROTTLED', 'delay'].includes(status) ||
		(Number.isInteger(status) && status >= 400 && status <= 599);
	if (!valid)
		throw new ShopifyError(400, {
			status: ['must be 400-599, "reset", "lost-answer", "THROTTLED" or "delay"'],
		});
	if (
		status === 'delay' &&
		body.ms !== undefined &&
		!(Number.isInteger(body.ms) && body.ms >= 0 && body.ms <= MAX_DELAY_MS)
	) {
		throw new ShopifyError(400, {
			ms: [`must be a whole number of milliseconds, 0-${MAX_DELAY_MS}`],
		});
	}
	return {
		status,
		...(status === 'delay' && { ms: body.ms ?? 1000 }),
		remaining: Number.isInteger(body.count) && body.count > 0 ? body.count : 1,
		after: Number.isInteger(body.after) && body.after > 0 ? body.after : 0,
		path: typeof body.path === 'string' ? body.path.replace(/\.json$/, '') : '',
		...(typeof body.method === 'string' && { method: body.method.toUpperCase() }),
		...(typeof body.graphqlOperation === 'string' && { graphqlOperation: body.graphqlOperation }),
	};
}

/**
 * The rule that fails this call, if any (using up one of its count, or one of its `after`).
 * @param {FaultRule[]} rules
 * @param {{ method: string, resource: string, graphqlOperation?: string }} call
 * @returns {FaultRule | null}
 */
function takeFault(rules, { method, resource, graphqlOperation }) {
	return takeMatchingFault(
		rules,
		(r) =>
			resource.startsWith(r.path) &&
			(!r.method || r.method === method) &&
			(!r.graphqlOperation || r.graphqlOperation === graphqlOperation),
	);
}

/** Shopify's answer to a GraphQL call over the cost limit (HTTP 200). */
const THROTTLED_BODY = {
	errors: [
		{
			message: 'Throttled',
			extensions: { code: 'THROTTLED', documentation: 'https://shopify.dev/api/usage/rate-limits' },
		},
	],
	extensions: {
		cost: {
			requestedQueryCost: 1,
			actualQueryCost: null,
			throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 0, restoreRate: 100 },
		},
	},
};

/** The error an injected numeric status answers with. @param {number} status */
function injectedError(status) {
	const error = new ShopifyError(
		status,
		status === 429
			? 'Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.'
			: `Injected fault: the fake was told to answer ${status}.`,
	);
	if (status === 429) error.headers = { 'Retry-After': '1.0' };
	return error;
}

module.exports = { faultRule, takeFault, THROTTLED_BODY, injectedError };
