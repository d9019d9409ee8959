// @ts-check
'use strict';

/**
 * The executions a running n8n recorded, read through its REST API (as the editor's Executions list).
 */

const { outputOf } = require('./cli');

/**
 * @typedef {object} ExecutionSummary
 * @property {string} id
 * @property {string} workflowId
 * @property {string} workflowName
 * @property {string} status  'success' | 'error' | 'running' | …
 * @property {string} mode    'trigger' | 'webhook' | 'manual' | …
 */

/**
 * Every execution n8n recorded, newest first. n8n serves at most 100 a page (whatever `limit` asks),
 * so the list is read page by page: a long live test would otherwise see only its newest 100 runs.
 * @param {string} url n8n's base URL
 * @param {string} cookie from signIn()
 * @returns {Promise<ExecutionSummary[]>}
 */
async function listExecutions(url, cookie) {
	/** @type {ExecutionSummary[]} */
	const rows = [];
	const seen = new Set();
	let lastId = '';
	for (;;) {
		const query = `filter=%7B%7D&limit=100${lastId ? `&lastId=${lastId}` : ''}`;
		const response = await fetch(`${url}/rest/executions?${query}`, { headers: { cookie } });
		if (!response.ok) throw new Error(`n8n /rest/executions answered ${response.status}`);
		const body = /** @type {{ data: { results: ExecutionSummary[] } }} */ (await response.json());
		const page = body.data.results;
		// Queued and running runs come first on every page: each run is kept once.
		for (const row of page) {
			if (seen.has(row.id)) continue;
			seen.add(row.id);
			rows.push(row);
		}
		if (page.length < 100) return rows;
		// n8n orders a page by start time but pages by id: go on below the smallest id seen.
		lastId = String(Math.min(...page.map((row) => Number(row.id))));
	}
}

/**
 * One execution's stored run as n8n keeps it: "flatted" JSON, a list of values that reference each
 * other by index (every string and object in the list is a reference; numbers and booleans are inline).
 * @param {string} url
 * @param {string} cookie
 * @param {string} id
 * @returns {Promise<unknown[]>}
 */
async function flattedRun(url, cookie, id) {
	const response = await fetch(`${url}/rest/executions/${id}`, { headers: { cookie } });
	if (!response.ok) throw new Error(`n8n /rest/executions/${id} answered ${response.status}`);
	const body = /** @type {{ data: { data: string } }} */ (await response.json());
	return /** @type {unknown[]} */ (JSON.parse(body.data.data));
}

/**
 * The flatted list made whole again (the run data: `resultData.runData`…).
 * @param {unknown[]} list
 * @returns {any}
 */
function unflatten(list) {
	/** @type {Map<number, any>} */
	const revived = new Map();
	/** @param {string} reference */
	const value = (reference) => {
		const index = Number(reference);
		const raw = list[index];
		if (typeof raw !== 'object' || raw === null) return raw;
		if (revived.has(index)) return revived.get(index);
		/** @type {any} */
		const whole = Array.isArray(raw) ? [] : {};
		revived.set(index, whole);
		for (const [key, entry] of Object.entries(raw))
			whole[key] = typeof entry === 'string' ? value(entry) : entry;
		return whole;
	};
	return value('0');
}

/**
 * The items one node put out in a stored execution (all its runs), as plain JSON.
 * @param {string} url
 * @param {string} cookie
 * @param {string} id
 * @param {string} nodeName
 * @returns {Promise<Array<Record<string, any>>>}
 */
async function executionOutput(url, cookie, id, nodeName) {
	// Stored, the run is what `n8n execute` prints under `data`.
	return outputOf({ data: unflatten(await flattedRun(url, cookie, id)) }, nodeName);
}

/**
 * The error messages stored with one execution (plain strings in its flatted run).
 * @param {string} url
 * @param {string} cookie
 * @param {string} id
 * @returns {Promise<string[]>}
 */
async function executionErrors(url, cookie, id) {
	const values = await flattedRun(url, cookie, id);
	return values
		.filter(
			(v) =>
				typeof v === 'string' &&
				/error|cannot|can't|could not|failed|not found/i.test(v) &&
				v.length > 15,
		)
		.map(String);
}

module.exports = { listExecutions, executionErrors, executionOutput, unflatten };
