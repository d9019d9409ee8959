/**
 * Benchmarks of issue 9 that run the myOGO node in the in-process n8n harness against the sandbox.
 * They print figures and assert nothing about time: `npm run bench`.
 *
 * The sandbox runs in a child process (bench/sandboxProcess.js), so the memory and CPU figures
 * are the n8n side's only, and every API call waits the injected 50 ms latency first.
 */
import type { AxiosInstance } from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../test/harness/runNode';
import { newCredentialsHelper } from '../test/harness/runWorkflow';
import { apiClient, sandboxCredentials } from '../test/harness/sandbox';
import { FIXTURE_SHIPPING_CODES, FIXTURE_SHIPPING_MAP, product, shopifyOrderNumbered } from '../test/node/helpers';
import { myOgoApiCalls, startFakes, type BenchFakes, type LogEntry } from './fakes';
import { countBy, LATENCY_MS, printTable, timed, type Row } from './report';

/** BENCH_QUICK=1 shrinks the cases 10× for a smoke run of the benchmark itself. */
const QUICK = process.env.BENCH_QUICK === '1';
const ORDERS = QUICK ? 100 : 1_000;
const CATALOG = QUICK ? 5_000 : 50_000;
const CHANGED = CATALOG / 100;
const PAGE = 250;
/** The naive resync (one write per product) is run on this many products and scaled to 50,000. */
const NAIVE_SUBSET = Number(process.env.BENCH_NAIVE_SUBSET ?? (QUICK ? 250 : 2_500));

const rows: Row[] = [];
/** RSS of the jest process (jest, ts-jest, n8n-core, the harness) before any case ran. */
const rssAtLoad = process.memoryUsage().rss;

let fakes: BenchFakes;
let url: string;
let control: AxiosInstance;

beforeAll(async () => {
	fakes = await startFakes();
	({ url, control } = fakes);
});

afterAll(async () => {
	fakes?.close();
	printTable('sync', 'Sync benchmarks', rows);
});

async function reset() {
	await control.post('/reset');
}

async function setLatency(ms: number) {
	await control.post('/latency', { ms });
}

/** API calls (not the token endpoint) since the last clear. */
async function apiCalls(): Promise<LogEntry[]> {
	return await myOgoApiCalls(control);
}

async function clearLog() {
	await control.delete('/requests');
}

async function allRows(api: AxiosInstance, resource: string): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const { data } = await api.get(resource, { params: { limit: PAGE, page } });
		all.push(...(data as IDataObject[]));
		if ((data as IDataObject[]).length < PAGE) return all;
	}
}

/** Peak RSS of this process while `work` runs, sampled every 50 ms. */
async function withPeakMemory<T>(work: () => Promise<T>) {
	const baseline = process.memoryUsage().rss;
	let peak = baseline;
	let peakHeap = process.memoryUsage().heapUsed;
	const timer = setInterval(() => {
		const usage = process.memoryUsage();
		peak = Math.max(peak, usage.rss);
		peakHeap = Math.max(peakHeap, usage.heapUsed);
	}, 50);
	try {
		const result = await work();
		const usage = process.memoryUsage();
		peak = Math.max(peak, usage.rss);
		peakHeap = Math.max(peakHeap, usage.heapUsed);
		return { result, baseline, peak, peakHeap };
	} finally {
		clearInterval(timer);
	}
}

async function runMyOgo(parameters: IDataObject, input: IDataObject[]) {
	return await runNode({
		type: 'myOgo',
		parameters: parameters as never,
		input,
		credentials: { myOgoApi: sandboxCredentials(url) },
		credentialsHelper: newCredentialsHelper({ myOgoApi: sandboxCredentials(url) }),
	});
}

function results(items: Array<{ json: IDataObject }>): string {
	const counts = new Map<string, number>();
	for (const item of items) {
		const key = String(item.json.result ?? (item.json.error ? 'error' : '?'));
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts.entries()].map(([key, n]) => `${key} ${n}`).join(', ');
}

const MB = 1024 * 1024;

