/**
 * workflows/woocommerce-products-to-myogo.json, myOGO calls per delivery (#20): an edit of one
 * variation costs one write and no read; a stock write's product.updated costs no myOGO call for a
 * product the template sent before (remembered by *Send Products to myOGO*, or ended at the version
 * note); a product changed in myOGO by someone else is still overwritten when the shop changes it.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { itemsOf, runFromTrigger, wooCommerceWebhookTrigger } from '../harness/templates';
import type { WebhookTrigger } from '../harness/webhook';
import { myOgoApiCalls, useTemplateEnvironment } from './setup';

jest.setTimeout(120_000);

const env = useTemplateEnvironment({
	template: 'woocommerce-products-to-myogo.json',
	settings: (fake) => ({ 'settings.wooCommerceUrl': fake.url }),
});

const UPDATED = 'WooCommerce Trigger (product updated)';
const CATALOG = [
	{ name: 'Mug', sku: 'MUG', regular_price: '9.90', description: '<p>A mug</p>' },
	{
		name: 'T-shirt',
		type: 'variable',
		sku: '',
		regular_price: '',
		variations: ['S', 'M', 'L'].map((size) => ({
			sku: `TEE-${size}`,
			regular_price: '19.90',
			attributes: [{ name: 'Size', option: size }],
		})),
	},
];

let trigger: WebhookTrigger;
let delivered = 0;

/** Runs every delivery since the last call; answers each run's myOGO calls by delivered SKU. */
async function runNewDeliveries(): Promise<Array<{ sku: string; calls: string[] }>> {
	await env.fake.settle();
	const runs = [];
	for (const delivery of trigger.items.slice(delivered)) {
		await env.bed.control.delete('/requests');
		const run = await runFromTrigger(env.template, UPDATED, delivery, env.credentials());
		expect(run.error).toBeUndefined();
		expect(itemsOf(run, 'Failed Products')).toEqual([]);
		const calls = (await myOgoApiCalls(env)).map((c) => `${c.method} ${c.path}`);
		runs.push({ sku: String(delivery[0]?.sku), calls });
	}
	delivered = trigger.items.length;
	return runs;
}

function wooApi() {
	return axios.create({
		baseURL: `${env.fake.url}/wp-json/wc/v3`,
		params: { consumer_key: env.fake.consumerKey, consumer_secret: env.fake.consumerSecret },
	});
}

/** A stock write as the stock template makes it: one batch for the simple products, one per parent. */
async function writeStock(productIds: number[], variationIds: number[], quantity: number) {
	const api = wooApi();
	await api.post('/products/batch', {
		update: [{ id: productIds[0], manage_stock: true, stock_quantity: quantity }],
	});
	await api.post(`/products/${productIds[1]}/variations/batch`, {
		update: variationIds.map((id) => ({ id, manage_stock: true, stock_quantity: quantity })),
	});
}

test("an edit of one variation costs one myOGO call (its PUT, no read), which writes the shop's data over a change made in myOGO; stock writes cost none once each product was sent", async () => {
	const { productIds } = (await env.woo.post('/seed', { products: CATALOG })).data as {
		productIds: number[];
	};
	const resync = await runFromTrigger(env.template, 'Full Resync Daily', [{}], env.credentials());
	expect(itemsOf(resync, 'Sent to myOGO')).toHaveLength(4);
	trigger = await wooCommerceWebhookTrigger(env.template, UPDATED, env.credentials());
	env.hooks.push(trigger);
	delivered = 0;
	const variations = (await wooApi().get(`/products/${productIds[1]}/variations`))
		.data as IDataObject[];
	const variationIds = variations.map((v) => Number(v.id));

	// The first stock write after the resync: the simple product's data was sent by the resync, so
	// its run ends without a call; a variation arrives alone (WooCommerce sends the variation, not its
	// parent), which the resync did not send in that shape: one read each, no write. Each run notes
	// the version it saw on the product.
	await writeStock(productIds, variationIds, 5);
	const first = await runNewDeliveries();
	expect(first.map((r) => [r.sku, r.calls])).toEqual([
		['MUG', []],
		['TEE-S', ['GET /api/v1/products']],
		['TEE-M', ['GET /api/v1/products']],
		['TEE-L', ['GET /api/v1/products']],
	]);
	// Every later stock write: no call at all (each run ends at the version note).
	await writeStock(productIds, variationIds, 6);
	const later = await runNewDeliveries();
	expect(later.map((r) => r.sku)).toEqual(
		expect.arrayContaining(['MUG', 'TEE-S', 'TEE-M', 'TEE-L']),
	);
	expect(later.flatMap((r) => r.calls)).toEqual([]);

	// Someone changes TEE-M's price in myOGO; then the shop edits TEE-M's description: one PUT,
	// which writes the shop's data, its price included, over myOGO's.
	await (await env.bed.api()).put('/products/TEE-M', { code: 'TEE-M', salesPrice: 99 });
	await wooApi().put(`/products/${productIds[1]}/variations/${variationIds[1]}`, {
		description: 'Soft cotton',
	});
	const edit = await runNewDeliveries();
	expect(edit.map((r) => [r.sku, r.calls])).toEqual([['TEE-M', ['PUT /api/v1/products/TEE-M']]]);
	const stored = (await (await env.bed.api()).get('/products', { params: { code: 'TEE-M' } }))
		.data as IDataObject[];
	expect(stored[0]).toMatchObject({ salesPrice: 19.9, description: 'Soft cotton' });
});
