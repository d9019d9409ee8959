/**
 * workflows/shopify-products-to-myogo.json: every Shopify variant with a SKU becomes a myOGO product
 * (code = SKU), by webhook and by the daily full resync, which pages through every variant over
 * GraphQL by cursor (REST would cut a product at 100 variants).
 */
import type { IDataObject } from 'n8n-workflow';

import { itemsOf, runFromTrigger } from '../harness/templates';
import { filterNode, insertAtRulesSpot } from '../harness/templateRules';
import { shopifyWebhookTrigger } from '../harness/shopify';
import { triggerName, writeStockToEveryVariant } from '../harness/shopifyStockWrite';
import { myOgoApiCalls } from './setup';
import { useShopifyProductsEnvironment } from './shopifyProductsEnvironment';

jest.setTimeout(120_000);

const env = useShopifyProductsEnvironment({ 'settings.languageCode': 'fi' });

const CATALOG = [
	{
		title: 'Mug',
		body_html: '<p>A <b>big</b> mug</p>',
		vendor: 'Arabia',
		product_type: 'Kitchen',
		variants: [{ sku: 'MUG', price: '9.90', barcode: '6411111111118' }],
	},
	{
		title: 'T-shirt',
		vendor: 'Marimekko',
		variants: [
			{ sku: 'TEE-S', price: '19.90', option1: 'S' },
			{ sku: 'TEE-M', price: '21.90', option1: 'M' },
			{ sku: '', price: '21.90', option1: 'XL' },
		],
	},
	{ title: 'No SKU yet', variants: [{ sku: '', price: '1.00' }] },
];

/** Enough plain products that the catalog spans three pages of 250. */
const FILLER = Array.from({ length: 560 }, (_, i) => ({
	title: `Poster ${i}`,
	variants: [{ sku: `POSTER-${String(i).padStart(3, '0')}`, price: '12.00' }],
}));

async function myOgoProducts(): Promise<Map<string, IDataObject>> {
	const products = new Map<string, IDataObject>();
	const api = await env.bed.api();
	for (let page = 1; ; page++) {
		const rows = (await api.get('/products', { params: { limit: 250, page } }))
			.data as IDataObject[];
		for (const row of rows) products.set(String(row.code), row);
		if (rows.length < 250) return products;
	}
}

test('full resync: every variant of a three-page catalog exists in myOGO with the store’s data; a second run changes nothing', async () => {
	await env.shopify.post('/seed', { products: [...CATALOG, ...FILLER] });
	await env.shopify.delete('/requests');
	const first = await runFromTrigger(env.template, 'Full Resync Daily', [{}], env.credentials());
	expect(first.error).toBeUndefined();
	// The product without any SKU is not dropped silently: it is reported on the failure branch.
	expect(itemsOf(first, 'Failed Products')).toEqual([
		expect.objectContaining({ error: expect.stringContaining('"No SKU yet"') }),
	]);

	// Shopify side: read only, 80 variants a page on the pinned version, following the cursor to the end (no page read twice).
	const requests = (await env.shopify.get('/requests')).data as Array<{
		method: string;
		path: string;
		status: number;
		graphqlOperation?: string;
	}>;
	const variantCount = [...CATALOG, ...FILLER].reduce((sum, p) => sum + p.variants.length, 0);
	expect(requests).toHaveLength(Math.ceil(variantCount / 80));
	expect(
		new Set(requests.map((r) => [r.method, r.path, r.graphqlOperation, r.status].join(' '))),
	).toEqual(new Set(['POST /admin/api/2026-10/graphql.json ProductVariantsForMyOgo 200']));

	const products = await myOgoProducts();
	expect(products.size).toBe(3 + FILLER.length);
	expect(FILLER.filter((p) => products.get(p.variants[0].sku)?.name !== p.title)).toEqual([]);
	expect(products.get('MUG')).toMatchObject({
		name: 'Mug',
		languageCode: 'fi',
		salesPrice: 9.9,
		currencyCode: 'EUR',
		eanCode: '6411111111118',
		description: 'A big mug',
		supplier: 'Arabia',
		group: 'Kitchen',
	});
	expect(products.get('TEE-S')).toMatchObject({
		name: 'T-shirt - S',
		salesPrice: 19.9,
		supplier: 'Marimekko',
	});
	expect(products.get('TEE-M')).toMatchObject({ name: 'T-shirt - M', salesPrice: 21.9 });
	const tShirt = itemsOf(first, 'Sent to myOGO').filter((p) => p.code === 'TEE-S');
	expect(tShirt[0].skippedVariants).toEqual([
		expect.objectContaining({ reason: expect.stringContaining('no SKU') }),
	]);

	const second = await runFromTrigger(env.template, 'Full Resync Daily', [{}], env.credentials());
	expect(second.error).toBeUndefined();
	const results = itemsOf(second, 'Sent to myOGO').map((p) => p.result);
	expect(results).toHaveLength(3 + FILLER.length);
	expect(results.every((r) => r === 'unchanged')).toBe(true);
});

