// @ts-check
'use strict';

const { ShopifyError } = require('./errors');

/**
 * Shopify's GraphQL cost budget (a leaky bucket), OFF unless a test turns it on with
 * `POST /_fake/rate-limit { "graphql": { "bucket": 1000, "restorePerSecond": 100 } }`; `DELETE` or
 * `/_fake/reset` turns it off again. While on, every GraphQL call that parses and validates is
 * charged its requested cost (graphql/cost.js); the bucket starts full and refills continuously at
 * the restore rate (real time) up to its size. A call dearer than what is left is not run and gets
 * Shopify's THROTTLED answer (HTTP 200).
 */

const THROTTLED_DOCUMENTATION = 'https://shopify.dev/api/usage/rate-limits';

/** @typedef {{ bucket: number, restorePerSecond: number, available: number, at: number }} CostBudget */

/**
 * @param {Record<string, any>} body
 * @param {() => number} now milliseconds
 * @returns {CostBudget}
 */
function costBudget(body, now) {
	const { bucket, restorePerSecond } = body.graphql ?? {};
	const positive = (/** @type {unknown} */ n) =>
		typeof n === 'number' && Number.isFinite(n) && n > 0;
	if (!positive(bucket) || !positive(restorePerSecond)) {
		throw new ShopifyError(400, {
			graphql: ['must be { "bucket": <points>, "restorePerSecond": <points> }, both above 0'],
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
 * Charges a call's cost: the `extensions.cost` to report, or, when the bucket holds too little,
 * the whole THROTTLED answer instead.
 * @param {CostBudget} budget
 * @param {number} cost
 * @param {number} now
 * @returns {{ cost: Record<string, unknown>, throttled?: Record<string, unknown> }}
 */
function charge(budget, cost, now) {
	refill(budget, now);
	if (cost > budget.available) {
		const extensions = {
			cost: {
				requestedQueryCost: cost,
				actualQueryCost: null,
				throttleStatus: throttleStatus(budget),
			},
		};
		return {
			cost: extensions.cost,
			throttled: {
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
	return {
		cost: {
			requestedQueryCost: cost,
			actualQueryCost: cost,
			throttleStatus: throttleStatus(budget),
		},
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

module.exports = { costBudget, charge, budgetView };
