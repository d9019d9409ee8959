/**
 * `npm run bench:day`: the full day in the shop (issue 20) for Shopify and WooCommerce, one after the
 * other, each in real n8n with its four sync templates: 200 paid orders, 2,000 stock changes, 20
 * product edits, the shipments, a store outage and an n8n restart, in a six-minute day (240 ×;
 * `DAY_MINUTES=…` changes it). Prints the end-state checks, the calls per API against the minimum and
 * the runs per workflow; figures, not assertions (docs/benchmarks.md keeps them).
 */
import { FULL_DAY } from './dayPlan';
import type { DayStore } from './dayStore';
import { playDay } from './playDay';
import { shopifyDay } from './shopifyDay';
import { wooCommerceDay } from './wooCommerceDay';
import type { E2eServices } from '../../test/e2e/services';

const dayMs = Number(process.env.DAY_MINUTES ?? 6) * 60_000;

test.each<[string, (services: E2eServices) => DayStore]>([
	['Shopify', shopifyDay],
	['WooCommerce', wooCommerceDay],
])('a day in the %s shop', async (_name, makeStore) => {
	const report = await playDay(makeStore, {
		size: FULL_DAY,
		dayMs,
		settleMs: Math.max(180_000, dayMs / 2),
		log: (line) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`),
	});
	const ratios = report.ratios.map((r) => `${r.api} ${r.ratio.toFixed(2)}`).join(', ');
	const failed = report.checks.filter((c) => !c.ok).length;
	console.log(
		`${report.lines.join('\n')}\nresults line: ${report.store}: end state ${report.checks.length - failed}/${report.checks.length} ✓; calls / minimum: ${ratios}; ${report.flaggedRuns} runs started by another template's writes with nothing to do; ${report.seconds} s`,
	);
});
