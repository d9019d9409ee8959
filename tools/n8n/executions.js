// @ts-check
'use strict';

/**
 * The executions a running n8n recorded, read through its REST API (as the editor's Executions list).
 */

/**
 * @typedef {object} ExecutionSummary
 * @property {string} id
 * @property {string} workflowId
 * @property {string} workflowName
 * @property {string} status  'success' | 'error' | 'running' | …
 * @property {string} mode    'trigger' | 'webhook' | 'manual' | …
 */

/**
 * @param {string} url n8n's base URL
 * @param {string} cookie from signIn()
 * @returns {Promise<ExecutionSummary[]>}
 */
async function listExecutions(url, cookie) {
	const response = await fetch(`${url}/rest/executions?filter=%7B%7D&limit=250`, { headers: { cookie } });
	if (!response.ok) throw new Error(`n8n /rest/executions answered ${response.status}`);
	const body = /** @type {{ data: { results: ExecutionSummary[] } }} */ (await response.json());
	return body.data.results;
}

/**
 * The error messages stored with one execution (n8n keeps the run as "flatted" JSON: a list of
 * values that reference each other by index; the messages are plain strings in that list).
 * @param {string} url
 * @param {string} cookie
 * @param {string} id
 * @returns {Promise<string[]>}
 */
async function executionErrors(url, cookie, id) {
	const response = await fetch(`${url}/rest/executions/${id}`, { headers: { cookie } });
	if (!response.ok) throw new Error(`n8n /rest/executions/${id} answered ${response.status}`);
	const body = /** @type {{ data: { data: string } }} */ (await response.json());
	const values = /** @type {unknown[]} */ (JSON.parse(body.data.data));
	return values.filter((v) => typeof v === 'string' && /error|cannot|can't|could not|failed|not found/i.test(v) && v.length > 15).map(String);
}

module.exports = { listExecutions, executionErrors };
