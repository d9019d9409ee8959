import { CUSTOMER, GUID, ISO_MS_UTC, order, useResetSandbox } from './helpers';

describe('sandbox: orders', () => {
	const env = useResetSandbox({ seedProducts: ['TSHIRT-BLUE-M', 'MUG-LOGO'] });

	const lines = [
		{ code: 'TSHIRT-BLUE-M', quantity: 2 },
		{ code: 'MUG-LOGO', quantity: 1 },
	];

	describe('POST /orders', () => {
		it('creates with 201, status new, and the reply fields', async () => {
			const body = order('WEB-1', lines, {
				comments: 'leave at door',
				priceTotal: 64.8,
				priceCurrency: 'EUR',
				test: true,
			});
			const response = await env.api.post('/orders', body);
			expect(response.status).toBe(201);
			expect(response.data).toMatchObject({
				reference: 'WEB-1',
				status: 'new',
				shippingCode: 'POSTI_PAKETTI',
				comments: 'leave at door',
				test: true,
				customer: { ...CUSTOMER, company: null, address2: null },
				orderLines: [
					{ code: 'TSHIRT-BLUE-M', quantity: 2, unitPrice: null },
					{ code: 'MUG-LOGO', quantity: 1 },
				],
				trackingNumber: null,
				trackingUrl: null,
				warehouseComments: null,
			});
			expect(response.data.id).toMatch(GUID);
			expect(response.data.editTime).toMatch(ISO_MS_UTC);
		});

		it('starts as draft when asked, and refuses any other starting status', async () => {
			expect(
				(await env.api.post('/orders', order('D-1', lines, { status: 'Draft' }))).data.status,
			).toBe('draft');
			const shipped = await env.api.post('/orders', order('D-2', lines, { status: 'shipped' }));
			expect(shipped.status).toBe(400);
			expect(shipped.data.message).toContain('status');
		});

		it.each([
			['reference', (o: any) => delete o.reference],
			['customer', (o: any) => delete o.customer],
			['customer.name', (o: any) => delete o.customer.name],
			['customer.address1', (o: any) => (o.customer.address1 = '')],
			['customer.city', (o: any) => (o.customer.city = null)],
			['customer.countryCode', (o: any) => delete o.customer.countryCode],
			['customer.countryCode', (o: any) => (o.customer.countryCode = 'FIN')],
			['orderLines[1].quantity', (o: any) => (o.orderLines[1].quantity = 0)],
			['orderLines[1].quantity', (o: any) => (o.orderLines[1].quantity = 1.5)],
			['orderLines[0].quantity', (o: any) => (o.orderLines[0].quantity = '2')],
			['orderLines[0].quantity', (o: any) => delete o.orderLines[0].quantity],
			['orderLines[1].code', (o: any) => delete o.orderLines[1].code],
			['cashOnDelivery.amount', (o: any) => (o.cashOnDelivery = { currencyCode: 'EUR' })],
			['documents[0].type', (o: any) => (o.documents = [{ url: 'https://x.example/r.pdf' }])],
			['documents[0]', (o: any) => (o.documents = [{ type: 'receipt' }])],
			['test', (o: any) => (o.test = 'yes')],
			['priceTotal', (o: any) => (o.priceTotal = '10')],
		])('refuses with 400 naming %s', async (field, breakIt) => {
			const body = JSON.parse(JSON.stringify(order('BAD', lines)));
			breakIt(body);
			const response = await env.api.post('/orders', body);
			expect(response.status).toBe(400);
			expect(response.data.statusDescription).toBe('Bad Request');
			expect(response.data.message).toContain(`'${field}'`);
		});

		it('refuses a line naming an unknown product, naming the line and the code', async () => {
			const response = await env.api.post(
				'/orders',
				order('BAD', [...lines, { code: 'GHOST-SKU', quantity: 1 }]),
			);
			expect(response.status).toBe(400);
			expect(response.data.message).toContain('orderLines[2].code');
			expect(response.data.message).toContain('GHOST-SKU');
		});

		it('requires a shippingCode while several delivery types are enabled', async () => {
			const body: any = order('NOSHIP', lines);
			delete body.shippingCode;
			const response = await env.api.post('/orders', body);
			expect(response.status).toBe(400);
			expect(response.data.message).toContain('shippingCode');
		});

		it('refuses an unknown shippingCode, naming the enabled ones', async () => {
			const response = await env.api.post(
				'/orders',
				order('BADSHIP', lines, { shippingCode: 'UPS_SAVER' }),
			);
			expect(response.status).toBe(400);
			for (const code of [
				'UPS_SAVER',
				'POSTI_PAKETTI',
				'POSTI_SMARTPOST',
				'MATKAHUOLTO',
				'DHL_EXPRESS',
			]) {
				expect(response.data.message).toContain(code);
			}
		});

		it('follows PUT /_sandbox/shipping-codes: one enabled code becomes the default', async () => {
			const set = await env.control.put('/shipping-codes', ['MATKAHUOLTO']);
			expect(set.data).toEqual(['MATKAHUOLTO']);
			const body: any = order('ONESHIP', lines);
			delete body.shippingCode;
			const response = await env.api.post('/orders', body);
			expect(response.status).toBe(201);
			expect(response.data.shippingCode).toBe('MATKAHUOLTO');
			const old = await env.api.post('/orders', order('OLDSHIP', lines));
			expect(old.status).toBe(400);
			expect(old.data.message).toContain('MATKAHUOLTO');
			expect((await env.control.put('/shipping-codes', 'nope')).status).toBe(400);
		});

		it('answers 409 for an existing reference, saying an order with the same reference exists', async () => {
			await env.api.post('/orders', order('WEB-2', lines));
			const response = await env.api.post('/orders', order('WEB-2', lines));
			expect(response.status).toBe(409);
			expect(response.data.statusDescription).toBe('Conflict');
			expect(response.data.message).toMatch(/same reference/i);
			expect(response.data.message).toContain('WEB-2');
		});
	});

	describe('PUT /orders/{reference}', () => {
		beforeEach(async () => {
			await env.api.post(
				'/orders',
				order('WEB-3', lines, {
					comments: 'first',
					cashOnDelivery: { amount: 10, currencyCode: 'EUR' },
					documents: [{ type: 'receipt', url: 'https://shop.example/r/1.pdf' }],
				}),
			);
		});

		it('updates only what is sent; customer merges field by field; lists replace whole', async () => {
			await env.control.post('/clock', { now: '2030-01-01T00:00:00Z' });
			const response = await env.api.put('/orders/WEB-3', {
				customer: { city: 'Espoo' },
				orderLines: [{ code: 'MUG-LOGO', quantity: 3 }],
				documents: [],
			});
			expect(response.status).toBe(200);
			expect(response.data).toMatchObject({
				reference: 'WEB-3',
				status: 'new',
				comments: 'first',
				cashOnDelivery: { amount: 10, currencyCode: 'EUR' },
				customer: {
					name: CUSTOMER.name,
					address1: CUSTOMER.address1,
					city: 'Espoo',
					countryCode: 'FI',
				},
				documents: [],
			});
			expect(response.data.orderLines).toHaveLength(1);
			expect(response.data.orderLines[0]).toMatchObject({ code: 'MUG-LOGO', quantity: 3 });
			expect(response.data.editTime).toBe('2030-01-01T00:00:00.000Z');
			const stored = (await env.api.get('/orders', { params: { reference: 'WEB-3' } })).data[0];
			expect(stored.orderLines).toHaveLength(1);
		});

		it('validates the update, naming the field', async () => {
			const badLine = await env.api.put('/orders/WEB-3', {
				orderLines: [{ code: 'MUG-LOGO', quantity: -1 }],
			});
			expect(badLine.status).toBe(400);
			expect(badLine.data.message).toContain('orderLines[0].quantity');
			const badCountry = await env.api.put('/orders/WEB-3', {
				customer: { countryCode: 'Finland' },
			});
			expect(badCountry.status).toBe(400);
			expect(badCountry.data.message).toContain('customer.countryCode');
			const unknownCode = await env.api.put('/orders/WEB-3', {
				orderLines: [{ code: 'NOPE', quantity: 1 }],
			});
			expect(unknownCode.status).toBe(400);
			expect(unknownCode.data.message).toContain('NOPE');
			const rename = await env.api.put('/orders/WEB-3', { reference: 'OTHER' });
			expect(rename.status).toBe(400);
			expect(rename.data.message).toContain('reference');
		});

		it('answers 404 for an unknown reference', async () => {
			const response = await env.api.put('/orders/NOPE', { comments: 'x' });
			expect(response.status).toBe(404);
			expect(response.data.message).toContain('NOPE');
		});

		it('lets a client cancel, and then refuses updates and a second cancel with 409 naming cancelled', async () => {
			const cancelled = await env.api.put('/orders/WEB-3', { status: 'cancelled' });
			expect(cancelled.status).toBe(200);
			expect(cancelled.data.status).toBe('cancelled');
			for (const body of [{ comments: 'too late' }, { status: 'cancelled' }]) {
				const response = await env.api.put('/orders/WEB-3', body);
				expect(response.status).toBe(409);
				expect(response.data.message).toContain('cancelled');
			}
		});

		it('lets a client release a draft to new, and nothing else', async () => {
			await env.api.post('/orders', order('DRAFT-1', lines, { status: 'draft' }));
			expect((await env.api.put('/orders/DRAFT-1', { status: 'NEW' })).data.status).toBe('new');
			for (const status of ['draft', 'collecting', 'shipped', 'pending', 'reserved']) {
				const response = await env.api.put('/orders/DRAFT-1', { status });
				expect(response.status).toBe(400);
				expect(response.data.message).toContain('status');
			}
			const unknown = await env.api.put('/orders/DRAFT-1', { status: 'lost' });
			expect(unknown.status).toBe(400);
			expect(unknown.data.message).toContain('draft, reserved, new');
		});

		it.each(['locked', 'collecting', 'shipped', 'returned'])(
			'refuses update and cancel in %s with 409 naming it',
			async (status) => {
				expect((await env.control.post('/orders/WEB-3/advance', { status })).status).toBe(200);
				const update = await env.api.put('/orders/WEB-3', { comments: 'x' });
				expect(update.status).toBe(409);
				expect(update.data.message).toContain(status);
				const cancel = await env.api.put('/orders/WEB-3', { status: 'cancelled' });
				expect(cancel.status).toBe(409);
				expect(cancel.data.message).toContain(status);
			},
		);

		it.each(['reserved', 'pending'])('still allows update and cancel in %s', async (status) => {
			await env.control.post('/orders/WEB-3/advance', { status });
			expect((await env.api.put('/orders/WEB-3', { comments: 'ok' })).status).toBe(200);
			expect((await env.api.put('/orders/WEB-3', { status: 'cancelled' })).data.status).toBe(
				'cancelled',
			);
		});
	});

	describe('POST /_sandbox/orders/{reference}/advance', () => {
		beforeEach(async () => {
			await env.api.post('/orders', order('SHIP-1', lines));
		});

		it('ships with a generated Posti-like tracking number and URL', async () => {
			const response = await env.control.post('/orders/SHIP-1/advance', { status: 'shipped' });
			expect(response.status).toBe(200);
			expect(response.data.status).toBe('shipped');
			expect(response.data.trackingNumber).toMatch(/^JJFI\d{17}$/);
			expect(response.data.trackingUrl).toContain(response.data.trackingNumber);
			const stored = (await env.api.get('/orders', { params: { reference: 'SHIP-1' } })).data[0];
			expect(stored.trackingNumber).toBe(response.data.trackingNumber);
		});

		it('keeps given tracking numbers (several, comma-separated) and comments', async () => {
			const response = await env.control.post('/orders/SHIP-1/advance', {
				status: 'shipped',
				trackingNumber: 'JJFI1,JJFI2',
				warehouseComments: 'two parcels',
			});
			expect(response.data).toMatchObject({
				trackingNumber: 'JJFI1,JJFI2',
				warehouseComments: 'two parcels',
			});
			expect(response.data.trackingUrl).toContain('JJFI1');
		});

		it('moves through warehouse statuses and moves editTime', async () => {
			await env.control.post('/clock', { now: '2031-01-01T00:00:00Z' });
			const response = await env.control.post('/orders/SHIP-1/advance', { status: 'Collecting' });
			expect(response.data.status).toBe('collecting');
			expect(response.data.editTime).toBe('2031-01-01T00:00:00.000Z');
			expect(response.data.trackingNumber).toBeNull();
		});

		it('answers 404 for an unknown order and 400 for an unknown status', async () => {
			expect((await env.control.post('/orders/NOPE/advance', { status: 'shipped' })).status).toBe(
				404,
			);
			const bad = await env.control.post('/orders/SHIP-1/advance', { status: 'teleported' });
			expect(bad.status).toBe(400);
			expect(bad.data.message).toContain('status');
		});
	});

	describe('GET /orders', () => {
		it('filters by reference, modifiedAfter and (env.sandbox extension) status', async () => {
			await env.control.post('/clock', { now: '2026-07-01T10:00:00Z' });
			await env.api.post('/orders', order('G-1', lines));
			await env.control.post('/clock', { now: '2026-07-01T11:00:00Z' });
			await env.api.post('/orders', order('G-2', lines));
			await env.control.post('/clock', { now: '2026-07-01T12:00:00Z' });
			await env.control.post('/orders/G-1/advance', { status: 'shipped' });
			const refs = (params: object) =>
				env.api
					.get('/orders', { params })
					.then((r) => r.data.map((o: { reference: string }) => o.reference));
			expect(await refs({ reference: 'G-2' })).toEqual(['G-2']);
			expect(await refs({ reference: 'G-9' })).toEqual([]);
			expect(await refs({ modifiedAfter: '2026-07-01T10:30:00Z' })).toEqual(['G-2', 'G-1']);
			expect(await refs({ status: 'SHIPPED' })).toEqual(['G-1']);
			expect(await refs({ status: 'new' })).toEqual(['G-2']);
		});
	});
});
