import { GUID, ISO_MS_UTC, product, useResetSandbox } from './helpers';

describe('sandbox: products', () => {
	const env = useResetSandbox();

	const b64 = (text: string) => Buffer.from(text).toString('base64url');

	describe('POST /products', () => {
		it('creates with 201 and answers the stored product with the reply fields', async () => {
			const body = product('TSHIRT-BLUE-M', {
				eanCode: '6430012345029',
				salesPrice: 24.9,
				supplyPrice: 7.2,
				currencyCode: 'EUR',
				countryOfOrigin: 'PT',
				hsCode: '61091000',
			});
			const response = await env.api.post('/products', body);
			expect(response.status).toBe(201);
			expect(response.data).toMatchObject({
				...body,
				stock: 0,
				stockAvailable: 0,
				reserved: 0,
				stockUpdate: 0,
				stockUpdateTime: null,
			});
			expect(response.data.id).toMatch(GUID);
			expect(response.data.editTime).toMatch(ISO_MS_UTC);
			expect(response.data.description).toBeNull();
		});

		it('creates the product’s stock row at zero, modified when the product was created', async () => {
			const created = (await env.api.post('/products', product('NEW-1'))).data;
			const rows = (await env.api.get('/stock', { params: { productCode: 'NEW-1' } })).data;
			expect(rows).toEqual([
				{
					productCode: 'NEW-1',
					stock: 0,
					stockAvailable: 0,
					reserved: 0,
					modified: created.editTime,
				},
			]);
		});

		it('answers 409 for an existing code', async () => {
			await env.api.post('/products', product('DUP'));
			const response = await env.api.post('/products', product('DUP', { name: 'again' }));
			expect(response.status).toBe(409);
			expect(response.data).toMatchObject({ statusCode: 409, statusDescription: 'Conflict' });
			expect(response.data.message).toContain('DUP');
		});

		it.each([
			[{ languageCode: 'en' }, 'code'],
			[{ code: 'X' }, 'languageCode'],
			[{ code: '   ', languageCode: 'en' }, 'code'],
			[{ code: 'X', languageCode: 'english' }, 'languageCode'],
			[{ code: 'X', languageCode: 'en', countryOfOrigin: 'FIN' }, 'countryOfOrigin'],
			[{ code: 'X', languageCode: 'en', hsCode: '1234' }, 'hsCode'],
			[{ code: 'X', languageCode: 'en', hsCode: '6109100A' }, 'hsCode'],
			[{ code: 'X', languageCode: 'en', currencyCode: 'EURO' }, 'currencyCode'],
			[{ code: 'X', languageCode: 'en', salesPrice: '12.50' }, 'salesPrice'],
			[{ code: 'X', languageCode: 'en', supplyPrice: null, name: 42 }, 'name'],
		])('refuses %j with 400 naming %s', async (body, field) => {
			const response = await env.api.post('/products', body);
			expect(response.status).toBe(400);
			expect(response.data.statusDescription).toBe('Bad Request');
			expect(response.data.message).toContain(`'${field}'`);
		});

		it('takes an 8-digit HS code sent as a number and stores it as text', async () => {
			const response = await env.api.post('/products', product('HS', { hsCode: 61091000 }));
			expect(response.status).toBe(201);
			expect(response.data.hsCode).toBe('61091000');
		});

		it('refuses bodies that are not JSON objects', async () => {
			expect((await env.api.post('/products', [product('A')])).status).toBe(400);
			const broken = await env.api.post('/products', '{"code": ', {
				headers: { 'Content-Type': 'application/json' },
			});
			expect(broken.status).toBe(400);
			expect(broken.data.message).toMatch(/JSON/);
			const wrongType = await env.api.post('/products', 'code=A', {
				headers: { 'Content-Type': 'text/plain' },
			});
			expect(wrongType.status).toBe(415);
		});
	});

	describe('PUT /products/{code}', () => {
		it('updates only the fields sent and moves editTime', async () => {
			await env.control.post('/clock', { now: '2026-05-01T08:00:00Z' });
			await env.api.post('/products', product('P1', { description: 'kept', salesPrice: 10 }));
			await env.control.post('/clock', { now: '2026-05-01T09:00:00Z' });
			const response = await env.api.put('/products/P1', { salesPrice: 12.5 });
			expect(response.status).toBe(200);
			expect(response.data).toMatchObject({
				code: 'P1',
				name: 'Product P1',
				description: 'kept',
				salesPrice: 12.5,
			});
			expect(response.data.editTime).toBe('2026-05-01T09:00:00.000Z');
		});

		it('clears an optional field sent as null, but refuses null for a required one', async () => {
			await env.api.post('/products', product('P2', { description: 'old' }));
			expect(
				(await env.api.put('/products/P2', { description: null })).data.description,
			).toBeNull();
			const response = await env.api.put('/products/P2', { languageCode: null });
			expect(response.status).toBe(400);
			expect(response.data.message).toContain('languageCode');
		});

		it('never overwrites a stored EAN, silently, while the rest of the update applies', async () => {
			await env.api.post('/products', product('EAN-1', { eanCode: '6430000000011' }));
			const response = await env.api.put('/products/EAN-1', {
				eanCode: '6430000000099',
				name: 'renamed',
			});
			expect(response.status).toBe(200);
			expect(response.data.eanCode).toBe('6430000000011');
			expect(response.data.name).toBe('renamed');
			expect((await env.api.put('/products/EAN-1', { eanCode: null })).data.eanCode).toBe(
				'6430000000011',
			);
		});

		it('sets an EAN on a product that has none yet', async () => {
			await env.api.post('/products', product('EAN-2'));
			expect(
				(await env.api.put('/products/EAN-2', { eanCode: '6430000000028' })).data.eanCode,
			).toBe('6430000000028');
		});

		it('renames when the body’s code differs, keeping the id and moving the stock row', async () => {
			const created = (await env.api.post('/products', product('OLD'))).data;
			await env.control.put('/stock/OLD', { stockAvailable: 7, reserved: 1 });
			const response = await env.api.put('/products/OLD', { code: 'NEW' });
			expect(response.status).toBe(200);
			expect(response.data).toMatchObject({
				id: created.id,
				code: 'NEW',
				stockAvailable: 7,
				reserved: 1,
				stock: 8,
			});
			expect((await env.api.get('/products', { params: { code: 'OLD' } })).data).toEqual([]);
			expect((await env.api.get('/products', { params: { code: 'NEW' } })).data[0].id).toBe(
				created.id,
			);
			expect((await env.api.get('/stock', { params: { productCode: 'OLD' } })).data).toEqual([]);
			expect(
				(await env.api.get('/stock', { params: { productCode: 'NEW' } })).data[0],
			).toMatchObject({ stockAvailable: 7, reserved: 1 });
			expect((await env.api.put('/products/OLD', { name: 'x' })).status).toBe(404);
		});

		it('answers 409 when renaming onto an existing code, and changes nothing', async () => {
			await env.api.post('/products', product('R1'));
			await env.api.post('/products', product('R2'));
			const response = await env.api.put('/products/R1', { code: 'R2', name: 'clobbered?' });
			expect(response.status).toBe(409);
			expect(response.data.message).toContain('R2');
			expect((await env.api.get('/products', { params: { code: 'R1' } })).data[0].name).toBe(
				'Product R1',
			);
			expect((await env.api.get('/products', { params: { code: 'R2' } })).data[0].name).toBe(
				'Product R2',
			);
		});

		it('finds awkward codes sent base64url-encoded with ?base64url=true', async () => {
			const code = 'BOX/1 & 2?#ä';
			await env.api.post('/products', product(code));
			const response = await env.api.put(`/products/${b64(code)}?base64url=true`, {
				name: 'found',
			});
			expect(response.status).toBe(200);
			expect(response.data).toMatchObject({ code, name: 'found' });
			// The flag's name and value are read case-insensitively.
			expect(
				(await env.api.put(`/products/${b64(code)}?Base64Url=True`, { name: 'again' })).status,
			).toBe(200);
			// A percent-encoded path works as well.
			expect(
				(await env.api.put(`/products/${encodeURIComponent(code)}`, { name: 'plain' })).status,
			).toBe(200);
		});

		it('refuses a path code that is not base64url when base64url=true', async () => {
			const response = await env.api.put('/products/not*base64?base64url=true', { name: 'x' });
			expect(response.status).toBe(400);
			expect(response.data.message).toContain('base64url');
		});

		it('answers 404 with the error body for an unknown code', async () => {
			const response = await env.api.put('/products/NOPE', { name: 'x' });
			expect(response.status).toBe(404);
			expect(response.data).toEqual({
				statusCode: 404,
				statusDescription: 'Not Found',
				message: expect.stringContaining('NOPE'),
			});
		});
	});

	describe('GET /products filters', () => {
		it('filters by code and by eanCode', async () => {
			await env.api.post('/products', product('F1', { eanCode: '111' }));
			await env.api.post('/products', product('F2', { eanCode: '222' }));
			await env.api.post('/products', product('F3'));
			expect(
				(await env.api.get('/products', { params: { code: 'F2' } })).data.map(
					(p: { code: string }) => p.code,
				),
			).toEqual(['F2']);
			expect(
				(await env.api.get('/products', { params: { eanCode: '111' } })).data.map(
					(p: { code: string }) => p.code,
				),
			).toEqual(['F1']);
			expect((await env.api.get('/products', { params: { eanCode: '999' } })).data).toEqual([]);
			expect((await env.api.get('/products', { params: { code: 'F2', page: 2 } })).data).toEqual(
				[],
			);
			// An empty filter value counts as no filter.
			expect((await env.api.get('/products?code=&eanCode=')).data).toHaveLength(3);
		});
	});
});
