/**
 * The runs n8n recorded for the day, per workflow and trigger (read through n8n's REST API, as the
 * editor's Executions list), and which webhook runs had nothing to do: no write, no failure, only a
 * quiet end ("Nothing to Send", "Nothing Changed for myOGO", …) or none at all (a filter let nothing
 * through). A webhook run beyond the store events the day caused itself was started by a template's
 * own writes (an inventory write fires products/update, a fulfillment orders/updated): flagged when
 * it had nothing to do.
 */
import type { IDataObject } from 'n8n-workflow';

import { listExecutions } from '../../tools/n8n';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { unflatten } = require('../../tools/n8n/executions');

/** End nodes that mean "nothing to do here". */
const QUIET_ENDS = new Set([
	'Nothing to Send',
	'Nothing to Cancel',
	'Nothing Changed for myOGO',
	// The Shopify products template's guard (a stock write's products/update, no API call).
	'Unchanged Since Last Sent',
	// The orders templates' ends before any call: a delivery the tracking template's own write fired,
	// and (WooCommerce) a checkout's deliveries of the order before it is paid.
	'Already Shipped',
	'Not Paid Yet',
	"Another Shop's Order",
]);
/** What the myOGO node puts on an item it did not write. */
const NOT_WRITTEN = new Set(['unchanged', 'alreadyInMyOgo', 'kept']);

export interface TriggerRuns {
	workflow: string;
	trigger: string;
	runs: number;
	idle: number;
	/** Runs the day's own store events account for (webhook triggers only). */
	ownEvents?: number;
}

/** The trigger a stored run started at, and whether it had nothing to do. */
async function runOutcome(
	url: string,
	cookie: string,
	id: string,
	triggers: Set<string>,
	ends: Set<string>,
): Promise<{ trigger: string; idle: boolean }> {
	const response = await fetch(`${url}/rest/executions/${id}`, { headers: { cookie } });
	const body = (await response.json()) as { data: { data: string } };
	const run = unflatten(JSON.parse(body.data.data));
	const runData = (run.resultData?.runData ?? {}) as Record<
		string,
		Array<{ data?: { main?: IDataObject[][] } }>
	>;
	const itemsOf = (node: string) =>
		(runData[node] ?? []).flatMap((r) => (r.data?.main ?? []).flat().filter(Boolean)) as Array<{
			json: IDataObject;
		}>;
	const trigger = Object.keys(runData).find((node) => triggers.has(node)) ?? '(unknown)';
	const reached = [...ends].filter((end) => itemsOf(end).length > 0);
	const idle =
		reached.every(
			(end) =>
				QUIET_ENDS.has(end) ||
				(end.startsWith('Sent') &&
					itemsOf(end).every((item) => NOT_WRITTEN.has(String(item.json.result)))),
		) && !runData['Remember Synced Version']?.length;
	return { trigger, idle };
}

/**
 * Runs per workflow and trigger. `templates` are the published copies (their trigger and end node
 * names); `ownEvents(workflow, trigger)` is how many runs the day's own store events account for.
 */
export async function workflowRuns(
	url: string,
	cookie: string,
	templates: Array<{
		name: string;
		nodes: Array<Record<string, any>>;
		connections: Record<string, { main?: unknown[][] }>;
	}>,
	ownEvents: (workflow: string, trigger: string) => number | undefined,
	/** false: count runs per workflow and n8n's mode only (one list read, no run read each). */
	classify = true,
): Promise<TriggerRuns[]> {
	const byWorkflow = new Map(templates.map((t) => [t.name, t]));
	const rows = await listExecutions(url, cookie);
	const counted = new Map<string, TriggerRuns>();
	const queue = [...rows];
	const worker = async () => {
		for (let row = queue.shift(); row; row = queue.shift()) {
			const template = byWorkflow.get(row.workflowName);
			const nodes = template?.nodes ?? [];
			// An end is a No Op node nothing follows ("Your Rules" No Ops pass items on).
			const leadsOn = (name: string) =>
				(template?.connections[name]?.main ?? []).some((output) => (output ?? []).length > 0);
			// A run n8n never finished (queued or in flight when it stopped, marked crashed after) has no
			// run data to read: counted by its status.
			const unfinished = ['new', 'running', 'crashed'].includes(row.status);
			const { trigger, idle } = unfinished
				? { trigger: `${row.status} runs`, idle: false }
				: !classify
					? { trigger: `${row.mode} runs`, idle: false }
					: await runOutcome(
							url,
							cookie,
							row.id,
							new Set(
								nodes.filter((n) => /trigger/i.test(String(n.type))).map((n) => String(n.name)),
							),
							new Set(
								nodes
									.filter((n) => n.type === 'n8n-nodes-base.noOp' && !leadsOn(String(n.name)))
									.map((n) => String(n.name)),
							),
						);
			const key = `${row.workflowName}\u0000${trigger}`;
			const entry = counted.get(key) ?? {
				workflow: row.workflowName,
				trigger,
				runs: 0,
				idle: 0,
				ownEvents: classify ? ownEvents(row.workflowName, trigger) : undefined,
			};
			entry.runs += 1;
			if (idle) entry.idle += 1;
			counted.set(key, entry);
		}
	};
	await Promise.all([worker(), worker(), worker(), worker()]);
	return [...counted.values()].sort((a, b) =>
		`${a.workflow}${a.trigger}`.localeCompare(`${b.workflow}${b.trigger}`),
	);
}

/** One line per workflow trigger; a ⚑ line for runs another template's writes started with nothing to do. */
export function runLines(runs: TriggerRuns[]): { lines: string[]; flagged: number } {
	const lines: string[] = [];
	let flagged = 0;
	for (const r of runs) {
		lines.push(
			r.trigger.endsWith(' runs')
				? `${r.workflow}: ${r.runs} ${r.trigger}`
				: `${r.workflow} ← ${r.trigger}: ${r.runs} runs, ${r.idle} with nothing to do`,
		);
		if (r.ownEvents === undefined) continue;
		const beyond = Math.max(0, r.runs - r.ownEvents);
		const idleBeyond = Math.min(beyond, r.idle);
		if (idleBeyond > 0) {
			flagged += idleBeyond;
			lines.push(
				`  ⚑ ${idleBeyond} runs started by another template's writes had nothing to do (${r.runs} runs for the day's own ${r.ownEvents} store events)`,
			);
		}
	}
	return { lines, flagged };
}
