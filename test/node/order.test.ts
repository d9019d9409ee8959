import type { IDataObject } from 'n8n-workflow';

import type { OrderMappingOptions } from '../../nodes/MyOgo/mapping';
import { mapMagentoOrder, mapShopifyOrder, mapWooCommerceOrder } from '../../nodes/MyOgo/mapping';
import {
	FIXTURE_SHIPPING_MAP,
	allRows,
	clearRequestLog,
	errorText,
	expectPaired,
	fixture,
	orderIn,
	orderRequestFields,
	pairedIndexes,
	product,
	requestLog,
	runMyOgo,
	seed,
	seedFixtureCatalog,
	shopifyOrderNumbered,
	useSandbox,
	withoutEmpty,
} from './helpers';
import type { LoggedRequest } from './helpers';

const CUSTOMER = {
	customerName: 'Åsa Öberg',
	customerAddress1: 'Mannerheimintie 12 B 5',
	customerCity: 'Helsinki',
	customerCountryCode: 'fi',
};

/** A minimal order in myOGO fields, for arranging orders through the node. */
function fieldsOrder(reference: string, extra: IDataObject = {}): IDataObject {
	return {
		resource: 'order',
		operation: 'create',
		reference,
		shippingCode: 'POSTI_PAKETTI',
		...CUSTOMER,
		orderLines: { line: [{ code: 'SKU-1', quantity: 1 }] },
		...extra,
	};
}

const STORE_PARAMETERS = {
	shippingMethodMap: { mapping: FIXTURE_SHIPPING_MAP },
};

const MAPPING_OPTIONS: OrderMappingOptions = {
	referenceFrom: 'number',
	shippingMethodMap: FIXTURE_SHIPPING_MAP,
	linesWithoutSku: 'skip',
	pickupPointField: 'pickup_point_code',
	includeDocuments: false,
};

