/**
 * The WooCommerce fake (sandbox/woocommerce): auth, products and variations, batches, orders, notes,
 * webhooks with WooCommerce's signature, and the control API.
 */
import { createHmac } from 'node:crypto';

import axios, { type AxiosInstance } from 'axios';

import {
	startTestWooCommerce,
	wooControl,
	type RunningWooCommerceFake,
} from '../../harness/templates';
import { startWebhookReceiver } from '../../harness/webhookReceiver';

let fake: RunningWooCommerceFake;
let control: AxiosInstance;
let api: AxiosInstance;
beforeAll(async () => {
	fake = await startTestWooCommerce();
	control = wooControl(fake);
	api = axios.create({
		baseURL: `${fake.url}/wp-json/wc/v3`,
		auth: { username: fake.consumerKey, password: fake.consumerSecret },
		validateStatus: () => true,
	});
});
afterAll(async () => fake.close());
beforeEach(async () => {
	await control.post('/reset');
});

async function seedCatalog() {
	return (
		await control.post('/seed', {
			products: [
				{ name: 'Mug', sku: 'MUG', regular_price: '9.90' },
				{ name: 'Tee', type: 'variable', variations: [{ sku: 'TEE-S' }, { sku: 'TEE-M' }] },
				...Array.from({ length: 3 }, (_, i) => ({ name: `P${i}`, sku: `P-${i}` })),
			],
		})
	).data as { productIds: number[] };
}

describe('authentication', () => {
	test('consumer key and secret as basic auth or in the query string; anything else is 401', async () => {
		expect((await api.get('/products')).status).toBe(200);
		const bare = `${fake.url}/wp-json/wc/v3/products`;
		const query = await axios.get(bare, {
			params: { consumer_key: fake.consumerKey, consumer_secret: fake.consumerSecret },
		});
		expect(query.status).toBe(200);
		for (const call of [
			axios.get(bare, { validateStatus: () => true }),
			axios.get(bare, {
				auth: { username: fake.consumerKey, password: 'nope' },
				validateStatus: () => true,
			}),
			axios.get(bare, {
				params: { consumer_key: fake.consumerKey, consumer_secret: 'nope' },
				validateStatus: () => true,
			}),
		]) {
			const reply = await call;
			expect(reply.status).toBe(401);
			expect(reply.data).toMatchObject({
				code: 'woocommerce_rest_cannot_view',
				data: { status: 401 },
			});
		}
		// The request log never holds the secret.
		expect(JSON.stringify((await control.get('/requests')).data)).not.toContain(
			fake.consumerSecret,
		);
	});
});

describe('products and variations', () => {
	test('lists parents only; a SKU list finds products and variations; paging headers as WordPress sends them', async () => {
		await seedCatalog();
		const all = await api.get('/products', { params: { per_page: 2 } });
		expect(all.headers['x-wp-total']).toBe('5');
		expect(all.headers['x-wp-totalpages']).toBe('3');
		expect(all.headers.link).toContain('rel="next"');
		expect(all.data).toHaveLength(2);
		const last = await api.get('/products', { params: { per_page: 2, page: 3 } });
		expect(last.headers.link).toContain('rel="prev"');
		expect(last.headers.link).not.toContain('rel="next"');
		const bySku = await api.get('/products', { params: { sku: 'MUG,TEE-M,NOPE', per_page: 100 } });
		expect(bySku.data.map((p: { sku: string; type: string }) => [p.sku, p.type]).sort()).toEqual([
			['MUG', 'simple'],
			['TEE-M', 'variation'],
		]);
		expect((await api.get('/products', { params: { per_page: 101 } })).status).toBe(400);
	});

	test('modified_after filters by modification time', async () => {
		await seedCatalog();
		const mug = (await api.get('/products', { params: { sku: 'MUG' } })).data[0];
		await new Promise((resolve) => setTimeout(resolve, 1100));
		const cut = new Date().toISOString().slice(0, 19);
		await new Promise((resolve) => setTimeout(resolve, 1100));
		await api.put(`/products/${mug.id}`, { name: 'Big mug' });
		const changed = await api.get('/products', { params: { modified_after: cut } });
		expect(changed.data.map((p: { name: string }) => p.name)).toEqual(['Big mug']);
	});

	test('products/batch and variations/batch update up to 100 rows; more is refused', async () => {
		await seedCatalog();
		const [mug, tee] = (await api.get('/products', { params: { sku: 'MUG,TEE-S', per_page: 100 } }))
			.data;
		const batch = await api.post('/products/batch', {
			update: [
				{ id: mug.id, manage_stock: true, stock_quantity: 0 },
				{ id: 999999, stock_quantity: 1 },
			],
		});
		expect(batch.status).toBe(200);
		expect(batch.data.update[0]).toMatchObject({
			sku: 'MUG',
			stock_quantity: 0,
			manage_stock: true,
			stock_status: 'outofstock',
		});
		expect(batch.data.update[1]).toMatchObject({
			id: 999999,
			error: { code: 'woocommerce_rest_product_invalid_id' },
		});
		const variations = await api.post(`/products/${tee.parent_id}/variations/batch`, {
			update: [{ id: tee.id, manage_stock: true, stock_quantity: 7 }],
		});
		expect(variations.data.update[0]).toMatchObject({ sku: 'TEE-S', stock_quantity: 7 });
		expect(
			(await api.get(`/products/${tee.parent_id}/variations`)).data.map(
				(v: { sku: string }) => v.sku,
			),
		).toEqual(['TEE-S', 'TEE-M']);
		const tooMany = await api.post('/products/batch', {
			update: Array.from({ length: 101 }, () => ({ id: mug.id, stock_quantity: 1 })),
		});
		expect(tooMany.status).toBe(413);
		expect((await api.get(`/products/${mug.id}`)).data.stock_quantity).toBe(0);
	});
});

