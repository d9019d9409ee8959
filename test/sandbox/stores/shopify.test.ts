/**
 * The Shopify fake (sandbox/shopify) over real HTTPS: the access-token check (legacy app token and
 * the OAuth flow's token), API versions (a retired one is answered by the oldest served), REST products,
 * orders and webhooks with Shopify's Link pagination, the GraphQL subset (lookups by SKU,
 * inventorySetQuantities, fulfillmentCreate, validation), the control API, HMAC-signed webhook
 * deliveries, and n8n's own Shopify and Shopify Trigger nodes working against it.
 */
import { spawn } from 'node:child_process';
import { X509Certificate, createHmac, createPrivateKey } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import axios, { type AxiosInstance } from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { runWorkflow } from '../../harness/runWorkflow';
import {
	shopifyControl,
	shopifyCredentials,
	shopifyOAuth2Credentials,
	shopifyWebhookTrigger,
	startTestShopify,
	type RunningShopifyFake,
} from '../../harness/shopify';
import type { Template } from '../../harness/templates';

type Obj = Record<string, any>;

let fake: RunningShopifyFake;
let control: AxiosInstance;
let api: AxiosInstance;

beforeAll(async () => {
	fake = await startTestShopify();
	control = shopifyControl(fake);
	api = axios.create({
		baseURL: fake.adminUrl,
		headers: { 'X-Shopify-Access-Token': fake.accessToken },
		validateStatus: () => true,
	});
});
afterAll(async () => fake.close());
beforeEach(async () => {
	await control.post('/reset', { webhooks: true });
});

async function graphql(query: string, variables?: Obj) {
	const reply = await api.post('/graphql.json', { query, variables });
	expect(reply.status).toBe(200);
	return reply.data as { data?: Obj; errors?: Obj[]; extensions?: Obj };
}

/** Seeds `count` single-variant products SKU-0 … SKU-n with stock n at the first location. */
async function seedProducts(count: number, extra: (i: number) => Obj = () => ({})) {
	const products = Array.from({ length: count }, (_, i) => ({
		title: `Product ${i}`,
		variants: [{ sku: `SKU-${i}`, price: '10.00', inventory_quantity: i }],
		...extra(i),
	}));
	return (await control.post('/seed', { products })).data as {
		products: number[];
		orders: number[];
	};
}

function linkOf(header: string | undefined, rel: 'next' | 'previous'): string | undefined {
	return new RegExp(`<([^>]+)>; rel="${rel}"`).exec(header ?? '')?.[1];
}

/** A plain HTTP receiver for webhook deliveries, keeping the raw bodies. */
async function startReceiver() {
	const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
	const server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			received.push({ headers: req.headers, body });
			res.end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
		received,
		close: async () => {
			server.closeAllConnections();
			await new Promise((resolve) => server.close(resolve));
		},
	};
}

describe('access token', () => {
	test('every Admin API call needs X-Shopify-Access-Token (REST and GraphQL); the request log never holds it', async () => {
		const bare = axios.create({ baseURL: fake.adminUrl, validateStatus: () => true });
		const missing = await bare.get('/products.json');
		expect(missing.status).toBe(401);
		expect(missing.data).toEqual({
			errors: '[API] Invalid API key or access token (unrecognized login or wrong password)',
		});
		expect(
			(await bare.get('/products.json', { headers: { 'X-Shopify-Access-Token': 'shpat_wrong' } }))
				.status,
		).toBe(401);
		expect(
			(await bare.post('/graphql.json', { query: '{ locations(first: 1) { nodes { id } } }' }))
				.status,
		).toBe(401);
		expect((await api.get('/products.json')).status).toBe(200);
		// The token the OAuth flow issues (n8n's Shopify OAuth2 API credential) works as well.
		expect(
			(
				await bare.get('/products.json', {
					headers: { 'X-Shopify-Access-Token': fake.oauthAccessToken },
				})
			).status,
		).toBe(200);

		const log = (await control.get('/requests')).data as Obj[];
		expect(log.map((entry) => entry.status)).toEqual([401, 401, 401, 200, 200]);
		expect(log[0]).toMatchObject({ method: 'GET', path: '/admin/api/2026-10/products.json' });
		expect(JSON.stringify(log)).not.toContain(fake.accessToken);
		expect(JSON.stringify(log)).not.toContain(fake.oauthAccessToken);
	});

	test("the OAuth flow of n8n's Shopify OAuth2 API credential: authorize redirects with a code, the code buys the token once", async () => {
		const oauth = axios.create({
			baseURL: `${fake.url}/shop/.myshopify.com/admin/oauth`,
			validateStatus: () => true,
			maxRedirects: 0,
		});
		const params = {
			client_id: fake.clientId,
			redirect_uri: 'http://127.0.0.1:1/rest/oauth2-credential/callback',
			state: 'abc',
			scope: 'write_orders read_orders write_products read_products',
		};
		expect(
			(await oauth.get('/authorize', { params: { ...params, client_id: 'someone-else' } })).status,
		).toBe(400);
		const authorized = await oauth.get('/authorize', { params });
		expect(authorized.status).toBe(302);
		const redirect = new URL(authorized.headers.location as string);
		expect(`${redirect.origin}${redirect.pathname}`).toBe(params.redirect_uri);
		expect(redirect.searchParams.get('state')).toBe('abc');
		const code = redirect.searchParams.get('code') as string;
		const form = (body: Record<string, string>) => new URLSearchParams(body).toString();
		const formHeaders = { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } };
		expect(
			(
				await oauth.post(
					'/access_token',
					form({ client_id: fake.clientId, client_secret: 'wrong', code }),
					formHeaders,
				)
			).status,
		).toBe(400);
		const token = await oauth.post(
			'/access_token',
			form({ client_id: fake.clientId, client_secret: fake.appSecret, code }),
			formHeaders,
		);
		expect(token.status).toBe(200);
		// The scopes are the app's (its Dev Dashboard version), not the fixed set n8n's credential asks for.
		expect(token.data).toEqual({
			access_token: fake.oauthAccessToken,
			scope:
				'read_orders,read_products,read_inventory,write_inventory,read_merchant_managed_fulfillment_orders,write_merchant_managed_fulfillment_orders',
		});
		expect(
			(
				await oauth.post('/access_token', {
					client_id: fake.clientId,
					client_secret: fake.appSecret,
					code,
				})
			).status,
		).toBe(400); // a code is good once
	});
});

describe('API versions', () => {
	const at = (version: string) => `${fake.url}/shop/.myshopify.com/admin/api/${version}`;

	test("a live version answers as itself; a retired one (n8n's 2024-07) is answered by the oldest live version; a non-version is 404", async () => {
		for (const version of ['2026-04', '2026-07', '2026-10', '2027-01']) {
			const reply = await api.get(`${at(version)}/products.json`);
			expect([version, reply.status, reply.headers['x-shopify-api-version']]).toEqual([
				version,
				200,
				version,
			]);
		}
		for (const retired of ['2024-07', '2025-10', '2026-01']) {
			const reply = await api.post(`${at(retired)}/graphql.json`, {
				query: '{ locations(first: 1) { nodes { id } } }',
			});
			expect([retired, reply.status, reply.headers['x-shopify-api-version']]).toEqual([
				retired,
				200,
				'2026-04',
			]);
		}
		expect((await api.get(`${at('2099-01')}/products.json`)).status).toBe(404);
		expect((await api.get(`${at('latest')}/products.json`)).status).toBe(404);
		const log = (await control.get('/requests')).data as Obj[];
		expect(log.find((entry) => entry.path === '/admin/api/2024-07/graphql.json')).toMatchObject({
			servedVersion: '2026-04',
			status: 200,
		});
	});

	test("a retired version gets the oldest live version's shapes: the 2024-07 inventory write is refused, not carried out", async () => {
		await seedProducts(1);
		const item = (await graphql('{ productVariants(first: 1) { nodes { inventoryItem { id } } } }'))
			.data!.productVariants.nodes[0].inventoryItem.id;
		const old = await api.post(`${at('2024-07')}/graphql.json`, {
			query:
				'mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) { userErrors { code } } }',
			variables: {
				input: {
					name: 'available',
					reason: 'correction',
					ignoreCompareQuantity: true,
					quantities: [
						{ inventoryItemId: item, locationId: 'gid://shopify/Location/1', quantity: 5 },
					],
				},
			},
		});
		expect(old.headers['x-shopify-api-version']).toBe('2026-04');
		expect(old.data.errors[0].message).toMatch(/ignoreCompareQuantity/);
		expect(
			((await control.get('/state')).data as Obj).inventory['SKU-0']['gid://shopify/Location/1'],
		).toBe(0);
	});
});

