// @ts-check
'use strict';

/**
 * Debian's `redis-server` as a child of this process, for n8n's queue: loopback only, on the given
 * port, nothing persisted (the queue of a test or demo run is thrown away with it).
 */

const { spawn } = require('node:child_process');
const { mkdirSync } = require('node:fs');

const { waitUntil, stopChild } = require('./processes');

const REDIS_SERVER = process.env.MYOGO_REDIS_SERVER ?? 'redis-server';

/**
 * @param {{ port: number, folder: string }} options
 * @returns {Promise<{ host: string, port: number, pid: number, stop: () => Promise<void> }>}
 */
async function startRedis(options) {
	mkdirSync(options.folder, { recursive: true });
	const args = [
		'--bind',
		'127.0.0.1',
		'--port',
		String(options.port),
		'--dir',
		options.folder,
		'--save',
		'',
		'--appendonly',
		'no',
		'--daemonize',
		'no',
		'--protected-mode',
		'yes',
	];
	const child = spawn(REDIS_SERVER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
	let log = '';
	child.stdout.setEncoding('utf8').on('data', (chunk) => (log += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk) => (log += chunk));
	const stop = () => stopChild(child, 10_000);
	await waitUntil(
		'redis-server',
		child,
		() => /Ready to accept connections/.test(log),
		() => log,
		30_000,
	).catch(async (error) => {
		await stop();
		throw error;
	});
	return { host: '127.0.0.1', port: options.port, pid: /** @type {number} */ (child.pid), stop };
}

module.exports = { startRedis };