describe('orders and notes', () => {
	test('list by status, after and modified_after; update merges meta; customer notes', async () => {
		const old = new Date(Date.now() - 48 * 3600_000).toISOString().slice(0, 19);
		const { orders } = (
			await control.post('/seed', {
				orders: [
					{ number: '1', status: 'processing' },
					{ number: '2', status: 'pending' },
					{ number: '3', status: 'processing', date_created_gmt: old, date_modified_gmt: old },
				],
			})
		).data as { orders: number[] };
		const since = new Date(Date.now() - 3600_000).toISOString().slice(0, 19);
		expect(
			(await api.get('/orders', { params: { status: 'processing' } })).data.map(
				(o: { number: string }) => o.number,
			),
		).toEqual(['3', '1']);
		expect(
			(await api.get('/orders', { params: { status: 'processing', after: since } })).data.map(
				(o: { number: string }) => o.number,
			),
		).toEqual(['1']);
		expect((await api.get('/orders', { params: { modified_after: since } })).data).toHaveLength(2);

		const updated = await api.put(`/orders/${orders[0]}`, {
			status: 'completed',
			meta_data: [{ key: '_a', value: '1' }],
		});
		expect(updated.data).toMatchObject({
			status: 'completed',
			meta_data: [{ key: '_a', value: '1' }],
		});
		expect(updated.data.date_completed_gmt).toBeTruthy();
		await api.put(`/orders/${orders[0]}`, {
			meta_data: [
				{ key: '_a', value: '2' },
				{ key: '_b', value: 'x' },
			],
		});
		const note = await api.post(`/orders/${orders[0]}/notes`, {
			note: 'Shipped',
			customer_note: true,
		});
		expect(note.status).toBe(201);
		const read = (await control.get(`/orders/${orders[0]}`)).data;
		expect(read.meta_data.map((m: { key: string; value: string }) => [m.key, m.value])).toEqual([
			['_a', '2'],
			['_b', 'x'],
		]);
		expect(read.notes).toEqual([expect.objectContaining({ note: 'Shipped', customer_note: true })]);
		expect((await api.get('/orders/999999')).status).toBe(404);
	});
});