describe('REST products', () => {
	test('a product read over REST lists at most 100 of its variants; GraphQL pages through all of them', async () => {
		const variants = Array.from({ length: 150 }, (_, i) => ({
			sku: `BIG-${i}`,
			price: '5.00',
			option1: `V${i}`,
		}));
		const [id] = (await control.post('/seed', { products: [{ title: 'Big', variants }] })).data
			.products as number[];
		expect((await api.get('/products.json')).data.products[0].variants).toHaveLength(100);
		expect((await api.get(`/products/${id}.json`)).data.product.variants).toHaveLength(100);
		const skus: string[] = [];
		let after: string | null = null;
		do {
			const page: Obj = (
				await graphql(
					'query($after: String) { productVariants(first: 60, after: $after) { nodes { sku } pageInfo { hasNextPage endCursor } } }',
					{ after },
				)
			).data!.productVariants;
			skus.push(...page.nodes.map((n: Obj) => n.sku));
			after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
		} while (after);
		expect(skus).toEqual(variants.map((v) => v.sku));
	});

	test('lists page with Link headers as Shopify sends them: previous first, page_info keeps the filters', async () => {
		await seedProducts(8, (i) => ({ status: i === 6 ? 'draft' : 'active' }));
		const first = await api.get('/products.json', { params: { limit: 3, status: 'active' } });
		expect(first.data.products.map((p: Obj) => p.title)).toEqual([
			'Product 0',
			'Product 1',
			'Product 2',
		]);
		expect(linkOf(first.headers.link, 'previous')).toBeUndefined();
		const second = await api.get(linkOf(first.headers.link, 'next')!);
		expect(second.data.products.map((p: Obj) => p.title)).toEqual([
			'Product 3',
			'Product 4',
			'Product 5',
		]);
		expect(second.headers.link).toMatch(/^<[^>]+>; rel="previous", <[^>]+>; rel="next"$/);
		expect(linkOf(second.headers.link, 'next')).toContain('limit=3');
		const third = await api.get(linkOf(second.headers.link, 'next')!);
		expect(third.data.products.map((p: Obj) => p.title)).toEqual(['Product 7']); // the draft stays filtered out
		expect(linkOf(third.headers.link, 'next')).toBeUndefined();
		const back = await api.get(linkOf(third.headers.link, 'previous')!);
		expect(back.data.products.map((p: Obj) => p.title)).toEqual([
			'Product 3',
			'Product 4',
			'Product 5',
		]);

		// With page_info only limit and fields may be added; a lone page has no Link header.
		const url = new URL(linkOf(first.headers.link, 'next')!);
		expect((await api.get(url.href, { params: { status: 'draft' } })).status).toBe(400);
		const narrow = await api.get(url.href, { params: { fields: 'id,title' } });
		expect(Object.keys(narrow.data.products[0]).sort()).toEqual(['id', 'title']);
		expect((await api.get('/products.json', { params: { page_info: 'garbage' } })).status).toBe(
			400,
		);
		const all = await api.get('/products.json', { params: { limit: 250 } });
		expect(all.data.products).toHaveLength(8);
		expect(all.headers.link).toBeUndefined();
		expect((await api.get('/products/count.json', { params: { status: 'draft' } })).data).toEqual({
			count: 1,
		});
	});

	test('create (REST shape, products/create), get, update replacing variants, delete; 404 and 422', async () => {
		const created = await api.post('/products.json', {
			product: {
				title: 'Tee',
				vendor: 'Acme',
				variants: [
					{ sku: 'TEE-S', price: '19.9', option1: 'S' },
					{ sku: 'TEE-M', price: '19.9', option1: 'M' },
				],
			},
		});
		expect(created.status).toBe(201);
		const tee = created.data.product as Obj;
		expect(tee).toMatchObject({
			title: 'Tee',
			vendor: 'Acme',
			status: 'active',
			handle: 'tee',
			admin_graphql_api_id: `gid://shopify/Product/${tee.id}`,
			variants: [
				expect.objectContaining({
					sku: 'TEE-S',
					price: '19.90',
					option1: 'S',
					inventory_quantity: 0,
					inventory_item_id: expect.any(Number),
				}),
				expect.objectContaining({ sku: 'TEE-M', product_id: tee.id }),
			],
		});
		const [small, medium] = tee.variants as Obj[];
		const updated = await api.put(`/products/${tee.id}.json`, {
			product: {
				title: 'T-shirt',
				variants: [
					{ id: medium.id, price: '21' },
					{ sku: 'TEE-L', option1: 'L' },
				],
			},
		});
		expect(updated.data.product.title).toBe('T-shirt');
		expect(updated.data.product.variants.map((v: Obj) => [v.sku, v.price])).toEqual([
			['TEE-M', '21.00'],
			['TEE-L', '0.00'],
		]);
		expect((await api.get(`/variants/${small.id}.json`)).status).toBe(404);
		expect((await api.get(`/products/${tee.id}.json`)).data.product.title).toBe('T-shirt');
		expect((await api.post('/products.json', { product: { body_html: 'no title' } })).status).toBe(
			422,
		);
		expect((await api.delete(`/products/${tee.id}.json`)).status).toBe(200);
		expect((await api.get(`/products/${tee.id}.json`)).data).toEqual({ errors: 'Not Found' });
	});
});

describe('REST orders', () => {
	test('status open by default, financial and fulfillment status, created_at_min, newest first, paged', async () => {
		await seedProducts(2);
		const old = new Date(Date.now() - 48 * 3600_000).toISOString();
		const { orders } = (
			await control.post('/seed', {
				orders: [
					{ line_items: [{ sku: 'SKU-0', quantity: 1 }], financial_status: 'paid' },
					{ line_items: [{ sku: 'SKU-1', quantity: 1 }], financial_status: 'pending' },
					{
						line_items: [{ sku: 'SKU-0', quantity: 1 }],
						financial_status: 'paid',
						created_at: old,
					},
					{
						line_items: [{ sku: 'SKU-0', quantity: 1 }],
						financial_status: 'paid',
						fulfillment_status: 'fulfilled',
					},
					{
						line_items: [{ sku: 'SKU-1', quantity: 1 }],
						financial_status: 'paid',
						cancelled_at: old,
					},
				],
			})
		).data as { orders: number[] };
		const names = async (params: Obj) =>
			((await api.get('/orders.json', { params })).data.orders as Obj[]).map((o) => o.name);
		expect(await names({})).toEqual(['#1004', '#1003', '#1002', '#1001']);
		expect(await names({ status: 'any' })).toEqual(['#1005', '#1004', '#1003', '#1002', '#1001']);
		expect(await names({ financial_status: 'paid', fulfillment_status: 'unshipped' })).toEqual([
			'#1003',
			'#1001',
		]);
		expect(
			await names({
				financial_status: 'paid',
				fulfillment_status: 'unshipped',
				created_at_min: new Date(Date.now() - 3600_000).toISOString(),
			}),
		).toEqual(['#1001']);
		expect(await names({ fulfillment_status: 'shipped' })).toEqual(['#1004']);
		expect(await names({ status: 'cancelled' })).toEqual(['#1005']);

		const page = await api.get('/orders.json', { params: { limit: 2, status: 'any' } });
		const next = await api.get(linkOf(page.headers.link, 'next')!);
		expect(next.data.orders.map((o: Obj) => o.name)).toEqual(['#1003', '#1002']);
		expect((await api.get('/orders/count.json', { params: { status: 'any' } })).data).toEqual({
			count: orders.length,
		});
	});

	test('create by variant_id fills SKU and title (orders/create), get with fields, update, delete', async () => {
		await seedProducts(1);
		const variant = (await api.get('/products.json')).data.products[0].variants[0] as Obj;
		const created = await api.post('/orders.json', {
			order: {
				line_items: [{ variant_id: variant.id, quantity: 3 }],
				email: 'a@example.com',
				shipping_address: {
					first_name: 'Ada',
					last_name: 'L',
					address1: 'Street 1',
					city: 'Helsinki',
					zip: '00100',
					country_code: 'FI',
				},
				shipping_lines: [{ title: 'Posti', code: 'POSTI', price: '4.90' }],
			},
		});
		expect(created.status).toBe(201);
		const order = created.data.order as Obj;
		expect(order).toMatchObject({
			name: '#1001',
			order_number: 1001,
			financial_status: 'pending',
			fulfillment_status: null,
			cancelled_at: null,
			total_price: '34.90',
			customer: expect.objectContaining({ email: 'a@example.com', first_name: 'Ada' }),
			shipping_address: expect.objectContaining({ name: 'Ada L', city: 'Helsinki' }),
			shipping_lines: [expect.objectContaining({ code: 'POSTI', price: '4.90' })],
			line_items: [
				expect.objectContaining({
					sku: 'SKU-0',
					title: 'Product 0',
					variant_id: variant.id,
					quantity: 3,
					price: '10.00',
				}),
			],
		});
		expect(
			(await api.get(`/orders/${order.id}.json`, { params: { fields: 'id,name' } })).data,
		).toEqual({ order: { id: order.id, name: '#1001' } });
		expect(
			(await api.put(`/orders/${order.id}.json`, { order: { note: 'Leave at door' } })).data.order
				.note,
		).toBe('Leave at door');
		expect(
			(await api.post('/orders.json', { order: { line_items: [{ variant_id: 42, quantity: 1 }] } }))
				.status,
		).toBe(422);
		expect((await api.delete(`/orders/${order.id}.json`)).status).toBe(200);
		expect((await api.get(`/orders/${order.id}.json`)).status).toBe(404);
	});
});

