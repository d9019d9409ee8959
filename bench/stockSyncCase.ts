/**
 * One store's stock sync benchmark (myOGO → store, issue 9): our template against the naive
 * per-SKU workflows, on the scenario of bench/stockScenario.ts. A store plugs in as a StoreCase.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AxiosInstance } from 'axios';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { nodeTypes, type RunResult } from '../test/harness/runWorkflow';
import { sandboxCredentials } from '../test/harness/sandbox';
import {
	configure,
	itemsOf,
	loadTemplate,
	runFromTrigger,
	templatePollingTrigger,
	type Template,
} from '../test/harness/templates';
import { myOgoApiCalls, myOgoTokenCalls, type LogEntry } from './fakes';
import { countBy, LATENCY_MS, timed, timedWithCpu, type Row } from './report';
import { changedSkus, changeStock, myOgoMinimumReads, seedMyOgoCatalog } from './stockScenario';

export interface StoreCase {
	store: string;
	/** workflows/<file>: our template. */
	templateFile: string;
	/**
	 * The ways our template is run: its Settings for the fake, per variant (a label, '' for "as
	 * shipped", and Settings values that differ from the shipped ones).
	 */
	ourVariants: Array<{ label: string; settings: Record<string, unknown> }>;
	/** bench/naive/<file>: the naive workflows, all items at once and one SKU at a time. */
	naiveFiles: { perSku: string; loop: string };
	/** The store's Settings values in the naive workflows (the myOGO ones are filled in here). */
	naiveSettings: Record<string, unknown>;
	/** The store's n8n credential(s), by type. */
	credentials: Record<string, ICredentialDataDecryptedObject>;
	/** Empties the store and loads the scenario's 10,000 SKUs at stock 1. */
	seed(): Promise<void>;
	setLatency(ms: number): Promise<void>;
	clearLog(): Promise<void>;
	calls(): Promise<LogEntry[]>;
	minimum: { calls: number; how: string };
	/** Store calls the naive flow makes per changed SKU (lookup + write). */
	naiveCallsPerSku: number;
	/** The SKUs among `skus` whose store stock is not the level myOGO holds. */
	wrongSkus(skus: string[]): Promise<string[]>;
}

export interface Measured {
	ms: number;
	/** Of `ms`, the trigger's poll (ours only). */
	pollMs?: number;
	/** CPU time of the n8n process (this one) during the run, and the machine's load average after it. */
	cpuMs: number;
	loadAverage: number;
	/** The nodes that took longest (n8n's executionTime, summed over a node's runs). */
	slowestNodes: string;
	myOgoCalls: LogEntry[];
	tokenCalls: number;
	storeCalls: LogEntry[];
	/** Changed SKUs that do not hold myOGO's level afterwards. */
	wrong: number;
	outcome: string;
}

/** Resets both sides and seeds the catalog in both, with no latency. */
async function arrange(control: AxiosInstance, store: StoreCase) {
	await seedMyOgoCatalog(control);
	await store.seed();
	await store.setLatency(0);
}

async function startMeasuring(control: AxiosInstance, store: StoreCase) {
	await control.post('/latency', { ms: LATENCY_MS });
	await store.setLatency(LATENCY_MS);
	await control.delete('/requests');
	await store.clearLog();
}

/** Loads the workflow's node types before the clock starts, so no case pays for loading n8n's nodes. */
function loadNodeTypes(workflow: Template) {
	for (const node of workflow.nodes) nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
}