test("full resync: a product with 150 variants reaches myOGO whole (Shopify's REST answer would stop at 100)", async () => {
	const variants = Array.from({ length: 150 }, (_, i) => ({
		sku: `POSTER-XL-${String(i).padStart(3, '0')}`,
		price: '15.00',
		option1: `Design ${i}`,
	}));
	await env.shopify.post('/seed', {
		products: [{ title: 'Poster XL', vendor: 'Studio', variants }],
	});
	const result = await runFromTrigger(env.template, 'Full Resync Daily', [{}], env.credentials());
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Products')).toEqual([]);
	const products = await myOgoProducts();
	expect([...products.keys()].sort()).toEqual(variants.map((v) => v.sku));
	expect(products.get('POSTER-XL-149')).toMatchObject({
		name: 'Poster XL - Design 149',
		supplier: 'Studio',
		salesPrice: 15,
	});
});

test('full resync: a page Shopify refuses (THROTTLED) ends on "Failed Products"; the pages read before it are sent', async () => {
	await env.shopify.post('/seed', { products: FILLER.slice(0, 200) });
	await env.shopify.post('/faults', { status: 'THROTTLED', path: '/graphql', after: 1 });
	const result = await runFromTrigger(env.template, 'Full Resync Daily', [{}], env.credentials());
	expect(result.error).toBeUndefined();
	const failed = itemsOf(result, 'Failed Products');
	expect(failed).toHaveLength(1);
	expect(JSON.stringify(failed[0])).toContain('THROTTLED');
	expect((await myOgoProducts()).size).toBe(80);
});

test('webhooks: a created and an updated product (signed deliveries, checked by n8n’s trigger) reach myOGO', async () => {
	const created = await shopifyWebhookTrigger(
		env.template,
		'Shopify Trigger (product created)',
		env.credentials(),
	);
	const updated = await shopifyWebhookTrigger(
		env.template,
		'Shopify Trigger (product updated)',
		env.credentials(),
	);
	env.hooks.push(created, updated);

	const product = (await env.shopify.post('/products', CATALOG[1])).data as IDataObject;
	await env.shopifyFake.settle();
	expect(created.items).toHaveLength(1);
	const createRun = await runFromTrigger(
		env.template,
		'Shopify Trigger (product created)',
		created.items[0],
		env.credentials(),
	);
	expect(createRun.error).toBeUndefined();
	expect(
		itemsOf(createRun, 'Sent to myOGO')
			.map((p) => [p.code, p.result])
			.sort(),
	).toEqual([
		['TEE-M', 'created'],
		['TEE-S', 'created'],
	]);

	await env.shopify.put(`/products/${product.id}`, { title: 'Organic T-shirt' });
	await env.shopifyFake.settle();
	expect(updated.items).toHaveLength(1);
	const updateRun = await runFromTrigger(
		env.template,
		'Shopify Trigger (product updated)',
		updated.items[0],
		env.credentials(),
	);
	expect(updateRun.error).toBeUndefined();
	expect(itemsOf(updateRun, 'Failed Products')).toEqual([]);
	const products = await myOgoProducts();
	expect([...products.keys()].sort()).toEqual(['TEE-M', 'TEE-S']);
	expect(products.get('TEE-S')).toMatchObject({ name: 'Organic T-shirt - S', languageCode: 'fi' });
});

