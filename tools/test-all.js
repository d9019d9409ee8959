#!/usr/bin/env node
// Runs every test tier one after the other — what CI runs, and what "all the tests" means here:
// the quick loop (`npm test`), the templates with n8n's own nodes, end to end in real n8n, the
// browser, the same on the newer n8n (compatibility), reliability, and the release check (n8n's
// verification scan). Every tier runs even when an earlier one failed, so one run shows everything;
// the closing lines say how long each tier took and whether it passed, and the exit code is
// non-zero if any failed.
const { spawnSync } = require('node:child_process');

const TIERS = [
	{ name: 'quick loop: build, lint, types, unit and in-process', script: 'test' },
	{ name: "templates (with n8n's own nodes)", script: 'test:templates' },
	{ name: 'end-to-end (real n8n)', script: 'test:e2e' },
	{ name: 'browser', script: 'test:browser' },
	{ name: 'queue mode (real n8n, Redis, PostgreSQL)', script: 'test:queue' },
	// The e2e and browser checks again on n8n 2.40 / Node 24 (installs it first when missing).
	{ name: 'compatibility (n8n 2.40)', script: 'test:compat' },
	// After the other test tiers: its secret scan also reads the logs they left in .data/.
	{ name: 'reliability', script: 'test:reliability' },
	{ name: "release check (n8n's verification scan)", script: 'release:check' },
];

const results = [];
for (const tier of TIERS) {
	const started = Date.now();
	console.log(`\n=== ${tier.name}: npm run ${tier.script}`);
	const run = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', tier.script], {
		stdio: 'inherit',
	});
	results.push({
		...tier,
		ok: run.status === 0,
		seconds: Math.round((Date.now() - started) / 1000),
	});
}

console.log('\n=== test tiers');
for (const r of results)
	console.log(
		`${r.ok ? 'passed' : 'FAILED'}  ${String(r.seconds).padStart(4)} s  ${r.name} (npm run ${r.script})`,
	);
process.exit(results.every((r) => r.ok) ? 0 : 1);
