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

module.exports = { takeFault };
