// @ts-check
'use strict';

/**
 * `n8n start` (or, in queue mode, `n8n webhook` / `n8n worker`) as a child process: its log kept in
 * memory and in a file, ready when /healthz answers and the process says so, stopped with SIGTERM
 * (n8n's own graceful shutdown) and, if it hangs, SIGKILL.
 */

const { spawn } = require('node:child_process');
const { createWriteStream, mkdirSync } = require('node:fs');
const path = require('node:path');

const { N8N_BIN, N8N_NODE } = require('./environment');

/**
 * @typedef {object} RunningN8n
 * @property {string} url      `http://127.0.0.1:<port>`
 * @property {number} pid
 * @property {() => string} log everything n8n printed so far
 * @property {string} logFile
 * @property {(graceMs?: number) => Promise<void>} stop SIGTERM, then SIGKILL after `graceMs` (20 s)
 * @property {Promise<number | null>} exited resolves with the exit code when the process ends
 */

/**
 * What each n8n command prints once it is ready: /healthz answers earlier, before the REST API, the
 * active workflows or the queue are up. A worker's /healthz is on QUEUE_HEALTH_CHECK_PORT.
 */
const READY_LINES = {
	start: /Editor is now accessible via/,
	webhook: /Webhook listener waiting for requests/,
	worker: /n8n worker is now ready/,
};

/**
 * Starts `n8n start` (or `options.command`) and waits until /healthz answers and the process says it
 * is ready (or the process dies, or `timeoutMs` passes).
 * @param {Record<string, string>} env from n8nEnvironment()
 * @param {{ logFile?: string, timeoutMs?: number, echo?: (text: string) => void, onSpawn?: (stop: () => Promise<void>) => void, command?: 'start' | 'webhook' | 'worker', args?: string[] }} [options]
 * @returns {Promise<RunningN8n>}
 */
async function startN8n(env, options = {}) {
	const command = options.command ?? 'start';
	const healthPort = command === 'worker' ? env.QUEUE_HEALTH_CHECK_PORT : env.N8N_PORT;
	const url = `http://127.0.0.1:${healthPort}`;
	const logFile = options.logFile ?? path.join(env.N8N_USER_FOLDER, 'n8n.log');
	mkdirSync(path.dirname(logFile), { recursive: true });
	const logStream = createWriteStream(logFile, { flags: 'a' });
	const child = spawn(N8N_NODE, [N8N_BIN, command, ...(options.args ?? [])], {
		env,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let text = '';
	/** @param {string} chunk */
	const collect = (chunk) => {
		text += chunk;
		logStream.write(chunk);
		options.echo?.(chunk);
	};
	child.stdout.setEncoding('utf8').on('data', collect);
	child.stderr.setEncoding('utf8').on('data', collect);
	/** @type {Promise<number | null>} */
	const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
	let running = true;
	void exited.then(() => {
		running = false;
		logStream.end();
	});

	const stop = async (graceMs = 20_000) => {
		if (!running) return;
		child.kill('SIGTERM');
		const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
		await exited;
		clearTimeout(killer);
	};

	// The caller can stop n8n even while it is still starting (Ctrl-C during start-up).
	options.onSpawn?.(stop);
	const deadline = Date.now() + (options.timeoutMs ?? 120_000);
	while (true) {
		if (!running)
			throw new Error(`n8n ${command} exited before it was ready:\n${text.slice(-4000)}`);
		if (await healthy(url)) break;
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n did not answer ${url}/healthz in time:\n${text.slice(-4000)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	while (!READY_LINES[command].test(text)) {
		if (!running)
			throw new Error(`n8n ${command} exited before it was ready:\n${text.slice(-4000)}`);
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n did not finish starting in time:\n${text.slice(-4000)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	return { url, pid: /** @type {number} */ (child.pid), log: () => text, logFile, stop, exited };
}

/** @param {string} url */
async function healthy(url) {
	try {
		const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
		return response.ok;
	} catch {
		return false;
	}
}

module.exports = { startN8n };
