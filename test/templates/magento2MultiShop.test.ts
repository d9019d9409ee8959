/**
 * Several Magento 2 shops on one myOGO merchant (issue 17): two Magento fakes with the same order
 * number against one myOGO sandbox, each shop with its own reference prefix (M1-, M2-) in its orders
 * and tracking templates, and one shop owning the product data of the SKUs both sell.
 */
import type { IDataObject } from 'n8n-workflow';

import { placeMagentoOrder, type RunningMagentoFake } from '../harness/magento2';
import { runWorkflow } from '../harness/runWorkflow';
import { itemsOf, type Template } from '../harness/templates';
import {
	MAGENTO,
	expectMasterProductDataWins,
	expectOnlyOwnOrderTracked,
	myOgoOrdersByReference,
	pollShippedOrders,
	useTwoShops,
	type Shop,
} from './twoShops';
import { atTheNextRepair } from '../harness/n8nClock';

const env = useTwoShops(MAGENTO, ['M1-', 'M2-']);
type MagentoShop = Shop<RunningMagentoFake>;
type Obj = Record<string, any>;

const ORDERS = 'magento2-orders-to-myogo.json';
const TRACKING = 'magento2-tracking-from-myogo.json';
const PRODUCTS = 'magento2-products-to-myogo.json';
const NUMBER = '000000101';

/** Runs a template from one of its Schedule Triggers, as n8n does on the hour. */
const runFrom = (shop: MagentoShop, template: Template, trigger: string) =>
	runWorkflow(
		{ nodes: template.nodes, connections: template.connections },
		{ credentials: shop.credentials(), startNode: trigger },
	);

/** Order 000000101 paid in the shop (the same number in both shops), shipped to `city`. */
async function placeOrder(shop: MagentoShop, city: string, input: Obj = {}): Promise<Obj> {
	return await placeMagentoOrder(shop.control, {
		increment_id: NUMBER,
		address: {
			firstname: 'Aino',
			lastname: 'Virtanen',
			street: ['Testikatu 1'],
			city,
			postcode: '00100',
			country_id: 'FI',
			telephone: '+358401234567',
			email: 'buyer@example.com',
		},
		...input,
	});
}

async function shipmentsOf(shop: MagentoShop, entityId: number): Promise<Obj[]> {
	return ((await shop.control.get(`/orders/${entityId}`)).data as Obj).shipments as Obj[];
}

/** The parcel code the warehouse gives the shop's order in these tests: M1-TRACK, M2-TRACK. */
const trackingNumberOf = (shop: MagentoShop) => `${shop.prefix}TRACK`;

/** The shop's order has one shipment, with its own parcel code (not the other shop's). */
async function expectShippedWithOwnTracking(shop: MagentoShop, order: Obj): Promise<void> {
	const shipments = await shipmentsOf(shop, order.entity_id);
	expect(shipments.map((s) => s.tracks.map((t: Obj) => t.track_number))).toEqual([
		[trackingNumberOf(shop)],
	]);
}