describe('REST webhooks and signed deliveries', () => {
	test('register, list by topic, refuse duplicates and plain HTTP off loopback, deliver signed, delete', async () => {
		const receiver = await startReceiver();
		try {
			const created = await api.post('/webhooks.json', {
				webhook: { topic: 'orders/paid', address: receiver.url, format: 'json' },
			});
			expect(created.status).toBe(201);
			const hook = created.data.webhook as Obj;
			expect(hook).toMatchObject({
				topic: 'orders/paid',
				address: receiver.url,
				format: 'json',
				api_version: '2026-10',
			});
			// n8n's Shopify Trigger lists without ".json".
			expect(
				(await api.get('/webhooks', { params: { topic: 'orders/paid' } })).data.webhooks,
			).toEqual([hook]);
			expect(
				(await api.get('/webhooks.json', { params: { topic: 'orders/create' } })).data.webhooks,
			).toEqual([]);
			expect(
				(
					await api.post('/webhooks.json', {
						webhook: { topic: 'orders/paid', address: receiver.url },
					})
				).data,
			).toEqual({
				errors: { address: ['for this topic has already been taken'] },
			});
			expect(
				(
					await api.post('/webhooks.json', {
						webhook: { topic: 'orders/paid', address: 'http://example.com/hook' },
					})
				).status,
			).toBe(422);
			expect(
				(
					await api.post('/webhooks.json', {
						webhook: { topic: 'not a topic', address: receiver.url },
					})
				).status,
			).toBe(422);

			await seedProducts(1);
			const order = (await control.post('/orders', { line_items: [{ sku: 'SKU-0', quantity: 1 }] }))
				.data as Obj;
			await control.post(`/orders/${order.id}/pay`);
			await fake.settle();
			expect(receiver.received).toHaveLength(1);
			const [delivery] = receiver.received;
			expect(delivery.headers).toMatchObject({
				'x-shopify-topic': 'orders/paid',
				'x-shopify-api-version': '2026-10',
				'x-shopify-shop-domain': `${fake.shopSubdomain}.myshopify.com`,
				'x-shopify-hmac-sha256': createHmac('sha256', fake.appSecret)
					.update(delivery.body)
					.digest('base64'),
			});
			expect(JSON.parse(delivery.body)).toMatchObject({
				id: order.id,
				name: '#1001',
				financial_status: 'paid',
			});
			const log = (await control.get('/deliveries')).data as Obj[];
			expect(log).toEqual([
				expect.objectContaining({
					topic: 'orders/paid',
					address: receiver.url,
					status: 200,
					subscriptionId: hook.id,
				}),
			]);
			await control.post('/deliveries/replay', { id: log[0].id });
			expect(receiver.received[1].headers['x-shopify-webhook-id']).toBe(
				delivery.headers['x-shopify-webhook-id'],
			);

			expect((await api.delete(`/webhooks/${hook.id}.json`)).status).toBe(200);
			await control.post(`/orders/${order.id}/cancel`);
			await fake.settle();
			expect(receiver.received).toHaveLength(2);
		} finally {
			await receiver.close();
		}
	});
});

