// @ts-check
'use strict';

/**
 * The counting shared by the store fakes' fault hooks (`/_fake/faults`): a rule lets `after`
 * matching calls through, then fails `remaining` of them, and is dropped once spent.
 */

/**
 * The first rule that `matches` this call and fails it, if any (using up one of its `after`, or of
 * its `remaining`).
 * @template {Record<string, any>} Rule
 * @param {Rule[]} rules
 * @param {(rule: Rule) => boolean} matches
 * @returns {Rule | null}
 */
function takeFault(rules, matches) {
	const rule = rules.find(matches);
	if (!rule) return null;
	const counts = /** @type {{ after: number, remaining: number }} */ (
		/** @type {unknown} */ (rule)
	);
	if (counts.after > 0) {
		counts.after -= 1;
		return null;
	}
	counts.remaining -= 1;
	if (counts.remaining <= 0) rules.splice(rules.indexOf(rule), 1);
	return rule;
}

module.exports = { takeFault, takePathFault, parsePathFaultRule };

/**
 * The WooCommerce and Magento fakes' rule: a path prefix and, optionally, a method.
 * @param {Record<string, any>[]} rules @param {string} method @param {string} path
 */
function takePathFault(rules, method, path) {
	return takeFault(rules, (r) => path.startsWith(r.path) && (!r.method || r.method === method));
}

/**
 * A `{ status, count?, after?, path?, method? }` rule as posted to `/_fake/faults`, or the reason it
 * is refused (`{ error }`).
 * @param {Record<string, any>} body
 */
function parsePathFaultRule(body) {
	const status = body.status;
	if (status !== 'reset' && !(Number.isInteger(status) && status >= 400 && status <= 599))
		return { error: 'status must be 400-599 or "reset"' };
	const positive = (/** @type {unknown} */ value, /** @type {number} */ fallback) =>
		Number.isInteger(value) && Number(value) > 0 ? Number(value) : fallback;
	return {
		rule: {
			status,
			remaining: positive(body.count, 1),
			after: positive(body.after, 0),
			path: typeof body.path === 'string' ? body.path : '',
			method: typeof body.method === 'string' ? body.method.toUpperCase() : undefined,
		},
	};
}
