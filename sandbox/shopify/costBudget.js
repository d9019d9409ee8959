// @ts-check
'use strict';

const { ShopifyError } = require('./errors');

/**
 * Shopify's GraphQL cost budget (a leaky bucket), OFF unless a test turns it on with
 * `POST /_fake/rate-limit { "graphql": { "plan": "standard" } }` (bucket 2,000, 100 points/s) or
 * `{ "graphql": { "bucket": 1000, "restorePerSecond": 100 } }`; `DELETE` or `/_fake/reset` turns it
 * off again. While on, as at Shopify (sandbox/README.md): a call whose requested cost is over the
 * single-query maximum (1,000) is refused before it runs (MAX_COST_EXCEEDED); otherwise the bucket
 * must hold the requested cost (else Shopify's THROTTLED answer, HTTP 200, nothing run), is charged
 * it, and after the call gets back the difference to the actual cost (graphql/cost.js). The bucket
 * starts full and refills continuously at the restore rate (real time) up to its size.
 */

const THROTTLED_DOCUMENTATION = 'https://shopify.dev/api/usage/rate-limits';
/** Shopify refuses a single query whose requested cost is above this, whatever the plan. */
const MAX_QUERY_COST = 1000;
/** What a standard plan's shop reports (`maximumAvailable: 2000, restoreRate: 100`). */
const PLANS = { standard: { bucket: 2000, restorePerSecond: 100 } };

/** @typedef {{ bucket: number, restorePerSecond: number, available: number, at: number }} CostBudget */

/**
 * @param {Record<string, any>} body
 * @param {() => number} now milliseconds
 * @returns {CostBudget}
 */
function costBudget(body, now) {
	const plan = body.graphql?.plan;
	if (plan !== undefined && !Object.prototype.hasOwnProperty.call(PLANS, plan))
		throw new ShopifyError(400, {
			graphql: [`plan must be one of ${Object.keys(PLANS).join(', ')}`],
		});
	const { bucket, restorePerSecond } = plan
		? PLANS[/** @type {'standard'} */ (plan)]
		: (body.graphql ?? {});
	const positive = (/** @type {unknown} */ n) =>
		typeof n === 'number' && Number.isFinite(n) && n > 0;
	if (!positive(bucket) || !positive(restorePerSecond)) {
		throw new ShopifyError(400, {
			graphql: [
				'must be { "plan": "standard" } or { "bucket": <points>, "restorePerSecond": <points> }, both above 0',
			],
		});
	}
	return { bucket, restorePerSecond, available: bucket, at: now() };
}

/**
 * Refills the bucket up to now.
 * @param {CostBudget} budget
 * @param {number} now
 */
function refill(budget, now) {
	budget.available = Math.min(
		budget.bucket,
		budget.available + ((now - budget.at) / 1000) * budget.restorePerSecond,
	);
	budget.at = now;
}

/** @param {CostBudget} budget */
function throttleStatus(budget) {
	return {
		maximumAvailable: budget.bucket,
		currentlyAvailable: Math.floor(budget.available),
		restoreRate: budget.restorePerSecond,
	};
}

/**
 * Charges a call's requested cost before it runs. Returns the whole answer instead when Shopify
 * would not run it: over the single-query maximum, or more than the bucket holds (THROTTLED).
 * @param {CostBudget} budget
 * @param {number} cost
 * @param {number} now
 * @returns {{ refused?: Record<string, unknown>, throttled?: boolean }}
 */
function charge(budget, cost, now) {
	refill(budget, now);
	if (cost > MAX_QUERY_COST) {
		return {
			refused: {
				errors: [
					{
						message: `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_QUERY_COST}).`,
						extensions: { code: 'MAX_COST_EXCEEDED', cost, maxCost: MAX_QUERY_COST },
					},
				],
				extensions: {
					cost: {
						requestedQueryCost: cost,
						actualQueryCost: null,
						throttleStatus: throttleStatus(budget),
					},
				},
			},
		};
	}
	if (cost > budget.available) {
		const extensions = {
			cost: {
				requestedQueryCost: cost,
				actualQueryCost: null,
				throttleStatus: throttleStatus(budget),
			},
		};
		return {
			throttled: true,
			refused: {
				errors: [
					{
						message: 'Throttled',
						extensions: { code: 'THROTTLED', documentation: THROTTLED_DOCUMENTATION },
					},
				],
				extensions,
			},
		};
	}
	budget.available -= cost;
	return {};
}

/**
 * After the call: gives back what the answer did not use (requested − actual) and returns the
 * `extensions.cost` to report.
 * @param {CostBudget} budget
 * @param {number} requested
 * @param {number} actual
 * @param {number} now
 */
function settle(budget, requested, actual, now) {
	refill(budget, now);
	budget.available = Math.min(budget.bucket, budget.available + Math.max(0, requested - actual));
	return {
		requestedQueryCost: requested,
		actualQueryCost: actual,
		throttleStatus: throttleStatus(budget),
	};
}

/**
 * The budget as the control API shows it (refilled up to now).
 * @param {CostBudget | null} budget
 * @param {number} now
 */
function budgetView(budget, now) {
	if (!budget) return { graphql: null };
	refill(budget, now);
	return { graphql: throttleStatus(budget) };
}

module.exports = { costBudget, charge, settle, budgetView };
