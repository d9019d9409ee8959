/**
 * workflows/woocommerce-products-to-myogo.json: WooCommerce products and each variation of a
 * variable product become myOGO products (code = SKU), by webhook and by the daily full resync.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { itemsOf, runFromTrigger, wooCommerceWebhookTrigger } from '../harness/templates';
import { myOgoApiCalls, useTemplateEnvironment } from './setup';

const env = useTemplateEnvironment({
	template: 'woocommerce-products-to-myogo.json',
	settings: (fake) => ({ 'settings.wooCommerceUrl': fake.url, 'settings.languageCode': 'fi' }),
});

const CATALOG = [
	{
		name: 'Mug',
		sku: 'MUG',
		regular_price: '9.90',
		description: '<p>A <b>big</b> mug</p>',
		permalink: 'https://shop.example/mug',
	},
	{
		name: 'T-shirt',
		type: 'variable',
		sku: '',
		regular_price: '',
		variations: [
			{ sku: 'TEE-S', regular_price: '19.90', attributes: [{ name: 'Size', option: 'S' }] },
			{ sku: 'TEE-M', regular_price: '21.90', attributes: [{ name: 'Size', option: 'M' }] },
		],
	},
	{ name: 'No SKU yet', sku: '' },
];

async function myOgoProducts(): Promise<Map<string, IDataObject>> {
	const rows = (await (await env.bed.api()).get('/products', { params: { limit: 250 } }))
		.data as IDataObject[];
	return new Map(rows.map((p) => [String(p.code), p]));
}

test('full resync: simple products and every variation exist in myOGO; a second run changes nothing', async () => {
	await env.woo.post('/seed', { products: CATALOG });
	const first = await runFromTrigger(env.template, 'Full Resync Daily', [{}], env.credentials());
	expect(first.error).toBeUndefined();
	// The product without a SKU is not dropped silently: it is reported on the failure branch.
	expect(itemsOf(first, 'Failed Products')).toEqual([
		expect.objectContaining({ error: expect.stringContaining('"No SKU yet"') }),
	]);

	const products = await myOgoProducts();
	expect([...products.keys()].sort()).toEqual(['MUG', 'TEE-M', 'TEE-S']);
	expect(products.get('MUG')).toMatchObject({
		name: 'Mug',
		languageCode: 'fi',
		salesPrice: 9.9,
		description: 'A big mug',
	});
	expect(products.get('TEE-S')).toMatchObject({
		name: expect.stringContaining('T-shirt'),
		salesPrice: 19.9,
		languageCode: 'fi',
	});
	expect(products.get('TEE-M')).toMatchObject({ salesPrice: 21.9 });

	// WooCommerce side: read only (one product list, one variation list), nothing written.
	const requests = (await env.woo.get('/requests')).data as Array<{ method: string; path: string }>;
	expect(requests.every((r) => r.method === 'GET')).toBe(true);

	await env.bed.control.delete('/requests');
	const second = await runFromTrigger(env.template, 'Full Resync Daily', [{}], env.credentials());
	expect(itemsOf(second, 'Sent to myOGO').map((p) => p.result)).toEqual([
		'unchanged',
		'unchanged',
		'unchanged',
	]);
	// Send Products to myOGO runs once for the simple products and once for the variable ones (two
	// paths into it): one read each, the variations' two codes answered by the catalog's first page.
	expect((await myOgoApiCalls(env)).map((c) => `${c.method} ${c.path}`)).toEqual([
		'GET /api/v1/products',
		'GET /api/v1/products',
	]);
	expect((await myOgoProducts()).size).toBe(3);
});

test('webhook: an updated variable product (delivery signed, checked by n8n’s trigger) updates its variations in myOGO', async () => {
	const { productIds } = (await env.woo.post('/seed', { products: CATALOG })).data as {
		productIds: number[];
	};
	await runFromTrigger(env.template, 'Full Resync Daily', [{}], env.credentials());
	const trigger = await wooCommerceWebhookTrigger(
		env.template,
		'WooCommerce Trigger (product updated)',
		env.credentials(),
	);
	env.hooks.push(trigger);

	await env.woo.post(`/products/${productIds[1]}/touch`, { name: 'Organic T-shirt' });
	expect(trigger.items).toHaveLength(1);
	const run = await runFromTrigger(
		env.template,
		'WooCommerce Trigger (product updated)',
		trigger.items[0],
		env.credentials(),
	);
	expect(run.error).toBeUndefined();
	expect(itemsOf(run, 'Failed Products')).toEqual([]);
	expect(
		itemsOf(run, 'Sent to myOGO')
			.map((p) => [p.code, p.result])
			.sort(),
	).toEqual([
		['TEE-M', 'updated'],
		['TEE-S', 'updated'],
	]);
	const products = await myOgoProducts();
	expect(products.get('TEE-S')?.name).toEqual(expect.stringContaining('Organic T-shirt'));
	expect(products.size).toBe(3);
});

test('no feedback loop: product.updated fired by a stock write (or by the template\'s own version note) ends on "Nothing Changed for myOGO" with no myOGO call', async () => {
	const { productIds } = (await env.woo.post('/seed', { products: CATALOG })).data as {
		productIds: number[];
	};
	await runFromTrigger(env.template, 'Full Resync Daily', [{}], env.credentials());
	const trigger = await wooCommerceWebhookTrigger(
		env.template,
		'WooCommerce Trigger (product updated)',
		env.credentials(),
	);
	env.hooks.push(trigger);
	const runDelivery = async (index: number) => {
		await env.fake.settle();
		const run = await runFromTrigger(
			env.template,
			'WooCommerce Trigger (product updated)',
			trigger.items[index],
			env.credentials(),
		);
		expect(run.error).toBeUndefined();
		expect(itemsOf(run, 'Failed Products')).toEqual([]);
		return run;
	};

	// A merchant's edit is sent, and the template notes the version it sent on the product (one write).
	await env.woo.post(`/products/${productIds[0]}/touch`, { name: 'Big mug' });
	const edit = await runDelivery(0);
	expect(itemsOf(edit, 'Sent to myOGO').map((p) => [p.code, p.result])).toEqual([
		['MUG', 'updated'],
	]);
	expect((await myOgoProducts()).get('MUG')?.name).toBe('Big mug');

	// That note fires product.updated too; so does the stock template's batch write. Neither run calls an API.
	await env.bed.control.delete('/requests');
	await env.woo.delete('/requests');
	const noteRun = await runDelivery(1);
	await axios.post(
		`${env.fake.url}/wp-json/wc/v3/products/batch`,
		{ update: [{ id: productIds[0], manage_stock: true, stock_quantity: 7 }] },
		{ params: { consumer_key: env.fake.consumerKey, consumer_secret: env.fake.consumerSecret } },
	);
	const stockRun = await runDelivery(2);
	for (const run of [noteRun, stockRun]) {
		expect(itemsOf(run, 'Nothing Changed for myOGO').map((p) => p.sku)).toEqual(['MUG']);
		expect(itemsOf(run, 'Sent to myOGO')).toEqual([]);
	}
	expect(await myOgoApiCalls(env)).toEqual([]);
	expect(
		((await env.woo.get('/requests')).data as Array<{ path: string }>).map((r) => r.path),
	).toEqual(['/products/batch']);
	expect(trigger.items).toHaveLength(3);

	// A later price change is a change again.
	await env.woo.post(`/products/${productIds[0]}/touch`, { regular_price: '11.90' });
	const priced = await runDelivery(3);
	expect(itemsOf(priced, 'Sent to myOGO').map((p) => [p.code, p.result])).toEqual([
		['MUG', 'updated'],
	]);
	expect((await myOgoProducts()).get('MUG')?.salesPrice).toBe(11.9);
});
