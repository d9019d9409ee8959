import type { IDataObject } from 'n8n-workflow';

import {
	FIXTURE_SHIPPING_MAP,
	clearRequestLog,
	fixture,
	pairedIndexes,
	product,
	requestLog,
	runMyOgo,
	seed,
	seedFixtureCatalog,
	useSandbox,
} from './helpers';

const FIELDS_ORDER = {
	resource: 'order',
	operation: 'create',
	reference: '={{ $json.ref }}',
	shippingCode: 'POSTI_PAKETTI',
	customerName: 'Åsa Öberg',
	customerAddress1: 'Mannerheimintie 12',
	customerCity: 'Helsinki',
	customerCountryCode: '={{ $json.country ?? "FI" }}',
	linesInput: 'json',
	orderLinesJson: '={{ $json.lines }}',
};

const SHOPIFY = {
	resource: 'order',
	operation: 'upsert',
	inputFormat: 'shopifyOrder',
	shippingMethodMap: { mapping: FIXTURE_SHIPPING_MAP },
};

function shopify1042(
	edit: (raw: IDataObject & { line_items: IDataObject[] }) => void,
): IDataObject {
	const raw = fixture('shopify/order-paid-fi-eur-taxes-included.json') as IDataObject & {
		line_items: IDataObject[];
	};
	edit(raw);
	return raw;
}

/** Each rule: the parameters, a bad item, and the message it must give. */
const RULES: Array<[string, IDataObject, IDataObject, RegExp]> = [
	[
		'a store line without SKU ("Lines Without SKU": error)',
		{ ...SHOPIFY, linesWithoutSku: 'error' },
		shopify1042((raw) => {
			raw.line_items[1].sku = '';
		}),
		/^Order 1042, line 2: no SKU/,
	],
	[
		'a store quantity that is not a positive whole number',
		SHOPIFY,
		shopify1042((raw) => {
			raw.line_items[0].quantity = 1.5;
			delete raw.line_items[0].current_quantity;
		}),
		/^Order 1042, line 1: quantity 1\.5 is not a positive whole number/,
	],
	[
		'an unknown store country',
		SHOPIFY,
		shopify1042((raw) => {
			(raw.shipping_address as IDataObject).country_code = null;
			(raw.shipping_address as IDataObject).country = 'Atlantis';
		}),
		/^Order 1042: country "Atlantis" .*is not a known country/,
	],
	[
		'a store order with no line left after skipping',
		SHOPIFY,
		shopify1042((raw) => {
			raw.line_items = raw.line_items.filter((line) => !line.sku);
		}),
		/^Order 1042: no line needs shipping — nothing to ship/,
	],
	[
		'a line without a product code (myOGO fields)',
		FIELDS_ORDER,
		{ ref: '2001', lines: [{ code: 'SKU-1', quantity: 1 }, { quantity: 2 }] },
		/^Order 2001, line 2: no SKU/,
	],
	[
		'a quantity of zero (myOGO fields)',
		FIELDS_ORDER,
		{ ref: '2002', lines: [{ code: 'SKU-1', quantity: 0 }] },
		/^Order 2002, line 1: quantity 0 is not a positive whole number$/,
	],
	[
		'a fractional quantity (myOGO fields)',
		FIELDS_ORDER,
		{ ref: '2003', lines: [{ code: 'SKU-1', quantity: '2.5' }] },
		/^Order 2003, line 1: quantity "2\.5" is not a positive whole number$/,
	],
	[
		'an unknown country (myOGO fields)',
		FIELDS_ORDER,
		{ ref: '2004', country: 'Narnia', lines: [{ code: 'SKU-1', quantity: 1 }] },
		/^Order 2004: country "Narnia" is not a known country/,
	],
	[
		'an empty line list (myOGO fields)',
		FIELDS_ORDER,
		{ ref: '2005', lines: [] },
		/^Order 2005: the order has no lines/,
	],
	[
		'a line that is not an object (myOGO fields)',
		FIELDS_ORDER,
		{ ref: '2006', lines: [{ code: 'SKU-1', quantity: 1 }, { nested: { deep: true } }] },
		/^Order 2006, line 2: no SKU/,
	],
];

describe('myOGO node: validation before any call', () => {
	const ctx = useSandbox();

	beforeEach(async () => {
		await seedFixtureCatalog(ctx);
		await seed(ctx, { products: [product('SKU-1')] });
		await clearRequestLog(ctx);
	});

	describe.each(RULES)('%s', (_rule, parameters, bad, message) => {
		it('stops the run with a NodeOperationError naming the item, and writes nothing', async () => {
			const good = parameters.inputFormat
				? shopify1042(() => undefined)
				: { ref: 'GOOD-1', lines: [{ code: 'SKU-1', quantity: 1 }] };
			// The bad item comes second: nothing is written for the good first item either.
			const result = await runMyOgo(ctx, parameters, [good, bad]);
			expect(result.error).toBeDefined();
			expect(result.error!.message).toMatch(message);
			expect(result.error!.message).not.toContain('[object Object]');
			expect((result.error as unknown as { context: IDataObject }).context.itemIndex).toBe(1);
			expect(await requestLog(ctx)).toEqual([]);
		});

		it('with continue-on-fail gives an error item for it and still sends the good items', async () => {
			const good = parameters.inputFormat
				? shopify1042((raw) => {
						raw.name = '#1999';
					})
				: { ref: 'GOOD-2', lines: [{ code: 'SKU-1', quantity: 1 }] };
			const result = await runMyOgo(ctx, parameters, [bad, good], { continueOnFail: true });
			expect(result.error).toBeUndefined();
			expect(result.items).toHaveLength(2);
			expect(pairedIndexes(result.items)).toEqual([0, 1]);
			expect(String(result.items[0].json.error)).toMatch(message);
			expect(String(result.items[0].json.error)).not.toContain('[object Object]');
			expect(result.items[1].json.error).toBeUndefined();
			const writes = (await requestLog(ctx)).filter((entry) => entry.method !== 'GET');
			expect(writes).toHaveLength(1);
		});
	});

	it("says which order, line and value an error is about, in n8n's error-item shape", async () => {
		const result = await runMyOgo(
			ctx,
			FIELDS_ORDER,
			[{ ref: '3001', lines: [{ code: 'SKU-1', quantity: -1 }] }],
			{
				continueOnFail: true,
			},
		);
		expect(Object.keys(result.items[0].json)).toEqual(['error']);
		expect(result.items[0].json.error).toMatch(/^Order 3001, line 1: .*-1/);
	});

	it('refuses an empty required field by its label', async () => {
		// n8n itself refuses a required field left empty; an expression can still come out empty.
		const result = await runMyOgo(ctx, FIELDS_ORDER, [{ ref: '  ', lines: [] }], {
			continueOnFail: true,
		});
		expect(result.items[0].json.error).toBe('"Order Reference" is empty — enter a value');
	});
});
