/**
 * Product → Create or Update with "Skip Products Sent Unchanged" (#20): the node remembers, per SKU,
 * the data it sent (n8n's processed-data store; the harness keeps it in memory), so a store webhook
 * fired by a stock write costs no myOGO call, and a changed product is written without a read.
 */
import { forgetProcessedData } from '../harness/processedData';
import {
	byCode,
	clearRequestLog,
	product,
	productIn,
	requestLog,
	runMyOgo,
	seed,
	useSandbox,
} from './helpers';

const REMEMBERING = {
	resource: 'product',
	operation: 'upsert',
	productCode: byCode('={{ $json.code }}'),
	languageCode: 'en',
	additionalFields: { name: '={{ $json.name }}', salesPrice: '={{ $json.price }}' },
	onlyWriteChanges: false,
	skipSentUnchanged: true,
};

describe('myOGO node: products sent unchanged', () => {
	const ctx = useSandbox();
	beforeEach(() => forgetProcessedData());

	/** Runs the upsert and answers each item's result and the myOGO calls it made. */
	async function send(items: Array<{ code: string; name: string; price: number }>, extra = {}) {
		await clearRequestLog(ctx);
		const result = await runMyOgo(ctx, { ...REMEMBERING, ...extra }, items, {
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		const calls = (await requestLog(ctx)).map((entry) => `${entry.method} ${entry.path}`);
		const results = result.items.map((item) =>
			item.json.error ? ['error', String(item.json.error)] : [item.json.code, item.json.result],
		);
		return { results, calls };
	}

	it('writes a changed product without a read, and skips one sent with the same data before (no call)', async () => {
		await seed(ctx, { products: [product('MUG', { salesPrice: 5 })] });
		const first = await send([{ code: 'MUG', name: 'Mug', price: 6 }]);
		expect(first).toEqual({
			results: [['MUG', 'updated']],
			calls: ['PUT /api/v1/products/MUG'],
		});

		// The same data again (a stock write's webhook): nothing to do, no call.
		expect(await send([{ code: 'MUG', name: 'Mug', price: 6 }])).toEqual({
			results: [['MUG', 'alreadySent']],
			calls: [],
		});

		// Changed in myOGO meanwhile by someone else, then changed in the store: the store's data wins.
		await ctx.api.put('/products/MUG', { code: 'MUG', salesPrice: 99 });
		expect((await send([{ code: 'MUG', name: 'Mug', price: 7 }])).calls).toEqual([
			'PUT /api/v1/products/MUG',
		]);
		expect(await productIn(ctx.api, 'MUG')).toMatchObject({ salesPrice: 7, name: 'Mug' });

		// A code myOGO lacks is created after the PUT's 404.
		expect(await send([{ code: 'NEW', name: 'New', price: 1 }])).toEqual({
			results: [['NEW', 'created']],
			calls: ['PUT /api/v1/products/NEW', 'POST /api/v1/products'],
		});
	});

	it('forgets a send myOGO refused: the next run with the same data sends it again', async () => {
		await seed(ctx, { products: [product('MUG', { salesPrice: 5 })] });
		await ctx.control.post('/faults', { status: 400, path: '/api/v1/products', method: 'PUT' });
		const refused = await send([{ code: 'MUG', name: 'Mug', price: 6 }]);
		expect(refused.calls).toEqual(['PUT /api/v1/products/MUG']);
		expect(refused.results).toEqual([['error', expect.stringContaining('MUG')]]);
		expect(await productIn(ctx.api, 'MUG')).toMatchObject({ salesPrice: 5 });

		expect(await send([{ code: 'MUG', name: 'Mug', price: 6 }])).toEqual({
			results: [['MUG', 'updated']],
			calls: ['PUT /api/v1/products/MUG'],
		});
	});

	it("with Keep myOGO's Data never writes over a product myOGO has, and remembers it as kept", async () => {
		await seed(ctx, { products: [product('OWNED', { salesPrice: 5 })] });
		const keep = { whenProductExists: 'keep' };
		const first = await send([{ code: 'OWNED', name: 'Other name', price: 9 }], keep);
		expect(first.results).toEqual([['OWNED', 'kept']]);
		expect(first.calls.filter((call) => !call.startsWith('GET'))).toEqual([
			'POST /api/v1/products',
		]);
		expect(await productIn(ctx.api, 'OWNED')).toMatchObject({ salesPrice: 5 });
		expect(await send([{ code: 'OWNED', name: 'Other name', price: 9 }], keep)).toEqual({
			results: [['OWNED', 'alreadySent']],
			calls: [],
		});
		// Switching this shop to the master of product data is a change: that item is written.
		expect((await send([{ code: 'OWNED', name: 'Other name', price: 9 }])).calls).toEqual([
			'PUT /api/v1/products/OWNED',
		]);
	});

	it('with Only Write Changes on, compares what it has not sent before, and reads nothing for what it has', async () => {
		await seed(ctx, { products: [product('SAME', { salesPrice: 5, name: 'Same' })] });
		const compare = { onlyWriteChanges: true };
		expect(await send([{ code: 'SAME', name: 'Same', price: 5 }], compare)).toEqual({
			results: [['SAME', 'unchanged']],
			calls: ['GET /api/v1/products'],
		});
		expect(await send([{ code: 'SAME', name: 'Same', price: 5 }], compare)).toEqual({
			results: [['SAME', 'alreadySent']],
			calls: [],
		});
	});
});
