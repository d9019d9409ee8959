import { ISO_MS_UTC, product, useResetSandbox } from './helpers';

describe('sandbox: paging, modifiedAfter and routing', () => {
	const env = useResetSandbox();

	async function seedProducts(count: number, prefix = 'P') {
		const products = Array.from({ length: count }, (_, i) =>
			product(`${prefix}-${String(i).padStart(5, '0')}`),
		);
		const response = await env.control.post('/seed', { products });
		expect(response.status).toBe(200);
		return products.map((p) => p.code);
	}

	describe('limit and page', () => {
		it('defaults to 50 rows per page', async () => {
			await seedProducts(60);
			const response = await env.api.get('/products');
			expect(response.status).toBe(200);
			expect(response.data).toHaveLength(50);
		});

		it.each([['0'], ['251'], ['-1'], ['abc'], ['2.5']])(
			'refuses limit=%s with 400 naming limit',
			async (limit) => {
				const response = await env.api.get('/products', { params: { limit } });
				expect(response.status).toBe(400);
				expect(response.data).toEqual({
					statusCode: 400,
					statusDescription: 'Bad Request',
					message: expect.stringContaining('limit'),
				});
			},
		);

		it.each([['0'], ['-3'], ['x']])('refuses page=%s with 400 naming page', async (page) => {
			const response = await env.api.get('/orders', { params: { page } });
			expect(response.status).toBe(400);
			expect(response.data.message).toContain('page');
		});

		it('accepts the edges limit=1 and limit=250', async () => {
			await seedProducts(300);
			expect((await env.api.get('/products', { params: { limit: 1 } })).data).toHaveLength(1);
			expect((await env.api.get('/products', { params: { limit: 250 } })).data).toHaveLength(250);
		});

		it('walks 1,030 rows in pages of 250: full pages, a short last page, then []', async () => {
			const codes = await seedProducts(1030);
			const seen: string[] = [];
			const sizes: number[] = [];
			for (let page = 1; page <= 6; page++) {
				const response = await env.api.get('/products', { params: { limit: 250, page } });
				expect(response.status).toBe(200);
				sizes.push(response.data.length);
				seen.push(...response.data.map((p: { code: string }) => p.code));
			}
			expect(sizes).toEqual([250, 250, 250, 250, 30, 0]);
			// Oldest modification first; rows of one timestamp keep their creation order.
			expect(seen).toEqual(codes);
			expect((await env.api.get('/products', { params: { limit: 250, page: 99 } })).data).toEqual(
				[],
			);
		});

		it('answers bare arrays on every list endpoint', async () => {
			for (const path of ['/products', '/stock', '/orders', '/stockupdate', '/webhooks']) {
				const response = await env.api.get(path);
				expect(response.status).toBe(200);
				expect(Array.isArray(response.data)).toBe(true);
			}
		});
	});

	describe('modifiedAfter', () => {
		const T1 = '2026-03-01T10:00:00.000Z';
		const T2 = '2026-03-01T10:00:05.000Z';

		async function createAt(now: string, code: string) {
			await env.control.post('/clock', { now });
			const response = await env.api.post('/products', product(code));
			expect(response.status).toBe(201);
			return response.data;
		}

		it('returns only rows modified strictly later', async () => {
			const a = await createAt(T1, 'A');
			await createAt(T2, 'B');
			expect(a.editTime).toBe(T1);
			const codes = async (modifiedAfter: string) =>
				(await env.api.get('/products', { params: { modifiedAfter } })).data.map(
					(p: { code: string }) => p.code,
				);
			expect(await codes(T1)).toEqual(['B']);
			expect(await codes('2026-03-01T09:59:59.999Z')).toEqual(['A', 'B']);
			expect(await codes(T2)).toEqual([]);
			// A cursor with sub-millisecond digits (as .NET sends) is compared exactly.
			expect(await codes('2026-03-01T10:00:00.0000001Z')).toEqual(['B']);
		});

		it('reads a timestamp without an offset as UTC, and honours explicit offsets', async () => {
			await createAt(T1, 'A');
			await createAt(T2, 'B');
			const get = async (modifiedAfter: string) =>
				(await env.api.get('/products', { params: { modifiedAfter } })).data.map(
					(p: { code: string }) => p.code,
				);
			expect(await get('2026-03-01T10:00:00')).toEqual(['B']);
			expect(await get('2026-03-01T12:00:00+02:00')).toEqual(['B']);
			expect(await get('2026-03-01T05:00:00-05:00')).toEqual(['B']);
			expect(await get('2026-03-01T11:59:59+02:00')).toEqual(['A', 'B']);
		});

		it('refuses an unreadable timestamp with 400 naming modifiedAfter', async () => {
			for (const value of [
				'yesterday',
				'2026-13-01T00:00:00Z',
				'2026-02-30',
				'2026-03-01T10:00:00 02:00',
			]) {
				const response = await env.api.get('/stock', { params: { modifiedAfter: value } });
				expect(response.status).toBe(400);
				expect(response.data.message).toContain('modifiedAfter');
			}
			// An unencoded '+' arrives as a space; the message says how to fix it.
			const plus = await env.api.get('/products?modifiedAfter=2026-03-01T10:00:00+02:00');
			expect(plus.status).toBe(400);
			expect(plus.data.message).toContain('%2B');
		});

		it('pages through many rows sharing one timestamp without gaps or repeats', async () => {
			await env.control.post('/clock', { now: T1 });
			const codes = await seedProducts(301, 'SAME');
			const seen: string[] = [];
			for (let page = 1; ; page++) {
				const rows = (
					await env.api.get('/products', {
						params: { modifiedAfter: '2026-01-01T00:00:00Z', limit: 100, page },
					})
				).data;
				seen.push(
					...rows.map((p: { code: string; editTime: string }) => {
						expect(p.editTime).toBe(T1);
						return p.code;
					}),
				);
				if (rows.length < 100) break;
			}
			expect(seen).toEqual(codes);
		});

		it('can show a row that appears late with an earlier timestamp (why cursors must overlap)', async () => {
			await createAt(T2, 'EARLY-SERVED');
			const cursor = (await env.api.get('/products')).data[0].editTime;
			await createAt(T1, 'LATE-ARRIVAL');
			// A client whose cursor is T2 never sees it...
			expect((await env.api.get('/products', { params: { modifiedAfter: cursor } })).data).toEqual(
				[],
			);
			// ...while the list puts it first, by its timestamp.
			const all = (await env.api.get('/products')).data.map((p: { code: string }) => p.code);
			expect(all).toEqual(['LATE-ARRIVAL', 'EARLY-SERVED']);
		});

		it('writes every reply timestamp as UTC with milliseconds', async () => {
			await env.control.post('/clock', { now: '2026-03-01T12:00:00+02:00' });
			const created = (await env.api.post('/products', product('TS'))).data;
			expect(created.editTime).toBe('2026-03-01T10:00:00.000Z');
			await env.control.post('/clock', { now: null });
			const stock = (await env.api.get('/stock')).data[0];
			expect(stock.modified).toMatch(ISO_MS_UTC);
		});
	});

	describe('case-insensitivity', () => {
		it('matches the fixed path words in any case', async () => {
			await seedProducts(2);
			for (const path of [
				'/api/v1/products',
				'/Api/V1/Products',
				'/API/V1/PRODUCTS',
				'/api/v1/products/',
			]) {
				const response = await env.api.get(`${env.sandbox.url}${path}`, { baseURL: '' });
				expect(response.status).toBe(200);
				expect(response.data).toHaveLength(2);
			}
		});

		it('keeps codes in the path case-sensitive', async () => {
			await env.api.post('/products', product('MiXeD'));
			expect((await env.api.put('/products/MiXeD', { name: 'ok' })).status).toBe(200);
			expect((await env.api.put('/products/mixed', { name: 'no' })).status).toBe(404);
		});

		it('matches query parameter names in any case, values exactly', async () => {
			await seedProducts(5);
			expect((await env.api.get('/products?LIMIT=2&Page=2')).data).toHaveLength(2);
			expect(
				(await env.api.get('/products?CODE=P-00003')).data.map((p: { code: string }) => p.code),
			).toEqual(['P-00003']);
			expect((await env.api.get('/products?code=p-00003')).data).toEqual([]);
			expect((await env.api.get('/products?MODIFIEDAFTER=2999-01-01T00:00:00Z')).data).toEqual([]);
		});

		it('answers 404 with the error body for an unknown path and 405 for a wrong method', async () => {
			const unknown = await env.api.get('/nothing-here');
			expect(unknown.status).toBe(404);
			expect(unknown.data).toMatchObject({ statusCode: 404, statusDescription: 'Not Found' });
			const wrong = await env.api.delete('/products');
			expect(wrong.status).toBe(405);
			expect(wrong.headers.allow).toContain('GET');
		});
	});
});
