/**
 * Scale: the Magento 2 sync health check over a 10,000-SKU shop and 1,000 open paid orders, all in
 * sync. Prints the calls on both sides and checks them against the paged reads the APIs require:
 * calls grow with pages, not records.
 */
import { magentoCalls, useMagentoEnvironment } from './magento2Setup';
import { myOgoApiCalls } from './setup';
import { runHealthCheck, seedMyOgoInSync } from './syncHealthReport';

jest.setTimeout(400_000);

const env = useMagentoEnvironment('magento2-sync-health.json');

const SKUS = 10_000;
const ORDERS = 1_000;
const sku = (i: number) => `S-${String(i).padStart(5, '0')}`;

test('10,000 SKUs and 1,000 orders in sync: an empty report from the paged reads alone', async () => {
	const skus = Array.from({ length: SKUS }, (_, i) => sku(i));
	const references = Array.from({ length: ORDERS }, (_, i) => String(100_000_001 + i));
	await seedMyOgoInSync(env.shared(), skus, references);
	await env.magento.post('/seed', {
		products: skus.map((code) => ({ sku: code, name: code, type_id: 'simple', quantity: 1 })),
		orders: references.map((increment_id) => ({
			increment_id,
			items: [{ sku: sku(0), product_type: 'simple', qty_ordered: 1, price: 9.9 }],
			shipping_method: 'flatrate_flatrate',
		})),
	});
	await env.magento.delete('/requests');
	await env.bed.control.delete('/requests');

	const started = Date.now();
	const { report } = await runHealthCheck(env.template, env.credentials());
	const seconds = (Date.now() - started) / 1000;
	expect(report.total).toBe(0);

	const calls = await magentoCalls(env);
	const myOgoCalls = await myOgoApiCalls(env.shared());
	// Magento pages at most 300 rows; a list ends when current_page × page_size reaches total_count.
	const magentoMinimum = 2 * Math.ceil(SKUS / 300) + Math.ceil(ORDERS / 300);
	// myOGO pages 250 rows and gives no totals: a list ends on a short (or empty) page.
	const myOgoMinimum = 2 * (SKUS / 250 + 1) + (ORDERS / 250 + 1);
	const writes = [
		...calls.filter((call) => !call.startsWith('GET ')),
		...myOgoCalls.filter((call) => call.method !== 'GET'),
	];
	console.log(
		`Magento 2 health check of 10,000 SKUs and 1,000 orders (${seconds.toFixed(1)} s in-process): ` +
			`Magento calls ${calls.length} (minimum ${magentoMinimum}), ` +
			`myOGO API calls ${myOgoCalls.length} (minimum ${myOgoMinimum}), writes ${writes.length}`,
	);
	expect(writes).toEqual([]);
	expect([calls.length, myOgoCalls.length]).toEqual([magentoMinimum, myOgoMinimum]);
});
