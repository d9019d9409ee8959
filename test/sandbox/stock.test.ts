import { apiClient, login, product, useResetSandbox } from './helpers';

describe('sandbox: stock and the warehouse count control', () => {
	const env = useResetSandbox({ seedProducts: ['S1', 'S2', 'S3'] });

	const row = async (code: string) =>
		(await env.api.get('/stock', { params: { productCode: code } })).data[0];

	it('answers rows of { productCode, stock, stockAvailable, reserved, modified }', async () => {
		const rows = (await env.api.get('/stock')).data;
		expect(rows.map((r: { productCode: string }) => r.productCode)).toEqual(['S1', 'S2', 'S3']);
		expect(Object.keys(rows[0]).sort()).toEqual([
			'modified',
			'productCode',
			'reserved',
			'stock',
			'stockAvailable',
		]);
	});

	it('PUT /_sandbox/stock/{code}: omitted stock = available + reserved, omitted reserved keeps its value', async () => {
		let response = await env.control.put('/stock/S1', { stockAvailable: 5 });
		expect(response.status).toBe(200);
		expect(response.data).toMatchObject({
			productCode: 'S1',
			stockAvailable: 5,
			reserved: 0,
			stock: 5,
		});

		response = await env.control.put('/stock/S1', { stockAvailable: 3, reserved: 2 });
		expect(response.data).toMatchObject({ stockAvailable: 3, reserved: 2, stock: 5 });

		response = await env.control.put('/stock/S1', { stockAvailable: 4 });
		expect(response.data).toMatchObject({ stockAvailable: 4, reserved: 2, stock: 6 });

		response = await env.control.put('/stock/S1', { stockAvailable: 4, stock: 10 });
		expect(response.data).toMatchObject({ stockAvailable: 4, reserved: 2, stock: 10 });

		expect(await row('S1')).toMatchObject({ stockAvailable: 4, reserved: 2, stock: 10 });
		const productReply = (await env.api.get('/products', { params: { code: 'S1' } })).data[0];
		expect(productReply).toMatchObject({ stockAvailable: 4, reserved: 2, stock: 10 });
	});

	it('answers 404 for an unknown product and 400 naming a bad level', async () => {
		const unknown = await env.control.put('/stock/NOPE', { stockAvailable: 1 });
		expect(unknown.status).toBe(404);
		expect(unknown.data.statusCode).toBe(404);
		const missing = await env.control.put('/stock/S1', { reserved: 1 });
		expect(missing.status).toBe(400);
		expect(missing.data.message).toContain('stockAvailable');
		const negative = await env.control.put('/stock/S1', { stockAvailable: -1 });
		expect(negative.status).toBe(400);
		const fraction = await env.control.put('/stock/S1', { stockAvailable: 2, reserved: 0.5 });
		expect(fraction.status).toBe(400);
		expect(fraction.data.message).toContain('reserved');
	});

	it('moves the stock row’s modified, not the product’s editTime', async () => {
		await env.control.post('/reset');
		env.api = apiClient(env.sandbox, (await login(env.sandbox)).access_token);
		await env.control.post('/clock', { now: '2026-06-01T10:00:00Z' });
		await env.api.post('/products', product('T1'));
		await env.control.post('/clock', { now: '2026-06-01T11:00:00Z' });
		await env.control.put('/stock/T1', { stockAvailable: 9 });

		const productNow = (await env.api.get('/products', { params: { code: 'T1' } })).data[0];
		expect(productNow.editTime).toBe('2026-06-01T10:00:00.000Z');
		expect(productNow.stockAvailable).toBe(9);
		expect((await row('T1')).modified).toBe('2026-06-01T11:00:00.000Z');

		const after = { modifiedAfter: '2026-06-01T10:30:00Z' };
		expect((await env.api.get('/products', { params: after })).data).toEqual([]);
		expect(
			(await env.api.get('/stock', { params: after })).data.map(
				(r: { productCode: string }) => r.productCode,
			),
		).toEqual(['T1']);
	});

	it('lists changed rows in modification order with modifiedAfter and paging', async () => {
		await env.control.post('/clock', { now: '2030-06-02T10:00:00Z' });
		await env.control.put('/stock/S3', { stockAvailable: 1 });
		await env.control.post('/clock', { now: '2030-06-02T10:00:01Z' });
		await env.control.put('/stock/S1', { stockAvailable: 2 });
		const changed = (
			await env.api.get('/stock', { params: { modifiedAfter: '2030-06-02T09:00:00Z' } })
		).data;
		expect(changed.map((r: { productCode: string }) => r.productCode)).toEqual(['S3', 'S1']);
		expect(
			(
				await env.api.get('/stock', {
					params: { modifiedAfter: '2030-06-02T09:00:00Z', limit: 1, page: 2 },
				})
			).data[0].productCode,
		).toBe('S1');
		expect(
			(
				await env.api.get('/stock', {
					params: { productCode: 'S2', modifiedAfter: '2030-06-02T09:00:00Z' },
				})
			).data,
		).toEqual([]);
	});

	it('takes base64url codes on the control call too', async () => {
		await env.control.post('/seed', { products: [product('A/B')] });
		const response = await env.control.put(
			`/stock/${Buffer.from('A/B').toString('base64url')}?base64url=true`,
			{ stockAvailable: 3 },
		);
		expect(response.status).toBe(200);
		expect(response.data.productCode).toBe('A/B');
	});
});