describe('order burst: 1,000 paid Shopify orders → myOGO (order Create or Update, Shopify order input)', () => {
	const orders = Array.from({ length: ORDERS }, (_, i) => shopifyOrderNumbered(10_000 + i));
	const parameters = (parallelRequests: number) => ({
		resource: 'order',
		operation: 'upsert',
		inputFormat: 'shopifyOrder',
		shippingMethodMap: { mapping: FIXTURE_SHIPPING_MAP },
		...(parallelRequests === 4 ? {} : { options: { parallelRequests } }),
	});

	async function arrange() {
		await reset();
		await control.put('/shipping-codes', FIXTURE_SHIPPING_CODES);
		await control.post('/seed', { products: [product('BEANIE-GREY'), product('SOCKS-3942'), product('BEANIE-BLACK')] });
		await setLatency(LATENCY_MS);
		await clearLog();
	}

	async function duplicates() {
		await setLatency(0);
		const stored = await allRows(await apiClient(url), '/orders');
		const references = new Set(stored.map((order) => String(order.reference)));
		return { stored: stored.length, distinct: references.size, duplicates: stored.length - references.size };
	}

	for (const parallel of [4, 16]) {
		it(`Parallel Requests ${parallel}: first send, then the same 1,000 again`, async () => {
			await arrange();
			const first = await timed(() => runMyOgo(parameters(parallel), orders));
			const firstCalls = await apiCalls();
			const afterFirst = await duplicates();
			const firstOutcome = first.result.error ? `error: ${first.result.error.message}` : results(first.result.items);

			await setLatency(LATENCY_MS);
			await clearLog();
			const again = await timed(() => runMyOgo(parameters(parallel), orders));
			const againCalls = await apiCalls();
			const afterAgain = await duplicates();
			const againOutcome = again.result.error ? `error: ${again.result.error.message}` : results(again.result.items);

			rows.push({
				case: `Order burst, ${ORDERS.toLocaleString('en')} new orders, Parallel Requests ${parallel}${parallel === 4 ? ' (default)' : ''}`,
				ourCalls: firstCalls.length,
				minimumCalls: ORDERS,
				naiveCalls: '—',
				ourTimeMs: first.ms,
				naiveTimeMs: null,
				extra: {
					outcome: firstOutcome,
					calls: countBy(firstCalls),
					ordersInMyOgo: afterFirst.stored,
					distinctReferences: afterFirst.distinct,
					duplicates: afterFirst.duplicates,
				},
			});
			rows.push({
				case: `Order burst, same ${ORDERS.toLocaleString('en')} re-sent, Parallel Requests ${parallel}${parallel === 4 ? ' (default)' : ''}`,
				ourCalls: againCalls.length,
				minimumCalls: ORDERS,
				naiveCalls: '—',
				ourTimeMs: again.ms,
				naiveTimeMs: null,
				extra: {
					outcome: againOutcome,
					calls: countBy(againCalls),
					ordersInMyOgo: afterAgain.stored,
					distinctReferences: afterAgain.distinct,
					duplicates: afterAgain.duplicates,
				},
			});
		});
	}
});

describe('catalog resync: 50,000 products store → myOGO, 1% changed (product Create or Update)', () => {
	const seeded = Array.from({ length: CATALOG }, (_, i) =>
		product(`SKU-${String(i).padStart(5, '0')}`, { salesPrice: 10 }),
	);
	// Every 100th product has a new price in the store: 500 changed.
	const input = seeded.map((p, i) => ({ code: p.code, name: p.name, price: i % 100 === 0 ? 12.5 : 10 }));
	const parameters = (onlyWriteChanges: boolean) => ({
		resource: 'product',
		operation: 'upsert',
		inputFormat: 'myOgoFields',
		productCode: { __rl: true, mode: 'id', value: '={{ $json.code }}' },
		languageCode: 'en',
		additionalFields: { name: '={{ $json.name }}', salesPrice: '={{ $json.price }}' },
		onlyWriteChanges,
	});

	async function arrange() {
		await reset();
		await control.post('/seed', { products: seeded });
		await setLatency(LATENCY_MS);
		await clearLog();
	}

	let ours: { calls: LogEntry[]; ms: number; outcome: string; baseline: number; peak: number; peakHeap: number };

	it('ours: Only Write Changes on, 50,000 items', async () => {
		await arrange();
		if (global.gc) global.gc();
		const measured = await withPeakMemory(() => timed(() => runMyOgo(parameters(true), input)));
		const run = measured.result.result;
		ours = {
			calls: await apiCalls(),
			ms: measured.result.ms,
			outcome: run.error ? `error: ${run.error.message}` : results(run.items),
			baseline: measured.baseline,
			peak: measured.peak,
			peakHeap: measured.peakHeap,
		};
	});

	it(`naive: Only Write Changes off (one write per product), ${NAIVE_SUBSET} items, scaled to 50,000`, async () => {
		await arrange();
		const subset = input.slice(0, NAIVE_SUBSET);
		const naive = await timed(() => runMyOgo(parameters(false), subset));
		const naiveCalls = await apiCalls();
		const scale = CATALOG / NAIVE_SUBSET;
		rows.push({
			case: `Catalog resync, ${CATALOG.toLocaleString('en')} products, ${CHANGED} changed`,
			ourCalls: ours.calls.length,
			minimumCalls: Math.ceil(CATALOG / PAGE) + CHANGED,
			naiveCalls: CATALOG,
			ourTimeMs: ours.ms,
			naiveTimeMs: naive.ms * scale,
			naiveNote: `measured on ${NAIVE_SUBSET.toLocaleString('en')} products (${naiveCalls.length} calls, ${(naive.ms / 1000).toFixed(1)} s) × ${scale}`,
			extra: {
				outcome: ours.outcome,
				calls: countBy(ours.calls),
				naiveOutcome: naive.result.error ? `error: ${naive.result.error.message}` : results(naive.result.items),
				naiveCallsMeasured: countBy(naiveCalls),
				rssHarnessIdleMB: +(rssAtLoad / MB).toFixed(0),
				rssBeforeMB: +(ours.baseline / MB).toFixed(0),
				peakRssMB: +(ours.peak / MB).toFixed(0),
				rssGrowthMB: +((ours.peak - ours.baseline) / MB).toFixed(0),
				peakHeapUsedMB: +(ours.peakHeap / MB).toFixed(0),
			},
		});
	});
});
