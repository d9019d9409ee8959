/**
 * Stock sync benchmark of issue 9: 10,000-product catalog, 2,000 SKUs changed in myOGO → store.
 * Ours = the real store template run in-process; naive = a per-SKU HTTP Request workflow
 * (bench/naive/), run in the same process against the same fakes. Prints figures, asserts nothing
 * about time; it does check that ours leaves every changed SKU at myOGO's level in the store (a run
 * whose writes the store refuses is no benchmark): `npm run bench:stock` (tools/run-bench.js: the Shopify
 * fake speaks HTTPS with its own certificate).
 */
import { startFakes, type BenchFakes } from './fakes';
import { printTable, type Row } from './report';
import { changedSkus, changedSubset } from './stockScenario';
import { runNaive, runOurs, stockRows, type Measured, type StoreCase } from './stockSyncCase';
import { shopifyStockCase } from './shopifyStock';
import { wooCommerceStockCase } from './wooCommerceStock';
import { magentoStockCase } from './magentoStock';

/** BENCH_QUICK=1: a smoke run of the benchmark itself (the one-at-a-time naive on 20 SKUs). */
const QUICK = process.env.BENCH_QUICK === '1';
/** The one-at-a-time naive flow is run on this many changed SKUs and scaled to 2,000. */
const LOOP_SUBSET = Number(process.env.BENCH_NAIVE_SUBSET ?? (QUICK ? 20 : 200));

const rows: Row[] = [];
let fakes: BenchFakes;

beforeAll(async () => {
	fakes = await startFakes(['woocommerce', 'shopify', 'magento2']);
});

afterAll(() => {
	fakes?.close();
	printTable('stock', 'Stock sync benchmarks', rows);
});

function describeStore(name: string, storeCase: () => StoreCase) {
	describe(`stock sync, ${name}: 2,000 of 10,000 SKUs changed in myOGO`, () => {
		let store: StoreCase;
		const ours: Array<{ label: string; measured: Measured }> = [];
		const naive: Array<{ label: string; measured: Measured; skus: number }> = [];

		beforeAll(() => {
			store = storeCase();
		});

		it("ours: the template, one poll (each of the store case's Settings variants)", async () => {
			for (const variant of store.ourVariants) {
				const measured = await runOurs(fakes.url, fakes.control, store, variant.settings);
				ours.push({ label: variant.label, measured });
				expect({
					variant: variant.label,
					outcome: measured.outcome,
					wrongSkus: measured.wrong,
				}).toEqual({
					variant: variant.label,
					outcome: `${changedSkus.length} rows emitted, 0 failed or refused`,
					wrongSkus: 0,
				});
			}
		});

		it('naive, as n8n runs it: each HTTP Request node sends all its items at once', async () => {
			const measured = await runNaive(
				fakes.url,
				fakes.control,
				store,
				store.naiveFiles.perSku,
				changedSkus,
			);
			naive.push({
				label: 'per SKU, all requests of a node at once (n8n default)',
				measured,
				skus: changedSkus.length,
			});
		});

		it(`naive, one SKU at a time (Loop Over Items): ${LOOP_SUBSET} SKUs, scaled to 2,000`, async () => {
			const subset = changedSubset(LOOP_SUBSET);
			const measured = await runNaive(
				fakes.url,
				fakes.control,
				store,
				store.naiveFiles.loop,
				subset,
			);
			naive.push({
				label: 'per SKU, one SKU at a time (Loop Over Items)',
				measured,
				skus: subset.length,
			});
			for (const our of ours) rows.push(...stockRows(store, our, naive));
		});
	});
}

describeStore('WooCommerce', () => wooCommerceStockCase(fakes.wooCommerce!));
describeStore('Shopify', () => shopifyStockCase(fakes.shopify!));
describeStore('Magento 2', () => magentoStockCase(fakes.magento2!));
