#!/usr/bin/env node
// n8n's verification scan (@n8n/scan-community-package), run locally before a release: its own
// `analyzePackage` over the source (package.json, nodes, credentials) and over what `npm pack`
// would publish. The published scan fetches both from npm and GitHub; here they come from this
// checkout, so a finding shows up before the version is on npm. Exit code 1 on any finding.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The scan lints compiled `.js` and package.json in the tarball (its `.ts` rules only fit sources).
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Packs the package (as `npm publish` would) and unpacks it into a temporary folder. */
function unpackedTarball(workDir) {
	const packed = JSON.parse(
		execFileSync(NPM, ['pack', '--json', '--pack-destination', workDir], {
			cwd: REPO_ROOT,
			encoding: 'utf8',
		}),
	);
	const packageDir = path.join(workDir, 'package');
	execFileSync('tar', ['-xzf', path.join(workDir, packed[0].filename), '-C', workDir]);
	return packageDir;
}

function report(label, result) {
	console.log(
		`${result.passed ? 'passed' : 'FAILED'}  ${label}${result.message && !result.passed ? `: ${result.message}` : ''}`,
	);
	if (result.details) console.log(result.details);
	return result.passed;
}

const workDir = mkdtempSync(path.join(tmpdir(), 'myogo-scan-'));
try {
	const sourcePassed = report(
		'source (package.json, nodes, credentials)',
		await analyzePackage(REPO_ROOT, SOURCE_FILE_PATTERNS),
	);
	const tarballPassed = report(
		'packed tarball',
		await analyzePackage(unpackedTarball(workDir), TARBALL_FILE_PATTERNS),
	);
	process.exitCode = sourcePassed && tarballPassed ? 0 : 1;
} finally {
	rmSync(workDir, { recursive: true, force: true });
}
