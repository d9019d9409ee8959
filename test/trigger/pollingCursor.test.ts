/**
 * The polling cursor against the sandbox: every change emitted once — none missed, none repeated —
 * across pages, shared timestamps, late rows, restarts and failures. Polls run in-process with
 * n8n-core's PollContext and static data persisted the way n8n persists it (test/harness/poll.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { OVERLAP_MS } from '../../nodes/MyOgoTrigger/cursor/cursor';
import { PollingTrigger } from '../harness/poll';
import {
	advanceClock,
	codes,
	freezeAt,
	iso,
	Ledger,
	random,
	seedProducts,
	setStock,
	startTestBed,
	stockKey,
	type TestBed,
} from './helpers';

let bed: TestBed;
beforeAll(async () => {
	bed = await startTestBed();
});
afterAll(async () => bed.close());
beforeEach(async () => bed.reset());

const T0 = Date.parse('2026-06-01T08:00:00.000Z');

/** A stock-change trigger that starts at T0 (the products are created exactly at T0, so not emitted). */
function stockTrigger(extra: IDataObject = {}) {
	return new PollingTrigger({
		credentials: bed.credentials as never,
		parameters: { event: 'stockChanged', options: { startFrom: iso(T0) }, ...extra },
	});
}

async function catalog(count: number) {
	await freezeAt(bed.control, T0);
	await seedProducts(bed.control, codes(count));
}

/** A stock-change trigger activated over a catalog of `count` products, before any change. */
async function activeOverCatalog(count: number) {
	await catalog(count);
	const trigger = stockTrigger();
	await trigger.activate();
	return trigger;
}

/** n8n restarting: a new trigger instance that starts from what the previous one saved. */
function restartedFrom(previous: PollingTrigger) {
	const trigger = stockTrigger();
	trigger.persisted = JSON.parse(JSON.stringify(previous.persisted));
	trigger.restart();
	return trigger;
}

/** Makes changes `[code, level]`, `perMs` of them on each millisecond from the clock's now on. */
async function changeStock(ledger: Ledger, changes: Array<[string, number]>, perMs: number) {
	for (let i = 0; i < changes.length; i += perMs) {
		const group = changes.slice(i, i + perMs);
		await setStock(bed.control, group);
		for (const [code, level] of group) ledger.expect(`${code}=${level}`);
		await advanceClock(bed.control, 1);
	}
}

function record(ledger: Ledger, items: IDataObject[] | null) {
	ledger.record((items ?? []).map(stockKey));
}

function expectExactlyOnce(ledger: Ledger) {
	expect({
		duplicates: ledger.duplicates,
		misses: ledger.misses,
		strangers: ledger.strangers,
	}).toEqual({
		duplicates: [],
		misses: [],
		strangers: [],
	});
}

async function stockRequests(): Promise<Array<{ query: Record<string, string>; status: number }>> {
	const { data } = await bed.control.get('/requests');
	return (
		data as Array<{ method: string; path: string; query: Record<string, string>; status: number }>
	).filter((r) => r.method === 'GET' && r.path.toLowerCase() === '/api/v1/stock');
}

/**
 * Makes myOGO slow (300 ms a call), starts a poll and waits until its first page has been served,
 * so a test can act while the next page is on its way.
 */