describe('myOGO node: orders', () => {
	const ctx = useSandbox();

	describe('Create', () => {
		beforeEach(async () => {
			await seed(ctx, { products: [product('SKU-1'), product('SKU-2')] });
		});

		it('creates an order from myOGO fields, and myOGO holds exactly that order', async () => {
			const result = await runMyOgo(ctx, {
				...fieldsOrder('1042'),
				customerDetails: { zip: '00100', email: 'asa@example.com', phone: '+358401234567' },
				orderLines: {
					line: [
						{ code: 'SKU-1', quantity: 2, unitPrice: '24,90', vatPercentage: '25.5' },
						{ code: 'SKU-2', quantity: 1, unitPrice: '', vatPercentage: '' },
					],
				},
				additionalFields: {
					comments: 'Leave at the door',
					priceTotal: 49.8,
					priceCurrency: 'eur',
					pickUpPointCode: '3201',
				},
			});
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(1);
			expect(result.items[0].json).toMatchObject({
				reference: '1042',
				status: 'new',
				trackingNumbers: [],
				skippedLines: [],
				notes: [],
			});
			expectPaired(result.items, 1);
			expect(orderRequestFields(await orderIn(ctx.api, '1042'))).toEqual({
				reference: '1042',
				shippingCode: 'POSTI_PAKETTI',
				pickUpPointCode: '3201',
				comments: 'Leave at the door',
				priceTotal: 49.8,
				priceCurrency: 'EUR',
				customer: {
					name: 'Åsa Öberg',
					address1: 'Mannerheimintie 12 B 5',
					city: 'Helsinki',
					countryCode: 'FI',
					zip: '00100',
					email: 'asa@example.com',
					phone: '+358401234567',
				},
				orderLines: [
					{ code: 'SKU-1', quantity: 2, unitPrice: 24.9, vatPercentage: 25.5 },
					{ code: 'SKU-2', quantity: 1 },
				],
			});
		});

		it('takes order lines from JSON per item, and creates drafts when asked', async () => {
			const result = await runMyOgo(
				ctx,
				{
					...fieldsOrder('={{ $json.ref }}'),
					linesInput: 'json',
					orderLinesJson: '={{ $json.lines }}',
					additionalFields: { status: 'draft' },
				},
				[
					{ ref: 'J-1', lines: [{ code: 'SKU-1', quantity: 1 }] },
					{
						ref: 'J-2',
						lines: [
							{ code: 'SKU-2', quantity: '3' },
							{ code: 'SKU-1', quantity: 1, unitPrice: 9.5 },
						],
					},
				],
			);
			expect(result.error).toBeUndefined();
			expect(pairedIndexes(result.items)).toEqual([0, 1]);
			expect((await orderIn(ctx.api, 'J-1'))?.status).toBe('draft');
			expect(orderRequestFields(await orderIn(ctx.api, 'J-2')).orderLines).toEqual([
				{ code: 'SKU-2', quantity: 3 },
				{ code: 'SKU-1', quantity: 1, unitPrice: 9.5 },
			]);
		});

		it("passes myOGO's own refusal on as a readable error (unknown shipping code)", async () => {
			const result = await runMyOgo(ctx, fieldsOrder('BAD-SHIP', { shippingCode: 'NOPE' }), [{}], {
				continueOnFail: true,
			});
			// n8n's error-item shape: the message alone, naming the order, the call and myOGO's answer.
			expect(result.items[0].json).toEqual({
				error: expect.stringMatching(
					/^Order BAD-SHIP: myOGO answered 400 to POST \/orders: .*NOPE/,
				),
			});
			expect(result.items[0].json.error).not.toMatch(/\[object Object\]/);
			expect(await orderIn(ctx.api, 'BAD-SHIP')).toBeUndefined();
		});
	});

	describe('store orders, mapped in one step', () => {
		beforeEach(async () => {
			await seedFixtureCatalog(ctx);
		});

		const cases: Array<
			[
				string,
				string,
				(
					raw: IDataObject,
					options: OrderMappingOptions,
				) => { order: unknown; skippedLines: unknown; notes: unknown },
			]
		> = [
			['shopifyOrder', 'shopify/order-paid-fi-eur-taxes-included.json', mapShopifyOrder],
			['shopifyOrder', 'shopify/order-us-usd-taxes-excluded.json', mapShopifyOrder],
			['shopifyOrder', 'shopify/order-se-sek-billing-only-test.json', mapShopifyOrder],
			['wooCommerceOrder', 'woocommerce/order-de-eur-prices-incl-tax.json', mapWooCommerceOrder],
			['wooCommerceOrder', 'woocommerce/order-se-sek-pickup-point.json', mapWooCommerceOrder],
			['magento2Order', 'magento/order-at-eur-configurable.json', mapMagentoOrder],
			['magento2Order', 'magento/order-no-nok-bundle-pickup.json', mapMagentoOrder],
		];

		it.each(cases)(
			'%s %s: myOGO stores the full mapped payload',
			async (inputFormat, file, mapper) => {
				const raw = fixture(file);
				const options = { ...MAPPING_OPTIONS, defaultShippingCode: 'POSTI_PAKETTI' };
				const expected = mapper(fixture(file), options);
				const result = await runMyOgo(
					ctx,
					{
						resource: 'order',
						operation: 'create',
						inputFormat,
						...STORE_PARAMETERS,
						defaultShippingCode: 'POSTI_PAKETTI',
					},
					[raw],
				);
				expect(result.error).toBeUndefined();
				const order = expected.order as IDataObject;
				expect(orderRequestFields(await orderIn(ctx.api, String(order.reference)))).toEqual(
					withoutEmpty(order),
				);
				expect(result.items).toHaveLength(1);
				expect(result.items[0].json.skippedLines).toEqual(expected.skippedLines);
				expect(result.items[0].json.notes).toEqual(expected.notes);
				expect(result.items[0].pairedItem).toEqual({ item: 0 });
			},
		);

		it('maps the Shopify order the way a merchant expects, and reports the skipped lines', async () => {
			const result = await runMyOgo(
				ctx,
				{
					resource: 'order',
					operation: 'create',
					inputFormat: 'shopifyOrder',
					...STORE_PARAMETERS,
				},
				[fixture('shopify/order-paid-fi-eur-taxes-included.json')],
			);
			expect(result.error).toBeUndefined();
			const stored = await orderIn(ctx.api, '1042');
			expect(stored).toMatchObject({
				reference: '1042',
				shippingCode: 'POSTI_SMARTPOST',
				pickUpPointCode: '3201',
				priceCurrency: 'EUR',
				comments: 'Please leave it in the locker, thanks! 🙂',
				customer: { name: 'Åsa Öberg', countryCode: 'FI', city: 'Helsinki' },
			});
			const codes = (stored?.orderLines as IDataObject[]).map((line) => line.code);
			expect(codes).toEqual(['BEANIE-GREY', 'SOCKS-3942']);
			const skipped = result.items[0].json.skippedLines as IDataObject[];
			expect(skipped.map((line) => line.title)).toEqual(
				expect.arrayContaining(['Gift Card', 'Tip']),
			);
		});

		it('uses Reference From: Order ID', async () => {
			await runMyOgo(
				ctx,
				{
					resource: 'order',
					operation: 'create',
					inputFormat: 'shopifyOrder',
					referenceFrom: 'id',
					...STORE_PARAMETERS,
				},
				[fixture('shopify/order-paid-fi-eur-taxes-included.json')],
			);
			expect(await orderIn(ctx.api, '5894712344621')).toBeDefined();
			expect(await orderIn(ctx.api, '1042')).toBeUndefined();
		});

		it('lets every field the user sets override the mapped one', async () => {
			const result = await runMyOgo(
				ctx,
				{
					resource: 'order',
					operation: 'create',
					inputFormat: 'wooCommerceOrder',
					...STORE_PARAMETERS,
					overrideFields: {
						reference: 'WOO-={{ $json.number }}'.replace('WOO-=', '=WOO-'),
						shippingCode: 'DHL_EXPRESS',
						comments: 'Gift wrap',
						customerName: 'Erika Mustermann-Override',
						customerCountryCode: 'Austria',
						test: true,
					},
				},
				[fixture('woocommerce/order-de-eur-prices-incl-tax.json')],
			);
			expect(result.error).toBeUndefined();
			const stored = await orderIn(ctx.api, 'WOO-2087');
			expect(stored).toMatchObject({
				shippingCode: 'DHL_EXPRESS',
				comments: 'Gift wrap',
				test: true,
				customer: { name: 'Erika Mustermann-Override', countryCode: 'AT' },
			});
		});

		it('uses Default Shipping Code when the store method is not in the map', async () => {
			await runMyOgo(
				ctx,
				{
					resource: 'order',
					operation: 'create',
					inputFormat: 'shopifyOrder',
					shippingMethodMap: {
						mapping: [{ storeMethod: 'Something else', shippingCode: 'DHL_EXPRESS' }],
					},
					defaultShippingCode: 'POSTI_PAKETTI',
				},
				[fixture('shopify/order-paid-fi-eur-taxes-included.json')],
			);
			expect((await orderIn(ctx.api, '1042'))?.shippingCode).toBe('POSTI_PAKETTI');
		});
	});

	describe('Create or Update', () => {
		beforeEach(async () => {
			await seedFixtureCatalog(ctx);
		});

		it('creates a new order in one call, then updates it in place', async () => {
			const raw = fixture('shopify/order-paid-fi-eur-taxes-included.json');
			const parameters = {
				resource: 'order',
				operation: 'upsert',
				inputFormat: 'shopifyOrder',
				...STORE_PARAMETERS,
			};
			await clearRequestLog(ctx);
			const first = await runMyOgo(ctx, parameters, [raw]);
			expect(first.error).toBeUndefined();
			expect(first.items[0].json.result).toBe('created');
			expect(await requestLog(ctx)).toHaveLength(1);

			raw.note = 'Changed my mind: ring the bell';
			const second = await runMyOgo(ctx, parameters, [raw]);
			expect(second.error).toBeUndefined();
			expect(second.items[0].json.result).toBe('updated');
			expect(second.items[0].json.skippedLines).toEqual(first.items[0].json.skippedLines);
			expect((await orderIn(ctx.api, '1042'))?.comments).toBe('Changed my mind: ring the bell');
			expect(await allRows(ctx.api, '/orders')).toHaveLength(1);
		});

		it('sending the same 50 Shopify orders twice leaves exactly 50 orders', async () => {
			const orders = Array.from({ length: 50 }, (_, i) => shopifyOrderNumbered(2000 + i));
			const parameters = {
				resource: 'order',
				operation: 'upsert',
				inputFormat: 'shopifyOrder',
				...STORE_PARAMETERS,
				options: { parallelRequests: 8 },
			};
			const first = await runMyOgo(ctx, parameters, orders);
			expect(first.error).toBeUndefined();
			expect(first.items.every((item) => item.json.result === 'created')).toBe(true);
			const second = await runMyOgo(ctx, parameters, orders);
			expect(second.error).toBeUndefined();
			expect(second.items.every((item) => item.json.result === 'updated')).toBe(true);
			expect(pairedIndexes(second.items)).toEqual(orders.map((_, i) => i));

			const stored = await allRows(ctx.api, '/orders');
			expect(stored).toHaveLength(50);
			expect(new Set(stored.map((order) => order.reference)).size).toBe(50);
		});

		it('names the status when the existing order can no longer be changed', async () => {
			const raw = fixture('shopify/order-paid-fi-eur-taxes-included.json');
			const parameters = {
				resource: 'order',
				operation: 'upsert',
				inputFormat: 'shopifyOrder',
				...STORE_PARAMETERS,
			};
			await runMyOgo(ctx, parameters, [raw]);
			await ctx.control.post('/orders/1042/advance', { status: 'shipped' });
			const result = await runMyOgo(ctx, parameters, [raw]);
			expect(result.error?.message).toBe('Order 1042 cannot be updated: it has already shipped');
			const withContinue = await runMyOgo(ctx, parameters, [raw], { continueOnFail: true });
			expect(withContinue.items[0].json.error).toBe(
				'Order 1042 cannot be updated: it has already shipped',
			);
			expect(withContinue.items[0].pairedItem).toEqual({ item: 0 });
		});
	});

	describe('Create or Update: compare with myOGO first', () => {
		const UPSERT = {
			resource: 'order',
			operation: 'upsert',
			inputFormat: 'shopifyOrder',
			...STORE_PARAMETERS,
		};
		const writes = (log: LoggedRequest[]) => log.filter((entry) => entry.method !== 'GET');

		beforeEach(async () => {
			await seedFixtureCatalog(ctx);
		});

		it('"Update Only What Changed": an unchanged re-send is one read and no write; an address change is written while new', async () => {
			const raw = fixture('shopify/order-paid-fi-eur-taxes-included.json');
			const parameters = { ...UPSERT, existingOrders: 'updateChanges' };
			const created = await runMyOgo(ctx, parameters, [raw]);
			expect(created.items[0].json.result).toBe('created');

			await clearRequestLog(ctx);
			const again = await runMyOgo(ctx, parameters, [raw]);
			expect(again.error).toBeUndefined();
			expect(again.items[0].json.result).toBe('unchanged');
			const log = await requestLog(ctx);
			expect(log.map((entry) => entry.method)).toEqual(['GET']);

			const address = raw.shipping_address as IDataObject;
			address.address1 = 'Uusi katu 7';
			await clearRequestLog(ctx);
			const moved = await runMyOgo(ctx, parameters, [raw]);
			expect(moved.error).toBeUndefined();
			expect(moved.items[0].json.result).toBe('updated');
			expect(moved.items[0].json.changes).toEqual([
				expect.objectContaining({ field: 'customer.address1', inStore: '"Uusi katu 7"' }),
			]);
			expect(writes(await requestLog(ctx)).map((entry) => entry.method)).toEqual(['PUT']);
			expect(((await orderIn(ctx.api, '1042'))?.customer as IDataObject).address1).toBe(
				'Uusi katu 7',
			);
		});

		it('"Update Only What Changed": once the warehouse is collecting, a change fails naming it, with no write', async () => {
			const raw = fixture('shopify/order-paid-fi-eur-taxes-included.json');
			const parameters = { ...UPSERT, existingOrders: 'updateChanges' };
			await runMyOgo(ctx, parameters, [raw]);
			await ctx.control.post('/orders/1042/advance', { status: 'collecting' });
			await clearRequestLog(ctx);
			const same = await runMyOgo(ctx, parameters, [raw]);
			expect(same.items[0].json.result).toBe('unchanged');

			(raw.shipping_address as IDataObject).address1 = 'Uusi katu 7';
			const moved = await runMyOgo(ctx, parameters, [raw], { continueOnFail: true });
			const error = String(moved.items[0].json.error);
			expect(error).toContain(
				'Order 1042 cannot be updated: it is already collecting in the warehouse',
			);
			expect(error).toContain('customer.address1');
			expect(error).toContain('"Uusi katu 7"');
			expect(error).toContain('Tell the warehouse');
			expect(writes(await requestLog(ctx))).toEqual([]);
		});

		it('"Create First, Then Update What Changed": a new order is one POST and no read; a known order is compared after the 409 and written only when changed', async () => {
			const raw = fixture('shopify/order-paid-fi-eur-taxes-included.json');
			const parameters = { ...UPSERT, existingOrders: 'createFirst' };
			await clearRequestLog(ctx);
			const created = await runMyOgo(ctx, parameters, [raw]);
			expect(created.error).toBeUndefined();
			expect(created.items[0].json.result).toBe('created');
			expect((await requestLog(ctx)).map((entry) => `${entry.method} ${entry.status}`)).toEqual([
				'POST 201',
			]);

			await clearRequestLog(ctx);
			const again = await runMyOgo(ctx, parameters, [raw]);
			expect(again.items[0].json.result).toBe('unchanged');
			expect((await requestLog(ctx)).map((entry) => `${entry.method} ${entry.status}`)).toEqual([
				'POST 409',
				'GET 200',
			]);

			(raw.shipping_address as IDataObject).address1 = 'Uusi katu 9';
			await clearRequestLog(ctx);
			const moved = await runMyOgo(ctx, parameters, [raw]);
			expect(moved.items[0].json.result).toBe('updated');
			expect(moved.items[0].json.changes).toEqual([
				expect.objectContaining({ field: 'customer.address1', inStore: '"Uusi katu 9"' }),
			]);
			expect(writes(await requestLog(ctx)).map((entry) => entry.method)).toEqual(['POST', 'PUT']);

			await ctx.control.post('/orders/1042/advance', { status: 'collecting' });
			(raw.shipping_address as IDataObject).address1 = 'Liian myöhään 1';
			await clearRequestLog(ctx);
			const late = await runMyOgo(ctx, parameters, [raw], { continueOnFail: true });
			expect(String(late.items[0].json.error)).toContain(
				'Order 1042 cannot be updated: it is already collecting in the warehouse',
			);
			expect(writes(await requestLog(ctx)).map((entry) => entry.status)).toEqual([409]);
			expect(await allRows(ctx.api, '/orders')).toHaveLength(1);
		});

		it('"Only Send Orders myOGO Lacks": a second catch-up of 30 orders makes no write and one list read', async () => {
			const orders = Array.from({ length: 30 }, (_, i) => shopifyOrderNumbered(3000 + i));
			const windowStart = new Date(Date.now() - 3600_000).toISOString();
			const parameters = {
				...UPSERT,
				existingOrders: 'leave',
				options: { heldChangedAfter: windowStart },
			};
			const first = await runMyOgo(ctx, parameters, orders.slice(0, 27));
			expect(first.items.every((item) => item.json.result === 'created')).toBe(true);

			// The three orders a lost webhook missed are the only writes; an order changed since is left alone.
			(orders[0].shipping_address as IDataObject).address1 = 'Changed but not rewritten 1';
			await clearRequestLog(ctx);
			const catchUp = await runMyOgo(ctx, parameters, orders);
			expect(catchUp.error).toBeUndefined();
			const results = catchUp.items.map((item) => item.json.result);
			expect(results.filter((result) => result === 'created')).toHaveLength(3);
			expect(results.filter((result) => result === 'alreadyInMyOgo')).toHaveLength(27);
			const log = await requestLog(ctx);
			expect(writes(log).map((entry) => entry.method)).toEqual(['POST', 'POST', 'POST']);
			expect(log.filter((entry) => entry.method === 'GET')).toHaveLength(1);
			expect(log.find((entry) => entry.method === 'GET')?.query).toMatchObject({
				modifiedAfter: windowStart,
			});

			await clearRequestLog(ctx);
			const second = await runMyOgo(ctx, parameters, orders);
			expect(second.items.every((item) => item.json.result === 'alreadyInMyOgo')).toBe(true);
			const secondLog = await requestLog(ctx);
			expect(writes(secondLog)).toEqual([]);
			expect(secondLog.length).toBeLessThanOrEqual(Math.ceil(30 / 250) + 1);
			expect(((await orderIn(ctx.api, '3000'))?.customer as IDataObject).address1).not.toBe(
				'Changed but not rewritten 1',
			);
			expect(await allRows(ctx.api, '/orders')).toHaveLength(30);
		});

		it('"Only Send Orders myOGO Lacks" with a window: one list read for three orders; an order older than the window is answered 409 and left alone, never rewritten', async () => {
			const [old, ...fresh] = [4001, 4002, 4003].map((n) => shopifyOrderNumbered(n));
			await runMyOgo(ctx, UPSERT, [old]);
			(old.shipping_address as IDataObject).address1 = 'Not to be written';
			// A window that starts after the old order was last changed: the list read does not see it.
			const parameters = {
				...UPSERT,
				existingOrders: 'leave',
				options: { heldChangedAfter: new Date(Date.now() + 3600_000).toISOString() },
			};
			await clearRequestLog(ctx);
			const run = await runMyOgo(ctx, parameters, [old, ...fresh]);
			expect(run.error).toBeUndefined();
			expect(run.items.map((item) => item.json.result)).toEqual([
				'alreadyInMyOgo',
				'created',
				'created',
			]);
			const log = await requestLog(ctx);
			expect(
				log.filter((entry) => entry.method === 'GET' && entry.query.page !== undefined),
			).toHaveLength(1);
			expect(log.filter((entry) => entry.method === 'PUT')).toEqual([]);
			expect(
				log
					.filter((entry) => entry.method === 'POST')
					.map((entry) => entry.status)
					.sort(),
			).toEqual([201, 201, 409]);
			expect(((await orderIn(ctx.api, '4001'))?.customer as IDataObject).address1).not.toBe(
				'Not to be written',
			);
		});

		it('a line without a SKU: with "Skip and Report" (the default) the order lists it under linesLeftOut with what to do; gift cards are not listed', async () => {
			const raw = fixture('shopify/order-paid-fi-eur-taxes-included.json');
			const lines = raw.line_items as IDataObject[];
			lines[0].sku = '';
			const refused = await runMyOgo(ctx, { ...UPSERT, linesWithoutSku: 'error' }, [raw]);
			expect(errorText(refused)).toMatch(/line 1: no SKU/);
			expect(await orderIn(ctx.api, '1042')).toBeUndefined();

			const sent = await runMyOgo(ctx, UPSERT, [raw]);
			expect(sent.error).toBeUndefined();
			const leftOut = sent.items[0].json.linesLeftOut as IDataObject[];
			expect(leftOut).toEqual([
				expect.objectContaining({
					line: 1,
					title: 'Merino Beanie - Grey',
					reason: 'no SKU',
					whatToDo: expect.stringContaining('SKU'),
				}),
			]);
		});
	});

	describe('Update', () => {
		beforeEach(async () => {
			await seed(ctx, { products: [product('SKU-1'), product('SKU-2')] });
			await runMyOgo(
				ctx,
				fieldsOrder('U-1', {
					customerDetails: { zip: '00100' },
					additionalFields: { comments: 'first' },
				}),
			);
		});

		it('changes the fields given, merges customer fields and replaces the lines', async () => {
			const result = await runMyOgo(ctx, {
				resource: 'order',
				operation: 'update',
				reference: 'U-1',
				updateFields: { comments: 'second', shippingCode: 'MATKAHUOLTO' },
				customerFields: { city: 'Espoo', countryCode: 'finland' },
				linesInput: 'defineBelow',
				orderLines: { line: [{ code: 'SKU-2', quantity: 4 }] },
			});
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({ reference: 'U-1', comments: 'second' });
			const stored = orderRequestFields(await orderIn(ctx.api, 'U-1'));
			expect(stored).toMatchObject({
				comments: 'second',
				shippingCode: 'MATKAHUOLTO',
				customer: { name: 'Åsa Öberg', city: 'Espoo', zip: '00100', countryCode: 'FI' },
				orderLines: [{ code: 'SKU-2', quantity: 4 }],
			});
		});

		it('keeps the lines by default', async () => {
			await runMyOgo(ctx, {
				resource: 'order',
				operation: 'update',
				reference: 'U-1',
				updateFields: { comments: 'x' },
			});
			expect(orderRequestFields(await orderIn(ctx.api, 'U-1')).orderLines).toEqual([
				{ code: 'SKU-1', quantity: 1 },
			]);
		});

		it('releases a draft', async () => {
			await runMyOgo(ctx, fieldsOrder('D-1', { additionalFields: { status: 'draft' } }));
			await runMyOgo(ctx, {
				resource: 'order',
				operation: 'update',
				reference: 'D-1',
				updateFields: { status: 'new' },
			});
			expect((await orderIn(ctx.api, 'D-1'))?.status).toBe('new');
		});

		it('names the status of an order the warehouse is collecting', async () => {
			await ctx.control.post('/orders/U-1/advance', { status: 'collecting' });
			const result = await runMyOgo(ctx, {
				resource: 'order',
				operation: 'update',
				reference: 'U-1',
				updateFields: { comments: 'too late' },
			});
			expect(result.error?.message).toBe(
				'Order U-1 cannot be updated: it is already collecting in the warehouse',
			);
			expect((await orderIn(ctx.api, 'U-1'))?.comments).toBe('first');
		});
	});

	describe('Cancel', () => {
		beforeEach(async () => {
			await seed(ctx, { products: [product('SKU-1')] });
			await runMyOgo(ctx, fieldsOrder('1042'), [{}]);
			await runMyOgo(ctx, fieldsOrder('1043'), [{}]);
		});

		it('cancels orders', async () => {
			const result = await runMyOgo(
				ctx,
				{ resource: 'order', operation: 'cancel', reference: '={{ $json.ref }}' },
				[{ ref: '1042' }, { ref: '1043' }],
			);
			expect(result.error).toBeUndefined();
			expect(result.items.map((item) => item.json.status)).toEqual(['cancelled', 'cancelled']);
			expect((await orderIn(ctx.api, '1042'))?.status).toBe('cancelled');
			expect((await orderIn(ctx.api, '1043'))?.status).toBe('cancelled');
		});

		it('gives a clear error naming the status of an order being collected', async () => {
			await ctx.control.post('/orders/1042/advance', { status: 'collecting' });
			const stopped = await runMyOgo(ctx, {
				resource: 'order',
				operation: 'cancel',
				reference: '1042',
			});
			expect(stopped.error?.message).toBe(
				'Order 1042 cannot be cancelled: it is already collecting in the warehouse',
			);

			const result = await runMyOgo(
				ctx,
				{ resource: 'order', operation: 'cancel', reference: '={{ $json.ref }}' },
				[{ ref: '1042' }, { ref: '1043' }],
				{ continueOnFail: true },
			);
			expect(result.items[0].json.error).toBe(
				'Order 1042 cannot be cancelled: it is already collecting in the warehouse',
			);
			expect(result.items[1].json.status).toBe('cancelled');
			expect(pairedIndexes(result.items)).toEqual([0, 1]);
			expect((await orderIn(ctx.api, '1042'))?.status).toBe('collecting');
		});

		it('names shipped orders too', async () => {
			await ctx.control.post('/orders/1042/advance', { status: 'shipped' });
			const result = await runMyOgo(ctx, {
				resource: 'order',
				operation: 'cancel',
				reference: '1042',
			});
			expect(result.error?.message).toBe('Order 1042 cannot be cancelled: it has already shipped');
		});
	});

	describe('Get and Get Many', () => {
		beforeEach(async () => {
			await seed(ctx, { products: [product('SKU-1')] });
			for (const reference of ['G-1', 'G-2', 'G-3', 'G-4'])
				await runMyOgo(ctx, fieldsOrder(reference));
		});

		it('gets an order by reference with its tracking numbers as a list', async () => {
			await ctx.control.post('/orders/G-2/advance', {
				status: 'shipped',
				trackingNumber: 'JJFI1, JJFI2',
			});
			const result = await runMyOgo(ctx, { resource: 'order', operation: 'get', reference: 'G-2' });
			expect(result.items[0].json).toMatchObject({
				reference: 'G-2',
				status: 'shipped',
				trackingNumber: 'JJFI1, JJFI2',
				trackingNumbers: ['JJFI1', 'JJFI2'],
			});
			expect(String(result.items[0].json.editTime)).toMatch(
				/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/,
			);
			const missing = await runMyOgo(
				ctx,
				{ resource: 'order', operation: 'get', reference: 'NOPE' },
				[{}],
				{
					continueOnFail: true,
				},
			);
			expect(missing.items[0].json.error).toBe('No order with the reference NOPE in myOGO');
		});

		it('filters by status and limits', async () => {
			await ctx.control.post('/orders/G-1/advance', { status: 'collecting' });
			await ctx.control.post('/orders/G-3/advance', { status: 'shipped' });
			const collectingOrShipped = await runMyOgo(ctx, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: { status: ['collecting', 'shipped'] },
			});
			expect(collectingOrShipped.items.map((item) => item.json.reference).sort()).toEqual([
				'G-1',
				'G-3',
			]);
			const limited = await runMyOgo(ctx, { resource: 'order', operation: 'getAll', limit: 2 });
			expect(limited.items).toHaveLength(2);
			expectPaired(limited.items, 1);
			const all = await runMyOgo(ctx, { resource: 'order', operation: 'getAll', returnAll: true });
			expect(all.items).toHaveLength(4);
			expect(all.items[0].json.trackingNumbers).toEqual([]);
		});

		it('returns only orders changed after "Modified After"', async () => {
			const cursor = String((await orderIn(ctx.api, 'G-4'))?.editTime);
			await new Promise((resolve) => setTimeout(resolve, 5));
			await ctx.control.post('/orders/G-2/advance', { status: 'collecting' });
			const result = await runMyOgo(ctx, {
				resource: 'order',
				operation: 'getAll',
				returnAll: true,
				filters: { modifiedAfter: cursor },
			});
			expect(result.items.map((item) => item.json.reference)).toEqual(['G-2']);
		});
	});
});