describe('GraphQL', () => {
	const VARIANTS = `query Variants($query: String, $after: String, $first: Int) {
		productVariants(first: $first, after: $after, query: $query) {
			nodes { id sku inventoryItem { id } product { id title } }
			pageInfo { hasNextPage endCursor }
		}
	}`;

	test('productVariants and inventoryItems by SKU (OR, quotes), paged with after; first over 250 is an error', async () => {
		await seedProducts(6);
		const found = await graphql(VARIANTS, {
			first: 10,
			query: 'sku:SKU-1 OR sku:\'SKU-3\' OR sku:"SKU-5" OR sku:NOPE',
		});
		expect(found.data!.productVariants.nodes.map((n: Obj) => n.sku)).toEqual([
			'SKU-1',
			'SKU-3',
			'SKU-5',
		]);
		expect(found.data!.productVariants.nodes[0]).toMatchObject({
			id: expect.stringMatching(/^gid:\/\/shopify\/ProductVariant\/\d+$/),
			inventoryItem: { id: expect.stringMatching(/^gid:\/\/shopify\/InventoryItem\/\d+$/) },
			product: { title: 'Product 1' },
		});
		expect(found.extensions!.cost).toBeDefined();
		const page1 = await graphql(VARIANTS, { first: 4 });
		expect(page1.data!.productVariants.pageInfo.hasNextPage).toBe(true);
		const page2 = await graphql(VARIANTS, {
			first: 4,
			after: page1.data!.productVariants.pageInfo.endCursor,
		});
		expect(page2.data!.productVariants.nodes.map((n: Obj) => n.sku)).toEqual(['SKU-4', 'SKU-5']);
		expect(page2.data!.productVariants.pageInfo.hasNextPage).toBe(false);
		const tooMany = await graphql(VARIANTS, { first: 251 });
		expect(tooMany.errors![0].message).toMatch(/250/);
		expect((await graphql(VARIANTS, {})).errors![0].message).toBe(
			'you must provide one of first or last',
		);

		const levels = await graphql(`
			{
				inventoryItems(first: 5, query: "sku:SKU-2 OR sku:SKU-4") {
					nodes {
						id
						sku
						inventoryLevel(locationId: "gid://shopify/Location/1") {
							quantities(names: ["available"]) {
								name
								quantity
							}
						}
					}
				}
			}
		`);
		expect(
			levels.data!.inventoryItems.nodes.map((n: Obj) => [n.sku, n.inventoryLevel.quantities]),
		).toEqual([
			['SKU-2', [{ name: 'available', quantity: 2 }]],
			['SKU-4', [{ name: 'available', quantity: 4 }]],
		]);
		const warned = await graphql(VARIANTS, { first: 10, query: 'colour:red' });
		expect(warned.data!.productVariants.nodes).toHaveLength(6); // Shopify ignores an unknown field…
		expect(warned.extensions!.search[0].warnings).toEqual([
			{ field: 'colour', message: 'Invalid search field for this query.' },
		]); // …and says so
	});

	const SET = `mutation Set($input: InventorySetQuantitiesInput!, $key: String!) {
		inventorySetQuantities(input: $input) @idempotent(key: $key) {
			inventoryAdjustmentGroup { id changes { name delta quantityAfterChange item { id sku } } }
			userErrors { field message code }
		}
	}`;

	let keys = 0;
	/** A mutation's variables: `changeFromQuantity: null` (no check) unless a quantity names it, and a fresh idempotency key. */
	const input = (quantities: Obj[], extra: Obj = {}) => ({
		input: {
			name: 'available',
			reason: 'correction',
			quantities: quantities.map((q) => ({ changeFromQuantity: null, ...q })),
			...extra,
		},
		key: `test-${++keys}`,
	});

	test('inventorySetQuantities sets absolute quantities; any userError changes nothing; over 250 refused', async () => {
		await seedProducts(3);
		const items = (await graphql(VARIANTS, { first: 3 })).data!.productVariants.nodes.map(
			(n: Obj) => n.inventoryItem.id as string,
		);
		const main = 'gid://shopify/Location/1';
		const set = await graphql(
			SET,
			input([
				{ inventoryItemId: items[0], locationId: main, quantity: 7 },
				{ inventoryItemId: items[2], locationId: 'gid://shopify/Location/2', quantity: 5 },
			]),
		);
		expect(set.data!.inventorySetQuantities.userErrors).toEqual([]);
		expect(set.data!.inventorySetQuantities.inventoryAdjustmentGroup.changes).toEqual([
			{ name: 'available', delta: 7, quantityAfterChange: 7, item: { id: items[0], sku: 'SKU-0' } },
			{ name: 'available', delta: 5, quantityAfterChange: 5, item: { id: items[2], sku: 'SKU-2' } },
		]);
		const inventory = async () => (await control.get('/state')).data.inventory as Obj;
		expect(await inventory()).toEqual({
			'SKU-0': { [main]: 7, 'gid://shopify/Location/2': 0 },
			'SKU-1': { [main]: 1, 'gid://shopify/Location/2': 0 },
			'SKU-2': { [main]: 2, 'gid://shopify/Location/2': 5 },
		});
		expect((await api.get('/products.json')).data.products[2].variants[0].inventory_quantity).toBe(
			7,
		);

		const before = await inventory();
		const bad = await graphql(
			SET,
			input([
				{ inventoryItemId: items[1], locationId: main, quantity: 100 },
				{ inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: main, quantity: 1 },
			]),
		);
		expect(bad.data!.inventorySetQuantities).toEqual({
			inventoryAdjustmentGroup: null,
			userErrors: [
				{
					field: ['input', 'quantities', '1', 'inventoryItemId'],
					message: 'The specified inventory item could not be found.',
					code: 'INVALID_INVENTORY_ITEM',
				},
			],
		});
		const notStocked = (
			await control.post('/products', {
				title: 'Cap',
				variants: [
					{ sku: 'CAP', inventory_quantity: 3, inventory_locations: ['gid://shopify/Location/2'] },
				],
			})
		).data as Obj;
		const capItem = `gid://shopify/InventoryItem/${notStocked.variants[0].inventory_item_id}`;
		expect((await inventory()).CAP).toEqual({ 'gid://shopify/Location/2': 3 });
		const elsewhere = await graphql(
			SET,
			input([{ inventoryItemId: capItem, locationId: main, quantity: 1 }]),
		);
		expect(elsewhere.data!.inventorySetQuantities.userErrors).toEqual([
			{
				field: ['input', 'quantities', '0', 'locationId'],
				message: 'The specified inventory item is not stocked at the location.',
				code: 'ITEM_NOT_STOCKED_AT_LOCATION',
			},
		]);
		const tooMany = await graphql(
			SET,
			input(
				Array.from({ length: 251 }, () => ({
					inventoryItemId: items[1],
					locationId: main,
					quantity: 1,
				})),
			),
		);
		expect(tooMany.data!.inventorySetQuantities.userErrors[0].field).toEqual([
			'input',
			'quantities',
		]);
		expect(await inventory()).toEqual({ ...before, CAP: { 'gid://shopify/Location/2': 3 } });
	});

	test('an inventory write is announced as Shopify announces it: inventory_levels/update per level written, products/update once per product whose stock changed, both signed; a refused write announces nothing', async () => {
		await control.post('/seed', {
			products: [
				{
					title: 'Shirt',
					variants: [
						{ sku: 'SHIRT-S', option1: 'S', inventory_quantity: 1 },
						{ sku: 'SHIRT-M', option1: 'M', inventory_quantity: 2 },
					],
				},
				{ title: 'Cap', variants: [{ sku: 'CAP', inventory_quantity: 3 }] },
			],
		});
		const item = Object.fromEntries(
			(await graphql(VARIANTS, { first: 3 })).data!.productVariants.nodes.map((n: Obj) => [
				n.sku,
				n.inventoryItem.id,
			]),
		);
		const receiver = await startReceiver();
		try {
			for (const topic of ['inventory_levels/update', 'products/update']) {
				const created = await api.post('/webhooks.json', {
					webhook: { topic, address: receiver.url },
				});
				expect(created.status).toBe(201);
			}
			const main = 'gid://shopify/Location/1';
			const set = await graphql(
				SET,
				input([
					{ inventoryItemId: item['SHIRT-S'], locationId: main, quantity: 10 },
					{ inventoryItemId: item['SHIRT-M'], locationId: main, quantity: 20 },
					{ inventoryItemId: item.CAP, locationId: main, quantity: 3 }, // unchanged
				]),
			);
			expect(set.data!.inventorySetQuantities.userErrors).toEqual([]);
			await fake.settle();
			const deliveries = receiver.received.map((d) => ({
				topic: d.headers['x-shopify-topic'],
				signed:
					d.headers['x-shopify-hmac-sha256'] ===
					createHmac('sha256', fake.appSecret).update(d.body).digest('base64'),
				body: JSON.parse(d.body) as Obj,
			}));
			expect(deliveries.map((d) => [d.topic, d.signed])).toEqual([
				['inventory_levels/update', true],
				['inventory_levels/update', true],
				['inventory_levels/update', true],
				['products/update', true],
			]);
			expect(deliveries.slice(0, 3).map((d) => d.body.available)).toEqual([10, 20, 3]);
			const shirt = deliveries[3].body;
			expect(shirt.title).toBe('Shirt');
			expect(
				shirt.variants.map((v: Obj) => [v.sku, v.inventory_quantity, v.old_inventory_quantity]),
			).toEqual([
				['SHIRT-S', 10, 1],
				['SHIRT-M', 20, 2],
			]);

			receiver.received.length = 0;
			const refused = await graphql(
				SET,
				input([
					{ inventoryItemId: item.CAP, locationId: main, quantity: 5 },
					{ inventoryItemId: 'gid://shopify/InventoryItem/1', locationId: main, quantity: 1 },
				]),
			);
			expect(refused.data!.inventorySetQuantities.userErrors).toHaveLength(1);
			await fake.settle();
			expect(receiver.received).toEqual([]);
		} finally {
			await receiver.close();
		}
	});

	test('inventorySetQuantities as from 2026-04: changeFromQuantity on every quantity (null skips the check, a stale one is refused); the old compare fields are gone', async () => {
		await seedProducts(2);
		const [item0, item1] = (await graphql(VARIANTS, { first: 2 })).data!.productVariants.nodes.map(
			(n: Obj) => n.inventoryItem.id as string,
		);
		const main = 'gid://shopify/Location/1';
		const inventory = async () => (await control.get('/state')).data.inventory as Obj;
		const stale = await graphql(
			SET,
			input([{ inventoryItemId: item1, locationId: main, quantity: 9, changeFromQuantity: 0 }]),
		);
		expect(stale.data!.inventorySetQuantities).toEqual({
			inventoryAdjustmentGroup: null,
			userErrors: [
				{
					field: ['input', 'quantities', '0', 'changeFromQuantity'],
					message: 'The changeFromQuantity value does not match persisted value.',
					code: 'CHANGE_FROM_QUANTITY_STALE',
				},
			],
		});
		const unnamed = await graphql(SET, {
			...input([]),
			input: {
				name: 'available',
				reason: 'correction',
				quantities: [{ inventoryItemId: item1, locationId: main, quantity: 9 }],
			},
		});
		expect(unnamed.data!.inventorySetQuantities).toBeNull();
		expect(unnamed.errors![0].message).toBe(
			'input.quantities.0.changeFromQuantity is required: pass the quantity you expect to change from, or null to skip the check.',
		);
		const ignoring = await graphql(
			SET,
			input([{ inventoryItemId: item1, locationId: main, quantity: 9 }], {
				ignoreCompareQuantity: true,
			}),
		);
		expect(ignoring.errors![0].message).toMatch(
			/Field "ignoreCompareQuantity" is not defined by type "InventorySetQuantitiesInput"/,
		);
		const comparing = await graphql(
			SET,
			input([{ inventoryItemId: item1, locationId: main, quantity: 9, compareQuantity: 1 }]),
		);
		expect(comparing.errors![0].message).toMatch(
			/Field "compareQuantity" is not defined by type "InventoryQuantityInput"/,
		);
		expect((await inventory())['SKU-1'][main]).toBe(1);
		const compared = await graphql(
			SET,
			input([
				{ inventoryItemId: item1, locationId: main, quantity: 9, changeFromQuantity: 1 },
				{ inventoryItemId: item0, locationId: main, quantity: 4, changeFromQuantity: null },
			]),
		);
		expect(compared.data!.inventorySetQuantities.userErrors).toEqual([]);
		expect([(await inventory())['SKU-1'][main], (await inventory())['SKU-0'][main]]).toEqual([
			9, 4,
		]);
	});

	test('inventorySetQuantities needs @idempotent(key:); a repeated key gets the first answer and changes nothing; the same key with other input is refused', async () => {
		await seedProducts(1);
		const item = (await graphql(VARIANTS, { first: 1 })).data!.productVariants.nodes[0]
			.inventoryItem.id as string;
		const main = 'gid://shopify/Location/1';
		const state = async () => (await control.get('/state')).data as Obj;
		const bareSet = SET.replace(', $key: String!', '').replace(' @idempotent(key: $key)', '');
		const { input: plain } = input([{ inventoryItemId: item, locationId: main, quantity: 3 }]);
		const without = await graphql(bareSet, { input: plain });
		expect(without.data!.inventorySetQuantities).toBeNull();
		expect(without.errors![0].message).toBe(
			'The inventorySetQuantities mutation requires the @idempotent(key: "…") directive: one key per write, the same when the write is retried.',
		);
		expect((await state()).inventory['SKU-0'][main]).toBe(0);

		const first = await graphql(SET, {
			input: { ...plain, quantities: [{ ...plain.quantities[0], changeFromQuantity: 0 }] },
			key: 'batch-1',
		});
		expect(first.data!.inventorySetQuantities.userErrors).toEqual([]);
		// A sale moves the level; the retry of the same write (same key) is answered as the first time and changes nothing.
		expect((await control.put('/inventory', { sku: 'SKU-0', available: 2 })).status).toBe(200);
		const levelAfterSale = 2;
		const retry = await graphql(SET, {
			input: { ...plain, quantities: [{ ...plain.quantities[0], changeFromQuantity: 0 }] },
			key: 'batch-1',
		});
		expect(retry.data).toEqual(first.data);
		expect((await state()).inventory['SKU-0'][main]).toBe(levelAfterSale);
		const replays = ((await control.get('/requests')).data as Obj[]).filter(
			(entry) => entry.idempotentReplay,
		);
		expect(replays).toHaveLength(1);

		const reused = await graphql(SET, {
			input: { ...plain, quantities: [{ ...plain.quantities[0], quantity: 8 }] },
			key: 'batch-1',
		});
		expect(reused.data!.inventorySetQuantities.userErrors).toEqual([
			{
				field: ['idempotent', 'key'],
				message: 'The same idempotency key cannot be used with different operation parameters.',
				code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
			},
		]);
		expect((await state()).inventory['SKU-0'][main]).toBe(levelAfterSale);
	});

	const ORDER = `query Order($query: String) {
		orders(first: 1, query: $query) {
			nodes { id name fulfillmentOrders(first: 5) { nodes { id status lineItems(first: 10) { nodes { id remainingQuantity lineItem { sku } } } } } }
		}
	}`;
	const FULFIL = `mutation Fulfil($fulfillment: FulfillmentInput!) {
		fulfillmentCreate(fulfillment: $fulfillment) {
			fulfillment { id status trackingInfo { company number url } }
			userErrors { field message }
		}
	}`;

	test('fulfillmentCreate fulfils lines with tracking (partly, then the rest via the V2 name); a closed fulfillment order is refused', async () => {
		await seedProducts(2);
		const order = (
			await control.post('/orders', {
				line_items: [
					{ sku: 'SKU-0', quantity: 2 },
					{ sku: 'SKU-1', quantity: 1 },
				],
				financial_status: 'paid',
			})
		).data as Obj;
		const found = (await graphql(ORDER, { query: 'name:#1001' })).data!.orders.nodes[0];
		expect(found.id).toBe(`gid://shopify/Order/${order.id}`);
		const [fo] = found.fulfillmentOrders.nodes;
		expect(fo.status).toBe('OPEN');
		expect(fo.lineItems.nodes.map((l: Obj) => [l.lineItem.sku, l.remainingQuantity])).toEqual([
			['SKU-0', 2],
			['SKU-1', 1],
		]);

		const partial = await graphql(FULFIL, {
			fulfillment: {
				lineItemsByFulfillmentOrder: [
					{
						fulfillmentOrderId: fo.id,
						fulfillmentOrderLineItems: [{ id: fo.lineItems.nodes[0].id, quantity: 2 }],
					},
				],
				notifyCustomer: true,
				trackingInfo: {
					company: 'Posti',
					numbers: ['JJFI1', 'JJFI2'],
					urls: ['https://t.example/1', 'https://t.example/2'],
				},
			},
		});
		// Tracking comes in the documented pairs: number + url, numbers + urls.
		for (const [trackingInfo, message] of [
			[
				{ numbers: ['JJFI9'], url: 'https://t.example/9' },
				'numbers goes with urls (one per number), not url.',
			],
			[{ number: 'JJFI9', urls: ['https://t.example/9'] }, 'number goes with url, not urls.'],
			[{ number: 'JJFI9', numbers: ['JJFI9'] }, 'Send either number or numbers, not both.'],
		] as const) {
			const mixed = await graphql(FULFIL, {
				fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }], trackingInfo },
			});
			expect(mixed.data!.fulfillmentCreate).toEqual({
				fulfillment: null,
				userErrors: [{ field: ['fulfillment', 'trackingInfo'], message }],
			});
		}
		expect(partial.data!.fulfillmentCreate).toEqual({
			fulfillment: {
				id: expect.stringMatching(/^gid:\/\/shopify\/Fulfillment\/\d+$/),
				status: 'SUCCESS',
				trackingInfo: [
					{ company: 'Posti', number: 'JJFI1', url: 'https://t.example/1' },
					{ company: 'Posti', number: 'JJFI2', url: 'https://t.example/2' },
				],
			},
			userErrors: [],
		});
		expect((await api.get(`/orders/${order.id}.json`)).data.order.fulfillment_status).toBe(
			'partial',
		);
		const tooMuch = await graphql(FULFIL, {
			fulfillment: {
				lineItemsByFulfillmentOrder: [
					{
						fulfillmentOrderId: fo.id,
						fulfillmentOrderLineItems: [{ id: fo.lineItems.nodes[1].id, quantity: 2 }],
					},
				],
			},
		});
		expect(tooMuch.data!.fulfillmentCreate.userErrors[0].message).toBe(
			'Invalid fulfillment order line item quantity requested.',
		);

		const rest = await graphql(
			`
				mutation ($f: FulfillmentV2Input!) {
					fulfillmentCreateV2(fulfillment: $f) {
						fulfillment {
							status
						}
						userErrors {
							message
						}
					}
				}
			`,
			{
				f: {
					lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }],
					trackingInfo: { number: 'JJFI3' },
				},
			},
		);
		expect(rest.data!.fulfillmentCreateV2).toEqual({
			fulfillment: { status: 'SUCCESS' },
			userErrors: [],
		});
		const fulfilled = (await api.get(`/orders/${order.id}.json`)).data.order as Obj;
		expect(fulfilled.fulfillment_status).toBe('fulfilled');
		expect(fulfilled.fulfillments.map((f: Obj) => f.tracking_numbers)).toEqual([
			['JJFI1', 'JJFI2'],
			['JJFI3'],
		]);
		expect(
			(await graphql(ORDER, { query: 'name:1001' })).data!.orders.nodes[0].fulfillmentOrders
				.nodes[0].status,
		).toBe('CLOSED');

		const again = await graphql(FULFIL, {
			fulfillment: { lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fo.id }] },
		});
		expect(again.data!.fulfillmentCreate).toEqual({
			fulfillment: null,
			userErrors: [
				{
					field: ['fulfillment', 'lineItemsByFulfillmentOrder', '0', 'fulfillmentOrderId'],
					message: `Fulfillment order ${fo.id.split('/').pop()} has an unfulfillable status= closed.`,
				},
			],
		});
		const state = (await control.get('/state')).data as Obj;
		expect(
			state.fulfillments.map((f: Obj) => [f.orderName, f.notifyCustomer, f.lineItems]),
		).toEqual([
			['#1001', true, [{ sku: 'SKU-0', quantity: 2 }]],
			['#1001', false, [{ sku: 'SKU-1', quantity: 1 }]],
		]);
	});

	test("what is outside the schema subset fails with GraphQL's own errors (HTTP 200); a missing query is 400", async () => {
		const unknownField = await graphql('{ shop { name } }');
		expect(unknownField.errors![0].message).toBe('Cannot query field "shop" on type "QueryRoot".');
		expect(unknownField.data).toBeUndefined();
		const unknownArgument = await graphql(
			'{ productVariants(first: 1, sortKey: SKU) { nodes { id } } }',
		);
		expect(unknownArgument.errors![0].message).toMatch(/Unknown argument "sortKey"/);
		expect((await graphql('{ locations(first: 1) { nodes { id }')).errors![0].message).toMatch(
			/^Syntax Error/,
		);
		const badVariable = await graphql(SET, { input: { name: 'available', quantities: [] } });
		expect(badVariable.errors![0].message).toMatch(/reason/);
		expect((await graphql('{ order(id: "42") { id } }')).errors![0].message).toMatch(
			/Invalid global id/,
		);
		expect((await api.post('/graphql.json', {})).status).toBe(400);

		const locations = await graphql(
			'{ locations(first: 5) { nodes { id name } } location(id: "gid://shopify/Location/2") { name } }',
		);
		expect(locations.data).toEqual({
			locations: {
				nodes: [
					{ id: 'gid://shopify/Location/1', name: 'Main Warehouse' },
					{ id: 'gid://shopify/Location/2', name: 'Store Room' },
				],
			},
			location: { name: 'Store Room' },
		});
		const log = (await control.get('/requests')).data as Obj[];
		expect(log.at(-1)).toMatchObject({
			path: '/admin/api/2026-10/graphql.json',
			graphqlOperation: 'locations,location',
			status: 200,
		});
		expect(log.find((entry) => entry.graphqlOperation === 'Set')).toBeDefined();
	});
});

