/**
 * Scale: the WooCommerce sync health check over a 10,000-SKU store (8,000 products + 200 variable
 * products of 10 variations) and 1,000 open orders, all in sync. Prints the calls on both sides and
 * checks them against the paged reads the APIs require: calls grow with pages, not records.
 */
import { configure, loadTemplate } from '../harness/templates';
import { wooOrder } from '../harness/wooCommerceOrder';
import {
	PARENTS,
	scaleCatalogSkus,
	SIMPLE,
	VARIATIONS_EACH,
	wooCommerceScaleProducts,
} from '../harness/wooCommerceScaleCatalog';
import { myOgoApiCalls, useTemplateEnvironment } from './setup';
import { runHealthCheck, seedMyOgoInSync } from './syncHealthReport';

jest.setTimeout(300_000);

const env = useTemplateEnvironment({ resetEachTest: false });

const ORDERS = 1_000;

test('10,000 SKUs and 1,000 orders in sync: an empty report from the paged reads alone', async () => {
	const skus = scaleCatalogSkus;
	const references = Array.from({ length: ORDERS }, (_, i) => String(10_001 + i));
	await seedMyOgoInSync(env, skus, references);
	await env.woo.post('/seed', {
		products: wooCommerceScaleProducts(),
		orders: references.map((reference) => wooOrder(reference, 'processing')),
	});
	await env.woo.delete('/requests');
	await env.bed.control.delete('/requests');

	const template = configure(loadTemplate('woocommerce-sync-health.json'), {
		'settings.wooCommerceUrl': env.fake.url,
	});
	const started = Date.now();
	const { report } = await runHealthCheck(template, env.credentials());
	const seconds = (Date.now() - started) / 1000;
	expect(report.total).toBe(0);

	const wooCalls = (await env.woo.get('/requests')).data as Array<{ method: string; path: string }>;
	const myOgoCalls = await myOgoApiCalls(env);
	// WooCommerce pages 100 rows (a list ends on a short page); variations are listed per variable
	// product, as WooCommerce has no list of all variations.
	const wooMinimum =
		Math.ceil((SIMPLE + PARENTS) / 100) + PARENTS * Math.ceil(VARIATIONS_EACH / 100) + ORDERS / 100;
	// myOGO pages 250 rows and gives no totals: a list ends on a short (or empty) page.
	const myOgoMinimum = 2 * (skus.length / 250 + 1) + (ORDERS / 250 + 1);
	console.log(
		`health check of 10,000 SKUs and 1,000 orders (${seconds.toFixed(1)} s in-process): ` +
			`WooCommerce calls ${wooCalls.length} (minimum ${wooMinimum}), ` +
			`myOGO API calls ${myOgoCalls.length} (minimum ${myOgoMinimum}), writes ` +
			`${[...wooCalls, ...myOgoCalls].filter((call) => call.method !== 'GET').length}`,
	);
	expect([...wooCalls, ...myOgoCalls].filter((call) => call.method !== 'GET')).toEqual([]);
	expect([wooCalls.length, myOgoCalls.length]).toEqual([wooMinimum, myOgoMinimum]);
});
