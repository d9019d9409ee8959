/**
 * Benchmarks of issue 9 that run the myOGO node in the in-process n8n harness against the sandbox.
 * They print figures and assert nothing about time: `npm run bench`.
 *
 * The sandbox runs in a child process (bench/sandboxProcess.js), so the memory and CPU figures
 * are the n8n side's only, and every API call waits the injected 50 ms latency first. The catalog
 * resync also runs in a lean process of its own (bench/leanProcess.ts: n8n's engine and our compiled
 * node, no Jest), whose memory is the figure reported against the 300 MB target.
 */
import type { AxiosInstance } from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../test/harness/runNode';
import { newCredentialsHelper } from '../test/harness/runWorkflow';
import { apiClient, sandboxCredentials } from '../test/harness/sandbox';
import {
	allRows,
	FIXTURE_SHIPPING_CODES,
	FIXTURE_SHIPPING_MAP,
	product,
	shopifyOrderNumbered,
} from '../test/node/helpers';
import { myOgoApiCalls, startFakes, type BenchFakes, type LogEntry } from './fakes';
// itemOutcomes and peakMemory are plain JavaScript, shared with the lean process (bench/leanNodeRunner.js).
import { itemOutcomes } from './itemOutcomes';
import { runNodeInLeanProcess, type LeanRun } from './leanProcess';
import { megabytes, withPeakMemory } from './peakMemory';
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
/** Lines printed under the table: the catalog resync's memory. */
const memoryLines: string[] = [];
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
	printTable('sync', 'Sync benchmarks', rows, memoryLines);
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

