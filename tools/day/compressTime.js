// @ts-check
'use strict';

/**
 * Time compression for "a day in the shop" (npm run bench:day): the imported copy of a template
 * polls and runs its schedules `factor` times as often, and nothing else changes. Triggers are found
 * by TYPE (node names change when templates are rewritten), and each one's period is divided by
 * `factor` and written back as a cron expression:
 * - myOGO Trigger (a polling node): `pollTimes` becomes one `custom` cron item. n8n refuses a poll
 *   whose cron has `*` in the seconds field ("The polling interval is too short", n8n-core's
 *   active-workflows.js), so a period under a minute is written as an explicit list of seconds
 *   (`0,10,20,30,40,50 * * * * *`), which n8n accepts.
 * - Schedule Trigger: each rule interval becomes `{ field: 'cronExpression' }` with the same cron.
 *   n8n 2.40 refuses any poll whose seconds field is not one number, so there a compressed poll
 *   never runs more often than once a minute (`shortestPollSeconds`, from tools/n8n/pinned.js).
 * Periods are rounded to what a cron can repeat evenly (a divisor of 60 seconds, 60 minutes or
 * 24 hours), never below one second. Settings (look-back windows such as catchUpHours) are not
 * touched: the day's data is minutes old, so every window still covers all of it. The tracking
 * repair's "Left to the Live Poll" window needs nothing here either: the templates compute it from
 * the myOGO Trigger's own poll times (two poll periods), so it shrinks with the compressed poll.
 */

/** @typedef {import('../n8n/templates').TemplateWorkflow} TemplateWorkflow */

const { selectedN8n } = require('../n8n/pinned');

const POLLING_TRIGGER_TYPES = new Set(['n8n-nodes-myogo.myOgoTrigger']);
const SCHEDULE_TRIGGER_TYPE = 'n8n-nodes-base.scheduleTrigger';

const SECONDS = { seconds: 1, minutes: 60, hours: 3600, days: 86_400, weeks: 604_800 };

/**
 * The period of one poll item, in seconds (the modes n8n's pollTimes offers).
 * @param {Record<string, any>} item
 */
function pollPeriodSeconds(item) {
	if (item.mode === 'everyMinute') return 60;
	if (item.mode === 'everyHour') return 3600;
	if (item.mode === 'everyX') return Number(item.value) * (item.unit === 'hours' ? 3600 : 60);
	if (item.mode === 'everyDay') return 86_400;
	if (item.mode === 'everyWeek') return 604_800;
	throw new Error(`poll mode "${item.mode}" has no fixed period to compress`);
}

/**
 * The period of one Schedule Trigger interval, in seconds.
 * @param {Record<string, any>} interval
 */
function schedulePeriodSeconds(interval) {
	const field = interval.field ?? 'days';
	const unit = SECONDS[/** @type {keyof typeof SECONDS} */ (field)];
	if (!unit) throw new Error(`schedule field "${field}" has no fixed period to compress`);
	return unit * Number(interval[`${field}Interval`] ?? 1);
}

/**
 * The largest divisor of `whole` not above `wanted` (at least 1).
 * @param {number} whole
 * @param {number} wanted
 */
function evenStep(whole, wanted) {
	for (let step = Math.max(1, Math.min(whole, Math.floor(wanted))); step > 1; step--)
		if (whole % step === 0) return step;
	return 1;
}

/**
 * A cron expression (seconds first, as n8n's) firing every `seconds`, rounded down to an even step,
 * with no `*` in the seconds field.
 * @param {number} seconds
 */
function cronEvery(seconds) {
	if (seconds < 60) {
		const step = evenStep(60, seconds);
		const list = Array.from({ length: 60 / step }, (_, i) => i * step).join(',');
		return { cron: `${list} * * * * *`, seconds: step };
	}
	if (seconds < 3600) {
		const step = evenStep(60, seconds / 60);
		return { cron: `0 */${step} * * * *`, seconds: step * 60 };
	}
	const step = evenStep(24, seconds / 3600);
	return { cron: `0 0 */${step} * * *`, seconds: step * 3600 };
}

/**
 * @typedef {object} TimeChange
 * @property {string} file
 * @property {string} type   the trigger's node type
 * @property {number} fromSeconds
 * @property {number} toSeconds
 * @property {string} cron
 */

/**
 * A copy of `template` whose polls and schedules run `factor` times as often, and what changed.
 * @param {TemplateWorkflow} template
 * @param {number} factor
 * @param {{ shortestPollSeconds?: number, schedules?: boolean }} [options]  shortestPollSeconds
 *   default: what the selected n8n activates; `schedules: false` leaves Schedule Triggers as shipped
 *   (a test that needs only the live polls keeps the hourly/daily runs out of its few minutes)
 * @returns {{ template: TemplateWorkflow, changes: TimeChange[] }}
 */
function compressTime(template, factor, options = {}) {
	const shortestPollSeconds = options.shortestPollSeconds ?? selectedN8n().shortestPollSeconds;
	if (!(factor >= 1)) throw new Error(`time factor must be 1 or more, got ${factor}`);
	/** @type {TemplateWorkflow} */
	const copy = JSON.parse(JSON.stringify(template));
	/** @type {TimeChange[]} */
	const changes = [];
	const compress = (
		/** @type {string} */ type,
		/** @type {number} */ fromSeconds,
		/** @type {number} */ shortestSeconds = 1,
	) => {
		const { cron, seconds } = cronEvery(Math.max(shortestSeconds, fromSeconds / factor));
		changes.push({ file: template.file, type, fromSeconds, toSeconds: seconds, cron });
		return cron;
	};
	for (const node of copy.nodes) {
		if (POLLING_TRIGGER_TYPES.has(node.type)) {
			const items = node.parameters?.pollTimes?.item ?? [];
			node.parameters.pollTimes = {
				item: items.map((/** @type {Record<string, any>} */ item) => ({
					mode: 'custom',
					cronExpression: compress(node.type, pollPeriodSeconds(item), shortestPollSeconds),
				})),
			};
		} else if (node.type === SCHEDULE_TRIGGER_TYPE && options.schedules !== false) {
			const intervals = node.parameters?.rule?.interval ?? [{}];
			node.parameters.rule = {
				interval: intervals.map((/** @type {Record<string, any>} */ interval) => ({
					field: 'cronExpression',
					expression: compress(node.type, schedulePeriodSeconds(interval)),
				})),
			};
		}
	}
	return { template: copy, changes };
}

module.exports = { compressTime, cronEvery, POLLING_TRIGGER_TYPES, SCHEDULE_TRIGGER_TYPE };
