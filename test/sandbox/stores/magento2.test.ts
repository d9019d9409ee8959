/**
 * The Magento 2 fake (sandbox/magento2): Bearer token and the 2.4.4+ refusal of integration tokens,
 * searchCriteria (both spellings, paging, the input limits), products, source items and the legacy
 * stock item, orders with configurable and bundle rows, shipments with tracks and the e-mail, the
 * control API — and n8n's own Magento 2 node and credential test against it.
 */
import type { AxiosInstance } from 'axios';

import { mapMagentoOrder } from '../../../nodes/MyOgo/mapping';
import { testCredential } from '../../harness/credentialTest';
import {
	magentoApi,
	magentoControl,
	magentoCredentials,
	placeMagentoOrder,
	runMagentoNode,
	startTestMagento,
	type RunningMagentoFake,
} from '../../harness/magento2';

type Obj = Record<string, any>;

let fake: RunningMagentoFake;
let control: AxiosInstance;
let api: AxiosInstance;
beforeAll(async () => {
	fake = await startTestMagento();
	control = magentoControl(fake);
	api = magentoApi(fake);
});
afterAll(async () => fake.close());
beforeEach(async () => {
	await control.post('/reset');
});

/** `{ field: [value, condition] }` → searchCriteria query parameters (one filter group each). */
function criteria(
	filters: Record<string, [string, string]>,
	extra: Record<string, string | number> = {},
	prefix = 'searchCriteria',
) {
	const params: Record<string, string | number> = {};
	Object.entries(filters).forEach(([field, [value, condition]], i) => {
		params[`${prefix}[filterGroups][${i}][filters][0][field]`] = field;
		params[`${prefix}[filterGroups][${i}][filters][0][value]`] = value;
		params[`${prefix}[filterGroups][${i}][filters][0][conditionType]`] = condition;
	});
	for (const [key, value] of Object.entries(extra)) params[`${prefix}[${key}]`] = value;
	return params;
}

const tee = {
	sku: 'TEE',
	name: 'Tee',
	price: 20,
	children: [
		{ sku: 'TEE-S', name: 'Tee S', quantity: 4 },
		{ sku: 'TEE-M', name: 'Tee M', quantity: 0 },
	],
};

describe('authentication', () => {
	test('the integration token as Bearer; a wrong token or the 2.4.4+ setting off → 401 as Magento words it', async () => {
		expect((await api.get('/modules')).status).toBe(200);
		const wrong = await magentoApi(fake, 'nope').get('/orders');
		expect(wrong.status).toBe(401);
		expect(wrong.data).toEqual({
			message: "The consumer isn't authorized to access %resources.",
			parameters: { resources: 'Magento_Sales::actions_view' },
		});
		await control.post('/settings', { integrationAsBearer: false });
		expect((await api.get('/modules')).status).toBe(401);
		expect(JSON.stringify((await control.get('/requests')).data)).not.toContain(fake.accessToken);
	});

	test("n8n's Magento 2 API credential test passes on the fake and fails with a wrong token", async () => {
		expect(await testCredential('magento2Api', magentoCredentials(fake))).toMatchObject({
			status: 'OK',
		});
		const failed = await testCredential('magento2Api', {
			...magentoCredentials(fake),
			accessToken: 'nope',
		});
		expect(failed.status).toBe('Error');
	});

	test('every store code prefix reaches the same API; unknown paths are 404', async () => {
		await control.post('/seed', { products: [{ sku: 'MUG' }] });
		for (const prefix of ['/rest/V1', '/rest/default/V1', '/rest/all/V1']) {
			const reply = await fetch(`${fake.url}${prefix}/products/MUG`, {
				headers: { Authorization: `Bearer ${fake.accessToken}` },
			});
			expect(reply.status).toBe(200);
		}
		expect((await api.get('/nothing-here')).status).toBe(404);
	});
});