describe('webhooks', () => {
	test('register, list, deliver signed (X-WC-Webhook-Signature = base64 HMAC-SHA256), delete', async () => {
		const receiver = await startWebhookReceiver();
		const { received } = receiver;
		const target = receiver.url;
		try {
			const hook = (
				await api.post('/webhooks', {
					topic: 'order.updated',
					delivery_url: target,
					secret: 's3cret',
				})
			).data;
			expect(hook).toMatchObject({
				topic: 'order.updated',
				status: 'active',
				delivery_url: target,
			});
			expect(hook.secret).toBeUndefined();
			expect(
				(await api.get('/webhooks', { params: { status: 'active', per_page: 100 } })).data,
			).toHaveLength(1);

			const order = (await control.post('/orders', { number: '77', status: 'pending' })).data;
			await control.post(`/orders/${order.id}/status`, { status: 'processing' });
			expect(received).toHaveLength(2); // order.updated after creation and after payment; no order.created hook
			const last = received[1];
			expect(last.headers['x-wc-webhook-topic']).toBe('order.updated');
			expect(last.headers['x-wc-webhook-id']).toBe(String(hook.id));
			expect(last.headers['x-wc-webhook-signature']).toBe(
				createHmac('sha256', 's3cret').update(last.body).digest('base64'),
			);
			expect(JSON.parse(last.body)).toMatchObject({
				number: '77',
				status: 'processing',
				date_paid: expect.any(String),
			});

			expect((await api.delete(`/webhooks/${hook.id}`, { params: { force: true } })).status).toBe(
				200,
			);
			await control.post(`/orders/${order.id}/status`, { status: 'completed' });
			expect(received).toHaveLength(2);
		} finally {
			await receiver.close();
		}
	});

	test('every product or variation saved through the API fires product.updated, batch rows included', async () => {
		const receiver = await startWebhookReceiver();
		try {
			await seedCatalog();
			await api.post('/webhooks', {
				topic: 'product.updated',
				delivery_url: receiver.url,
				secret: 's',
			});
			const [mug, teeS] = (
				await api.get('/products', { params: { sku: 'MUG,TEE-S', per_page: 100 } })
			).data;
			await api.put(`/products/${mug.id}`, { name: 'Big mug' });
			await api.post('/products/batch', {
				update: [{ id: mug.id, manage_stock: true, stock_quantity: 3 }],
			});
			await api.post(`/products/${teeS.parent_id}/variations/batch`, {
				update: [{ id: teeS.id, manage_stock: true, stock_quantity: 7 }],
			});
			await fake.settle();
			const bodies = receiver.received.map(
				(r) => JSON.parse(r.body) as { sku: string; type: string; stock_quantity: number | null },
			);
			expect(bodies.map((b) => [b.sku, b.type, b.stock_quantity])).toEqual([
				['MUG', 'simple', null],
				['MUG', 'simple', 3],
				['TEE-S', 'variation', 7],
			]);
			expect(
				receiver.received.every((r) => r.headers['x-wc-webhook-topic'] === 'product.updated'),
			).toBe(true);
		} finally {
			await receiver.close();
		}
	});

	test('a webhook is disabled once its failure count passes 5 (the seventh failure in a row); a success resets the count', async () => {
		let status = 500;
		const receiver = await startWebhookReceiver(() => status);
		try {
			const hook = (
				await api.post('/webhooks', {
					topic: 'order.updated',
					delivery_url: receiver.url,
					secret: 's',
				})
			).data;
			const order = (await control.post('/orders', { number: '1', status: 'pending' })).data;
			const stateOfHook = async () =>
				(
					(await control.get('/state')).data.webhooks as Array<{
						id: number;
						status: string;
						failure_count: number;
					}>
				).find((w) => w.id === hook.id);
			const touch = (s: string) => control.post(`/orders/${order.id}/status`, { status: s });
			// The creation delivery failed once; four more failures make five, still active.
			for (let i = 0; i < 4; i++) await touch('on-hold');
			expect(await stateOfHook()).toMatchObject({ status: 'active', failure_count: 5 });
			// A success resets the count.
			status = 200;
			await touch('processing');
			expect(await stateOfHook()).toMatchObject({ status: 'active', failure_count: 0 });
			// Six failures in a row leave it active with the count at 6; the seventh disables it, and nothing more is delivered.
			status = 503;
			for (let i = 0; i < 6; i++) await touch('on-hold');
			expect(await stateOfHook()).toMatchObject({ status: 'active', failure_count: 6 });
			await touch('on-hold');
			expect(await stateOfHook()).toMatchObject({ status: 'disabled', failure_count: 6 });
			const delivered = receiver.received.length;
			await touch('cancelled');
			expect(receiver.received).toHaveLength(delivered);
			expect((await api.get(`/webhooks/${hook.id}`)).data.status).toBe('disabled');
		} finally {
			await receiver.close();
		}
	});

	test('a delivery that cannot connect counts as a failure too', async () => {
		const receiver = await startWebhookReceiver();
		await receiver.close();
		await control.post('/settings', { maxWebhookDeliveryFailures: 0 });
		const hook = (
			await api.post('/webhooks', {
				topic: 'order.updated',
				delivery_url: receiver.url,
				secret: 's',
			})
		).data;
		const order = (await control.post('/orders', { number: '1', status: 'pending' })).data;
		await control.post(`/orders/${order.id}/status`, { status: 'processing' });
		expect((await api.get(`/webhooks/${hook.id}`)).data.status).toBe('disabled');
	});
});

