import { ISO_MS_UTC, useResetSandbox } from './helpers';

describe('sandbox: incoming stock (/stockupdate)', () => {
	const env = useResetSandbox({ seedProducts: ['TSHIRT-BLUE-L', 'BEANIE-BLACK'] });

	const notice = (reference: string, extra: Record<string, unknown> = {}) => ({
		reference,
		supplier: 'Nordic Textiles Oy',
		receiveDate: '2026-12-10T10:00:00+02:00',
		parcels: 3,
		trackingCodes: ['SCH1'],
		products: [
			{ code: 'TSHIRT-BLUE-L', expectedQuantity: 60, countryOfOrigin: 'PT', hsCode: '61091000' },
			{
				code: 'BEANIE-BLACK',
				expectedQuantity: 40,
				countryOfOrigin: 'PT',
				customsDescription: 'Knitted hats',
			},
		],
		...extra,
	});

	it('creates with 201: status new, no arrival yet, an autoReference, nothing received', async () => {
		const response = await env.api.post('/stockupdate', notice('PO-1'));
		expect(response.status).toBe(201);
		expect(response.data).toMatchObject({
			reference: 'PO-1',
			supplier: 'Nordic Textiles Oy',
			status: 'new',
			arrivalDate: null,
			warehouseComments: null,
			receiveDate: '2026-12-10T08:00:00.000Z',
			parcels: 3,
			trackingCodes: ['SCH1'],
		});
		expect(response.data.autoReference).toEqual(expect.any(String));
		expect(response.data.created).toMatch(ISO_MS_UTC);
		expect(response.data.modified).toBe(response.data.created);
		expect(response.data.products).toHaveLength(2);
		for (const line of response.data.products) expect(line.receivedQuantity).toBe(0);
		expect(response.data.products[0]).toMatchObject({
			code: 'TSHIRT-BLUE-L',
			expectedQuantity: 60,
			hsCode: '61091000',
		});
	});

	it('answers 409 for a reference used before', async () => {
		await env.api.post('/stockupdate', notice('PO-2'));
		const response = await env.api.post('/stockupdate', notice('PO-2'));
		expect(response.status).toBe(409);
		expect(response.data.message).toContain('PO-2');
	});

	it('answers 400 for an unknown product code, naming the line and the code', async () => {
		const body = notice('PO-3');
		body.products[1].code = 'GHOST';
		const response = await env.api.post('/stockupdate', body);
		expect(response.status).toBe(400);
		expect(response.data.message).toContain('products[1].code');
		expect(response.data.message).toContain('GHOST');
	});

	it.each([
		['reference', (n: any) => delete n.reference],
		['supplier', (n: any) => delete n.supplier],
		['receiveDate', (n: any) => delete n.receiveDate],
		['receiveDate', (n: any) => (n.receiveDate = 'next week')],
		['products[0].code', (n: any) => delete n.products[0].code],
		['products[0].expectedQuantity', (n: any) => delete n.products[0].expectedQuantity],
		['products[0].expectedQuantity', (n: any) => (n.products[0].expectedQuantity = 1000001)],
		['products[0].expectedQuantity', (n: any) => (n.products[0].expectedQuantity = -1)],
		['products[1].countryOfOrigin', (n: any) => delete n.products[1].countryOfOrigin],
		[
			'products[1].customsDescription',
			(n: any) => (n.products[1].customsDescription = 'x'.repeat(51)),
		],
		['products[0].hsCode', (n: any) => (n.products[0].hsCode = '6109100')],
		['trackingCodes[0]', (n: any) => (n.trackingCodes = [12])],
		['parcels', (n: any) => (n.parcels = 1.5)],
	])('refuses with 400 naming %s', async (field, breakIt) => {
		const body = notice('PO-BAD');
		breakIt(body);
		const response = await env.api.post('/stockupdate', body);
		expect(response.status).toBe(400);
		expect(response.data.message).toContain(`'${field}'`);
	});

	it('accepts the edge quantities 0 and 1,000,000', async () => {
		const body = notice('PO-EDGE');
		body.products[0].expectedQuantity = 0;
		body.products[1].expectedQuantity = 1000000;
		expect((await env.api.post('/stockupdate', body)).status).toBe(201);
	});

	it('filters by reference, autoreference and modifiedAfter', async () => {
		await env.control.post('/clock', { now: '2026-08-01T10:00:00Z' });
		const first = (await env.api.post('/stockupdate', notice('PO-A'))).data;
		await env.control.post('/clock', { now: '2026-08-01T11:00:00Z' });
		const second = (await env.api.post('/stockupdate', notice('PO-B'))).data;
		expect(first.autoReference).not.toBe(second.autoReference);
		const refs = (params: object) =>
			env.api
				.get('/stockupdate', { params })
				.then((r) => r.data.map((n: { reference: string }) => n.reference));
		expect(await refs({})).toEqual(['PO-A', 'PO-B']);
		expect(await refs({ reference: 'PO-B' })).toEqual(['PO-B']);
		expect(await refs({ autoreference: first.autoReference })).toEqual(['PO-A']);
		expect(await refs({ autoReference: second.autoReference })).toEqual(['PO-B']);
		expect(await refs({ autoreference: 'SU-NOPE' })).toEqual([]);
		expect(await refs({ modifiedAfter: '2026-08-01T10:00:00Z' })).toEqual(['PO-B']);
	});

	it('shows open incoming stock in the products’ stockUpdate and stockUpdateTime', async () => {
		await env.api.post('/stockupdate', notice('PO-LATER', { receiveDate: '2026-12-20T00:00:00Z' }));
		await env.api.post(
			'/stockupdate',
			notice('PO-SOONER', { receiveDate: '2026-12-05T00:00:00Z' }),
		);
		const shirt = (await env.api.get('/products', { params: { code: 'TSHIRT-BLUE-L' } })).data[0];
		expect(shirt.stockUpdate).toBe(120);
		expect(shirt.stockUpdateTime).toBe('2026-12-05T00:00:00.000Z');
	});
});