describe('searchCriteria', () => {
	beforeEach(async () => {
		await control.post('/seed', {
			products: Array.from({ length: 45 }, (_, i) => ({ sku: `P-${i}`, price: i })),
		});
	});

	test('searchCriteria and search_criteria, camelCase and snake_case, filter the same', async () => {
		const camel = await api.get('/products', {
			params: criteria({ price: ['40', 'gteq'] }, { pageSize: 100 }),
		});
		const snake = await api.get('/products', {
			params: {
				'search_criteria[filter_groups][0][filters][0][field]': 'price',
				'search_criteria[filter_groups][0][filters][0][value]': '40',
				'search_criteria[filter_groups][0][filters][0][condition_type]': 'gteq',
				'search_criteria[page_size]': 100,
			},
		});
		expect(camel.data.total_count).toBe(5);
		expect(snake.data.items.map((p: Obj) => p.sku)).toEqual(
			camel.data.items.map((p: Obj) => p.sku),
		);
	});

	test('filters in one group are OR, groups are AND; in, like, sort orders', async () => {
		const params = {
			...criteria({ sku: ['P-1%', 'like'] }, { pageSize: 100 }),
			'searchCriteria[filterGroups][0][filters][1][field]': 'sku',
			'searchCriteria[filterGroups][0][filters][1][value]': 'P-2,P-3',
			'searchCriteria[filterGroups][0][filters][1][conditionType]': 'in',
			'searchCriteria[filterGroups][1][filters][0][field]': 'price',
			'searchCriteria[filterGroups][1][filters][0][value]': '12',
			'searchCriteria[filterGroups][1][filters][0][conditionType]': 'lt',
			'searchCriteria[sortOrders][0][field]': 'price',
			'searchCriteria[sortOrders][0][direction]': 'DESC',
		};
		const reply = await api.get('/products', { params });
		expect(reply.data.items.map((p: Obj) => p.sku)).toEqual(['P-11', 'P-10', 'P-3', 'P-2', 'P-1']);
	});

	test('pages by pageSize and currentPage; a page past the last answers the last page again', async () => {
		const page = (n: number) =>
			api.get('/products', {
				params: criteria({}, { pageSize: 20, currentPage: n, 'sortOrders][0][field': 'id' }),
			});
		const pages = await Promise.all([1, 2, 3, 4].map(page));
		expect(pages.map((p) => p.data.items.length)).toEqual([20, 20, 5, 5]);
		expect(pages[0].data.total_count).toBe(45);
		// Magento echoes the criteria in snake_case, with the page asked for.
		expect(pages[3].data.search_criteria).toMatchObject({ current_page: 4, page_size: 20 });
		expect(pages[3].data.items).toEqual(pages[2].data.items);
	});

	test('input limits on: no pageSize means 20, over 300 is refused; off: no cap', async () => {
		expect((await api.get('/products')).data.items).toHaveLength(20);
		const tooBig = await api.get('/products', { params: criteria({}, { pageSize: 301 }) });
		expect(tooBig.status).toBe(400);
		expect(tooBig.data).toEqual({
			message: 'Maximum SearchCriteria pageSize is %max',
			parameters: { max: 300 },
		});
		await control.post('/settings', { inputLimits: false });
		expect((await api.get('/products')).data.items).toHaveLength(45);
		expect((await api.get('/products', { params: criteria({}, { pageSize: 301 }) })).status).toBe(
			200,
		);
	});
});

