import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import axios, { type AxiosInstance } from 'axios';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';

import { PollingTrigger, TRIGGER_NODE_NAME } from './poll';
import { WebhookTrigger } from './webhook';
import type { RunResult } from './runWorkflow';
import { runWorkflow } from './runWorkflow';

// The WooCommerce fake is plain JavaScript, used exactly as its CLI uses it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startWooCommerceFake } = require('../../sandbox/woocommerce');

export interface RunningWooCommerceFake {
	url: string;
	port: number;
	consumerKey: string;
	consumerSecret: string;
	settle(): Promise<unknown>;
	close(): Promise<void>;
}

export async function startTestWooCommerce(): Promise<RunningWooCommerceFake> {
	return (await startWooCommerceFake({ port: 0 })) as RunningWooCommerceFake;
}

/** The n8n "WooCommerce API" credential a merchant would fill in for the fake. */
export function wooCommerceCredentials(
	fake: RunningWooCommerceFake,
	inQuery = false,
): ICredentialDataDecryptedObject {
	return {
		consumerKey: fake.consumerKey,
		consumerSecret: fake.consumerSecret,
		url: fake.url,
		includeCredentialsInQuery: inQuery,
	};
}

/** The fake's control API (`/_fake/...`). */
export function wooControl(fake: RunningWooCommerceFake): AxiosInstance {
	return axios.create({ baseURL: `${fake.url}/_fake`, timeout: 30_000 });
}

export interface Template {
	/** Set by tests that run two copies of a template, as two workflows of n8n (their own processed data). */
	id?: string;
	name: string;
	nodes: INode[];
	connections: IConnections;
}

/** Loads `workflows/<file>` as n8n would import it. */
export function loadTemplate(file: string): Template {
	return JSON.parse(
		readFileSync(join(__dirname, '..', '..', 'workflows', file), 'utf8'),
	) as Template;
}

/**
 * What a merchant does after importing: select the credentials and fill in the Settings node.
 * `settings` replaces the values of Settings assignments by name (e.g. `settings.wooCommerceUrl`).
 */
export function configure(template: Template, settings: Record<string, unknown>): Template {
	const copy = JSON.parse(JSON.stringify(template)) as Template;
	for (const node of copy.nodes) {
		if (node.credentials) {
			for (const type of Object.keys(node.credentials))
				node.credentials[type] = { id: `test-${type}`, name: `test ${type}` };
		}
		if (node.name !== 'Settings') continue;
		const assignments = (
			node.parameters.assignments as { assignments: Array<{ name: string; value: unknown }> }
		).assignments;
		for (const [name, value] of Object.entries(settings)) {
			const assignment = assignments.find((a) => a.name === name);
			if (!assignment) throw new Error(`the Settings node has no field ${name}`);
			assignment.value = value;
		}
	}
	return copy;
}

export function nodeOf(template: Template, name: string): INode {
	const node = template.nodes.find((n) => n.name === name);
	if (!node) throw new Error(`template ${template.name} has no node "${name}"`);
	return node;
}

/**
 * Runs the template with the items one of its trigger nodes emitted, as n8n does when the trigger
 * fires: the execution starts at the node the trigger feeds (in manual mode WorkflowExecute would
 * run a polling trigger's poll again instead of taking the items).
 */
export async function runFromTrigger(
	template: Template,
	triggerName: string,
	items: IDataObject[],
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<RunResult> {
	const input: INodeExecutionData[] = items.map((json) => ({ json }));
	const next = template.connections[triggerName]?.main?.[0] ?? [];
	if (next.length !== 1) throw new Error(`trigger "${triggerName}" must feed exactly one node`);
	return await runWorkflow(
		{ id: template.id, nodes: template.nodes, connections: template.connections },
		{ credentials, input, startNode: next[0]!.node, fromTrigger: triggerName },
	);
}

/** The template's myOGO Trigger as an active polling trigger (same parameters), for the test to poll. */
export function templatePollingTrigger(
	template: Template,
	credentials: Record<string, ICredentialDataDecryptedObject>,
) {
	const node = nodeOf(template, TRIGGER_NODE_NAME);
	return new PollingTrigger({ credentials: credentials as never, parameters: node.parameters });
}

/** Items a node put out, or [] when it did not run. */
export function itemsOf(result: RunResult, nodeName: string, outputIndex = 0): IDataObject[] {
	const runs = result.run.data.resultData.runData[nodeName] ?? [];
	return runs.flatMap((run) => (run.data?.main?.[outputIndex] ?? []).map((item) => item.json));
}

/**
 * One of the template's WooCommerce Trigger nodes, hosted like n8n hosts it (the real node's
 * checkExists/create/delete and webhook(), over HTTP on 127.0.0.1): activation registers a webhook in
 * the fake; the fake's signed deliveries land in `calls`, checked by the node's own signature test.
 */
export async function wooCommerceWebhookTrigger(
	template: Template,
	triggerName: string,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<WebhookTrigger> {
	const templateNode = nodeOf(template, triggerName);
	const trigger = new WebhookTrigger({ credentials, parameters: templateNode.parameters });
	trigger.node.type = templateNode.type;
	trigger.node.credentials = {
		wooCommerceApi: { id: 'test-wooCommerceApi', name: 'test wooCommerceApi' },
	};
	await trigger.listen();
	await trigger.activate();
	return trigger;
}