/** "Set Stock 3.1 s, Find Product by SKU 2.9 s, …": where a run's time went. */
function slowestNodes(result: RunResult): string {
	return Object.entries(result.run.data.resultData.runData)
		.map(([name, runs]) => [name, runs.reduce((sum, run) => sum + run.executionTime, 0)] as const)
		.sort((a, b) => b[1] - a[1])
		.slice(0, 4)
		.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(2)} s`)
		.join(', ');
}

async function collect(
	control: AxiosInstance,
	store: StoreCase,
	skus: string[],
	run: {
		ms: number;
		cpuMs: number;
		loadAverage: number;
		result: { outcome: string; nodes: string };
	},
	pollMs?: number,
): Promise<Measured> {
	const measured = {
		ms: run.ms,
		cpuMs: run.cpuMs,
		loadAverage: run.loadAverage,
		pollMs,
		slowestNodes: run.result.nodes,
		myOgoCalls: await myOgoApiCalls(control),
		tokenCalls: (await myOgoTokenCalls(control)).length,
		storeCalls: await store.calls(),
		outcome: run.result.outcome,
	};
	await control.post('/latency', { ms: 0 });
	await store.setLatency(0);
	return { ...measured, wrong: (await store.wrongSkus(skus)).length };
}

/** Ours: the template's myOGO Trigger polls once (after its activation poll), then the template runs on what it emitted. */
export async function runOurs(
	url: string,
	control: AxiosInstance,
	store: StoreCase,
	settings: Record<string, unknown>,
): Promise<Measured> {
	await arrange(control, store);
	const credentials = { myOgoApi: sandboxCredentials(url), ...store.credentials };
	const template = configure(loadTemplate(store.templateFile), settings);
	loadNodeTypes(template);
	const trigger = templatePollingTrigger(template, credentials);
	await trigger.activate();
	await new Promise((resolve) => setTimeout(resolve, 5));
	await changeStock(control, changedSkus);
	await startMeasuring(control, store);
	let pollMs = 0;
	const run = await timedWithCpu(async () => {
		const poll = await timed(() => trigger.poll());
		pollMs = poll.ms;
		const items = poll.result;
		if (!items) return { outcome: 'the trigger emitted nothing', nodes: '' };
		const result = await runFromTrigger(template, 'myOGO Trigger', items, credentials);
		if (result.error)
			return { outcome: `error: ${result.error.message}`, nodes: slowestNodes(result) };
		const failed = ['Failed Requests', 'Stock Updates Refused', 'Not Stocked at Location'].reduce(
			(n, name) => n + itemsOf(result, name).length,
			0,
		);
		return {
			// The trigger emits all rows in one item (`stock`), or one item per row (`stockOutput: perProduct`).
			outcome: `${Array.isArray(items[0]?.stock) ? items[0].stock.length : items.length} rows emitted, ${failed} failed or refused`,
			nodes: slowestNodes(result),
		};
	});
	return await collect(control, store, changedSkus, run, pollMs);
}

function loadNaive(file: string): Template {
	return JSON.parse(readFileSync(path.join(__dirname, 'naive', file), 'utf8')) as Template;
}

/** Naive: the per-SKU workflow from its Schedule trigger, with `skus` changed in myOGO. */
export async function runNaive(
	url: string,
	control: AxiosInstance,
	store: StoreCase,
	file: string,
	skus: string[],
): Promise<Measured> {
	await arrange(control, store);
	await changeStock(control, skus);
	const myOgo = sandboxCredentials(url);
	const workflow = configure(loadNaive(file), {
		'settings.myOgoUrl': url,
		'settings.myOgoTokenUrl': url,
		'settings.merchantId': myOgo.merchantId,
		'settings.secretToken': myOgo.secretToken,
		...store.naiveSettings,
	});
	loadNodeTypes(workflow);
	await startMeasuring(control, store);
	const run = await timedWithCpu(async () => {
		const result = await runFromTrigger(
			workflow,
			'Every 5 Minutes',
			[{ timestamp: new Date().toISOString() }],
			store.credentials,
		);
		const nodes = slowestNodes(result);
		if (result.error) return { outcome: `error: ${result.error.message}`, nodes };
		const setStockRuns = result.run.data.resultData.runData['Set Stock']?.length ?? 0;
		return {
			outcome: `${itemsOf(result, 'Read Changed Stock').length} rows read, ${setStockRuns} Set Stock runs`,
			nodes,
		};
	});
	return await collect(control, store, skus, run);
}

/** Store calls answered THROTTLED (Shopify's cost budget; 0 for a store without one). */
function throttledCount(calls: LogEntry[]): number {
	return calls.filter((call) => call.throttled).length;
}

/** The table rows of one store: ours against each naive way. */
export function stockRows(
	store: StoreCase,
	ours: { label: string; measured: Measured },
	naive: Array<{ label: string; measured: Measured; skus: number }>,
): Row[] {
	const changed = changedSkus.length;
	const myOgoMinimum = myOgoMinimumReads(changed);
	const { measured: our } = ours;
	return naive.map(({ label, measured, skus }) => {
		const scale = changed / skus;
		return {
			case: `Stock sync, ${store.store}, 10,000 SKUs, ${changed.toLocaleString('en')} changed${ours.label ? `, ours ${ours.label}` : ''}; naive ${label}`,
			ourCalls: our.myOgoCalls.length + our.storeCalls.length,
			minimumCalls: myOgoMinimum + store.minimum.calls,
			// Counted from the request logs; a subset run is scaled like its time (its myOGO reads are
			// not: the full run would read the same 9 pages ours reads).
			naiveCalls:
				scale === 1
					? measured.myOgoCalls.length + measured.storeCalls.length
					: `${myOgoMinimum + Math.round(measured.storeCalls.length * scale)} (extrapolated)`,
			ourTimeMs: our.ms,
			naiveTimeMs: measured.ms * scale,
			naiveNote:
				scale === 1
					? undefined
					: `measured on ${skus} of the ${changed} changed SKUs (${measured.myOgoCalls.length} myOGO + ${measured.storeCalls.length} ${store.store} calls, ${(measured.ms / 1000).toFixed(1)} s) × ${scale}`,
			extra: {
				ourPollSeconds: +((our.pollMs ?? 0) / 1000).toFixed(2),
				ourN8nCpuSeconds: +(our.cpuMs / 1000).toFixed(2),
				ourLoadAverage: our.loadAverage,
				ourMyOgoReads: our.myOgoCalls.length,
				ourStoreCalls: our.storeCalls.length,
				ourStoreCallsByStatus: countBy(our.storeCalls),
				ourThrottled: throttledCount(our.storeCalls),
				ourTokenCalls: our.tokenCalls,
				ourOutcome: our.outcome,
				ourSlowestNodes: our.slowestNodes,
				ourWrongSkus: our.wrong,
				minimum: `${myOgoMinimum} myOGO pages of 250 + ${store.minimum.how}`,
				naiveCalls: `${myOgoMinimum} myOGO pages + ${store.naiveCallsPerSku} × ${changed} ${store.store} calls (+1 token call, not counted, as ours)`,
				naiveMeasuredCalls: `myOGO ${measured.myOgoCalls.length}, ${store.store} ${measured.storeCalls.length} (${countBy(measured.storeCalls)}), token ${measured.tokenCalls}`,
				naiveThrottled: throttledCount(measured.storeCalls),
				naiveOutcome: measured.outcome,
				naiveN8nCpuSeconds: +(measured.cpuMs / 1000).toFixed(2),
				naiveLoadAverage: measured.loadAverage,
				naiveSlowestNodes: measured.slowestNodes,
				naiveWrongSkus: measured.wrong,
			},
		};
	});
}