describe('products and stock', () => {
	test('a configurable product links its simple children; media and custom attributes as Magento lists them', async () => {
		await control.post('/seed', {
			products: [
				tee,
				{
					sku: 'MUG',
					name: 'Mug',
					media: ['/m/u/mug.jpg'],
					custom_attributes: { ean: '6400000000017', description: '<p>Big</p>' },
					category_ids: [5],
				},
			],
		});
		const parent = (await api.get('/products/TEE')).data;
		expect(parent.type_id).toBe('configurable');
		expect(parent.extension_attributes.configurable_product_links).toHaveLength(2);
		const mug = (await api.get('/products/MUG')).data;
		expect(mug.media_gallery_entries[0]).toMatchObject({
			file: '/m/u/mug.jpg',
			types: ['image', 'small_image', 'thumbnail'],
		});
		expect(mug.custom_attributes).toEqual(
			expect.arrayContaining([{ attribute_code: 'ean', value: '6400000000017' }]),
		);
		const byCategory = await api.get('/products', {
			params: criteria({ category_id: ['5', 'eq'] }),
		});
		expect(byCategory.data.items.map((p: Obj) => p.sku)).toEqual(['MUG']);
		expect((await api.get('/products/NOPE')).data.message).toBe(
			"The product that was requested doesn't exist. Verify the product and try again.",
		);
	});

	test('source items: absolute quantities, checked as a whole, at most 20 a request while input limits are on', async () => {
		await control.post('/seed', {
			sources: ['eu'],
			products: Array.from({ length: 25 }, (_, i) => ({ sku: `S-${i}` })),
		});
		const rows = (n: number) =>
			Array.from({ length: n }, (_, i) => ({
				sku: `S-${i}`,
				source_code: 'eu',
				quantity: i,
				status: 1,
			}));
		const saved = await api.post('/inventory/source-items', { sourceItems: rows(20) });
		expect([saved.status, saved.data]).toEqual([200, []]);
		const tooMany = await api.post('/inventory/source-items', { sourceItems: rows(21) });
		expect(tooMany.status).toBe(400);
		expect(tooMany.data.message).toBe('Maximum items of type "%type" is %max');
		const unknown = await api.post('/inventory/source-items', {
			sourceItems: [
				{ sku: 'S-1', source_code: 'eu', quantity: 99, status: 1 },
				{ sku: 'NOPE', source_code: 'eu', quantity: 1, status: 1 },
			],
		});
		expect(unknown.status).toBe(400);
		const listed = await api.get('/inventory/source-items', {
			params: criteria({ source_code: ['eu', 'eq'], sku: ['S-1,S-7', 'in'] }),
		});
		expect(listed.data.items.map((s: Obj) => [s.sku, s.quantity])).toEqual([
			['S-1', 1],
			['S-7', 7],
		]);
		await control.post('/settings', { inputLimits: false });
		expect((await api.post('/inventory/source-items', { sourceItems: rows(25) })).status).toBe(200);
	});

	test('the legacy stock item reads and writes the default source', async () => {
		await control.post('/seed', { products: [{ sku: 'MUG', quantity: 3 }] });
		const item = (await api.get('/stockItems/MUG')).data;
		expect(item).toMatchObject({ qty: 3, is_in_stock: true });
		const put = await api.put(`/products/MUG/stockItems/${item.item_id}`, {
			stockItem: { qty: 0, is_in_stock: false },
		});
		expect(put.status).toBe(200);
		expect((await control.get('/stock/MUG')).data).toEqual([
			{ sku: 'MUG', source_code: 'default', quantity: 0, status: 0 },
		]);
	});
});

