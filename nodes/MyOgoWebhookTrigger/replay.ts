import { createHash } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

/**
 * Replayed deliveries. myOGO retries a callback that got no 2xx within 10 s, so a slow answer can
 * bring the same delivery twice; and a captured request stays correctly signed forever (the HMAC
 * covers only the body). So the trigger remembers a fingerprint (SHA-256) of every signed body it
 * started a workflow for, for REPLAY_MEMORY_MS, the newest REPLAY_MEMORY_SIZE of them. A body seen
 * again is answered 200 ("already received", so myOGO stops retrying) and starts nothing.
 *
 * Where the memory lives, and why in three places (see docs/architecture.md, "The webhook trigger"):
 * - in this n8n process (a module-level map): holds on every n8n version from the moment a delivery
 *   is accepted, also for two copies arriving at once; gone when n8n restarts;
 * - in the node's static data, written by webhook(): n8n 2.8 saves it right after the call. n8n 2.40
 *   does not: its WorkflowRunner builds a second Workflow over the same static data object before
 *   the webhook's save, and ObservableObject.create() resets the "changed" flag, so the save is
 *   skipped (LiveWebhooks.executeWebhook → WorkflowRunner.run → establishContextForPersistence);
 * - in the node's static data again, written by execute() in the run the delivery started: every
 *   n8n version runs a start node's execute() and saves the run's changed static data when the run
 *   ends. This is what makes the memory survive a restart on 2.40.
 *
 * n8n saves a run's static data whole, as loaded when the run started: a run that began before the
 * workflow was reactivated holds the old subscription, and saving it would undo the new one. So the
 * process also notes each node's current signing key (noteSubscription, from the activation hooks)
 * and execute() writes nothing when its run holds another one.
 *
 * Limits: in queue mode each webhook processor and worker has its own process memory, and a
 * replay older than the memory is emitted again. Downstream steps should stay idempotent (setting
 * an absolute stock level or a tracking number twice is harmless), which the store-sync templates are.
 */
export const REPLAY_MEMORY_MS = 24 * 60 * 60 * 1000;
export const REPLAY_MEMORY_SIZE = 500;

const KEY = 'recentDeliveries';

/** Fingerprint → when first received (ms). */
type Memory = Record<string, number>;

/** Per subscription (see memoryName): what this n8n process accepted. */
const processMemory = new Map<string, Memory>();

/** Per workflow and node: the signing key of the subscription this process last activated, or '' for none. */
const currentKeys = new Map<string, string>();

/** Where the memory stands: the subscription's static data and its name in the process memory. */
export interface ReplayMemory {
	staticData: IDataObject;
	name: string;
}

/**
 * The process memory's name for one subscription of one node: a new subscription (new signing key)
 * starts with an empty memory, and test deliveries (manual mode) never mix with production ones.
 */
export function memoryName(
	workflowId: string | undefined,
	nodeName: string,
	mode: string,
	signingKey: string,
): string {
	const keyId = createHash('sha256').update(signingKey).digest('hex').slice(0, 16);
	return JSON.stringify([workflowId ?? '', nodeName, mode, keyId]);
}

/** The unexpired entries of a stored memory (anything malformed is ignored). */
function fresh(stored: unknown, now: number): Memory {
	const memory: Memory = {};
	if (!stored || typeof stored !== 'object') return memory;
	for (const [hash, time] of Object.entries(stored as Record<string, unknown>)) {
		if (typeof time === 'number' && time > now - REPLAY_MEMORY_MS) memory[hash] = time;
	}
	return memory;
}

/** Both memories in one, the newest REPLAY_MEMORY_SIZE entries, oldest first. */
function union(a: Memory, b: Memory): Memory {
	const entries = Object.entries({ ...a, ...b }).sort((x, y) => x[1] - y[1]);
	return Object.fromEntries(entries.slice(-REPLAY_MEMORY_SIZE));
}

/** True when a delivery with this fingerprint already started a workflow recently. */
export function seenRecently(memory: ReplayMemory, hash: string, now: number): boolean {
	const has = (m: Memory) => Object.prototype.hasOwnProperty.call(m, hash);
	return has(fresh(processMemory.get(memory.name), now)) || has(fresh(memory.staticData[KEY], now));
}

/** Remembers a delivery that is about to start a workflow, in the process and in static data. */
export function remember(memory: ReplayMemory, hash: string, now: number): void {
	processMemory.set(
		memory.name,
		union(fresh(processMemory.get(memory.name), now), { [hash]: now }),
	);
	memory.staticData[KEY] = union(fresh(memory.staticData[KEY], now), { [hash]: now });
}

/** Notes the node's subscription as activation left it (its signing key, or none after removal). */
export function noteSubscription(
	workflowId: string | undefined,
	nodeName: string,
	signingKey: string | undefined,
): void {
	currentKeys.set(JSON.stringify([workflowId ?? '', nodeName]), signingKey ?? '');
}

/**
 * Copies what the process remembers into static data (run by the node's execute(), so n8n saves it
 * with the run). Writes only when static data lacks an entry (an unchanged memory is not saved
 * again), and never from a run that holds another subscription than the one activated since.
 */
export function keepInStaticData(
	memory: ReplayMemory,
	workflowId: string | undefined,
	nodeName: string,
	now: number,
): void {
	const current = currentKeys.get(JSON.stringify([workflowId ?? '', nodeName]));
	if (current !== undefined && current !== (memory.staticData.signingKey ?? '')) return;
	const stored = fresh(memory.staticData[KEY], now);
	const inProcess = fresh(processMemory.get(memory.name), now);
	if (Object.keys(inProcess).every((hash) => Object.prototype.hasOwnProperty.call(stored, hash)))
		return;
	memory.staticData[KEY] = union(stored, inProcess);
}

/** Forgets every remembered delivery (a new subscription starts with a clean memory). */
export function forgetAll(staticData: IDataObject): void {
	delete staticData[KEY];
}
