/**
 * Scale: the Shopify sync health check over a 10,000-SKU shop and 1,000 open paid orders, all in
 * sync. Prints the calls on both sides and checks them against the paged reads the APIs require:
 * calls grow with pages, not records.
 */
import { configure, loadTemplate } from '../harness/templates';
import { paidCheckout } from '../harness/shopify';
import { myOgoApiCalls, useTemplateEnvironment } from './setup';
import { runHealthCheck, seedMyOgoInSync } from './syncHealthReport';

jest.setTimeout(400_000);

const env = useTemplateEnvironment({ stores: ['shopify'], resetEachTest: false });

const SKUS = 10_000;
const ORDERS = 1_000;
const sku = (i: number) => `S-${String(i).padStart(5, '0')}`;

test('10,000 SKUs and 1,000 orders in sync: an empty report from the paged reads alone', async () => {
	const skus = Array.from({ length: SKUS }, (_, i) => sku(i));
	// The fake names seeded orders #1001, #1002…: myOGO holds each as the orders template sent it.
	const references = Array.from({ length: ORDERS }, (_, i) => String(1_001 + i));
	await seedMyOgoInSync(env, skus, references);
	await env.shopify.post('/seed', {
		products: skus.map((code) => ({
			title: code,
			variants: [{ sku: code, inventory_quantity: 1 }],
		})),
		orders: references.map(() => paidCheckout(sku(0), 1, '9.90')),
	});
	await env.shopify.delete('/requests');
	await env.bed.control.delete('/requests');

	const template = configure(loadTemplate('shopify-sync-health.json'), {
		'settings.shopSubdomain': env.shopifyFake.shopSubdomain,
		'settings.locationId': '1',
	});
	const started = Date.now();
	const { report } = await runHealthCheck(template, env.credentials());
	const seconds = (Date.now() - started) / 1000;
	expect(report.total).toBe(0);

	const shopifyCalls = (await env.shopify.get('/requests')).data as Array<{
		method: string;
		graphqlOperation?: string;
	}>;
	const myOgoCalls = await myOgoApiCalls(env);
	// Shopify's GraphQL connections page 250 nodes and say whether another page follows.
	const shopifyMinimum = Math.ceil(SKUS / 250) + Math.ceil(ORDERS / 250);
	// myOGO pages 250 rows and gives no totals: a list ends on a short (or empty) page.
	const myOgoMinimum = 2 * (SKUS / 250 + 1) + (ORDERS / 250 + 1);
	const writes = [
		...shopifyCalls.filter((call) => !/Page$/.test(call.graphqlOperation ?? '')),
		...myOgoCalls.filter((call) => call.method !== 'GET'),
	];
	console.log(
		`Shopify health check of 10,000 SKUs and 1,000 orders (${seconds.toFixed(1)} s in-process, ` +
			`no cost budget): Shopify GraphQL calls ${shopifyCalls.length} (minimum ${shopifyMinimum}), ` +
			`myOGO API calls ${myOgoCalls.length} (minimum ${myOgoMinimum}), writes ${writes.length}`,
	);
	expect(writes).toEqual([]);
	expect([shopifyCalls.length, myOgoCalls.length]).toEqual([shopifyMinimum, myOgoMinimum]);
});
