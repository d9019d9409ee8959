import type { IDataObject } from 'n8n-workflow';

import {
	clearRequestLog,
	expectPaired,
	product,
	requestLog,
	runMyOgo,
	seed,
	useSandbox,
} from './helpers';

async function noticeIn(
	ctx: ReturnType<typeof useSandbox>,
	reference: string,
): Promise<IDataObject | undefined> {
	const { data } = await ctx.api.get('/stockupdate', { params: { reference } });
	return (data as IDataObject[])[0];
}

const CREATE = {
	resource: 'incomingStock',
	operation: 'create',
	reference: '={{ $json.ref }}',
	supplier: 'Nordic Basics Oy',
	receiveDate: '2026-12-01T08:00:00.000Z',
};

describe('myOGO node: incoming stock', () => {
	const ctx = useSandbox();

	beforeEach(async () => {
		await seed(ctx, { products: [product('IN-1'), product('IN-2')] });
	});

	it('creates a notice from fields, and myOGO holds it', async () => {
		const result = await runMyOgo(
			ctx,
			{
				...CREATE,
				products: {
					product: [
						{
							code: 'IN-1',
							expectedQuantity: 100,
							countryOfOrigin: 'finland',
							supplyPrice: '7,50',
							hsCode: '6109 1000',
						},
						{
							code: 'IN-2',
							expectedQuantity: 20,
							countryOfOrigin: 'PT',
							customsDescription: 'Cotton T-shirts',
						},
					],
				},
				additionalFields: {
					pallets: 2,
					trackingCodes: 'JJFI1, JJFI2',
					merchantComments: 'Fragile',
				},
			},
			[{ ref: 'PO-118' }],
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ reference: 'PO-118', status: 'new' });
		expectPaired(result.items, 1);
		const stored = await noticeIn(ctx, 'PO-118');
		expect(stored).toMatchObject({
			supplier: 'Nordic Basics Oy',
			pallets: 2,
			trackingCodes: ['JJFI1', 'JJFI2'],
			merchantComments: 'Fragile',
		});
		expect(String(stored?.receiveDate)).toMatch(/^2026-12-01T08:00:00/);
		expect(
			(stored?.products as IDataObject[]).map((p) => [
				p.code,
				p.expectedQuantity,
				p.countryOfOrigin,
			]),
		).toEqual([
			['IN-1', 100, 'FI'],
			['IN-2', 20, 'PT'],
		]);
		expect((stored?.products as IDataObject[])[0]).toMatchObject({
			supplyPrice: 7.5,
			hsCode: '61091000',
		});
	});

	it('takes the products from JSON per item', async () => {
		const result = await runMyOgo(
			ctx,
			{ ...CREATE, productsInput: 'json', productsJson: '={{ $json.products }}' },
			[
				{ ref: 'A', products: [{ code: 'IN-1', expectedQuantity: 1, countryOfOrigin: 'FI' }] },
				{ ref: 'B', products: [{ code: 'IN-2', expectedQuantity: 2, countryOfOrigin: 'SE' }] },
			],
		);
		expect(result.error).toBeUndefined();
		expect(((await noticeIn(ctx, 'B'))?.products as IDataObject[])[0]).toMatchObject({
			code: 'IN-2',
			expectedQuantity: 2,
		});
	});

	it('checks quantities and countries before any call', async () => {
		await clearRequestLog(ctx);
		const result = await runMyOgo(
			ctx,
			{ ...CREATE, productsInput: 'json', productsJson: '={{ $json.products }}' },
			[
				{
					ref: 'BAD-1',
					products: [{ code: 'IN-1', expectedQuantity: 1.5, countryOfOrigin: 'FI' }],
				},
				{
					ref: 'BAD-2',
					products: [{ code: 'IN-1', expectedQuantity: 1, countryOfOrigin: 'Mordor' }],
				},
			],
			{ continueOnFail: true },
		);
		expect(result.items.map((item) => item.json.error)).toEqual([
			'Incoming stock BAD-1, product 1 (IN-1): expected quantity 1.5 is not a whole number from 0 to 1,000,000',
			'Incoming stock BAD-2, product 1 (IN-1): country of origin "Mordor" is not a known country — enter a two-letter code such as FI',
		]);
		expect(await requestLog(ctx)).toEqual([]);
	});

	it('gets a notice by reference, and many', async () => {
		for (const ref of ['N-1', 'N-2', 'N-3']) {
			await runMyOgo(
				ctx,
				{
					...CREATE,
					products: { product: [{ code: 'IN-1', expectedQuantity: 5, countryOfOrigin: 'FI' }] },
				},
				[{ ref }],
			);
		}
		const one = await runMyOgo(ctx, {
			resource: 'incomingStock',
			operation: 'get',
			reference: 'N-2',
		});
		expect(one.items.map((item) => item.json.reference)).toEqual(['N-2']);
		const missing = await runMyOgo(
			ctx,
			{ resource: 'incomingStock', operation: 'get', reference: 'X' },
			[{}],
			{
				continueOnFail: true,
			},
		);
		expect(missing.items[0].json.error).toBe('No incoming stock with the reference X in myOGO');
		const all = await runMyOgo(ctx, {
			resource: 'incomingStock',
			operation: 'getAll',
			returnAll: true,
		});
		expect(all.items.map((item) => item.json.reference)).toEqual(['N-1', 'N-2', 'N-3']);
		const limited = await runMyOgo(ctx, {
			resource: 'incomingStock',
			operation: 'getAll',
			limit: 1,
		});
		expect(limited.items).toHaveLength(1);
	});
});
