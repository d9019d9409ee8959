import type { IDataObject } from 'n8n-workflow';

/**
 * Replayed deliveries. myOGO retries a callback that got no 2xx within 10 s, so a slow answer can
 * bring the same delivery twice; and a captured request stays correctly signed forever (the HMAC
 * covers only the body). So the trigger remembers a fingerprint (SHA-256) of every signed body it
 * started a workflow for, for REPLAY_MEMORY_MS, the newest REPLAY_MEMORY_SIZE of them, in the node's
 * static data. A body seen again is answered 200 ("already received", so myOGO stops retrying)
 * and starts nothing.
 *
 * Limits: n8n saves static data after each webhook call, so two copies arriving at the very same
 * moment (or on two webhook processors in queue mode) can both get through, and a replay older
 * than the memory is emitted again. Downstream steps should stay idempotent (setting an absolute
 * stock level or a tracking number twice is harmless), which the store-sync templates are.
 */
export const REPLAY_MEMORY_MS = 24 * 60 * 60 * 1000;
export const REPLAY_MEMORY_SIZE = 500;

const KEY = 'recentDeliveries';

/** Fingerprint → when first received (ms), oldest first. */
type Memory = Record<string, number>;

function memoryOf(staticData: IDataObject, now: number): Memory {
	const stored = staticData[KEY];
	const memory: Memory = {};
	if (!stored || typeof stored !== 'object') return memory;
	for (const [hash, time] of Object.entries(stored as Record<string, unknown>)) {
		if (typeof time === 'number' && time > now - REPLAY_MEMORY_MS) memory[hash] = time;
	}
	return memory;
}

/** True when a delivery with this fingerprint already started a workflow recently. */
export function seenRecently(staticData: IDataObject, hash: string, now: number): boolean {
	return Object.prototype.hasOwnProperty.call(memoryOf(staticData, now), hash);
}

/** Remembers a delivery that is about to start a workflow, forgetting the oldest beyond the limits. */
export function remember(staticData: IDataObject, hash: string, now: number): void {
	const memory = memoryOf(staticData, now);
	memory[hash] = now;
	const entries = Object.entries(memory).sort((a, b) => a[1] - b[1]);
	staticData[KEY] = Object.fromEntries(entries.slice(-REPLAY_MEMORY_SIZE));
}

/** Forgets every remembered delivery (a new subscription starts with a clean memory). */
export function forgetAll(staticData: IDataObject): void {
	delete staticData[KEY];
}