describe('a clerk edits an order in wp-admin (control API)', () => {
	test('PUT /_fake/orders/{id} changes the address, fires order.updated and stays out of the request log', async () => {
		const receiver = await startWebhookReceiver();
		try {
			await api.post('/webhooks', {
				topic: 'order.updated',
				delivery_url: receiver.url,
				secret: 's',
			});
			const order = (
				await control.post('/orders', {
					status: 'processing',
					shipping: { address_1: 'Old St 1', city: 'Turku' },
					line_items: [{ sku: 'MUG', quantity: 1 }],
				})
			).data as { id: number };
			await fake.settle();
			const before = receiver.received.length;
			await control.delete('/requests');
			const edited = await control.put(`/orders/${order.id}`, {
				shipping: { address_1: 'New St 2', city: 'Turku' },
			});
			expect(edited.data.shipping).toEqual({ address_1: 'New St 2', city: 'Turku' });
			await fake.settle();
			const delivered = receiver.received.slice(before).map((r) => JSON.parse(r.body));
			expect(delivered).toEqual([
				expect.objectContaining({
					id: order.id,
					shipping: { address_1: 'New St 2', city: 'Turku' },
				}),
			]);
			expect((await control.get('/requests')).data).toEqual([]);
			expect((await control.put('/orders/999999', {}, { validateStatus: () => true })).status).toBe(
				404,
			);
		} finally {
			await receiver.close();
		}
	});
});

describe('batch limit', () => {
	test('variations/batch refuses more than 100 rows with 413 woocommerce_rest_request_entity_too_large; 100 are accepted', async () => {
		const { productIds } = (
			await control.post('/seed', {
				products: [
					{
						name: 'Big',
						type: 'variable',
						variations: Array.from({ length: 101 }, (_, i) => ({ sku: `V-${i}` })),
					},
				],
			})
		).data as { productIds: number[] };
		const variations = (
			await api.get(`/products/${productIds[0]}/variations`, { params: { per_page: 100 } })
		).data as Array<{ id: number }>;
		const rows = [...variations, { id: variations[0].id }].map((v) => ({
			id: v.id,
			manage_stock: true,
			stock_quantity: 1,
		}));
		const tooMany = await api.post(`/products/${productIds[0]}/variations/batch`, { update: rows });
		expect([tooMany.status, tooMany.data.code]).toEqual([
			413,
			'woocommerce_rest_request_entity_too_large',
		]);
		expect(
			(
				await api.post(`/products/${productIds[0]}/variations/batch`, {
					update: rows.slice(0, 100),
				})
			).status,
		).toBe(200);
	});
});