describe('orders and tracking: references M1-000000101 and M2-000000101', () => {
	beforeEach(() =>
		env.bed.control.post('/seed', {
			products: ['TEE-S', 'MUG', 'SPOON'].map((code) => ({ code, languageCode: 'en', name: code })),
		}),
	);

	test('with prefix M1-: the paid order is created in myOGO as M1-000000101, found there by the next poll, and its cancel cancels M1-000000101', async () => {
		const [shop] = env.shops;
		const template = shop.template(ORDERS);
		const order = await placeOrder(shop, 'Helsinki');
		const first = await runFrom(shop, template, 'Poll Every 5 Minutes');
		expect(itemsOf(first, 'Failed Orders')).toEqual([]);
		expect(itemsOf(first, 'Sent to myOGO').map((o) => [o.reference, o.result])).toEqual([
			[`M1-${NUMBER}`, 'created'],
		]);
		const again = await runFrom(shop, template, 'Catch-up Every Hour');
		expect(itemsOf(again, 'Already in myOGO').map((o) => o.reference)).toEqual([`M1-${NUMBER}`]);

		await shop.control.post(`/orders/${order.entity_id}/state`, { state: 'canceled' });
		const cancelled = await runFrom(shop, template, 'Poll Every 5 Minutes');
		expect(itemsOf(cancelled, 'Cancelled in myOGO').map((o) => [o.reference, o.status])).toEqual([
			[`M1-${NUMBER}`, 'cancelled'],
		]);
		const orders = await myOgoOrdersByReference(env.bed);
		expect([...orders].map(([reference, o]) => [reference, o.status])).toEqual([
			[`M1-${NUMBER}`, 'cancelled'],
		]);
	});

	test('two shops with the same order number: each order reaches myOGO once under its prefix, and each tracking template ships only its own', async () => {
		const placed = [
			await placeOrder(env.shops[0], 'Helsinki'),
			await placeOrder(env.shops[1], 'Tampere'),
		];
		for (let run = 0; run < 2; run++) {
			for (const shop of env.shops) {
				const result = await runFrom(shop, shop.template(ORDERS), 'Poll Every 5 Minutes');
				expect(itemsOf(result, 'Failed Orders')).toEqual([]);
			}
		}
		const orders = await myOgoOrdersByReference(env.bed);
		expect([...orders.keys()].sort()).toEqual([`M1-${NUMBER}`, `M2-${NUMBER}`]);
		expect((orders.get(`M1-${NUMBER}`)?.customer as IDataObject).city).toBe('Helsinki');
		expect((orders.get(`M2-${NUMBER}`)?.customer as IDataObject).city).toBe('Tampere');

		const items = await pollShippedOrders(
			env.bed,
			env.shops[0].template(TRACKING),
			env.shops[0].credentials(),
			Object.fromEntries(
				env.shops.map((shop) => [`${shop.prefix}${NUMBER}`, trackingNumberOf(shop)]),
			),
		);
		expect(items).toHaveLength(2);
		for (const [index, shop] of env.shops.entries()) {
			const other = env.shops[1 - index];
			await expectOnlyOwnOrderTracked(shop, TRACKING, items, `${other.prefix}${NUMBER}`);
			// One lookup, for its own order number only, and one shipment.
			const calls = (await shop.control.get('/requests')).data as Obj[];
			expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
				'GET /orders',
				`POST /order/${placed[index].entity_id}/ship`,
			]);
			expect(calls[0].query['searchCriteria[filterGroups][0][filters][0][value]']).toBe(NUMBER);
			await expectShippedWithOwnTracking(shop, placed[index]);
		}
	});

	test("repair: each shop's repair run ships only its own order, found by the number without the prefix", async () => {
		const placed: Obj[] = [];
		for (const [index, shop] of env.shops.entries()) {
			placed.push(await placeOrder(shop, ['Helsinki', 'Tampere'][index]));
			await runFrom(shop, shop.template(ORDERS), 'Poll Every 5 Minutes');
		}
		// Both shipped while n8n was down: no trigger run, both Magento orders still open.
		for (const shop of env.shops)
			await env.bed.control.post(`/orders/${shop.prefix}${NUMBER}/advance`, {
				status: 'shipped',
				trackingNumber: trackingNumberOf(shop),
			});
		for (const [index, shop] of env.shops.entries()) {
			const repair = await atTheNextRepair(() =>
				runFrom(shop, shop.template(TRACKING), 'Repair Every 4 Hours'),
			);
			expect(repair.error).toBeUndefined();
			expect(itemsOf(repair, 'Failed Tracking Updates')).toEqual([]);
			expect(itemsOf(repair, 'Tracking Sent')).toHaveLength(1);
			expect(itemsOf(repair, "Another Shop's Order")).toHaveLength(1);
			await expectShippedWithOwnTracking(shop, placed[index]);
		}
	});
});

describe('products: one shop owns the product data of the SKUs both sell', () => {
	/** M1 (the master) and M2 both sell MUG under their own names; only M2 sells CUP. */
	async function seedCatalogs(): Promise<void> {
		const [master, other] = env.shops;
		await master.control.post('/seed', {
			products: [{ sku: 'MUG', name: 'Enamel Mug', price: 24.9 }],
		});
		await other.control.post('/seed', {
			products: [
				{ sku: 'MUG', name: 'Emalimuki', price: 19.9 },
				{ sku: 'CUP', name: 'Kahvikuppi', price: 4 },
			],
		});
	}

	const poll = (shop: MagentoShop) =>
		runFrom(
			shop,
			shop.template(PRODUCTS, { 'settings.ownsProductData': shop === env.shops[0] }),
			'Poll Every 15 Minutes',
		);

	test("myOGO keeps the master's name and price whichever shop runs last; a SKU only the other shop sells is created; the other shop's runs write nothing over it", async () => {
		await seedCatalogs();
		await expectMasterProductDataWins(
			env.bed,
			(index) => poll(env.shops[index]),
			{ name: 'Enamel Mug', salesPrice: 24.9 },
			{ name: 'Kahvikuppi', salesPrice: 4 },
		);
	});
});
