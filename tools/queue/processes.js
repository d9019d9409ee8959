// @ts-check
'use strict';

/**
 * Waiting for and stopping the child processes the queue-mode runner starts (Redis, PostgreSQL).
 */

/**
 * Resolves when `ready()` is true; rejects when the child exits first or `timeoutMs` passes.
 * @param {string} name
 * @param {import('node:child_process').ChildProcess} child
 * @param {() => boolean} ready
 * @param {() => string} log
 * @param {number} timeoutMs
 */
async function waitUntil(name, child, ready, log, timeoutMs) {
	const deadline = Date.now() + timeoutMs;
	while (!ready()) {
		if (child.exitCode !== null || child.signalCode !== null)
			throw new Error(`${name} exited before it was ready:\n${log().slice(-3000)}`);
		if (child.spawnfile && child.pid === undefined)
			throw new Error(`${name} could not be started (is it installed?)`);
		if (Date.now() > deadline)
			throw new Error(`${name} was not ready after ${timeoutMs / 1000} s:\n${log().slice(-3000)}`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/**
 * SIGTERM, then SIGKILL after `graceMs`; resolves when the child is gone.
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} graceMs
 */
async function stopChild(child, graceMs) {
	if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
	await exited;
	clearTimeout(killer);
}

module.exports = { waitUntil, stopChild };
