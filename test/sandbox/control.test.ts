import axios from 'axios';
import { isLoopbackAddress } from '../../sandbox/shared/loopback';
import {
	PASSWORD_GRANT,
	apiClient,
	login,
	order,
	product,
	tokenRequest,
	useResetSandbox,
} from './helpers';

describe('sandbox: control API, request log and extensions', () => {
	const env = useResetSandbox();

	describe('the loopback check', () => {
		it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '::FFFF:127.0.0.53'])(
			'lets %s in',
			(address) => {
				expect(isLoopbackAddress(address)).toBe(true);
			},
		);
		it.each([
			'10.0.0.1',
			'192.168.1.20',
			'172.16.0.1',
			'8.8.8.8',
			'::ffff:10.1.2.3',
			'::2',
			'fe80::1',
			'128.0.0.1',
			'127.0.0.256',
			'',
			undefined,
		])('keeps %s out', (address) => {
			expect(isLoopbackAddress(address as string | undefined)).toBe(false);
		});
	});

	describe('GET /_sandbox/requests', () => {
		it('lists API and token calls as { method, path, query, status, time }, not control calls', async () => {
			await env.api.get('/products', {
				params: { limit: 5, modifiedAfter: '2026-01-01T00:00:00Z' },
			});
			await env.api.get('/nowhere');
			const log = (await env.control.get('/requests')).data;
			expect(log.map((e: any) => `${e.method} ${e.path} ${e.status}`)).toEqual([
				'POST /OAuth/Token 200',
				'GET /api/v1/products 200',
				'GET /api/v1/nowhere 404',
			]);
			expect(log[1]).toMatchObject({
				query: { limit: '5', modifiedAfter: '2026-01-01T00:00:00Z' },
			});
			expect(log[1].time).toMatch(/Z$/);
			expect(log.some((e: any) => e.path.includes('_sandbox'))).toBe(false);
		});

		it('holds no secret, token or key anywhere', async () => {
			const first = await login(env.sandbox);
			const refreshed = (
				await tokenRequest(env.sandbox, {
					grant_type: 'refresh_token',
					refresh_token: first.refresh_token,
					client_id: '123456',
					client_secret: 'abcdef',
				})
			).data;
			await tokenRequest(env.sandbox, { ...PASSWORD_GRANT, password: 'sandbox-secret' });
			await apiClient(env.sandbox, refreshed.access_token).get('/products');
			await axios.get(`${env.sandbox.url}/api/v1/orders`, {
				headers: { 'X-OgoKey': 'sandbox-key' },
			});
			// Secrets where they do not belong: in query strings and paths.
			await env.api.get('/products', {
				params: {
					access_token: refreshed.access_token,
					api_key: 'sandbox-key',
					client_secret: 'abcdef',
					code: 'sandbox-secret',
					x: first.refresh_token,
				},
			});
			await env.api.put(`/products/${refreshed.access_token}`, { name: 'x' });

			const text = JSON.stringify((await env.control.get('/requests')).data);
			expect(text).toContain('/api/v1/orders');
			for (const secret of [
				'sandbox-secret',
				'abcdef',
				'sandbox-key',
				first.access_token,
				first.refresh_token,
				refreshed.access_token,
				refreshed.refresh_token,
			]) {
				expect(text).not.toContain(secret);
			}
			expect(text).toContain('[redacted]');
		});

		it('answers only entries after ?since=<seq>', async () => {
			await env.api.get('/products');
			const all = (await env.control.get('/requests')).data;
			const last = all[all.length - 1].seq;
			await env.api.get('/stock');
			const newer = (await env.control.get('/requests', { params: { since: last } })).data;
			expect(newer.map((e: any) => e.path)).toEqual(['/api/v1/stock']);
			expect((await env.control.get('/requests', { params: { since: 'x' } })).status).toBe(400);
		});
	});

	describe('POST /_sandbox/reset', () => {
		it('empties data, subscriptions, logs, faults, latency, clock and shipping codes', async () => {
			await env.control.post('/seed', { products: [product('R1')] });
			await env.api.post('/orders', order('O1', [{ code: 'R1', quantity: 1 }]));
			await env.api.post('/webhooks', { url: 'http://127.0.0.1:9/hook', key: 'k', type: 1 });
			await env.control.put('/shipping-codes', ['ONLY_ONE']);
			await env.control.post('/faults', { status: 500, count: 5, path: '/nothing' });
			await env.control.post('/latency', { ms: 5 });
			await env.control.post('/clock', { now: '2020-01-01T00:00:00Z' });

			expect((await env.control.post('/reset')).status).toBe(200);
			const state = (await env.control.get('/')).data;
			expect(state.counts).toMatchObject({
				products: 0,
				orders: 0,
				incomingStock: 0,
				webhooks: 0,
				requests: 0,
			});
			expect(state.faults).toEqual([]);
			expect(state.latencyMs).toBe(0);
			expect(state.clock.frozen).toBe(false);
			expect(state.shippingCodes).toEqual([
				'POSTI_PAKETTI',
				'POSTI_SMARTPOST',
				'MATKAHUOLTO',
				'DHL_EXPRESS',
			]);
			expect((await env.control.get('/requests')).data).toEqual([]);
			expect(env.sandbox.store.products.size).toBe(0);
		});
	});

	describe('POST /_sandbox/clock (extension)', () => {
		it('freezes the clock, moves it, and lets go', async () => {
			const frozen = await env.control.post('/clock', { now: '2026-02-03T04:05:06.789+02:00' });
			expect(frozen.data).toEqual({ now: '2026-02-03T02:05:06.789Z', frozen: true });
			await env.control.post('/seed', { products: [product('C1'), product('C2')] });
			const rows = (await env.api.get('/products')).data;
			expect(rows.map((p: any) => p.editTime)).toEqual([
				'2026-02-03T02:05:06.789Z',
				'2026-02-03T02:05:06.789Z',
			]);

			expect((await env.control.post('/clock', { advanceMs: 1000 })).data.now).toBe(
				'2026-02-03T02:05:07.789Z',
			);
			const released = await env.control.post('/clock', { now: null });
			expect(released.data.frozen).toBe(false);
			expect(Math.abs(Date.parse(released.data.now) - Date.now())).toBeLessThan(5000);
			expect((await env.control.post('/clock', { advanceMs: 5 })).status).toBe(400);
			expect((await env.control.post('/clock', { now: 'soon' })).status).toBe(400);
		});
	});

	describe('POST /_sandbox/seed (extension)', () => {
		it('inserts products, stock levels, orders and incoming stock in one call', async () => {
			const response = await env.control.post('/seed', {
				products: [product('TSHIRT-BLUE-M'), product('MUG-LOGO', { eanCode: '123' })],
				stock: [{ code: 'TSHIRT-BLUE-M', stockAvailable: 5, reserved: 2 }],
				orders: [
					order('SEED-1', [{ code: 'MUG-LOGO', quantity: 1 }], {
						status: 'shipped',
						trackingNumber: 'JJFI1',
					}),
				],
				incomingStock: [
					{
						reference: 'PO-1',
						supplier: 'S',
						receiveDate: '2026-12-01',
						products: [{ code: 'MUG-LOGO', expectedQuantity: 3, countryOfOrigin: 'FI' }],
					},
				],
			});
			expect(response.status).toBe(200);
			expect(response.data).toEqual({ products: 2, stock: 1, orders: 1, incomingStock: 1 });
			expect(
				(await env.api.get('/stock', { params: { productCode: 'TSHIRT-BLUE-M' } })).data[0],
			).toMatchObject({ stock: 7, stockAvailable: 5 });
			expect((await env.api.get('/orders')).data[0]).toMatchObject({
				reference: 'SEED-1',
				status: 'shipped',
				trackingNumber: 'JJFI1',
			});
			expect((await env.api.get('/stockupdate')).data[0].reference).toBe('PO-1');
		});

		it('validates like the API, names the item, and keeps nothing of a refused batch', async () => {
			const bad = await env.control.post('/seed', {
				products: [product('OK-1'), product('BAD-1', { hsCode: '12' })],
			});
			expect(bad.status).toBe(400);
			expect(bad.data.message).toContain('products[1].hsCode');

			const badOrder = await env.control.post('/seed', {
				products: [product('OK-2')],
				orders: [order('S-1', [{ code: 'OK-2', quantity: 0 }])],
			});
			expect(badOrder.status).toBe(400);
			expect(badOrder.data.message).toContain('orders[0].orderLines[0].quantity');

			const duplicate = await env.control.post('/seed', { products: [product('D'), product('D')] });
			expect(duplicate.status).toBe(409);
			expect((await env.api.get('/products')).data).toEqual([]);
		});
	});

	describe('other control calls', () => {
		it('answers 404 for an unknown control call and 405 for a wrong method', async () => {
			expect((await env.control.get('/nothing')).status).toBe(404);
			const wrong = await env.control.get('/reset');
			expect(wrong.status).toBe(405);
			expect(wrong.data.statusCode).toBe(405);
		});

		it('reads JSON whatever the Content-Type says (curl -d sends a form type)', async () => {
			const response = await env.control.post('/latency', '{"ms": 0}', {
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			});
			expect(response.status).toBe(200);
			expect(response.data).toEqual({ ms: 0 });
		});

		it('lists and replaces the enabled shipping codes', async () => {
			expect((await env.control.get('/shipping-codes')).data).toHaveLength(4);
			expect((await env.control.put('/shipping-codes', ['A', 'B', 'A'])).data).toEqual(['A', 'B']);
			expect((await env.control.put('/shipping-codes', [''])).status).toBe(400);
		});
	});
});
