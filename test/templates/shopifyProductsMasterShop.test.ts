/**
 * Two Shopify shops on one myOGO merchant (#17), each running its own copy of the products
 * template: shop 1 owns the product data (`settings.ownsProductData` true), shop 2 does not. Both
 * sell MUG under different titles; only shop 2 sells SHOP2-ONLY. Whichever shop's template runs
 * last, myOGO keeps shop 1's title, and the SKU only shop 2 sells is created by shop 2.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { configure, itemsOf, loadTemplate, runFromTrigger } from '../harness/templates';
import type { Template } from '../harness/templates';
import {
	allShopifyCredentials,
	shopifyControl,
	shopifyWebhookTrigger,
	startTestShopify,
	type RunningShopifyFake,
} from '../harness/shopify';
import { useShopifyProductsEnvironment } from './shopifyProductsEnvironment';

jest.setTimeout(120_000);

/** Shop 1, the master of product data: the environment's Shopify fake. */
const env = useShopifyProductsEnvironment();

interface Shop {
	name: string;
	template: Template;
	credentials(): Record<string, ICredentialDataDecryptedObject>;
}

let secondFake: RunningShopifyFake;
let shop1: Shop;
let shop2: Shop;

beforeAll(async () => {
	secondFake = await startTestShopify();
	const copy = (id: string, fake: RunningShopifyFake, ownsProductData: boolean): Template => ({
		...configure(loadTemplate('shopify-products-to-myogo.json'), {
			'settings.shopSubdomain': fake.shopSubdomain,
			'settings.secondsBetweenPages': 0,
			'settings.ownsProductData': ownsProductData,
		}),
		id,
	});
	shop1 = {
		name: 'shop 1',
		template: copy('shop-1', env.shopifyFake, true),
		credentials: () => env.credentials(),
	};
	shop2 = {
		name: 'shop 2',
		template: copy('shop-2', secondFake, false),
		credentials: () => ({ ...env.credentials(), ...allShopifyCredentials(secondFake) }),
	};
});
afterAll(async () => await secondFake?.close());

beforeEach(async () => {
	await env.shopify.post('/seed', {
		products: [{ title: 'Mug', vendor: 'Arabia', variants: [{ sku: 'MUG', price: '9.90' }] }],
	});
	const second = shopifyControl(secondFake);
	await second.post('/reset', { webhooks: true });
	await second.post('/seed', {
		products: [
			{ title: 'Muki', vendor: 'Kauppa 2', variants: [{ sku: 'MUG', price: '8.50' }] },
			{ title: 'Only in Shop 2', variants: [{ sku: 'SHOP2-ONLY', price: '4.00' }] },
		],
	});
});

async function resync(shop: Shop) {
	const run = await runFromTrigger(shop.template, 'Full Resync Daily', [{}], shop.credentials());
	expect(run.error).toBeUndefined();
	expect(itemsOf(run, 'Failed Products')).toEqual([]);
	return run;
}

async function myOgoProducts(): Promise<Record<string, unknown[]>> {
	const rows = (await (await env.bed.api()).get('/products', { params: { limit: 250 } }))
		.data as IDataObject[];
	return Object.fromEntries(rows.map((row) => [row.code, [row.name, row.salesPrice]]));
}

const MASTER_STATE = { MUG: ['Mug', 9.9], 'SHOP2-ONLY': ['Only in Shop 2', 4] };

test.each([
	['shop 1 first, shop 2 last', () => [shop1, shop2]],
	['shop 2 first, shop 1 last', () => [shop2, shop1]],
])(
	'%s: myOGO keeps the master shop’s MUG; shop 2 creates the SKU only it sells',
	async (_order, shops) => {
		for (const shop of shops()) await resync(shop);
		expect(await myOgoProducts()).toEqual(MASTER_STATE);

		// A second round in the same order changes nothing: no shop overwrites the other back and forth.
		await env.bed.control.delete('/requests');
		const runs = [];
		for (const shop of shops()) runs.push(await resync(shop));
		const writes = ((await env.bed.control.get('/requests')).data as IDataObject[]).filter(
			(call) => String(call.path).startsWith('/api/') && call.method !== 'GET',
		);
		expect(writes).toEqual([]);
		const shop2Run = runs[shops().indexOf(shop2)]!;
		expect(
			itemsOf(shop2Run, 'Kept: Another Shop Owns Product Data').map((p) => [p.code, p.result]),
		).toEqual([
			['MUG', 'kept'],
			['SHOP2-ONLY', 'kept'],
		]);
		expect(await myOgoProducts()).toEqual(MASTER_STATE);
	},
);

test('an edit in shop 2 of a product myOGO has ends on "Kept: Another Shop Owns Product Data"; myOGO keeps the master shop’s data', async () => {
	await resync(shop1);
	await resync(shop2);
	const updated = await shopifyWebhookTrigger(
		shop2.template,
		'Shopify Trigger (product updated)',
		shop2.credentials(),
	);
	env.hooks.push(updated);
	const second = shopifyControl(secondFake);
	const products = (await second.get('/state')).data.products as IDataObject[];
	const muki = products.find((p) => p.title === 'Muki')!;
	await second.put(`/products/${muki.id}`, { title: 'Iso muki' });
	await secondFake.settle();
	const run = await runFromTrigger(
		shop2.template,
		'Shopify Trigger (product updated)',
		updated.items.at(-1)!,
		shop2.credentials(),
	);
	expect(run.error).toBeUndefined();
	expect(itemsOf(run, 'Kept: Another Shop Owns Product Data')).toEqual([
		expect.objectContaining({ code: 'MUG', name: 'Mug', result: 'kept' }),
	]);
	expect(itemsOf(run, 'Sent to myOGO')).toEqual([]);
	expect(await myOgoProducts()).toEqual(MASTER_STATE);
});