async function runMyOgo(parameters: IDataObject, input: IDataObject[]) {
	return await runNode({
		type: 'myOgo',
		parameters: parameters as never,
		input,
		credentials: { myOgoApi: sandboxCredentials(url) },
		credentialsHelper: newCredentialsHelper({ myOgoApi: sandboxCredentials(url) }),
	});
}

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
		await control.post('/seed', {
			products: [product('BEANIE-GREY'), product('SOCKS-3942'), product('BEANIE-BLACK')],
		});
		await setLatency(LATENCY_MS);
		await clearLog();
	}

	async function duplicates() {
		await setLatency(0);
		const stored = await allRows(await apiClient(url), '/orders');
		const references = new Set(stored.map((order) => String(order.reference)));
		return {
			stored: stored.length,
			distinct: references.size,
			duplicates: stored.length - references.size,
		};
	}

	for (const parallel of [4, 16]) {
		it(`Parallel Requests ${parallel}: first send, then the same 1,000 again`, async () => {
			await arrange();
			const first = await timed(() => runMyOgo(parameters(parallel), orders));
			const firstCalls = await apiCalls();
			const afterFirst = await duplicates();
			const firstOutcome = first.result.error
				? `error: ${first.result.error.message}`
				: itemOutcomes(first.result.items);

			await setLatency(LATENCY_MS);
			await clearLog();
			const again = await timed(() => runMyOgo(parameters(parallel), orders));
			const againCalls = await apiCalls();
			const afterAgain = await duplicates();
			const againOutcome = again.result.error
				? `error: ${again.result.error.message}`
				: itemOutcomes(again.result.items);

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
	const input = seeded.map((p, i) => ({
		code: p.code,
		name: p.name,
		price: i % 100 === 0 ? 12.5 : 10,
	}));
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

	/** The catalog as myOGO holds it after a run, against the input: how many products hold the store's price. */
	async function endState() {
		await setLatency(0);
		const stored = await allRows(await apiClient(url), '/products');
		const wanted = new Map(input.map((item) => [item.code, item.price]));
		let changedRight = 0;
		let unchangedRight = 0;
		for (const row of stored) {
			const price = wanted.get(String(row.code));
			if (price === undefined || Number(row.salesPrice) !== price) continue;
			if (price === 10) unchangedRight++;
			else changedRight++;
		}
		return `${stored.length} products in myOGO; changed holding the new price ${changedRight}/${CHANGED}, unchanged holding theirs ${unchangedRight}/${CATALOG - CHANGED}`;
	}

	/** Packages of the test tooling among those a process loaded: the lean process must show none. */
	function testTooling(packages: string[]): string[] {
		return packages.filter((name) =>
			/^(jest|ts-jest|typescript|n8n-nodes-base|@jest\/|babel|@babel\/)/.test(name),
		);
	}

	let lean: LeanRun & { calls: LogEntry[]; endState: string };
	let inJest: {
		calls: LogEntry[];
		ms: number;
		outcome: string;
		endState: string;
		before: number;
		peak: number;
		peakHeap: number;
	};

	it('ours: Only Write Changes on, 50,000 items, in a lean process (n8n-core, n8n-workflow, dist/, no Jest)', async () => {
		await arrange();
		const run = await runNodeInLeanProcess({
			type: 'myOgo',
			parameters: parameters(true) as never,
			input,
			credentials: { myOgoApi: sandboxCredentials(url) },
		});
		lean = { ...run, calls: await apiCalls(), endState: await endState() };
	});

	it('ours again, in this Jest process (the earlier way of measuring, for comparison)', async () => {
		await arrange();
		if (global.gc) global.gc();
		const measured = await withPeakMemory(() => timed(() => runMyOgo(parameters(true), input)));
		const run = measured.result.result;
		inJest = {
			calls: await apiCalls(),
			ms: measured.result.ms,
			outcome: run.error ? `error: ${run.error.message}` : itemOutcomes(run.items),
			endState: await endState(),
			before: measured.before.rss,
			peak: Math.max(measured.peakRss, measured.kernelPeakRss ?? 0),
			peakHeap: measured.peakHeapUsed,
		};
	});

	it(`naive: Only Write Changes off (one write per product), ${NAIVE_SUBSET} items, scaled to 50,000`, async () => {
		await arrange();
		const subset = input.slice(0, NAIVE_SUBSET);
		const naive = await timed(() => runMyOgo(parameters(false), subset));
		const naiveCalls = await apiCalls();
		const scale = CATALOG / NAIVE_SUBSET;
		const leanPeak = Math.max(lean.memory.peakRss, lean.memory.kernelPeakRss ?? 0);
		const rowCase = `Catalog resync, ${CATALOG.toLocaleString('en')} products, ${CHANGED} changed`;
		rows.push({
			case: rowCase,
			ourCalls: lean.calls.length,
			minimumCalls: Math.ceil(CATALOG / PAGE) + CHANGED,
			naiveCalls: CATALOG,
			ourTimeMs: lean.ms,
			naiveTimeMs: naive.ms * scale,
			naiveNote: `measured on ${NAIVE_SUBSET.toLocaleString('en')} products (${naiveCalls.length} calls, ${(naive.ms / 1000).toFixed(1)} s) × ${scale}`,
			extra: {
				outcome: lean.outcome,
				calls: countBy(lean.calls),
				endState: lean.endState,
				naiveOutcome: naive.result.error
					? `error: ${naive.result.error.message}`
					: itemOutcomes(naive.result.items),
				naiveCallsMeasured: countBy(naiveCalls),
				leanProcess: {
					idleRssMB: megabytes(lean.idle.rss),
					idleHeapUsedMB: megabytes(lean.idle.heapUsed),
					rssBeforeRunMB: megabytes(lean.memory.beforeRun.rss),
					peakRssSampledMB: megabytes(lean.memory.peakRss),
					peakRssKernelMB: megabytes(lean.memory.kernelPeakRss),
					peakRssMB: megabytes(leanPeak),
					growthOverIdleMB: megabytes(leanPeak - lean.idle.rss),
					peakHeapUsedMB: megabytes(lean.memory.peakHeapUsed),
					heapUsedAfterRunCollectedMB: megabytes(lean.memory.afterRunCollected.heapUsed),
					rssAfterRunCollectedMB: megabytes(lean.memory.afterRunCollected.rss),
					samples: lean.memory.samples,
					packagesLoaded: lean.packages.length,
					testToolingLoaded: testTooling(lean.packages).join(' ') || 'none',
				},
				jestProcess: {
					ms: Math.round(inJest.ms),
					calls: countBy(inJest.calls),
					outcome: inJest.outcome,
					endState: inJest.endState,
					rssHarnessIdleMB: megabytes(rssAtLoad),
					rssBeforeMB: megabytes(inJest.before),
					peakRssMB: megabytes(inJest.peak),
					rssGrowthMB: megabytes(inJest.peak - inJest.before),
					peakHeapUsedMB: megabytes(inJest.peakHeap),
				},
			},
		});
		memoryLines.push(
			'',
			`${rowCase}, memory of a lean process (n8n-core + n8n-workflow + our dist/ node + the compiled harness, no Jest), RSS sampled every 50 ms and the kernel's peak:`,
			`  idle with the engine loaded ${megabytes(lean.idle.rss)} MB RSS; peak during the run ${megabytes(leanPeak)} MB RSS (+${megabytes(leanPeak - lean.idle.rss)} MB over idle); peak heap used ${megabytes(lean.memory.peakHeapUsed)} MB (${megabytes(lean.memory.afterRunCollected.heapUsed)} MB live after the run, result still held); target < 300 MB peak RSS`,
			`  same run in the Jest process of this benchmark (Jest, ts-jest, the whole harness): ${megabytes(inJest.before)} MB before, ${megabytes(inJest.peak)} MB peak (+${megabytes(inJest.peak - inJest.before)} MB), peak heap used ${megabytes(inJest.peakHeap)} MB`,
		);
	});
});