describe('control API', () => {
	test('reset empties the shop and keeps webhooks unless asked; the request log can be cleared', async () => {
		const receiver = await startReceiver();
		try {
			await api.post('/webhooks.json', {
				webhook: { topic: 'products/create', address: receiver.url },
			});
			const product = (
				await control.post('/products', {
					title: 'Mug',
					variants: [{ sku: 'MUG', inventory_quantity: 4 }],
				})
			).data as Obj;
			await control.put(`/products/${product.id}`, { title: 'Big mug' });
			await control.post('/reset');
			let state = (await control.get('/state')).data as Obj;
			expect([state.products, state.orders, state.inventory]).toEqual([[], [], {}]);
			expect(state.webhooks).toHaveLength(1);
			await control.post('/products', { title: 'Cup', variants: [{ sku: 'CUP' }] });
			await fake.settle();
			expect(
				receiver.received.map((r) => [r.headers['x-shopify-topic'], JSON.parse(r.body).title]),
			).toEqual([
				['products/create', 'Mug'],
				['products/create', 'Cup'],
			]);
			expect((await control.get('/deliveries')).data).toHaveLength(1); // the log starts again at a reset
			await control.post('/reset', { webhooks: true });
			state = (await control.get('/state')).data as Obj;
			expect(state.webhooks).toEqual([]);
			expect((await control.get('/requests')).data).toEqual([]);
			await api.get('/products.json');
			expect((await control.get('/requests')).data).toHaveLength(1);
			await control.delete('/requests');
			expect((await control.get('/requests')).data).toEqual([]);
		} finally {
			await receiver.close();
		}
	});

	test('fault hook: status, count, after, method and path; "reset" and "lost-answer" drop the connection; faulted calls are logged', async () => {
		await seedProducts(1);
		expect(
			(
				await control.post('/faults', {
					status: 503,
					count: 2,
					path: '/products',
					method: 'GET',
					after: 1,
				})
			).status,
		).toBe(201);
		expect((await control.post('/faults', { status: 429, path: '/orders' })).status).toBe(201);
		expect((await control.get('/faults')).data).toHaveLength(2);

		const statuses = [];
		for (let i = 0; i < 4; i++) statuses.push((await api.get('/products.json')).status);
		expect(statuses).toEqual([200, 503, 503, 200]); // one let through, two faulted, then spent
		const throttled = await api.get('/orders.json');
		expect([
			throttled.status,
			throttled.headers['retry-after'],
			typeof throttled.data.errors,
		]).toEqual([429, '1.0', 'string']);
		expect((await api.get('/orders.json')).status).toBe(200);

		await control.post('/faults', { status: 'reset', path: '/locations' });
		await expect(api.get('/locations.json')).rejects.toMatchObject({
			code: expect.stringMatching(/ECONNRESET|socket hang up/i),
		});
		expect((await api.get('/locations.json')).status).toBe(200);
		// "lost-answer": the write happens, the caller only sees the connection drop.
		await control.post('/faults', { status: 'lost-answer', method: 'POST', path: '/products' });
		await expect(
			api.post('/products.json', { product: { title: 'Lost', variants: [{ sku: 'LOST' }] } }),
		).rejects.toMatchObject({
			code: expect.stringMatching(/ECONNRESET|socket hang up/i),
		});
		expect(((await control.get('/state')).data as Obj).products.map((p: Obj) => p.title)).toContain(
			'Lost',
		);

		const log = (await control.get('/requests')).data as Obj[];
		expect(log.filter((e) => e.fault).map((e) => [e.method, e.path, e.status])).toEqual([
			['GET', '/admin/api/2026-10/products.json', 503],
			['GET', '/admin/api/2026-10/products.json', 503],
			['GET', '/admin/api/2026-10/orders.json', 429],
			['GET', '/admin/api/2026-10/locations.json', 0],
			['POST', '/admin/api/2026-10/products.json', 0],
		]);
		expect((await control.get('/faults')).data).toEqual([]);

		// Unknown statuses are refused; DELETE and /reset clear pending rules.
		expect((await control.post('/faults', { status: 200 }).catch((e) => e.response)).status).toBe(
			400,
		);
		await control.post('/faults', { status: 500, count: 5 });
		await control.delete('/faults');
		expect((await control.get('/faults')).data).toEqual([]);
		await control.post('/faults', { status: 500, count: 5 });
		await control.post('/reset');
		expect((await control.get('/faults')).data).toEqual([]);
		expect((await api.get('/products.json')).status).toBe(200);
	});

	test("fault hook on GraphQL: THROTTLED answers 200 with Shopify's THROTTLED error, for one named operation only", async () => {
		await seedProducts(2);
		await control.post('/faults', {
			status: 'THROTTLED',
			path: '/graphql',
			graphqlOperation: 'FindVariants',
			count: 1,
		});
		const other = await graphql('query Other { productVariants(first: 5) { nodes { sku } } }');
		expect(other.errors).toBeUndefined();
		const named = await graphql(`
			query FindVariants {
				productVariants(first: 5) {
					nodes {
						sku
					}
				}
			}
		`);
		expect(named.data).toBeUndefined();
		expect(named.errors).toEqual([
			expect.objectContaining({
				message: 'Throttled',
				extensions: expect.objectContaining({ code: 'THROTTLED' }),
			}),
		]);
		const again = await graphql(`
			query FindVariants {
				productVariants(first: 5) {
					nodes {
						sku
					}
				}
			}
		`);
		expect(again.data!.productVariants.nodes).toHaveLength(2);
		const log = (await control.get('/requests')).data as Obj[];
		expect(log.map((e) => [e.graphqlOperation, Boolean(e.fault)])).toEqual([
			['Other', false],
			['FindVariants', true],
			['FindVariants', false],
		]);
	});

	test('seeding 10,000 products takes one call and answers their ids', async () => {
		const started = Date.now();
		const { products } = await seedProducts(10_000);
		const elapsed = Date.now() - started;
		expect(products).toHaveLength(10_000);
		expect(new Set(products).size).toBe(10_000);
		const last = await graphql(VARIANTS_BY_SKU, { query: 'sku:SKU-9999' });
		expect(last.data!.productVariants.nodes).toEqual([{ sku: 'SKU-9999' }]);
		process.stdout.write(`seeded 10,000 products in ${elapsed} ms\n`);
	});

	test('the CLI listens on SHOPIFY_FAKE_PORT and prints what the n8n credential needs', async () => {
		const port = 20000 + Math.floor(Math.random() * 20000);
		const child = spawn(process.execPath, ['sandbox/shopify/cli.js', '--quiet'], {
			env: { ...process.env, SHOPIFY_FAKE_PORT: String(port) },
			cwd: path.join(__dirname, '..', '..', '..'),
		});
		try {
			let output = '';
			await new Promise<void>((resolve, reject) => {
				child.stdout.on('data', (chunk: Buffer) => {
					output += chunk.toString();
					if (output.includes('Control API')) resolve();
				});
				child.once('exit', (code) => reject(new Error(`cli exited with ${code}: ${output}`)));
			});
			expect(output).toContain(`https://127.0.0.1:${port}`);
			expect(output).toContain(`Shop Subdomain 127.0.0.1:${port}/shop/`);
			expect(output).toContain(fake.caCertPath);
			expect((await axios.post(`https://127.0.0.1:${port}/_fake/reset`)).status).toBe(200);
		} finally {
			child.kill('SIGTERM');
		}
	});
});

