// @ts-check
'use strict';

/**
 * n8n's own CLI commands (import, execute, publish), run asynchronously so that fakes served by the
 * calling process keep answering while n8n works.
 */

const { spawn } = require('node:child_process');
const { mkdirSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const { N8N_BIN, N8N_NODE } = require('./environment');

/**
 * @typedef {object} CommandResult
 * @property {number} code
 * @property {string} stdout
 * @property {string} stderr
 */

/**
 * Runs `n8n <args>` with the given environment.
 * @param {Record<string, string>} env from n8nEnvironment()
 * @param {string[]} args
 * @returns {Promise<CommandResult>}
 */
function runN8nCommand(env, args) {
	return new Promise((resolve, reject) => {
		const child = spawn(N8N_NODE, [N8N_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
	});
}

/**
 * Runs a command that must succeed; throws with n8n's output otherwise.
 * @param {Record<string, string>} env
 * @param {string[]} args
 */
async function runN8nCommandOk(env, args) {
	const result = await runN8nCommand(env, args);
	if (result.code !== 0) {
		throw new Error(
			`n8n ${args[0]} exited with ${result.code}:\n${result.stdout}\n${result.stderr}`.trim(),
		);
	}
	return result;
}

/**
 * Writes `data` as JSON to a scratch file in the user folder and imports it with `n8n <command> --input`.
 * @param {Record<string, string>} env
 * @param {'import:credentials' | 'import:workflow'} command
 * @param {unknown[]} data
 */
async function importJson(env, command, data) {
	const dir = path.join(env.N8N_USER_FOLDER, 'import');
	mkdirSync(dir, { recursive: true });
	const file = path.join(dir, `${command.replace(':', '-')}-${Date.now()}.json`);
	writeFileSync(file, JSON.stringify(data, null, 2));
	try {
		return await runN8nCommandOk(env, [command, `--input=${file}`]);
	} finally {
		// Credentials are in plain text here until n8n has encrypted them into its database.
		rmSync(file, { force: true });
	}
}

/**
 * Imports credentials (`[{ id, name, type, data }]`, `data` in plain text: n8n encrypts it on import).
 * @param {Record<string, string>} env
 * @param {Array<{ id: string, name: string, type: string, data: Record<string, unknown> }>} credentials
 */
async function importCredentials(env, credentials) {
	return await importJson(env, 'import:credentials', credentials);
}

/**
 * Imports workflows (each with an `id`).
 * @param {Record<string, string>} env
 * @param {Array<Record<string, unknown> & { id: string }>} workflows
 */
async function importWorkflows(env, workflows) {
	return await importJson(env, 'import:workflow', workflows);
}

/**
 * @typedef {object} ExecutionResult
 * @property {boolean} ok          n8n's exit code was 0
 * @property {any} run             n8n's IRun JSON (`data.resultData.runData`…), or null when none was printed
 * @property {string} output       n8n's complete stdout + stderr, for failure messages
 */

/**
 * `n8n execute --id=<id> --rawOutput` with JSON logs; returns the run n8n printed.
 * @param {Record<string, string>} env
 * @param {string} workflowId
 * @returns {Promise<ExecutionResult>}
 */
async function executeWorkflow(env, workflowId) {
	const result = await runN8nCommand({ ...env, N8N_LOG_FORMAT: 'json' }, [
		'execute',
		`--id=${workflowId}`,
		'--rawOutput',
	]);
	const output = `${result.stdout}\n${result.stderr}`;
	return { ok: result.code === 0, run: findRun(output), output };
}

/**
 * The run JSON in n8n's output: with N8N_LOG_FORMAT=json every log line is a JSON object and the
 * run is the `message` of one of them (a JSON text holding `data.resultData`).
 * @param {string} output
 */
function findRun(output) {
	for (const line of output.split('\n').reverse()) {
		const message = parseJson(line)?.message;
		if (typeof message !== 'string') continue;
		const run = parseJson(message);
		if (run && typeof run === 'object' && run.data?.resultData) return run;
	}
	return null;
}

/** @param {string} text */
function parseJson(text) {
	const trimmed = text.trim();
	if (!trimmed.startsWith('{')) return undefined;
	try {
		return JSON.parse(trimmed);
	} catch {
		return undefined;
	}
}

/**
 * Items one node put out in a run (all runs of the node), as plain JSON.
 * @param {any} run
 * @param {string} nodeName
 * @param {number} [outputIndex]
 * @returns {Array<Record<string, any>>}
 */
function outputOf(run, nodeName, outputIndex = 0) {
	const runs = run?.data?.resultData?.runData?.[nodeName] ?? [];
	return runs.flatMap((/** @type {any} */ r) =>
		(r.data?.main?.[outputIndex] ?? []).map((/** @type {any} */ item) => item.json),
	);
}

/**
 * Marks a workflow active in n8n's database (`publish:workflow`); takes effect when n8n (re)starts.
 * @param {Record<string, string>} env
 * @param {string} workflowId
 */
async function publishWorkflow(env, workflowId) {
	return await runN8nCommandOk(env, ['publish:workflow', `--id=${workflowId}`]);
}

module.exports = {
	runN8nCommand,
	runN8nCommandOk,
	importCredentials,
	importWorkflows,
	executeWorkflow,
	findRun,
	outputOf,
	publishWorkflow,
};