describe('core order fulfillments (woocommerce_feature_fulfillments_enabled)', () => {
	const tracked = (number: string, url = '') => ({
		status: 'fulfilled',
		is_fulfilled: true,
		meta_data: [
			{ key: '_items', value: [{ item_id: 1, qty: 1 }] },
			{ key: '_tracking_number', value: number },
			{ key: '_shipment_provider', value: 'posti' },
			...(url ? [{ key: '_tracking_url', value: url }] : []),
		],
	});
	let orderId: number;
	beforeEach(async () => {
		orderId = (
			(
				await control.post('/seed', {
					orders: [{ status: 'processing', line_items: [{ id: 1, sku: 'MUG', quantity: 1 }] }],
				})
			).data as { orders: number[] }
		).orders[0];
	});

	test('off by default: the routes do not exist', async () => {
		const reply = await api.post(`/orders/${orderId}/fulfillments`, tracked('JJFI1'));
		expect([reply.status, reply.data.code]).toEqual([404, 'rest_no_route']);
	});

	test('on: create with tracking meta and notify_customer, list, update, delete', async () => {
		await control.post('/settings', { fulfillmentsEnabled: true });
		const created = await api.post(
			`/orders/${orderId}/fulfillments`,
			tracked('JJFI1', 'https://track.example/JJFI1'),
			{ params: { notify_customer: true } },
		);
		expect(created.status).toBe(201);
		expect(created.data).toMatchObject({
			entity_type: 'WC_Order',
			entity_id: String(orderId),
			status: 'fulfilled',
			is_fulfilled: true,
			notified: true,
		});
		const meta = Object.fromEntries(
			(created.data.meta_data as Array<{ key: string; value: unknown }>).map((m) => [
				m.key,
				m.value,
			]),
		);
		expect(meta).toMatchObject({
			_tracking_number: 'JJFI1',
			_shipment_provider: 'posti',
			_tracking_url: 'https://track.example/JJFI1',
		});
		const quiet = await api.post(`/orders/${orderId}/fulfillments`, tracked('JJFI2'));
		expect(quiet.data.notified).toBe(false);
		expect((await api.get(`/orders/${orderId}/fulfillments`)).data).toHaveLength(2);
		const updated = await api.put(`/orders/${orderId}/fulfillments/${quiet.data.id}`, {
			meta_data: [{ key: '_tracking_number', value: 'JJFI3' }],
		});
		expect(updated.data.meta_data).toContainEqual(
			expect.objectContaining({ key: '_tracking_number', value: 'JJFI3' }),
		);
		expect((await api.delete(`/orders/${orderId}/fulfillments/${quiet.data.id}`)).status).toBe(200);
		expect((await api.get(`/orders/${orderId}/fulfillments`)).data).toHaveLength(1);
		expect((await control.get(`/orders/${orderId}`)).data.fulfillments).toHaveLength(2);
	});

	test('a fulfillment needs at least one line of the order', async () => {
		await control.post('/settings', { fulfillmentsEnabled: true });
		for (const items of [[], [{ item_id: 99, qty: 1 }]]) {
			const reply = await api.post(`/orders/${orderId}/fulfillments`, {
				meta_data: [
					{ key: '_items', value: items },
					{ key: '_tracking_number', value: 'X' },
				],
			});
			expect([reply.status, reply.data.code]).toEqual([
				400,
				'woocommerce_rest_fulfillment_invalid_items',
			]);
		}
		expect((await api.get(`/orders/${orderId}/fulfillments`)).data).toEqual([]);
	});
});

describe('Shipment Tracking extension', () => {
	test('a custom provider with an empty custom_tracking_link is accepted and stored; the answer has no link', async () => {
		const { orders } = (await control.post('/seed', { orders: [{ status: 'processing' }] }))
			.data as { orders: number[] };
		const tracking = axios.create({
			baseURL: `${fake.url}/wp-json/wc-shipment-tracking/v3`,
			auth: { username: fake.consumerKey, password: fake.consumerSecret },
			validateStatus: () => true,
		});
		const withoutLink = await tracking.post(`/orders/${orders[0]}/shipment-trackings`, {
			tracking_number: 'JJFI1',
			custom_tracking_provider: 'Posti',
			custom_tracking_link: '',
		});
		expect(withoutLink.status).toBe(201);
		expect(withoutLink.data).toMatchObject({
			tracking_provider: 'Posti',
			tracking_link: '',
			tracking_number: 'JJFI1',
		});
		const withLink = await tracking.post(`/orders/${orders[0]}/shipment-trackings`, {
			tracking_number: 'JJFI2',
			custom_tracking_provider: 'Posti',
			custom_tracking_link: 'https://track.example/JJFI2',
		});
		expect(withLink.data.tracking_link).toBe('https://track.example/JJFI2');
		const stored = (await control.get(`/orders/${orders[0]}`)).data.meta_data.find(
			(m: { key: string }) => m.key === '_wc_shipment_tracking_items',
		).value;
		expect(
			stored.map((r: { tracking_number: string; custom_tracking_link: string }) => [
				r.tracking_number,
				r.custom_tracking_link,
			]),
		).toEqual([
			['JJFI1', ''],
			['JJFI2', 'https://track.example/JJFI2'],
		]);
	});
});

describe('CLI', () => {
	test('listens on WOOCOMMERCE_FAKE_PORT', async () => {
		const { spawn } = await import('node:child_process');
		const port = 20000 + Math.floor(Math.random() * 20000);
		const child = spawn(process.execPath, ['sandbox/woocommerce/cli.js'], {
			env: { ...process.env, WOOCOMMERCE_FAKE_PORT: String(port) },
			cwd: `${__dirname}/../../..`,
		});
		try {
			const line = await new Promise<string>((resolve, reject) => {
				child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString()));
				child.once('error', reject);
			});
			expect(line).toContain(`http://127.0.0.1:${port}`);
			expect((await axios.post(`http://127.0.0.1:${port}/_fake/reset`)).status).toBe(200);
		} finally {
			child.kill('SIGTERM');
		}
	});
});
