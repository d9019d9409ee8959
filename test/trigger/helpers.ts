import type { AxiosInstance } from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { apiClient, controlClient, sandboxCredentials, startTestSandbox } from '../harness/sandbox';
import type { RunningSandbox } from '../harness/sandbox';

export interface TestBed {
	sandbox: RunningSandbox;
	control: AxiosInstance;
	credentials: { myOgoApi: IDataObject };
	/** A fresh API client (log in again after a reset). */
	api(): Promise<AxiosInstance>;
	reset(): Promise<void>;
	close(): Promise<void>;
}

export async function startTestBed(options: Record<string, unknown> = {}): Promise<TestBed> {
	const sandbox = await startTestSandbox(options);
	const control = controlClient(sandbox.url);
	return {
		sandbox,
		control,
		credentials: { myOgoApi: sandboxCredentials(sandbox.url) },
		api: () => apiClient(sandbox.url),
		reset: async () => {
			await control.post('/reset');
			await control.post('/clock', { now: null });
		},
		close: () => sandbox.close(),
	};
}

export function iso(ms: number): string {
	return new Date(ms).toISOString();
}

/** Freezes the sandbox clock at `ms`. */
export async function freezeAt(control: AxiosInstance, ms: number) {
	await control.post('/clock', { now: iso(ms) });
}

export async function advanceClock(control: AxiosInstance, ms: number) {
	await control.post('/clock', { advanceMs: ms });
}

/** Creates products `codes` in one call (their creation is a product and a stock change). */
export async function seedProducts(control: AxiosInstance, codes: string[]) {
	await control.post('/seed', {
		products: codes.map((code) => ({ code, languageCode: 'en', name: `Product ${code}` })),
	});
}

/** Sets the available stock of several products in one call, without webhook deliveries. */
export async function setStock(
	control: AxiosInstance,
	levels: Array<[code: string, stockAvailable: number]>,
) {
	await control.post('/seed', {
		stock: levels.map(([code, stockAvailable]) => ({ code, stockAvailable, reserved: 0 })),
	});
}

export function codes(count: number, prefix = 'SKU-'): string[] {
	return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
}

/**
 * The changes a test made, checked against what a trigger emitted. A change is named by a key the
 * test makes unique (here: product code + the stock level it set, which no two changes share).
 */
export class Ledger {
	private readonly expected = new Set<string>();
	private readonly emitted = new Map<string, number>();

	expect(key: string) {
		if (this.expected.has(key)) throw new Error(`the test made change ${key} twice`);
		this.expected.add(key);
	}

	record(keys: string[]) {
		for (const key of keys) this.emitted.set(key, (this.emitted.get(key) ?? 0) + 1);
	}

	get duplicates(): string[] {
		return [...this.emitted].filter(([, n]) => n > 1).map(([key]) => key);
	}

	get misses(): string[] {
		return [...this.expected].filter((key) => !this.emitted.has(key));
	}

	/** Emitted but never made: would mean the trigger invented or re-read stale rows. */
	get strangers(): string[] {
		return [...this.emitted.keys()].filter((key) => !this.expected.has(key));
	}

	get emittedCount(): number {
		let n = 0;
		for (const count of this.emitted.values()) n += count;
		return n;
	}
}

export const stockKey = (row: IDataObject) =>
	`${String(row.productCode)}=${String(row.stockAvailable)}`;

/** A small deterministic random generator (mulberry32), so a failing run can be repeated. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
