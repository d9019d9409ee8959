/**
 * tools/day/compressTime.js: the day scenario's imported template copies poll and run their
 * schedules `factor` times as often, found by trigger TYPE, and nothing else in them changes.
 */
import { CronJob } from 'cron';

import { readTemplate, templateFiles } from '../../tools/n8n';
import type { TemplateWorkflow } from '../../tools/n8n/templates';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compressTime, cronEvery } = require('../../tools/day/compressTime') as {
	compressTime: (
		template: TemplateWorkflow,
		factor: number,
		options?: { shortestPollSeconds?: number; schedules?: boolean },
	) => {
		template: TemplateWorkflow;
		changes: Array<{ type: string; fromSeconds: number; toSeconds: number; cron: string }>;
	};
	cronEvery: (seconds: number) => { cron: string; seconds: number };
};

const TIMED_TYPES = ['n8n-nodes-myogo.myOgoTrigger', 'n8n-nodes-base.scheduleTrigger'];

/** Seconds between the next fires of a cron, as n8n's scheduler (the `cron` package) computes them. */
function gapsOf(cron: string, count = 6): number[] {
	const dates = new CronJob(cron, () => undefined).nextDates(count);
	return dates.slice(1).map((date, i) => Math.round(date.diff(dates[i]).as('seconds')));
}

/** The template with its timed triggers' parameters left out: what must stay as it was. */
function withoutTimedParameters(template: TemplateWorkflow) {
	return template.nodes.map((node) =>
		TIMED_TYPES.includes(node.type) ? { ...node, parameters: undefined } : node,
	);
}

/** n8n 2.8.4 activates a poll as short as one second (an explicit list of seconds); 2.40 once a minute. */
const ON_2_8 = { shortestPollSeconds: 1 };

test('every template: each poll and schedule runs 60 times as often, and nothing else changes', () => {
	const periods: string[] = [];
	for (const file of templateFiles()) {
		const original = readTemplate(file);
		const { template, changes } = compressTime(original, 60, ON_2_8);
		expect(withoutTimedParameters(template)).toEqual(withoutTimedParameters(original));
		expect(template.connections).toEqual(original.connections);
		const timed = original.nodes.filter((node) => TIMED_TYPES.includes(node.type));
		expect(changes).toHaveLength(timed.length);
		for (const change of changes) {
			// Exactly 60 × as often, or a little more often where a cron cannot repeat the exact period evenly.
			expect(change.toSeconds).toBeLessThanOrEqual(change.fromSeconds / 60);
			expect(change.toSeconds).toBeGreaterThan(change.fromSeconds / 60 / 2);
			expect(gapsOf(change.cron)).toEqual(new Array(5).fill(change.toSeconds));
			periods.push(`${file}: ${change.fromSeconds} s → ${change.toSeconds} s`);
		}
		for (const node of template.nodes.filter((n) => n.type === 'n8n-nodes-myogo.myOgoTrigger')) {
			// n8n refuses a poll cron with "*" in its seconds field (polling interval too short).
			for (const item of node.parameters.pollTimes.item) {
				expect(item.mode).toBe('custom');
				expect(item.cronExpression.split(' ')[0]).not.toContain('*');
			}
		}
	}
	// The shipped periods: stock polls 5 min, tracking polls 10 min, catch-up hourly, repair 4-hourly, resyncs daily.
	expect(periods.map((p) => p.replace(/^.*: /, '')).sort()).toEqual(
		expect.arrayContaining(['300 s → 5 s', '600 s → 10 s', '3600 s → 60 s', '14400 s → 240 s']),
	);
	// A day is 1,440 s at factor 60; a cron repeats evenly within the hour only every 20 minutes.
	expect(periods).toContain('shopify-products-to-myogo.json: 86400 s → 1200 s');
});

test('triggers are found by type: renamed nodes are compressed all the same', () => {
	const original = readTemplate('shopify-stock-from-myogo.json');
	const renamed: TemplateWorkflow = {
		...original,
		nodes: original.nodes.map((node, i) => ({ ...node, name: `Renamed ${i}` })),
	};
	expect(compressTime(renamed, 60, ON_2_8).changes).toEqual(
		compressTime(original, 60, ON_2_8).changes,
	);
	expect(
		compressTime(renamed, 60, ON_2_8)
			.changes.map((c) => c.toSeconds)
			.sort(),
	).toEqual([1200, 5]);
});

test('periods round down to an even cron step, never below one second; a factor under 1 is refused', () => {
	expect(cronEvery(7)).toEqual({ cron: '0,6,12,18,24,30,36,42,48,54 * * * * *', seconds: 6 });
	expect(cronEvery(0.2).seconds).toBe(1);
	expect(cronEvery(7 * 60)).toEqual({ cron: '0 */6 * * * *', seconds: 360 });
	expect(cronEvery(5 * 3600)).toEqual({ cron: '0 0 */4 * * *', seconds: 4 * 3600 });
	expect(() => compressTime(readTemplate('shopify-stock-from-myogo.json'), 0.5)).toThrow(
		/factor must be 1 or more/,
	);
});

test("on n8n 2.40 a compressed poll runs once a minute at most: its cron's seconds field is one number", () => {
	for (const file of templateFiles()) {
		const { template, changes } = compressTime(readTemplate(file), 60, { shortestPollSeconds: 60 });
		for (const change of changes.filter((c) => c.type === 'n8n-nodes-myogo.myOgoTrigger'))
			expect([file, change.toSeconds >= 60]).toEqual([file, true]);
		for (const node of template.nodes.filter((n) => n.type === 'n8n-nodes-myogo.myOgoTrigger')) {
			// 2.40's isSubMinuteCron refuses a poll whose seconds field is anything but digits.
			for (const item of node.parameters.pollTimes.item)
				expect(item.cronExpression.split(' ')[0]).toMatch(/^\d+$/);
		}
	}
});

test('with schedules: false only the polls change; every Schedule Trigger stays as shipped', () => {
	const original = readTemplate('shopify-tracking-from-myogo.json');
	const { template, changes } = compressTime(original, 60, { ...ON_2_8, schedules: false });
	const schedulesOf = (t: TemplateWorkflow) =>
		t.nodes.filter((node) => node.type === 'n8n-nodes-base.scheduleTrigger');
	expect(schedulesOf(original).length).toBeGreaterThan(0);
	expect(schedulesOf(template)).toEqual(schedulesOf(original));
	expect(changes.map((change) => change.type)).toEqual(['n8n-nodes-myogo.myOgoTrigger']);
});