/*
 * The feedback loop of #20 on Shopify: Shopify sends `products/update` for every stock write to a
 * product (sandbox/README.md, "An inventory write"), so with the products and stock templates live
 * together, each stock write the stock template makes starts a run of the products template. That
 * run must not read myOGO: *Skip Products Sent Unchanged* finds the product data it sent last time
 * (test/templates/shopifyProductsGuard.test.ts has the rest of the guard's cases).
 */
test('a products/update sent because of a stock write costs the products template no myOGO call', async () => {
	const updatedTrigger = triggerName(
		env.template,
		'n8n-nodes-base.shopifyTrigger',
		'products/update',
	);
	const updated = await shopifyWebhookTrigger(env.template, updatedTrigger, env.credentials());
	env.hooks.push(updated);
	await env.shopify.post('/seed', {
		products: [
			{
				title: 'T-shirt',
				variants: ['S', 'M', 'L'].map((size) => ({
					sku: `TEE-${size}`,
					price: '19.90',
					option1: size,
				})),
			},
		],
	});
	const resync = await runFromTrigger(
		env.template,
		triggerName(env.template, 'n8n-nodes-base.scheduleTrigger'),
		[{}],
		env.credentials(),
	);
	expect(resync.error).toBeUndefined();

	await writeStockToEveryVariant(env.shopifyFake, 5);
	await env.shopifyFake.settle();
	expect(updated.items).toHaveLength(1);

	await env.bed.control.delete('/requests');
	const echo = await runFromTrigger(
		env.template,
		updatedTrigger,
		updated.items[0],
		env.credentials(),
	);
	expect(echo.error).toBeUndefined();
	// Before the guard: GET /products?code=TEE-S, TEE-M, TEE-L (3 reads), nothing written.
	expect(await myOgoApiCalls(env)).toEqual([]);
});
describe('a merchant changes the products template (workflows/README.md → Changing a template)', () => {
	const catalog = [
		{
			title: 'Mug',
			vendor: 'Arabia',
			tags: ['kitchen'],
			variants: [{ sku: 'MUG', price: '9.90' }],
		},
		{
			title: 'T-shirt',
			vendor: 'Marimekko',
			tags: ['warehouse', 'clothes'],
			variants: [
				{ sku: 'TEE-S', price: '19.90', option1: 'S' },
				{ sku: 'TEE-M', price: '21.90', option1: 'M' },
			],
		},
		{ title: 'Poster', vendor: 'Marimekko', variants: [{ sku: 'POSTER', price: '12.00' }] },
	];

	test('the rules spot sees one item per product, with its vendor and tags', async () => {
		await env.shopify.post('/seed', { products: catalog });
		const run = await runFromTrigger(env.template, 'Full Resync Daily', [{}], env.credentials());
		expect(run.error).toBeUndefined();
		const atSpot = itemsOf(run, 'Your Rules (one item per product)');
		expect(atSpot.map((product) => [product.title, product.vendor, product.tags]).sort()).toEqual([
			['Mug', 'Arabia', 'kitchen'],
			['Poster', 'Marimekko', ''],
			['T-shirt', 'Marimekko', 'warehouse, clothes'],
		]);
	});

	test.each([
		[
			'vendor',
			'Only Marimekko',
			'={{ $json.vendor }}',
			'equals',
			'Marimekko',
			['POSTER', 'TEE-M', 'TEE-S'],
		],
		[
			'tag',
			'Only Tagged "warehouse"',
			'={{ $json.tags }}',
			'contains',
			'warehouse',
			['TEE-M', 'TEE-S'],
		],
	])(
		'only products with a given %s go to myOGO: a Filter at the rules spot',
		async (_what, name, left, operation, right, expected) => {
			await env.shopify.post('/seed', { products: catalog });
			const withRule = insertAtRulesSpot(
				env.template,
				filterNode(name, left, { type: 'string', operation }, right),
			);
			const run = await runFromTrigger(withRule, 'Full Resync Daily', [{}], env.credentials());
			expect(run.error).toBeUndefined();
			expect(itemsOf(run, 'Failed Products')).toEqual([]);
			expect([...(await myOgoProducts()).keys()].sort()).toEqual(expected);
		},
	);
});
