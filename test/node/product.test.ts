import type { IDataObject } from 'n8n-workflow';

import {
	mapMagentoProduct,
	mapShopifyProduct,
	mapWooCommerceProduct,
} from '../../nodes/MyOgo/mapping';
import {
	allRows,
	byCode,
	clearRequestLog,
	expectPaired,
	fixture,
	pairedIndexes,
	product,
	productIn,
	requestLog,
	runMyOgo,
	seed,
	useSandbox,
} from './helpers';

/** The request fields of a stored product (what the node should have sent), nulls left out. */
function requestFieldsOf(stored: IDataObject | undefined): IDataObject {
	const fields: IDataObject = {};
	for (const key of [
		'code',
		'languageCode',
		'name',
		'description',
		'supplier',
		'supplierCode',
		'group',
		'eanCode',
		'supplyPrice',
		'salesPrice',
		'currencyCode',
		'infoUrl',
		'pictureUrl',
		'countryOfOrigin',
		'customsDescription',
		'hsCode',
	]) {
		if (stored?.[key] !== null && stored?.[key] !== undefined) fields[key] = stored[key];
	}
	return fields;
}

describe('myOGO node: products', () => {
	const ctx = useSandbox();

	describe('Create', () => {
		it('creates a product from myOGO fields, and myOGO holds exactly those fields', async () => {
			const result = await runMyOgo(ctx, {
				resource: 'product',
				operation: 'create',
				productCode: byCode('TSHIRT-BLUE-M'),
				languageCode: 'fi',
				additionalFields: {
					name: 'T-paita sininen M',
					salesPrice: 24.9,
					currencyCode: 'EUR',
					eanCode: '6430012345678',
				},
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toMatchObject({
				code: 'TSHIRT-BLUE-M',
				name: 'T-paita sininen M',
				stock: 0,
			});
			expectPaired(result.items, 1);
			expect(requestFieldsOf(await productIn(ctx.api, 'TSHIRT-BLUE-M'))).toEqual({
				code: 'TSHIRT-BLUE-M',
				languageCode: 'fi',
				name: 'T-paita sininen M',
				salesPrice: 24.9,
				currencyCode: 'EUR',
				eanCode: '6430012345678',
			});
		});

		it('reads expressions per item: two items with different codes make two products', async () => {
			const result = await runMyOgo(
				ctx,
				{
					resource: 'product',
					operation: 'create',
					productCode: byCode('={{ $json.sku }}'),
					languageCode: 'en',
					additionalFields: { name: '={{ $json.title }}' },
				},
				[
					{ sku: 'EXPR-1', title: 'First' },
					{ sku: 'EXPR-2', title: 'Second' },
				],
			);
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => item.json.code)).toEqual(['EXPR-1', 'EXPR-2']);
			expect(pairedIndexes(result.items)).toEqual([0, 1]);
			expect((await productIn(ctx.api, 'EXPR-1'))?.name).toBe('First');
			expect((await productIn(ctx.api, 'EXPR-2'))?.name).toBe('Second');
		});

		it('creates one myOGO product per Shopify variant SKU, paired with the one input item', async () => {
			const raw = fixture('shopify/product-tshirt-variants.json');
			const result = await runMyOgo(
				ctx,
				{
					resource: 'product',
					operation: 'create',
					inputFormat: 'shopifyProduct',
					languageCode: 'fi',
					overrideFields: { currencyCode: 'EUR', countryOfOrigin: 'PT' },
				},
				[raw],
			);
			expect(result.error).toBeUndefined();
			const expected = mapShopifyProduct(raw, { languageCode: 'fi', currencyCode: 'EUR' });
			expect(result.items.map((item) => item.json.code)).toEqual(
				expected.products.map((p) => p.code),
			);
			expect(pairedIndexes(result.items)).toEqual(expected.products.map(() => 0));
			// Every output says which variants were left out.
			expect(result.items[0].json.skippedVariants).toEqual(expected.skipped);
			const stored = await allRows(ctx.api, '/products');
			expect(stored).toHaveLength(expected.products.length);
			for (const mapped of expected.products) {
				expect(requestFieldsOf(stored.find((row) => row.code === mapped.code))).toEqual({
					...mapped,
					countryOfOrigin: 'PT',
				});
			}
		});

		it('creates WooCommerce variations that come with the item', async () => {
			const raw = fixture('woocommerce/product-variable-with-variations.json');
			const result = await runMyOgo(
				ctx,
				{
					resource: 'product',
					operation: 'create',
					inputFormat: 'wooCommerceProduct',
					languageCode: 'de',
				},
				[raw],
			);
			expect(result.error).toBeUndefined();
			const expected = mapWooCommerceProduct(raw, { languageCode: 'de' });
			expect(expected.products.length).toBeGreaterThan(1);
			for (const mapped of expected.products) {
				expect(requestFieldsOf(await productIn(ctx.api, mapped.code))).toEqual(mapped);
			}
			expect(result.items).toHaveLength(expected.products.length);
			expectPaired(result.items, 1);
		});

		it('creates a Magento 2 product with its EAN attribute and picture URL from the node options', async () => {
			const raw = fixture('magento/product-simple-ean.json');
			const result = await runMyOgo(
				ctx,
				{
					resource: 'product',
					operation: 'create',
					inputFormat: 'magento2Product',
					languageCode: 'fi',
					eanAttribute: 'gtin13',
					mediaBaseUrl: 'https://shop.example.fi/media/catalog/product',
					overrideFields: { currencyCode: 'EUR' },
				},
				[raw],
			);
			expect(result.error).toBeUndefined();
			const [expected] = mapMagentoProduct(raw, {
				languageCode: 'fi',
				currencyCode: 'EUR',
				eanAttribute: 'gtin13',
				mediaBaseUrl: 'https://shop.example.fi/media/catalog/product',
			}).products;
			expect(expected.eanCode).toBe('6417700123456');
			expect(requestFieldsOf(await productIn(ctx.api, expected.code))).toEqual(expected);
		});

		it('fails a store product with no SKU at all before any call, with a readable message', async () => {
			const raw = fixture('shopify/product-single-default-title.json');
			(raw.variants as IDataObject[])[0].sku = '';
			await clearRequestLog(ctx);
			const result = await runMyOgo(
				ctx,
				{
					resource: 'product',
					operation: 'create',
					inputFormat: 'shopifyProduct',
					languageCode: 'en',
				},
				[raw],
			);
			expect(result.error?.message).toMatch(
				/Shopify product "Linen Tea Towel": nothing to send to myOGO/,
			);
			expect(result.error?.message).toMatch(/no SKU/);
			expect((await requestLog(ctx)).filter((entry) => entry.method !== 'GET')).toEqual([]);
		});
	});

	describe('Update', () => {
		it('changes only the fields given, and renames a code', async () => {
			await seed(ctx, { products: [product('OLD-1', { salesPrice: 10, supplier: 'Acme' })] });
			const result = await runMyOgo(ctx, {
				resource: 'product',
				operation: 'update',
				productCode: byCode('OLD-1'),
				updateFields: { code: 'NEW-1', salesPrice: 12.5 },
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				code: 'NEW-1',
				salesPrice: 12.5,
				supplier: 'Acme',
			});
			expect(await productIn(ctx.api, 'OLD-1')).toBeUndefined();
			expect(await productIn(ctx.api, 'NEW-1')).toMatchObject({
				salesPrice: 12.5,
				supplier: 'Acme',
				name: 'Product OLD-1',
			});
		});

		it('updates a code with awkward characters (sent as base64url)', async () => {
			await seed(ctx, { products: [product('BOX/12 ÄÖ')] });
			const result = await runMyOgo(ctx, {
				resource: 'product',
				operation: 'update',
				productCode: byCode('BOX/12 ÄÖ'),
				updateFields: { name: 'Laatikko' },
			});
			expect(result.error).toBeUndefined();
			expect((await productIn(ctx.api, 'BOX/12 ÄÖ'))?.name).toBe('Laatikko');
		});

		it('refuses an update with no fields before calling myOGO', async () => {
			await seed(ctx, { products: [product('P-1')] });
			await clearRequestLog(ctx);
			const result = await runMyOgo(
				ctx,
				{ resource: 'product', operation: 'update', productCode: byCode('P-1'), updateFields: {} },
				[{}],
				{ continueOnFail: true },
			);
			expect(result.items[0].json.error).toMatch(/Nothing to update for product P-1/);
			expect(await requestLog(ctx)).toEqual([]);
		});

		it("reports an unknown code with myOGO's 404 message", async () => {
			const result = await runMyOgo(ctx, {
				resource: 'product',
				operation: 'update',
				productCode: byCode('NOPE'),
				updateFields: { name: 'x' },
			});
			expect(result.error?.message).toMatch(/404/);
			expect(result.error?.message).toMatch(/NOPE/);
		});
	});

	describe('customs fields (checked as incoming stock checks them)', () => {
		it.each([
			[
				'Create',
				{
					operation: 'create',
					productCode: byCode('C-1'),
					languageCode: 'en',
					additionalFields: { countryOfOrigin: 'Mordor' },
				},
				/^Product C-1: country of origin "Mordor" is not a known country/,
			],
			[
				'Create',
				{
					operation: 'create',
					productCode: byCode('C-1'),
					languageCode: 'en',
					additionalFields: { hsCode: '6109' },
				},
				/^Product C-1: HS code "6109" is not 8 digits/,
			],
			[
				'Update',
				{ operation: 'update', productCode: byCode('C-1'), updateFields: { hsCode: 'ABCDEFGH' } },
				/^Product C-1: HS code "ABCDEFGH" is not 8 digits/,
			],
			[
				'Create or Update',
				{
					operation: 'upsert',
					productCode: byCode('C-1'),
					languageCode: 'en',
					additionalFields: { countryOfOrigin: 'XX' },
				},
				/^Product C-1: country of origin "XX" is not a known country/,
			],
		])(
			'%s refuses a bad customs field before calling myOGO',
			async (_operation, parameters, message) => {
				await clearRequestLog(ctx);
				const result = await runMyOgo(ctx, { resource: 'product', ...parameters }, [{}], {
					continueOnFail: true,
				});
				expect(String(result.items[0].json.error)).toMatch(message);
				expect(await requestLog(ctx)).toEqual([]);
			},
		);

		it('stores a country name as its code and an HS code without dots', async () => {
			const result = await runMyOgo(ctx, {
				resource: 'product',
				operation: 'create',
				productCode: byCode('C-2'),
				languageCode: 'en',
				additionalFields: { countryOfOrigin: 'Finland', hsCode: '6109.10.00' },
			});
			expect(result.items[0].json).toMatchObject({
				code: 'C-2',
				countryOfOrigin: 'FI',
				hsCode: '61091000',
			});
		});
	});

	describe('Create or Update', () => {
		/** Create or Update of each input item's {code, name, price}. */
		const UPSERT_ITEM_PRODUCTS = {
			resource: 'product',
			operation: 'upsert',
			productCode: byCode('={{ $json.code }}'),
			languageCode: 'en',
			additionalFields: { name: '={{ $json.name }}', salesPrice: '={{ $json.price }}' },
		};

		it('creates new codes, updates changed ones and skips unchanged ones (a small batch: one read of the first catalog page)', async () => {
			await seed(ctx, {
				products: [product('SAME', { salesPrice: 5 }), product('CHANGED', { salesPrice: 5 })],
			});
			await clearRequestLog(ctx);
			const result = await runMyOgo(ctx, UPSERT_ITEM_PRODUCTS, [
				{ code: 'SAME', name: 'Product SAME', price: 5 },
				{ code: 'CHANGED', name: 'Product CHANGED', price: 7.5 },
				{ code: 'BRAND-NEW', name: 'New one', price: 1 },
			]);
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => [item.json.code, item.json.result])).toEqual([
				['SAME', 'unchanged'],
				['CHANGED', 'updated'],
				['BRAND-NEW', 'created'],
			]);
			expect(result.items[1].json.changedFields).toEqual(['salesPrice']);
			expect(pairedIndexes(result.items)).toEqual([0, 1, 2]);
			const log = await requestLog(ctx);
			expect((await productIn(ctx.api, 'CHANGED'))?.salesPrice).toBe(7.5);
			expect((await productIn(ctx.api, 'BRAND-NEW'))?.name).toBe('New one');

			// The three codes are found (or not) on the catalog's first page: one read, not one per code.
			expect(log.filter((entry) => entry.method === 'GET')).toHaveLength(1);
			// Unchanged products cost no write; the others one write each.
			expect(log.filter((entry) => entry.method === 'PUT').map((entry) => entry.path)).toEqual([
				'/api/v1/products/CHANGED',
			]);
			expect(log.filter((entry) => entry.method === 'POST').map((entry) => entry.path)).toEqual([
				'/api/v1/products',
			]);
		});

		it('reads the catalog once in pages of 250 for a large batch instead of one GET per item', async () => {
			const existing = Array.from({ length: 300 }, (_, i) =>
				product(`CAT-${String(i).padStart(3, '0')}`, { salesPrice: 1 }),
			);
			await seed(ctx, { products: existing });
			await clearRequestLog(ctx);
			// 40 items: 30 unchanged, 5 changed, 5 new.
			const input = [
				...existing.slice(0, 30).map((p) => ({ code: p.code, name: p.name, price: 1 })),
				...existing.slice(30, 35).map((p) => ({ code: p.code, name: p.name, price: 2 })),
				...Array.from({ length: 5 }, (_, i) => ({
					code: `FRESH-${i}`,
					name: `Fresh ${i}`,
					price: 3,
				})),
			];
			const result = await runMyOgo(ctx, UPSERT_ITEM_PRODUCTS, input);
			expect(result.error).toBeUndefined();
			const results = result.items.map((item) => item.json.result);
			expect(results.filter((r) => r === 'unchanged')).toHaveLength(30);
			expect(results.filter((r) => r === 'updated')).toHaveLength(5);
			expect(results.filter((r) => r === 'created')).toHaveLength(5);

			const log = await requestLog(ctx);
			const reads = log.filter((entry) => entry.method === 'GET');
			expect(reads).toHaveLength(2); // 300 products: a page of 250 and a page of 50
			for (const read of reads) {
				expect(String(read.query.limit)).toBe('250');
				expect(read.query.code).toBeUndefined();
			}
			expect(log.filter((entry) => entry.method === 'PUT')).toHaveLength(5);
			expect(log.filter((entry) => entry.method === 'POST')).toHaveLength(5);
			expect(await allRows(ctx.api, '/products')).toHaveLength(305);
			expect((await productIn(ctx.api, 'CAT-031'))?.salesPrice).toBe(2);
		});

		it('with Only Write Changes off writes every product without reading first', async () => {
			await seed(ctx, { products: [product('KEEP', { salesPrice: 5 })] });
			await clearRequestLog(ctx);
			const result = await runMyOgo(
				ctx,
				{ ...UPSERT_ITEM_PRODUCTS, onlyWriteChanges: false, additionalFields: { salesPrice: 5 } },
				[{ code: 'KEEP' }, { code: 'ADD' }],
			);
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => item.json.result)).toEqual(['updated', 'created']);
			const log = await requestLog(ctx);
			expect(log.filter((entry) => entry.method === 'GET')).toEqual([]);
			expect(await productIn(ctx.api, 'ADD')).toMatchObject({ salesPrice: 5 });
		});

		it("with Keep myOGO's Data creates only missing codes and leaves existing products unwritten", async () => {
			await seed(ctx, { products: [product('OWNED', { salesPrice: 5 })] });
			await clearRequestLog(ctx);
			const result = await runMyOgo(ctx, { ...UPSERT_ITEM_PRODUCTS, whenProductExists: 'keep' }, [
				{ code: 'OWNED', name: 'Another shop name', price: 9 },
				{ code: 'ONLY-HERE', name: 'Only in this shop', price: 3 },
			]);
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => [item.json.code, item.json.result])).toEqual([
				['OWNED', 'kept'],
				['ONLY-HERE', 'created'],
			]);
			expect(await productIn(ctx.api, 'OWNED')).toMatchObject({ salesPrice: 5 });
			expect(await productIn(ctx.api, 'ONLY-HERE')).toMatchObject({ name: 'Only in this shop' });
			const log = await requestLog(ctx);
			expect(log.filter((entry) => entry.method === 'PUT')).toEqual([]);
			expect(log.filter((entry) => entry.method === 'POST')).toHaveLength(1);
		});

		it("with Keep myOGO's Data and Only Write Changes off, a code myOGO has is kept after its 409", async () => {
			await seed(ctx, { products: [product('OWNED-2', { salesPrice: 5 })] });
			await clearRequestLog(ctx);
			const result = await runMyOgo(
				ctx,
				{ ...UPSERT_ITEM_PRODUCTS, onlyWriteChanges: false, whenProductExists: 'keep' },
				[{ code: 'OWNED-2', name: 'Another shop name', price: 9 }],
			);
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				code: 'OWNED-2',
				result: 'kept',
				salesPrice: 5,
			});
			expect(await productIn(ctx.api, 'OWNED-2')).toMatchObject({ salesPrice: 5 });
			expect((await requestLog(ctx)).filter((entry) => entry.method === 'PUT')).toEqual([]);
		});

		it('upserts a Shopify product twice: the second run changes nothing', async () => {
			const raw = fixture('shopify/product-tshirt-variants.json');
			const parameters = {
				resource: 'product',
				operation: 'upsert',
				inputFormat: 'shopifyProduct',
				languageCode: 'fi',
				overrideFields: { currencyCode: 'EUR' },
			};
			const first = await runMyOgo(ctx, parameters, [raw]);
			expect(first.error).toBeUndefined();
			expect(first.items.every((item) => item.json.result === 'created')).toBe(true);
			await clearRequestLog(ctx);
			const second = await runMyOgo(ctx, parameters, [raw]);
			expect(second.error).toBeUndefined();
			expect(second.items.map((item) => item.json.result)).toEqual(
				first.items.map(() => 'unchanged'),
			);
			expect((await requestLog(ctx)).filter((entry) => entry.method !== 'GET')).toEqual([]);
		});

		it('treats a stored EAN as unchanged: myOGO never overwrites one', async () => {
			await seed(ctx, { products: [product('EAN-1', { eanCode: '111' })] });
			const result = await runMyOgo(ctx, {
				resource: 'product',
				operation: 'upsert',
				productCode: byCode('EAN-1'),
				languageCode: 'en',
				additionalFields: { name: 'Product EAN-1', eanCode: '222' },
			});
			expect(result.items[0].json.result).toBe('unchanged');
		});
	});

	describe('Get', () => {
		it('gets a product by code and by EAN', async () => {
			await seed(ctx, { products: [product('G-1', { eanCode: '6401234567893' }), product('G-2')] });
			const byCodeResult = await runMyOgo(ctx, {
				resource: 'product',
				operation: 'get',
				productCode: byCode('G-2'),
			});
			expect(byCodeResult.items.map((item) => item.json.code)).toEqual(['G-2']);
			const byEan = await runMyOgo(ctx, {
				resource: 'product',
				operation: 'get',
				findBy: 'eanCode',
				eanCode: '6401234567893',
			});
			expect(byEan.items.map((item) => item.json.code)).toEqual(['G-1']);
			expectPaired(byEan.items, 1);
		});

		it('says clearly when there is no such product', async () => {
			const result = await runMyOgo(
				ctx,
				{ resource: 'product', operation: 'get', productCode: byCode('GHOST') },
				[{}],
				{ continueOnFail: true },
			);
			expect(result.items[0].json.error).toBe('No product with the code GHOST in myOGO');
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
		});
	});

	describe('Get Many', () => {
		it('honours Limit, Return All and the filters', async () => {
			await seed(ctx, {
				products: Array.from({ length: 260 }, (_, i) =>
					product(`M-${String(i).padStart(3, '0')}`, i === 7 ? { eanCode: '999' } : {}),
				),
			});
			const limited = await runMyOgo(ctx, { resource: 'product', operation: 'getAll', limit: 3 });
			expect(limited.items).toHaveLength(3);
			const all = await runMyOgo(ctx, {
				resource: 'product',
				operation: 'getAll',
				returnAll: true,
			});
			expect(all.items).toHaveLength(260);
			expectPaired(all.items, 1);
			const ean = await runMyOgo(ctx, {
				resource: 'product',
				operation: 'getAll',
				returnAll: true,
				filters: { eanCode: '999' },
			});
			expect(ean.items.map((item) => item.json.code)).toEqual(['M-007']);
			const code = await runMyOgo(ctx, {
				resource: 'product',
				operation: 'getAll',
				filters: { productCode: 'M-100' },
			});
			expect(code.items.map((item) => item.json.code)).toEqual(['M-100']);
		});

		it('returns only what changed after "Modified After"', async () => {
			await seed(ctx, { products: [product('OLD-A'), product('OLD-B')] });
			const { data: before } = await ctx.api.get('/products', { params: { code: 'OLD-B' } });
			const cursor = before[0].editTime as string;
			await new Promise((resolve) => setTimeout(resolve, 5));
			await ctx.api.put('/products/OLD-A', { name: 'touched' });
			const result = await runMyOgo(ctx, {
				resource: 'product',
				operation: 'getAll',
				returnAll: true,
				filters: { modifiedAfter: cursor },
			});
			expect(result.items.map((item) => item.json.code)).toEqual(['OLD-A']);
		});
	});
});
