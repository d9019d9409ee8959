/**
 * Stock on a bad day, with workflows/woocommerce-stock-from-myogo.json's own myOGO Trigger: the
 * polling cursor never passes a change it did not hand over (stock changes made while polls fail),
 * and a stale stock read never overwrites a newer one in WooCommerce (polls around changes, failed
 * reads and failed writes in between); a write WooCommerce refused is set by the daily reconcile, so no
 * SKU stays stale. (Paging, shared timestamps and restarts are proven in
 * test/trigger/pollingCursor.test.ts.)
 */
import type { IDataObject } from 'n8n-workflow';

import { itemsOf, templatePollingTrigger } from '../harness/templates';
import { Ledger, random, setStock, stockKey } from '../trigger/helpers';
import { problems, useReliabilityEnvironment } from './support/environment';

const CODES = ['STK-A', 'STK-B', 'STK-C', 'STK-D', 'STK-E', 'STK-F'];

const env = useReliabilityEnvironment({
	template: 'woocommerce-stock-from-myogo.json',
	settings: (fake) => ({ 'settings.wooCommerceUrl': fake.url }),
	products: CODES,
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** The stock rows a batch-mode poll handed over. */
const rowsOf = (items: IDataObject[] | null) =>
	(items ?? []).flatMap((item) => (item.stock as IDataObject[] | undefined) ?? []);

/** myOGO read faults that outlast the transport's 5 attempts, so the whole poll fails… */
const FAILING_READS = [
	{ status: 503, count: 5, path: '/api/v1/stock' },
	{ status: 'reset', count: 5, path: '/api/v1/stock' },
	{ status: 500, count: 5, path: '/api/v1/stock' },
];
/** …and ones it rides out. */
const SURVIVED_READS = [
	{ status: 429, retryAfter: 0, count: 1, path: '/api/v1/stock' },
	{ status: 502, count: 2, path: '/api/v1/stock' },
	{ status: 'reset', count: 1, path: '/api/v1/stock' },
];

describe('stock on a bad day', () => {
	test('the cursor never passes a change it did not hand over: changes made while polls fail all arrive, once', async () => {
		const trigger = templatePollingTrigger(env.template, env.credentials());
		await trigger.activate();
		await tick();
		const ledger = new Ledger();
		const seen: string[] = [];
		const handOver = (items: IDataObject[] | null) => {
			const keys = rowsOf(items).map(stockKey);
			ledger.record(keys);
			seen.push(...keys);
		};
		const next = random(8);
		let level = 1000;
		const latest = new Map<string, number>();
		const change = async () => {
			const code = CODES[Math.floor(next() * CODES.length)];
			level += 1;
			latest.set(code, level);
			ledger.expect(`${code}=${level}`);
			await setStock(env.control, [[code, level]]);
		};
		// Some changes land while a poll is reading (between its calls to myOGO).
		env.proxy.beforeForward = async (call) => {
			if (call.method === 'GET' && call.path.toLowerCase() === '/api/v1/stock' && next() < 0.3)
				await change();
		};

		let failedPolls = 0;
		for (let round = 0; round < 24; round++) {
			const changes = 1 + Math.floor(next() * 4);
			for (let i = 0; i < changes; i++) await change();
			const kind = round % 3;
			if (kind === 0)
				await env.control.post('/faults', FAILING_READS[(round / 3) % FAILING_READS.length]);
			if (kind === 1)
				await env.control.post(
					'/faults',
					SURVIVED_READS[Math.floor(round / 3) % SURVIVED_READS.length],
				);
			try {
				handOver(await trigger.poll());
			} catch {
				failedPolls++;
			}
			await tick();
		}
		env.proxy.beforeForward = undefined;
		handOver(await trigger.poll());

		expect(failedPolls).toBe(8);
		// A stock row is a level, not an event: a change overwritten by a newer one of the same product
		// before a poll is rightly never seen. Every other change must have been handed over.
		const emitted = new Set(seen);
		const unseen = ledger.misses.filter((key) => {
			const [code, value] = key.split('=');
			return ![...emitted].some(
				(seen) => seen.startsWith(`${code}=`) && Number(seen.split('=')[1]) > Number(value),
			);
		});
		expect(unseen).toEqual([]);
		for (const code of CODES) {
			const last = Math.max(
				...[...emitted].filter((k) => k.startsWith(`${code}=`)).map((k) => Number(k.split('=')[1])),
			);
			expect([code, last]).toEqual([code, latest.get(code) ?? -Infinity]);
		}
		expect(ledger.strangers).toEqual([]);
		expect(ledger.duplicates).toEqual([]);
		const outcome = await env.observe({ expectedReferences: [], ordersSent: 0 });
		expect(problems(outcome)).toEqual([]);
		expect(outcome.faultsInjected).toBeGreaterThanOrEqual(8 * 5);
	});

	test('a stale stock read never overwrites a newer one, and the daily reconcile sets what a failed write left behind', async () => {
		await env.woo.post('/seed', {
			products: [
				...CODES.slice(0, 4).map((sku) => ({
					name: sku,
					sku,
					manage_stock: true,
					stock_quantity: 0,
				})),
				{
					name: 'Variable',
					type: 'variable',
					variations: CODES.slice(4).map((sku) => ({ sku, manage_stock: true, stock_quantity: 0 })),
				},
			],
		});
		const trigger = templatePollingTrigger(env.template, env.credentials());
		await trigger.activate();
		await tick();

		// Every level set in myOGO, per SKU, in order: WooCommerce may lag, but must never step back.
		const history = new Map<string, number[]>(CODES.map((code) => [code, [0]]));
		let level = 10;
		const change = async (codes: string[]) => {
			const levels = codes.map((code) => [code, ++level] as [string, number]);
			for (const [code, value] of levels) history.get(code)!.push(value);
			await setStock(env.control, levels);
			await tick();
		};
		let staleWrites = 0;
		const reached = new Map<string, number>(CODES.map((code) => [code, 0]));
		const checkWooCommerce = async () => {
			const state = (await env.woo.get('/state')).data as {
				products: IDataObject[];
				variations: IDataObject[];
			};
			for (const row of [...state.products, ...state.variations]) {
				const code = String(row.sku);
				if (!history.has(code)) continue;
				const version = history.get(code)!.indexOf(Number(row.stock_quantity));
				// A step back since the last look is one stale write.
				if (version < reached.get(code)!) staleWrites++;
				reached.set(code, version);
			}
		};
		/** The SKUs whose WooCommerce level is not myOGO's current one. */
		const behindMyOgo = async () => {
			const myOgo = (await (await env.api()).get('/stock', { params: { limit: 250 } }))
				.data as IDataObject[];
			const state = (await env.woo.get('/state')).data as {
				products: IDataObject[];
				variations: IDataObject[];
			};
			const woo = new Map(
				[...state.products, ...state.variations].map((p) => [String(p.sku), p.stock_quantity]),
			);
			return myOgo
				.filter((row) => woo.get(String(row.productCode)) !== row.stockAvailable)
				.map((row) => String(row.productCode));
		};
		const failedBranch: IDataObject[] = [];
		const pollAndRun = async () => {
			const items = await trigger.poll();
			if (items === null) return;
			const result = await env.run('myOGO Trigger', items);
			expect(result.error).toBeUndefined();
			failedBranch.push(...itemsOf(result, 'Failed Requests'));
			await checkWooCommerce();
		};

		await change(CODES);
		await pollAndRun();
		// Two polls around a change: the older read is run after the newer change was made.
		await change(['STK-A', 'STK-E']);
		const older = await trigger.poll();
		await change(['STK-A', 'STK-E']);
		const newer = await trigger.poll();
		for (const items of [older, newer]) {
			await env.run('myOGO Trigger', items!);
			await checkWooCommerce();
		}
		// A poll whose myOGO reads fail; the changes come with the next one.
		await change(['STK-B', 'STK-F']);
		await env.control.post('/faults', { status: 503, count: 5, path: '/api/v1/stock' });
		await expect(trigger.poll()).rejects.toThrow(/503/);
		await change(['STK-B', 'STK-C']);
		await pollAndRun();
		// WooCommerce fails the write batch, then the SKU lookup: visible on "Failed Requests"; WooCommerce
		// keeps what it had (behind, never backwards) until the next change of those SKUs arrives.
		await change(['STK-C', 'STK-D']);
		await env.woo.post('/faults', { status: 503, method: 'POST', path: '/products/batch' });
		await pollAndRun();
		expect(failedBranch).toHaveLength(1);
		await change(['STK-D', 'STK-F']);
		await env.woo.post('/faults', { status: 'reset', method: 'GET', path: '/products' });
		await pollAndRun();
		expect(failedBranch).toHaveLength(2);
		await change(CODES);
		await pollAndRun();
		// A failed write with no later change of those SKUs: the trigger never hands it over again, so
		// WooCommerce would stay behind. The daily reconcile (all of myOGO's stock, absolute) sets it.
		await change(['STK-A', 'STK-E']);
		await env.woo.post('/faults', { status: 503, method: 'POST', path: '/products/batch' });
		await pollAndRun();
		expect(failedBranch).toHaveLength(3);
		expect(await trigger.poll()).toBeNull();
		expect(await behindMyOgo()).toEqual(['STK-A']);
		const reconcile = await env.run('Reconcile All Stock Daily', [{}]);
		expect(reconcile.error).toBeUndefined();
		expect(itemsOf(reconcile, 'Failed Requests')).toEqual([]);
		await checkWooCommerce();

		// In the end WooCommerce holds myOGO's latest level for every SKU: none is left stale.
		const stale = await behindMyOgo();
		expect(stale).toEqual([]);

		const outcome = await env.observe({
			expectedReferences: [],
			ordersSent: 0,
			staleStockWrites: staleWrites + stale.length,
		});
		expect(problems(outcome)).toEqual([]);
	});
});