async function startedSlowPoll<T>(start: () => Promise<T>): Promise<{ polling: Promise<T> }> {
	await bed.control.delete('/requests');
	await bed.control.post('/latency', { ms: 300 });
	const polling = start();
	for (let i = 0; i < 200; i++) {
		if ((await stockRequests()).some((r) => r.status === 200)) break;
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
	return { polling };
}

test('1,000 changes across pages, 7 sharing each millisecond, arrive in one poll exactly once', async () => {
	await catalog(1000);
	const trigger = stockTrigger();
	expect(await trigger.activate()).toBeNull();
	await bed.control.delete('/requests');

	const ledger = new Ledger();
	await advanceClock(bed.control, 1000);
	await changeStock(
		ledger,
		codes(1000).map((code, i) => [code, 10_000 + i]),
		7,
	);
	const items = await trigger.poll();
	record(ledger, items);
	expect(items).toHaveLength(1000);
	expectExactlyOnce(ledger);
	// Oldest first, as myOGO lists them.
	const times = (items ?? []).map((row) => Date.parse(String(row.modified)));
	expect(times).toEqual([...times].sort((a, b) => a - b));
	// It paged with the fewest calls myOGO allows: 4 full pages of 250 and the empty page that ends
	// the list (nothing changed while it paged, so no row was read twice).
	const requests = await stockRequests();
	expect(requests.map((r) => r.query.page)).toEqual(['1', '2', '3', '4', '5']);
	expect(requests.every((r) => r.query.limit === '250')).toBe(true);

	// Nothing new: nothing emitted, and nothing saved.
	const saved = trigger.persisted;
	expect(await trigger.poll()).toBeNull();
	expect(trigger.persisted).toEqual(saved);
	expectExactlyOnce(ledger);
});

test('more than a page of changes sharing ONE millisecond are all emitted once', async () => {
	const trigger = await activeOverCatalog(600);
	const ledger = new Ledger();
	await advanceClock(bed.control, 1000);
	await changeStock(
		ledger,
		codes(600).map((code, i) => [code, 20_000 + i]),
		600,
	);
	await bed.control.delete('/requests');
	record(ledger, await trigger.poll());
	// 250 + 250 + 100 rows: three calls, though all 600 share one millisecond.
	expect((await stockRequests()).length).toBe(3);
	record(ledger, await trigger.poll());
	expectExactlyOnce(ledger);
	expect(ledger.emittedCount).toBe(600);
});

test('20 changes sharing one timestamp, split over two polls, are emitted once each', async () => {
	const trigger = await activeOverCatalog(20);
	const ledger = new Ledger();
	await freezeAt(bed.control, T0 + 5000);
	const changes = codes(20).map((code, i): [string, number] => [code, 300 + i]);

	await setStock(bed.control, changes.slice(0, 12));
	changes.slice(0, 12).forEach(([code, level]) => ledger.expect(`${code}=${level}`));
	const first = await trigger.poll();
	record(ledger, first);
	expect(first).toHaveLength(12);

	// The clock has not moved: the next 8 carry the very same timestamp as the mark.
	await setStock(bed.control, changes.slice(12));
	changes.slice(12).forEach(([code, level]) => ledger.expect(`${code}=${level}`));
	const second = await trigger.poll();
	record(ledger, second);
	expect(second).toHaveLength(8);
	expect(new Set([...(first ?? []), ...(second ?? [])].map((r) => r.modified))).toEqual(
		new Set([iso(T0 + 5000)]),
	);

	expect(await trigger.poll()).toBeNull();
	expectExactlyOnce(ledger);
});

test('a change landing late, inside the overlap window below the mark, is emitted once', async () => {
	const trigger = await activeOverCatalog(10);
	const ledger = new Ledger();

	await freezeAt(bed.control, T0 + 10 * 60_000);
	await changeStock(ledger, [['SKU-0001', 1]], 1);
	record(ledger, await trigger.poll());
	const mark = T0 + 10 * 60_000;

	// A row committed now but stamped 90 s before the mark (clock skew / late commit).
	await freezeAt(bed.control, mark - 90_000);
	await changeStock(ledger, [['SKU-0002', 2]], 1);
	const late = await trigger.poll();
	record(ledger, late);
	expect(late?.map((r) => r.modified)).toEqual([iso(mark - 90_000)]);

	// And one at the mark's very millisecond, after the mark was saved.
	await freezeAt(bed.control, mark);
	await changeStock(ledger, [['SKU-0003', 3]], 1);
	record(ledger, await trigger.poll());

	expect(await trigger.poll()).toBeNull();
	expectExactlyOnce(ledger);
});

test('the overlap window is the documented limit: a row stamped further back than it is not seen', async () => {
	const trigger = await activeOverCatalog(3);
	const mark = T0 + 30 * 60_000;
	await freezeAt(bed.control, mark);
	await setStock(bed.control, [['SKU-0000', 1]]);
	expect(await trigger.poll()).toHaveLength(1);
	await freezeAt(bed.control, mark - OVERLAP_MS - 1000);
	await setStock(bed.control, [['SKU-0001', 1]]);
	expect(await trigger.poll()).toBeNull();
});

test('restart between polls: the saved cursor carries on with no repeats and no gaps', async () => {
	let trigger = await activeOverCatalog(300);
	const ledger = new Ledger();
	await advanceClock(bed.control, 1000);

	await changeStock(
		ledger,
		codes(300)
			.slice(0, 260)
			.map((code, i) => [code, 1000 + i]),
		13,
	);
	record(ledger, await trigger.poll());

	// Same millisecond as the last emitted rows, then n8n restarts.
	await advanceClock(bed.control, -1);
	await changeStock(
		ledger,
		codes(300)
			.slice(260)
			.map((code, i) => [code, 2000 + i]),
		40,
	);
	trigger = restartedFrom(trigger);
	record(ledger, await trigger.poll());
	expectExactlyOnce(ledger);

	expect(await trigger.poll()).toBeNull();
	expectExactlyOnce(ledger);
});

test('a poll that fails halfway through the pages leaves the cursor untouched, and the retry emits everything once', async () => {
	const trigger = await activeOverCatalog(800);
	const ledger = new Ledger();
	await advanceClock(bed.control, 1000);
	await changeStock(
		ledger,
		codes(800).map((code, i) => [code, 5000 + i]),
		9,
	);
	const before = trigger.live;

	const { polling } = await startedSlowPoll(() =>
		trigger.poll().then(
			() => 'emitted',
			(error: Error) => error,
		),
	);
	// As soon as page 1 is served, the next call (waiting out its latency) is told to fail.
	await bed.control.post('/faults', { status: 400, count: 1, path: '/api/v1/stock' });
	const outcome = await polling;
	await bed.control.post('/latency', { ms: 0 });
	expect(outcome).toBeInstanceOf(Error);
	expect(String((outcome as Error).message)).toContain('400');
	expect(trigger.live).toEqual(before);

	record(ledger, await trigger.poll());
	expectExactlyOnce(ledger);
});

test('rows changed while a poll pages through do not push unchanged rows out of sight', async () => {
	const trigger = await activeOverCatalog(1000);
	const ledger = new Ledger();
	await advanceClock(bed.control, 1000);
	await changeStock(
		ledger,
		codes(1000).map((code, i) => [code, 7000 + i]),
		7,
	);

	const { polling } = await startedSlowPoll(() => trigger.poll());
	// While page 2 is on its way, 50 rows of page 1 change ten minutes later: with plain page
	// numbers every later row would move up 50 places and rows 250–299 would never be read.
	await freezeAt(bed.control, T0 + 10 * 60_000);
	const moved = codes(50).map((code, i): [string, number] => [code, 9000 + i]);
	await setStock(bed.control, moved);
	moved.forEach(([code, level]) => ledger.expect(`${code}=${level}`));
	record(ledger, await polling);
	await bed.control.post('/latency', { ms: 0 });
	// The moved rows showed up again at the end, so the poll read the list again by time.
	const startingPoints = new Set((await stockRequests()).map((r) => r.query.modifiedAfter));
	expect(startingPoints.size).toBeGreaterThan(1);

	record(ledger, await trigger.poll());
	expectExactlyOnce(ledger);
});

test.each([4242, 7, 2026])(
	'a long random run (seed %i): shared and late timestamps, restarts, manual fetches — 0 duplicates, 0 misses',
	async (seed) => {
		const rand = random(seed);
		const all = codes(400);
		let trigger = await activeOverCatalog(all.length);
		const ledger = new Ledger();
		let level = 100_000;
		let clock = T0 + 1000;
		let newest = T0;
		/** Times each product has had, so a late change never reuses one (see the cursor's limits in docs/architecture.md). */
		const used = new Map<string, Set<number>>();
		let restarts = 0;

		for (let round = 0; round < 40; round++) {
			const count = Math.floor(rand() * 120);
			const picked = [...all].sort(() => rand() - 0.5).slice(0, count);
			let i = 0;
			while (i < picked.length) {
				const late = newest > T0 && rand() < 0.2;
				// Late rows land up to 100 s below the newest time (inside the 120 s overlap).
				const at = late
					? Math.max(T0 + 1, newest - 1 - Math.floor(rand() * 100_000))
					: (clock += Math.floor(rand() * 3));
				const slice = picked.slice(i, i + 1 + Math.floor(rand() * 30));
				i += slice.length;
				// Each product changes at most once between polls (an overwritten state is never visible).
				const group = slice.filter((code) => !used.get(code)?.has(at));
				if (group.length === 0) continue;
				await freezeAt(bed.control, at);
				const changes = group.map((code): [string, number] => [code, level++]);
				await setStock(bed.control, changes);
				for (const [code, value] of changes) {
					ledger.expect(`${code}=${value}`);
					if (!used.has(code)) used.set(code, new Set());
					used.get(code)!.add(at);
				}
				newest = Math.max(newest, at);
			}
			if (rand() < 0.3) {
				trigger = restartedFrom(trigger);
				restarts++;
			}
			if (rand() < 0.15) {
				const live = trigger.live;
				await trigger.manual();
				expect(trigger.live).toEqual(live);
			}
			record(ledger, await trigger.poll());
			// Now and then time jumps by more than the overlap window.
			if (rand() < 0.2) clock += OVERLAP_MS + Math.floor(rand() * 60_000);
			newest = Math.max(newest, clock);
		}
		record(ledger, await trigger.poll());
		expect(restarts).toBeGreaterThan(3);
		expect(ledger.emittedCount).toBeGreaterThan(1000);
		expectExactlyOnce(ledger);
	},
);