describe('orders and shipments', () => {
	const placeOrder = (input: Obj = {}) => placeMagentoOrder(control, input);

	test('configurable and bundle rows with parent_item_id; the shipping address in the shipping assignment', async () => {
		const order = await placeOrder();
		const got = (await api.get(`/orders/${order.entity_id}`)).data;
		expect(got.items.map((i: Obj) => [i.sku, i.product_type, Boolean(i.parent_item_id)])).toEqual([
			['TEE-S', 'configurable', false],
			['TEE-S', 'simple', true],
			['KIT', 'bundle', false],
			['MUG', 'simple', true],
			['SPOON', 'simple', true],
		]);
		expect(got.increment_id).toMatch(/^\d{9}$/);
		expect(got.extension_attributes.shipping_assignments[0].shipping).toMatchObject({
			method: 'flatrate_flatrate',
			address: { country_id: 'FI', address_type: 'shipping' },
		});
		expect(got.payment.method).toBe('checkmo');
	});

	test("the myOGO node's Magento 2 order format reads the fake's configurable and bundle rows", async () => {
		const order = await placeOrder({ shipping_method: 'flatrate_flatrate' });
		const got = (await api.get(`/orders/${order.entity_id}`)).data;
		const { order: mapped, skippedLines } = mapMagentoOrder(got, {
			referenceFrom: 'number',
			linesWithoutSku: 'skip',
			shippingMethodMap: [{ storeMethod: 'flatrate_flatrate', shippingCode: 'POSTI' }],
		});
		expect(mapped.reference).toBe(order.increment_id);
		expect(mapped.shippingCode).toBe('POSTI');
		expect(mapped.orderLines.map((l) => [l.code, l.quantity])).toEqual([
			['TEE-S', 2],
			['MUG', 1],
			['SPOON', 2],
		]);
		expect(skippedLines.map((l) => [l.line, l.title])).toEqual([[2, 'KIT']]);
		expect(mapped.customer).toMatchObject({ countryCode: 'FI', city: 'Helsinki' });
	});

	test('orders are listed by updated_at and state, sorted by entity_id', async () => {
		const first = await placeOrder({ updated_at: '2026-01-01 10:00:00' });
		const second = await placeOrder({ state: 'new' });
		const third = await placeOrder();
		const reply = await api.get('/orders', {
			params: criteria(
				{ updated_at: ['2026-06-01 00:00:00', 'gteq'], state: ['processing', 'eq'] },
				{ 'sortOrders][0][field': 'entity_id', pageSize: 10 },
			),
		});
		expect(reply.data.items.map((o: Obj) => o.entity_id)).toEqual([third.entity_id]);
		expect(second.status).toBe('pending');
		expect(first.entity_id).toBeLessThan(third.entity_id);
	});

	test('ship with tracks and notify: one shipment, one track per number, the e-mail; a second ship is 400', async () => {
		const order = await placeOrder();
		const shipped = await api.post(`/order/${order.entity_id}/ship`, {
			notify: true,
			tracks: [
				{ track_number: 'JJFI1', title: 'Posti', carrier_code: 'custom' },
				{ track_number: 'JJFI2', title: 'Posti', carrier_code: 'custom' },
			],
		});
		expect(shipped.status).toBe(200);
		expect(typeof shipped.data).toBe('number');
		const after = (await control.get(`/orders/${order.entity_id}`)).data;
		expect(after.state).toBe('complete');
		expect(after.items.map((i: Obj) => i.qty_shipped)).toEqual([2, 2, 1, 1, 2]);
		expect(after.shipments).toHaveLength(1);
		expect(after.shipments[0].tracks.map((t: Obj) => t.track_number)).toEqual(['JJFI1', 'JJFI2']);
		const state = (await control.get('/state')).data;
		expect(state.emails).toEqual([
			expect.objectContaining({ to: 'buyer@example.com', tracks: ['JJFI1', 'JJFI2'] }),
		]);
		const again = await api.post(`/order/${order.entity_id}/ship`, { tracks: [] });
		expect(again.status).toBe(400);
		expect(again.data.message).toBe(
			"Shipment Document Validation Error(s):\nThe order does not allow a shipment to be created.\nYou can't create a shipment without products.",
		);
		const listed = await api.get('/shipments', {
			params: criteria({ order_id: [String(order.entity_id), 'eq'] }),
		});
		expect(listed.data.total_count).toBe(1);
	});

	test('notify false sends no e-mail; a held or canceled order cannot ship', async () => {
		const order = await placeOrder();
		await api.post(`/order/${order.entity_id}/ship`, {
			notify: false,
			tracks: [{ track_number: 'X', title: 'DHL', carrier_code: 'dhl' }],
		});
		expect((await control.get('/state')).data.emails).toEqual([]);
		const held = await placeOrder();
		await control.post(`/orders/${held.entity_id}/state`, { state: 'holded' });
		const refused = await api.post(`/order/${held.entity_id}/ship`, {});
		expect(refused.data.message).toContain(
			'A shipment cannot be created when an order has a status of holded',
		);
		const canceled = await placeOrder();
		expect((await api.post(`/orders/${canceled.entity_id}/cancel`)).data).toBe(true);
		expect((await api.get(`/orders/${canceled.entity_id}`)).data.state).toBe('canceled');
	});
});

