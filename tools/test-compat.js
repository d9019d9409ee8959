#!/usr/bin/env node
// npm run test:compat: the package on the newer n8n merchants install today (n8n 2.40 on Node 24,
// dev/n8n-compat), through the same end-to-end and browser tests the pinned 2.8.4 runs, chosen with
// MYOGO_N8N=compat (tools/n8n/pinned.js): the live flows of both stores, the credential and its
// token refresh, every template imported and run, both myOGO triggers across a restart (signed
// delivery, replay, tampering), and the browser's nodes panel. Installs the compat n8n first when
// it is missing (~6–8 min of CPU once). Prints how long each step took; exits non-zero when one failed.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const env = { ...process.env, MYOGO_N8N: 'compat' };
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const STEPS = [
	{
		name: 'install n8n 2.40 on Node 24 when missing',
		command: process.execPath,
		args: ['tools/ensure-compat-n8n.js'],
	},
	{ name: 'build', command: npm, args: ['run', '--silent', 'build'] },
	{
		name: 'end to end on n8n 2.40',
		command: process.execPath,
		args: ['tools/run-tests.js', '-c', 'test/e2e/jest.config.js'],
	},
	// The sign-in test first: the nodes panel test goes on from its signed-in page.
	{
		name: 'browser: nodes panel on n8n 2.40',
		command: process.execPath,
		args: [
			'tools/run-tests.js',
			'-c',
			'test/browser/jest.config.js',
			'-t',
			'demo login|nodes panel',
		],
	},
];

const results = [];
for (const step of STEPS) {
	const started = Date.now();
	console.log(`\n=== compat: ${step.name}`);
	const run = spawnSync(step.command, step.args, { cwd: root, env, stdio: 'inherit' });
	results.push({
		...step,
		ok: run.status === 0,
		seconds: Math.round((Date.now() - started) / 1000),
	});
	// Nothing after a failed install or build can run.
	if (run.status !== 0 && results.length <= 2) break;
}

console.log('\n=== compat tier (n8n 2.40 on Node 24)');
for (const r of results)
	console.log(`${r.ok ? 'passed' : 'FAILED'}  ${String(r.seconds).padStart(4)} s  ${r.name}`);
process.exit(results.length === STEPS.length && results.every((r) => r.ok) ? 0 : 1);
