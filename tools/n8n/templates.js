// @ts-check
'use strict';

/**
 * The repo's templates (workflows/*.json) made ready for import into a local n8n: each gets a stable
 * id, its credential placeholders point at imported credentials (by type, as a merchant would pick
 * them), and its Settings node holds the local fakes' values. The files themselves stay untouched.
 */

const { randomUUID } = require('node:crypto');
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const { REPO_ROOT } = require('./environment');

const WORKFLOWS_DIR = path.join(REPO_ROOT, 'workflows');

/**
 * @typedef {object} TemplateWorkflow
 * @property {string} id
 * @property {string} name
 * @property {string} file
 * @property {Array<Record<string, any>>} nodes
 * @property {Record<string, any>} connections
 */

/** Every template file name, sorted. */
function templateFiles() {
	return readdirSync(WORKFLOWS_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort();
}

/**
 * A stable workflow id from the file name (n8n accepts ids of up to 21 characters).
 * @param {string} file
 */
function templateId(file) {
	const letters = file.replace(/\.json$/, '').replace(/[^a-zA-Z0-9]/g, '');
	return `tpl${letters}`.slice(0, 21);
}

/** Trigger types that receive webhooks: n8n builds their address from the node's webhookId. */
const WEBHOOK_TRIGGER_TYPES = new Set([
	'n8n-nodes-base.wooCommerceTrigger',
	'n8n-nodes-base.shopifyTrigger',
	'n8n-nodes-myogo.myOgoWebhookTrigger',
]);

/**
 * The template as the editor's import makes it: the files ship no webhookId (two imports of one file
 * would share a webhook address), and the editor gives each webhook trigger a new one. `n8n
 * import:workflow` does not, and without one n8n 2.8 registers an address built from the node's name
 * that its own lookup then does not find (404 on every delivery), so this does what the editor does.
 * @param {string} file
 * @returns {TemplateWorkflow}
 */
function readTemplate(file) {
	const workflow = JSON.parse(readFileSync(path.join(WORKFLOWS_DIR, file), 'utf8'));
	for (const node of workflow.nodes) {
		if (WEBHOOK_TRIGGER_TYPES.has(node.type) && !node.webhookId) node.webhookId = randomUUID();
	}
	return { ...workflow, id: templateId(file), file };
}

/**
 * Points every node's credential of a given type at the credential `{ id, name }` for that type, and
 * sets the Settings node's fields that exist in this template (others are ignored: each template
 * has its own fields).
 * @param {TemplateWorkflow} template
 * @param {{ credentials: Record<string, { id: string, name: string }>, settings: Record<string, unknown> }} wiring
 * @returns {TemplateWorkflow}
 */
function wireTemplate(template, wiring) {
	/** @type {TemplateWorkflow} */
	const copy = JSON.parse(JSON.stringify(template));
	for (const node of copy.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) {
			const credential = wiring.credentials[type];
			if (!credential)
				throw new Error(
					`${template.file}: node "${node.name}" needs a ${type} credential and none was given`,
				);
			node.credentials[type] = { ...credential };
		}
		if (node.name !== 'Settings') continue;
		for (const assignment of node.parameters?.assignments?.assignments ?? []) {
			if (Object.prototype.hasOwnProperty.call(wiring.settings, assignment.name)) {
				assignment.value = wiring.settings[assignment.name];
			}
		}
	}
	return copy;
}

/**
 * The template as an `n8n execute` can run it from one of its trigger nodes: a Manual Trigger feeding
 * that node. `execute` only starts at a Manual Trigger; a schedule trigger outside manual mode passes
 * its input on, so everything from the template's own trigger onwards runs unchanged.
 * @param {TemplateWorkflow} template
 * @param {string} triggerName
 * @param {string} id the id of the copy
 * @returns {TemplateWorkflow}
 */
function runnableFrom(template, triggerName, id) {
	if (!template.nodes.some((n) => n.name === triggerName))
		throw new Error(`${template.file} has no node "${triggerName}"`);
	/** @type {TemplateWorkflow} */
	const copy = JSON.parse(JSON.stringify(template));
	const starter = `Run ${triggerName}`;
	copy.id = id;
	copy.name = `${template.name} (run: ${triggerName})`;
	copy.nodes.push({
		id: `manual-${id}`,
		name: starter,
		type: 'n8n-nodes-base.manualTrigger',
		typeVersion: 1,
		position: [0, -400],
		parameters: {},
	});
	copy.connections[starter] = { main: [[{ node: triggerName, type: 'main', index: 0 }]] };
	return copy;
}

module.exports = {
	WORKFLOWS_DIR,
	templateFiles,
	templateId,
	readTemplate,
	wireTemplate,
	runnableFrom,
};
