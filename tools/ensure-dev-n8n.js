#!/usr/bin/env node
// Installs the pinned real n8n into dev/n8n (from its lockfile) when it is missing, so that
// `npm ci && npm test` works on a fresh machine. The first run takes a few minutes.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const path = require('node:path');

const devDir = path.resolve(__dirname, '..', 'dev', 'n8n');
const marker = path.join(devDir, 'node_modules', 'n8n-nodes-base', 'package.json');
if (existsSync(marker)) process.exit(0);

console.log('Installing the pinned n8n into dev/n8n (first run only, a few minutes)…');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: devDir, stdio: 'inherit' });
process.exit(result.status ?? 1);