describe('GraphQL cost budget (opt-in, /_fake/rate-limit)', () => {
	// The stock template's lookup: a 250-node connection whose node holds two nested objects.
	const LOOKUP = `query FindVariantsBySku($search: String!, $location: ID!) {
		productVariants(first: 250, query: $search) { nodes { sku inventoryItem { id inventoryLevel(locationId: $location) { id } } } }
	}`;
	const LOOKUP_COST = 2 + 250 * (1 + 1 + 1);
	const SET = `mutation SetAvailable($input: InventorySetQuantitiesInput!) {
		inventorySetQuantities(input: $input) @idempotent(key: "cost-test") { inventoryAdjustmentGroup { id } userErrors { field message code } }
	}`;
	const lookup = () =>
		graphql(LOOKUP, { search: 'sku:SKU-1', location: 'gid://shopify/Location/1' });
	async function setSku1(quantity: number) {
		const item = (await lookup()).data!.productVariants.nodes[0].inventoryItem.id;
		return {
			item,
			input: {
				name: 'available',
				reason: 'correction',
				quantities: [
					{
						inventoryItemId: item,
						locationId: 'gid://shopify/Location/1',
						quantity,
						changeFromQuantity: null,
					},
				],
			},
		};
	}
	const available = async () =>
		((await control.get('/state')).data as Obj).inventory['SKU-1']['gid://shopify/Location/1'];

	test('is off by default: every call runs and reports the fixed cost', async () => {
		await seedProducts(2);
		expect((await control.get('/rate-limit')).data).toEqual({ graphql: null });
		for (let i = 0; i < 5; i++)
			expect((await lookup()).extensions!.cost).toEqual(
				expect.objectContaining({ requestedQueryCost: 1, actualQueryCost: 1 }),
			);
	});

	test('charges the requested cost before the call (connection 2 + first × node, objects 1, scalars 0, mutation 10) and refunds the difference to the actual cost after it', async () => {
		await seedProducts(2);
		// A restore of 1 point/s keeps the figures exact over the few milliseconds the calls take.
		expect(
			(await control.post('/rate-limit', { graphql: { bucket: 1000, restorePerSecond: 1 } })).data,
		).toEqual({
			graphql: { maximumAvailable: 1000, currentlyAvailable: 1000, restoreRate: 1 },
		});
		const found = await lookup();
		expect(found.data!.productVariants.nodes.map((n: Obj) => n.sku)).toEqual(['SKU-1']);
		// Asked for 250 variants, got 1: Shopify charges 752 up front and keeps 2 + 1 × 3.
		expect(found.extensions!.cost).toEqual({
			requestedQueryCost: LOOKUP_COST,
			actualQueryCost: 2 + 3,
			throttleStatus: { maximumAvailable: 1000, currentlyAvailable: 1000 - 5, restoreRate: 1 },
		});
		expect(LOOKUP_COST).toBe(752);
		const edges = await graphql(
			'query($first: Int) { productVariants(first: $first) { edges { cursor node { sku product { id } } } pageInfo { hasNextPage } } }',
			{ first: 10 },
		);
		expect(edges.extensions!.cost).toMatchObject({
			requestedQueryCost: 2 + 10 * 2,
			actualQueryCost: 2 + 2 * 2,
		});
		expect(
			(await graphql('{ locations(first: 3) { nodes { id name } } }')).extensions!.cost
				.requestedQueryCost,
		).toBe(2 + 3);
		await control.post('/rate-limit', { graphql: { bucket: 1000, restorePerSecond: 1 } });
		const { input } = await setSku1(7);
		const set = await graphql(SET, { input });
		expect(set.data!.inventorySetQuantities.userErrors).toEqual([]);
		expect(set.extensions!.cost).toMatchObject({ requestedQueryCost: 10, actualQueryCost: 10 });
	});

	test("a call dearer than what is left gets Shopify's THROTTLED answer (HTTP 200) and is not carried out", async () => {
		await seedProducts(2);
		const { input } = await setSku1(0);
		await control.post('/rate-limit', { graphql: { bucket: 12, restorePerSecond: 1 } });
		expect((await graphql(SET, { input })).errors).toBeUndefined(); // leaves 12 - 10 = 2
		input.quantities[0]!.quantity = 5;
		const reply = await api.post('/graphql.json', { query: SET, variables: { input } });
		expect(reply.status).toBe(200);
		expect(reply.data).toEqual({
			errors: [
				{
					message: 'Throttled',
					extensions: {
						code: 'THROTTLED',
						documentation: 'https://shopify.dev/api/usage/rate-limits',
					},
				},
			],
			extensions: {
				cost: {
					requestedQueryCost: 10,
					actualQueryCost: null,
					throttleStatus: { maximumAvailable: 12, currentlyAvailable: 2, restoreRate: 1 },
				},
			},
		});
		expect(await available()).toBe(0);
		const log = (await control.get('/requests')).data as Obj[];
		expect(log.slice(-2).map((e) => [e.graphqlOperation, e.status, Boolean(e.throttled)])).toEqual([
			['SetAvailable', 200, false],
			['SetAvailable', 200, true],
		]);
		// A query over the whole bucket can never run.
		await control.post('/rate-limit', { graphql: { bucket: 700, restorePerSecond: 1000 } });
		expect((await lookup()).errors![0].extensions.code).toBe('THROTTLED');
	});

	test('a standard plan: bucket 2,000 restoring 100 a second; a query asking for more than 1,000 points is refused before it runs (MAX_COST_EXCEEDED)', async () => {
		await seedProducts(2);
		expect((await control.post('/rate-limit', { graphql: { plan: 'standard' } })).data).toEqual({
			graphql: { maximumAvailable: 2000, currentlyAvailable: 2000, restoreRate: 100 },
		});
		const tooDear = await graphql(
			'{ productVariants(first: 250) { nodes { sku product { id } inventoryItem { id inventoryLevel(locationId: "gid://shopify/Location/1") { id } } } } }',
		);
		expect(tooDear.data).toBeUndefined();
		expect(tooDear.errors![0].extensions).toEqual({
			code: 'MAX_COST_EXCEEDED',
			cost: 2 + 250 * 4,
			maxCost: 1000,
		});
		expect(tooDear.extensions!.cost.throttleStatus.currentlyAvailable).toBe(2000);
		expect(
			(await control.post('/rate-limit', { graphql: { plan: 'gold' } }).catch((e) => e.response))
				.status,
		).toBe(400);
	});

	test('the bucket refills at the restore rate up to its size; DELETE and /reset turn the budget off', async () => {
		await seedProducts(2);
		await control.post('/rate-limit', { graphql: { bucket: 1000, restorePerSecond: 20 } });
		expect((await lookup()).extensions!.cost.throttleStatus.currentlyAvailable).toBe(1000 - 5);
		// 5 points come back in 250 ms at 20 points/s; the bucket holds no more than 1,000.
		await new Promise((resolve) => setTimeout(resolve, 600));
		expect((await control.get('/rate-limit')).data.graphql.currentlyAvailable).toBe(1000);

		await control.post('/rate-limit', { graphql: { bucket: 700, restorePerSecond: 1 } });
		expect((await lookup()).errors![0].extensions.code).toBe('THROTTLED');
		await control.delete('/rate-limit');
		expect((await lookup()).errors).toBeUndefined();
		await control.post('/rate-limit', { graphql: { bucket: 800, restorePerSecond: 1 } });
		await control.post('/reset');
		expect((await control.get('/rate-limit')).data).toEqual({ graphql: null });
		expect(
			(await control.post('/rate-limit', { graphql: { bucket: 0 } }).catch((e) => e.response))
				.status,
		).toBe(400);
	});
});

