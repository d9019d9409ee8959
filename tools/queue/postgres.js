// @ts-check
'use strict';

/**
 * Debian's PostgreSQL as a child of this process, for n8n's database in queue mode: a fresh cluster
 * (`initdb`) in a data folder, listening on 127.0.0.1 only, with a role and a database it owns for
 * n8n (PostgreSQL 15 no longer lets a role that was only granted the database create tables in
 * `public`). PostgreSQL refuses to run as root, so as root (CI) it runs as the `postgres` user.
 */

const { execFileSync, spawn } = require('node:child_process');
const { chownSync, existsSync, mkdirSync, readdirSync, rmSync } = require('node:fs');
const path = require('node:path');

const { waitUntil, stopChild } = require('./processes');

/** The newest PostgreSQL Debian installed (`/usr/lib/postgresql/<major>/bin`), or MYOGO_PG_BIN. */
function postgresBin() {
	if (process.env.MYOGO_PG_BIN) return process.env.MYOGO_PG_BIN;
	const root = '/usr/lib/postgresql';
	const majors = existsSync(root)
		? readdirSync(root)
				.filter((d) => /^\d+$/.test(d))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (!majors.length)
		throw new Error(
			'PostgreSQL is not installed: apt-get install -y postgresql (or set MYOGO_PG_BIN)',
		);
	return path.join(root, majors[0], 'bin');
}

/** As root, the uid/gid of the `postgres` user; otherwise this process's own (no switch). */
function runAs() {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

/** The role and database n8n uses: local test values on a loopback-only cluster, not secrets. */
const N8N_DATABASE = Object.freeze({ database: 'n8n', user: 'n8n', password: 'n8n-local-queue' });

/**
 * @param {{ port: number, folder: string }} options `folder` is emptied and becomes the data folder
 * @returns {Promise<{ host: string, port: number, database: string, user: string, password: string, pid: number, stop: () => Promise<void> }>}
 */
async function startPostgres(options) {
	const bin = postgresBin();
	const user = runAs();
	rmSync(options.folder, { recursive: true, force: true });
	mkdirSync(options.folder, { recursive: true, mode: 0o700 });
	if (user.uid !== undefined) chownSync(options.folder, user.uid, /** @type {number} */ (user.gid));
	/** @type {import('node:child_process').StdioOptions} */
	const quiet = ['ignore', 'pipe', 'pipe'];
	// Trust on loopback only: this cluster lives for one run on 127.0.0.1 (production: scram-sha-256).
	execFileSync(
		path.join(bin, 'initdb'),
		[
			'-D',
			options.folder,
			'-U',
			'postgres',
			'--auth=trust',
			'--encoding=UTF8',
			'--no-instructions',
		],
		{ ...user, stdio: quiet },
	);

	const args = [
		'-D',
		options.folder,
		'-p',
		String(options.port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${options.folder}`,
		'-c',
		'max_connections=100',
	];
	const child = spawn(path.join(bin, 'postgres'), args, {
		...user,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	child.stdout.setEncoding('utf8').on('data', (chunk) => (log += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk) => (log += chunk));
	const stop = () => stopChild(child, 15_000);
	try {
		await waitUntil(
			'postgres',
			child,
			() => /database system is ready to accept connections/.test(log),
			() => log,
			60_000,
		);
		const { database, user: role, password } = N8N_DATABASE;
		const psql = (/** @type {string} */ sql) =>
			execFileSync(
				path.join(bin, 'psql'),
				[
					'-h',
					'127.0.0.1',
					'-p',
					String(options.port),
					'-U',
					'postgres',
					'-d',
					'postgres',
					'-v',
					'ON_ERROR_STOP=1',
					'-c',
					sql,
				],
				{ ...user, stdio: quiet },
			);
		psql(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
		psql(`CREATE DATABASE ${database} OWNER ${role}`);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		host: '127.0.0.1',
		port: options.port,
		...N8N_DATABASE,
		pid: /** @type {number} */ (child.pid),
		stop,
	};
}

module.exports = { startPostgres, postgresBin };
