import { byCode, expectPaired, product, runMyOgo, seed, useSandbox } from './helpers';

describe('myOGO node: stock', () => {
	const ctx = useSandbox();

	beforeEach(async () => {
		await seed(ctx, {
			products: [product('S-1'), product('S-2'), product('S-3')],
			stock: [
				{ code: 'S-1', stockAvailable: 5, reserved: 1 },
				{ code: 'S-2', stockAvailable: 0 },
			],
		});
	});

	it('gets the stock of one product code, per item', async () => {
		const result = await runMyOgo(
			ctx,
			{ resource: 'stock', operation: 'get', productCode: byCode('={{ $json.sku }}') },
			[{ sku: 'S-1' }, { sku: 'S-2' }],
		);
		expect(result.error).toBeUndefined();
		expect(
			result.items.map((item) => [
				item.json.productCode,
				item.json.stockAvailable,
				item.json.reserved,
			]),
		).toEqual([
			['S-1', 5, 1],
			['S-2', 0, 0],
		]);
		expect(result.items[0].json.stock).toBe(6);
		expectPaired(result.items, 2);
	});

	it('says clearly when a code has no stock row', async () => {
		const result = await runMyOgo(
			ctx,
			{ resource: 'stock', operation: 'get', productCode: byCode('NOPE') },
			[{}],
			{
				continueOnFail: true,
			},
		);
		expect(result.items[0].json.error).toBe('No stock for the product code NOPE in myOGO');
	});

	it('gets many, and only what changed after "Modified After"', async () => {
		const all = await runMyOgo(ctx, { resource: 'stock', operation: 'getAll', returnAll: true });
		expect(all.items.map((item) => item.json.productCode).sort()).toEqual(['S-1', 'S-2', 'S-3']);
		const limited = await runMyOgo(ctx, { resource: 'stock', operation: 'getAll', limit: 2 });
		expect(limited.items).toHaveLength(2);

		const { data } = await ctx.api.get('/stock', { params: { limit: 250 } });
		const cursor = (data as Array<{ modified: string }>)
			.map((row) => row.modified)
			.sort()
			.at(-1)!;
		await new Promise((resolve) => setTimeout(resolve, 5));
		await ctx.control.put('/stock/S-3', { stockAvailable: 42 });
		const changed = await runMyOgo(ctx, {
			resource: 'stock',
			operation: 'getAll',
			returnAll: true,
			filters: { modifiedAfter: cursor },
		});
		expect(changed.items.map((item) => [item.json.productCode, item.json.stockAvailable])).toEqual([
			['S-3', 42],
		]);
	});

	it('refuses a "Modified After" that is not a time', async () => {
		const result = await runMyOgo(
			ctx,
			{
				resource: 'stock',
				operation: 'getAll',
				returnAll: true,
				filters: { modifiedAfter: '={{ "yesterday-ish" }}' },
			},
			[{}],
			{ continueOnFail: true },
		);
		expect(result.items[0].json.error).toBe(
			'"Modified After" is not a date and time: "yesterday-ish"',
		);
	});
});
