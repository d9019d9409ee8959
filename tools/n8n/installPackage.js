// @ts-check
'use strict';

/**
 * Installs this repo's built package into an n8n user folder the way n8n 2.8.4's community-nodes
 * screen installs a package (CommunityPackagesService.downloadPackage): a tarball from `npm pack`,
 * unpacked into `<n8n folder>/nodes/node_modules/<name>`, its package.json stripped of dev, peer and
 * optional dependencies, `npm install` inside it with n8n's own flags, and the dependency recorded in
 * `nodes/package.json`. The only difference: the tarball is packed from the working tree, not
 * downloaded, and `--offline` keeps npm off the network (the package has no dependencies).
 */

const { execFileSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const { DATA_DIR, REPO_ROOT } = require('./environment');

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** npm's cache and debug logs stay in the repo's data folder too. */
const NPM_ENV = { ...process.env, npm_config_cache: path.join(DATA_DIR, 'npm-cache') };
/** The flags n8n 2.8.4 passes to `npm install` for a community package (NPM_COMMON_ARGS + NPM_INSTALL_ARGS). */
const N8N_NPM_INSTALL_FLAGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

/**
 * `npm pack` of the repo (dist must be built) into `destination`; returns the tarball's path.
 * @param {string} destination
 */
function packRepo(destination) {
	mkdirSync(destination, { recursive: true });
	const out = execFileSync(
		NPM,
		['pack', '--json', '--ignore-scripts', `--pack-destination=${destination}`],
		{
			cwd: REPO_ROOT,
			env: NPM_ENV,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const [packed] = /** @type {Array<{ filename: string, files: Array<{ path: string }> }>} */ (
		JSON.parse(out)
	);
	if (!packed.files.some((f) => f.path.startsWith('dist/nodes/'))) {
		throw new Error('the packed package holds no dist/nodes: run `npm run build` first');
	}
	return path.join(destination, packed.filename);
}

/**
 * Installs the tarball as a community package of the n8n instance whose N8N_USER_FOLDER is `userFolder`.
 * Replaces an earlier install. Returns the package directory.
 * @param {string} tarball
 * @param {string} userFolder
 */
function installTarball(tarball, userFolder) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const packageJsonPath = path.join(nodesDir, 'package.json');
	mkdirSync(nodesDir, { recursive: true });
	if (!existsSync(packageJsonPath)) {
		writeFileSync(
			packageJsonPath,
			JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
		);
	}
	const name = /** @type {string} */ (
		JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')).name
	);
	const packageDir = path.join(nodesDir, 'node_modules', name);
	rmSync(packageDir, { recursive: true, force: true });
	mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1']);

	const ownJsonPath = path.join(packageDir, 'package.json');
	const ownJson = JSON.parse(readFileSync(ownJsonPath, 'utf8'));
	for (const field of ['devDependencies', 'peerDependencies', 'optionalDependencies'])
		delete ownJson[field];
	writeFileSync(ownJsonPath, JSON.stringify(ownJson, null, 2));
	execFileSync(NPM, ['install', ...N8N_NPM_INSTALL_FLAGS, '--offline'], {
		cwd: packageDir,
		env: NPM_ENV,
		stdio: ['ignore', 'pipe', 'pipe'],
	});

	const installed = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
	installed.dependencies = { ...installed.dependencies, [name]: ownJson.version };
	writeFileSync(packageJsonPath, JSON.stringify(installed, null, 2));
	return packageDir;
}

/**
 * Packs the repo and installs it into the user folder (dist must be built).
 * @param {string} userFolder
 */
function installPackage(userFolder) {
	const tarball = packRepo(path.join(userFolder, 'pack'));
	try {
		return installTarball(tarball, userFolder);
	} finally {
		rmSync(tarball, { force: true });
	}
}

module.exports = { installPackage, packRepo, installTarball, N8N_NPM_INSTALL_FLAGS, NPM_ENV };