describe('certificate', () => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { ensureCertificate } = require('../../../sandbox/shopify/certificate');

	test('ensureCertificate makes one certificate for IP:127.0.0.1 and DNS:localhost, reuses it, and remakes a broken pair', async () => {
		const dir = path.join(
			__dirname,
			'..',
			'..',
			'..',
			'.data',
			`shopify-fake-certificate-test-${process.pid}`,
		);
		try {
			const first = await ensureCertificate(dir);
			const x509 = new X509Certificate(first.cert);
			expect(x509.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost');
			expect(x509.checkPrivateKey(createPrivateKey(first.key))).toBe(true);
			expect((await ensureCertificate(dir)).cert).toBe(first.cert);
			rmSync(first.keyPath);
			const remade = await ensureCertificate(dir);
			expect(remade.cert).not.toBe(first.cert);
			expect(readFileSync(remade.certPath, 'utf8')).toBe(remade.cert);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
		// The running fake serves the certificate this process trusts through NODE_EXTRA_CA_CERTS.
		expect(readFileSync(process.env.NODE_EXTRA_CA_CERTS!, 'utf8')).toContain(
			readFileSync(fake.caCertPath, 'utf8').trim(),
		);
	});
});

const VARIANTS_BY_SKU =
	'query($query: String) { productVariants(first: 5, query: $query) { nodes { sku } } }';

describe("n8n's own Shopify nodes against the fake", () => {
	const credentialRef = {
		shopifyAccessTokenApi: { id: 'test-shopifyAccessTokenApi', name: 'test shopifyAccessTokenApi' },
	};

	async function runShopifyNode(
		parameters: IDataObject,
		authentication: 'accessToken' | 'oAuth2' = 'accessToken',
	) {
		const result = await runWorkflow(
			{
				nodes: [
					{
						id: 'start',
						name: 'Start',
						type: 'n8n-nodes-base.manualTrigger',
						typeVersion: 1,
						position: [0, 0],
						parameters: {},
					},
					{
						id: 'shopify',
						name: 'Shopify',
						type: 'n8n-nodes-base.shopify',
						typeVersion: 1,
						position: [200, 0],
						parameters: { authentication, ...parameters },
						credentials: {
							...credentialRef,
							shopifyOAuth2Api: { id: 'test-shopifyOAuth2Api', name: 'test shopifyOAuth2Api' },
						},
					},
				],
				connections: { Start: { main: [[{ node: 'Shopify', type: 'main', index: 0 }]] } },
			},
			{
				credentials: {
					shopifyAccessTokenApi: shopifyCredentials(fake),
					shopifyOAuth2Api: shopifyOAuth2Credentials(fake),
				},
			},
		);
		if (result.error) throw result.error;
		return result.json('Shopify');
	}

	test('the Shopify node lists products (Return All follows the Link header; Limit) and gets an order', async () => {
		await seedProducts(80);
		const all = await runShopifyNode({
			resource: 'product',
			operation: 'getAll',
			returnAll: true,
			additionalFields: {},
		});
		expect(all.map((p) => p.title)).toEqual(Array.from({ length: 80 }, (_, i) => `Product ${i}`));
		const some = await runShopifyNode({
			resource: 'product',
			operation: 'getAll',
			returnAll: false,
			limit: 5,
			additionalFields: {},
		});
		expect(some.map((p) => (p.variants as Obj[])[0].sku)).toEqual([
			'SKU-0',
			'SKU-1',
			'SKU-2',
			'SKU-3',
			'SKU-4',
		]);

		const order = (
			await control.post('/orders', {
				line_items: [{ sku: 'SKU-3', quantity: 2 }],
				email: 'buyer@example.com',
			})
		).data as Obj;
		const [got] = await runShopifyNode({
			resource: 'order',
			operation: 'get',
			orderId: String(order.id),
			options: {},
		});
		expect(got).toMatchObject({
			id: order.id,
			name: '#1001',
			email: 'buyer@example.com',
			line_items: [expect.objectContaining({ sku: 'SKU-3', quantity: 2, title: 'Product 3' })],
		});

		const paidUnfulfilled = await runShopifyNode({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			options: { financialStatus: 'paid', fulfillmentStatus: 'unshipped', status: 'any' },
		});
		expect(paidUnfulfilled).toEqual([]);
		await control.post(`/orders/${order.id}/pay`);
		const afterPayment = await runShopifyNode({
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			options: { financialStatus: 'paid', fulfillmentStatus: 'unshipped', status: 'any' },
		});
		expect(afterPayment.map((o) => o.id)).toEqual([order.id]);

		// Every call n8n made carried the token and named 2024-07, which Shopify retired: the oldest live version answered.
		const log = (await control.get('/requests')).data as Obj[];
		expect(log.every((entry) => entry.status === 200 && entry.servedVersion === '2026-04')).toBe(
			true,
		);
		expect(log[0].path).toMatch(/^\/admin\/api\/2024-07\//);
	});

	test('the Shopify node with the Shopify OAuth2 API credential sends the OAuth token as X-Shopify-Access-Token', async () => {
		await seedProducts(3);
		const all = await runShopifyNode(
			{ resource: 'product', operation: 'getAll', returnAll: true, additionalFields: {} },
			'oAuth2',
		);
		expect(all.map((p) => p.title)).toEqual(['Product 0', 'Product 1', 'Product 2']);
		const log = (await control.get('/requests')).data as Obj[];
		expect(log.map((entry) => [entry.path, entry.status])).toEqual([
			['/admin/api/2024-07/products.json', 200],
		]);
		expect(JSON.stringify(log)).not.toContain(fake.oauthAccessToken);
	});

	test('the Shopify Trigger registers its webhook on activation, takes signed deliveries of its topic only, and deletes it on deactivation', async () => {
		const template: Template = {
			name: 'trigger only',
			nodes: [
				{
					id: 'trigger',
					name: 'On paid order',
					type: 'n8n-nodes-base.shopifyTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: { authentication: 'accessToken', topic: 'orders/paid' },
					credentials: credentialRef,
				},
			],
			connections: {},
		};
		const trigger = await shopifyWebhookTrigger(template, 'On paid order', {
			shopifyAccessTokenApi: shopifyCredentials(fake),
		});
		try {
			const hooks = (await api.get('/webhooks.json')).data.webhooks as Obj[];
			expect(hooks).toEqual([
				expect.objectContaining({ topic: 'orders/paid', address: trigger.url, format: 'json' }),
			]);
			// A second activation finds the webhook instead of adding one.
			expect(await trigger.activate()).toEqual({ existed: true });

			await seedProducts(1);
			const order = (await control.post('/orders', { line_items: [{ sku: 'SKU-0', quantity: 2 }] }))
				.data as Obj;
			await control.post(`/orders/${order.id}/pay`);
			await fake.settle();
			expect(trigger.items).toHaveLength(1);
			expect(trigger.items[0][0]).toMatchObject({
				id: order.id,
				name: '#1001',
				financial_status: 'paid',
				line_items: [expect.objectContaining({ sku: 'SKU-0' })],
			});

			// A body signed with another key, or a delivery of another topic, does not start the workflow.
			const body = JSON.stringify({ id: order.id, financial_status: 'paid' });
			const headers = (topic: string, key: string) => ({
				'Content-Type': 'application/json',
				'X-Shopify-Topic': topic,
				'X-Shopify-Hmac-Sha256': createHmac('sha256', key).update(body).digest('base64'),
				'X-Shopify-Shop-Domain': `${fake.shopSubdomain}.myshopify.com`,
				'X-Shopify-API-Version': '2024-07',
			});
			await axios.post(trigger.url, body, {
				headers: headers('orders/paid', 'not-the-app-secret'),
			});
			await axios.post(trigger.url, body, { headers: headers('orders/create', fake.appSecret) });
			await axios.post(trigger.url, body, { headers: headers('orders/paid', fake.appSecret) });
			expect(trigger.calls.map((call) => Boolean(call.items))).toEqual([true, false, false, true]);

			expect(await trigger.deactivate()).toBe(true);
			expect((await api.get('/webhooks.json')).data.webhooks).toEqual([]);
		} finally {
			await trigger.close();
		}
	});
});