describe('control API and faults', () => {
	test('a fault rule fails matching calls after `after` of them; the request log counts list sizes', async () => {
		await control.post('/seed', { products: [{ sku: 'A' }] });
		await control.post('/faults', { status: 503, path: '/inventory', after: 1 });
		const body = { sourceItems: [{ sku: 'A', source_code: 'default', quantity: 1, status: 1 }] };
		expect((await api.post('/inventory/source-items', body)).status).toBe(200);
		expect((await api.post('/inventory/source-items', body)).status).toBe(503);
		expect((await api.post('/inventory/source-items', body)).status).toBe(200);
		const log = (await control.get('/requests')).data as Obj[];
		expect(log.map((r) => [r.path, r.status, r.listSize])).toEqual([
			['/inventory/source-items', 200, 1],
			['/inventory/source-items', 503, 1],
			['/inventory/source-items', 200, 1],
		]);
		const refused = await control.post('/faults', { status: 200 }, { validateStatus: () => true });
		expect(refused.status).toBe(400);
	});
});

describe("n8n's own Magento 2 node against the fake", () => {
	test('Product → Get and Order → Get read what the fake holds', async () => {
		await control.post('/seed', { products: [tee] });
		const order = (await control.post('/orders', { items: [{ sku: 'TEE-S', qty_ordered: 1 }] }))
			.data as Obj;
		const [product] = await runMagentoNode(fake, {
			resource: 'product',
			operation: 'get',
			sku: 'TEE-S',
		});
		expect(product).toMatchObject({ sku: 'TEE-S', name: 'Tee S' });
		const [got] = await runMagentoNode(fake, {
			resource: 'order',
			operation: 'get',
			orderId: String(order.entity_id),
		});
		expect(got).toMatchObject({ increment_id: order.increment_id });
	});

	test('Order → Get Many with Return All repeats the first page in 2.8.4 (so the templates page with HTTP Request)', async () => {
		await control.post('/seed', {
			orders: Array.from({ length: 150 }, () => ({ items: [{ sku: 'A', qty_ordered: 1 }] })),
		});
		const all = await runMagentoNode(fake, {
			resource: 'order',
			operation: 'getAll',
			returnAll: true,
			filterType: 'none',
			options: {},
		});
		const ids = all.map((o) => o.entity_id);
		// 200 rows for 150 orders: page 1 twice; orders 101-150 never arrive.
		expect(ids).toHaveLength(200);
		expect(new Set(ids).size).toBe(100);
		const requests = ((await control.get('/requests')).data as Obj[]).filter(
			(r) => r.path === '/orders',
		);
		expect(requests.map((r) => r.query['current_page'] ?? null)).toEqual([null, '1']);
	});

	test('Order → Ship ships everything with no tracking number and no e-mail', async () => {
		const order = (await control.post('/orders', { items: [{ sku: 'A', qty_ordered: 1 }] }))
			.data as Obj;
		await runMagentoNode(fake, {
			resource: 'order',
			operation: 'ship',
			orderId: String(order.entity_id),
		});
		const after = (await control.get(`/orders/${order.entity_id}`)).data;
		expect(after.shipments).toHaveLength(1);
		expect(after.shipments[0].tracks).toEqual([]);
		expect((await control.get('/state')).data.emails).toEqual([]);
	});
});
