import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox } from '../../sandbox/myogo';
import { apiClient, controlClient, login, order, product, tokenRequest } from './helpers';

describe('sandbox: persistence with dataFile', () => {
	let dir: string;

	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'myogo-sandbox-'));
	});
	afterEach(() => {
		fs.rmSync(dir, { recursive: true, force: true });
	});

	it('keeps data, subscriptions, shipping codes and tokens across a restart', async () => {
		const dataFile = path.join(dir, 'nested', 'sandbox.json');
		const first = await startSandbox({ dataFile });
		const tokens = await login(first);
		const api = apiClient(first, tokens.access_token);
		const control = controlClient(first);
		await control.put('/shipping-codes', ['POSTI_PAKETTI', 'DHL_EXPRESS']);
		const created = (await api.post('/products', product('KEEP-1', { eanCode: '111' }))).data;
		await control.put('/stock/KEEP-1', { stockAvailable: 4, reserved: 1 });
		await api.post('/orders', order('KEEP-O', [{ code: 'KEEP-1', quantity: 1 }]));
		await control.post('/orders/KEEP-O/advance', { status: 'shipped' });
		await api.post('/stockupdate', {
			reference: 'KEEP-PO',
			supplier: 'S',
			receiveDate: '2026-12-01',
			products: [{ code: 'KEEP-1', expectedQuantity: 2, countryOfOrigin: 'FI' }],
		});
		const hook = (await api.post('/webhooks', { url: 'http://127.0.0.1:9/x', key: 'k', type: 2 }))
			.data;
		const shipped = (await api.get('/orders')).data[0];
		await first.close();

		const text = fs.readFileSync(dataFile, 'utf8');
		expect(text).toContain('KEEP-1');
		// The data file holds no usable token.
		expect(text).not.toContain(tokens.access_token);
		expect(text).not.toContain(tokens.refresh_token);

		const second = await startSandbox({ dataFile });
		try {
			// Tokens from before the restart still work.
			const api2 = apiClient(second, tokens.access_token);
			const products = (await api2.get('/products')).data;
			expect(products).toEqual([
				expect.objectContaining({
					id: created.id,
					code: 'KEEP-1',
					editTime: created.editTime,
					stockAvailable: 4,
					reserved: 1,
					stockUpdate: 2,
				}),
			]);
			expect((await api2.get('/orders')).data).toEqual([shipped]);
			expect((await api2.get('/stockupdate')).data[0].reference).toBe('KEEP-PO');
			expect((await api2.get(`/webhooks/${hook.id}`)).data).toEqual(hook);
			expect((await controlClient(second).get('/shipping-codes')).data).toEqual([
				'POSTI_PAKETTI',
				'DHL_EXPRESS',
			]);
			const refreshed = await tokenRequest(second, {
				grant_type: 'refresh_token',
				refresh_token: tokens.refresh_token,
				client_id: '123456',
				client_secret: 'abcdef',
			});
			expect(refreshed.status).toBe(200);
			// New rows keep sorting after the old ones.
			await api2.post('/products', product('KEEP-2'));
			expect((await api2.get('/products')).data.map((p: { code: string }) => p.code)).toEqual([
				'KEEP-1',
				'KEEP-2',
			]);
		} finally {
			await second.close();
		}
	});

	it('saves a reset too', async () => {
		const dataFile = path.join(dir, 'sandbox.json');
		const first = await startSandbox({ dataFile });
		await controlClient(first).post('/seed', { products: [product('GONE')] });
		await controlClient(first).post('/reset');
		await first.close();
		const second = await startSandbox({ dataFile });
		try {
			expect(second.store.products.size).toBe(0);
		} finally {
			await second.close();
		}
	});

	it('refuses to start on a data file that is not sandbox data, instead of overwriting it', async () => {
		const dataFile = path.join(dir, 'broken.json');
		fs.writeFileSync(dataFile, '{ this is not json');
		await expect(startSandbox({ dataFile })).rejects.toThrow(/not valid JSON/);
		expect(fs.readFileSync(dataFile, 'utf8')).toBe('{ this is not json');
	});
});
