/**
 * Several WooCommerce shops on one myOGO merchant (issue 17): two WooCommerce fakes with the same
 * order numbers against one myOGO sandbox, each shop with its own reference prefix (W1-, W2-) in its
 * orders and tracking templates, and one shop owning the product data of the SKUs both sell.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { itemsOf, runFromTrigger, type RunningWooCommerceFake } from '../harness/templates';
import { seedWooOrderProducts, wooOrder } from '../harness/wooCommerceOrder';
import {
	WOOCOMMERCE,
	expectMasterProductDataWins,
	expectOnlyOwnOrderTracked,
	myOgoOrdersByReference,
	pollShippedOrders,
	useTwoShops,
	type Shop,
} from './twoShops';
import { atTheNextRepair } from '../harness/n8nClock';

const env = useTwoShops(WOOCOMMERCE, ['W1-', 'W2-']);
type WooShop = Shop<RunningWooCommerceFake>;

const ORDERS = 'woocommerce-orders-to-myogo.json';
const TRACKING = 'woocommerce-tracking-from-myogo.json';
const PRODUCTS = 'woocommerce-products-to-myogo.json';

/** Order 1001 (id 1001: the tracking template finds orders by ID) paid in the shop, its buyer `city`. */
async function seedPaidOrder(shop: WooShop, city: string): Promise<IDataObject> {
	const order = wooOrder('1001', 'processing', {
		id: 1001,
		date_paid_gmt: new Date().toISOString().slice(0, 19),
		shipping: { ...(wooOrder('1001', 'processing').shipping as IDataObject), city },
	});
	await shop.control.post('/seed', { orders: [order] });
	return order;
}

/** The parcel code the warehouse gives the shop's order 1001 in these tests: JJFI-W1, JJFI-W2. */
const trackingNumberOf = (shop: WooShop) => `JJFI-${shop.prefix.replace('-', '')}`;

/** The shop's order 1001 is completed with its own parcel code (not the other shop's). */
async function expectCompletedWithOwnTracking(shop: WooShop): Promise<void> {
	const order = (await shop.control.get('/orders/1001')).data as IDataObject & {
		meta_data: IDataObject[];
	};
	expect(order.status).toBe('completed');
	expect(order.meta_data).toContainEqual(
		expect.objectContaining({ key: '_myogo_tracking_numbers', value: trackingNumberOf(shop) }),
	);
}

async function storeCalls(shop: WooShop): Promise<string[]> {
	const log = (await shop.control.get('/requests')).data as Array<{ method: string; path: string }>;
	return log.map((call) => `${call.method} ${call.path}`);
}

describe('orders and tracking: references W1-1001 and W2-1001', () => {
	beforeEach(() => seedWooOrderProducts(env.bed));

	test('with prefix W1-: the paid order is created, updated and cancelled in myOGO as W1-1001 (webhook and catch-up)', async () => {
		const [shop] = env.shops;
		const template = shop.template(ORDERS);
		const order = await seedPaidOrder(shop, 'Berlin');
		const created = await runFromTrigger(
			template,
			'WooCommerce Trigger (order updated)',
			[order],
			shop.credentials(),
		);
		expect(itemsOf(created, 'Failed Orders')).toEqual([]);
		expect(itemsOf(created, 'Sent to myOGO').map((o) => [o.reference, o.result])).toEqual([
			['W1-1001', 'created'],
		]);

		// An address change in WooCommerce updates the prefixed order, not a new one.
		const current = (await shop.control.get('/orders/1001')).data as IDataObject;
		const moved = (
			await axios.put(
				`${shop.fake.url}/wp-json/wc/v3/orders/1001`,
				{ shipping: { ...(current.shipping as IDataObject), city: 'Potsdam' } },
				{ auth: { username: shop.fake.consumerKey, password: shop.fake.consumerSecret } },
			)
		).data as IDataObject;
		const updated = await runFromTrigger(
			template,
			'WooCommerce Trigger (order updated)',
			[moved],
			shop.credentials(),
		);
		expect(itemsOf(updated, 'Sent to myOGO').map((o) => [o.reference, o.result])).toEqual([
			['W1-1001', 'updated'],
		]);

		// The catch-up compares with myOGO by the prefixed reference: nothing to send.
		const catchUp = await runFromTrigger(template, 'Catch-up Every Hour', [{}], shop.credentials());
		expect(itemsOf(catchUp, 'Nothing to Send').map((o) => [o.reference, o.result])).toEqual([
			['W1-1001', 'unchanged'],
		]);
		let orders = await myOgoOrdersByReference(env.bed);
		expect([...orders.keys()]).toEqual(['W1-1001']);
		expect(orders.get('W1-1001')?.customer).toMatchObject({ city: 'Potsdam' });

		// Cancelled while no webhook reached n8n: the catch-up finds W1-1001 still active and cancels it.
		await shop.control.post('/orders/1001/status', { status: 'cancelled' });
		const cancelled = await runFromTrigger(
			template,
			'Catch-up Every Hour',
			[{}],
			shop.credentials(),
		);
		expect(itemsOf(cancelled, 'Cancelled in myOGO').map((o) => [o.reference, o.status])).toEqual([
			['W1-1001', 'cancelled'],
		]);
		// A late cancel delivery finds nothing left to cancel under the same reference.
		const delivery = (await shop.control.get('/orders/1001')).data as IDataObject;
		const again = await runFromTrigger(
			template,
			'WooCommerce Trigger (order updated)',
			[delivery],
			shop.credentials(),
		);
		expect(itemsOf(again, 'Nothing to Cancel').map((o) => String(o.error))).toEqual([
			expect.stringContaining('W1-1001'),
		]);
		orders = await myOgoOrdersByReference(env.bed);
		expect([...orders].map(([reference, o]) => [reference, o.status])).toEqual([
			['W1-1001', 'cancelled'],
		]);
	});

	test('two shops with the same order number 1001: each order reaches myOGO once under its prefix, and each tracking template completes only its own', async () => {
		const [first, second] = env.shops;
		await seedPaidOrder(first, 'Berlin');
		await seedPaidOrder(second, 'Hamburg');
		for (let run = 0; run < 2; run++) {
			for (const shop of env.shops) {
				const result = await runFromTrigger(
					shop.template(ORDERS),
					'Catch-up Every Hour',
					[{}],
					shop.credentials(),
				);
				expect(itemsOf(result, 'Failed Orders')).toEqual([]);
			}
		}
		const orders = await myOgoOrdersByReference(env.bed);
		expect([...orders.keys()].sort()).toEqual(['W1-1001', 'W2-1001']);
		expect((orders.get('W1-1001')?.customer as IDataObject).city).toBe('Berlin');
		expect((orders.get('W2-1001')?.customer as IDataObject).city).toBe('Hamburg');

		const items = await pollShippedOrders(
			env.bed,
			first.template(TRACKING),
			first.credentials(),
			Object.fromEntries(env.shops.map((shop) => [`${shop.prefix}1001`, trackingNumberOf(shop)])),
		);
		expect(items.map((o) => o.reference).sort()).toEqual(['W1-1001', 'W2-1001']);
		for (const shop of env.shops) {
			const other = shop === first ? 'W2-1001' : 'W1-1001';
			await expectOnlyOwnOrderTracked(shop, TRACKING, items, other);
			// One completion and one note, both for its own order 1001: nothing was asked about the other.
			expect((await storeCalls(shop)).sort()).toEqual([
				'POST /orders/1001/notes',
				'PUT /orders/1001',
			]);
			await expectCompletedWithOwnTracking(shop);
		}
	});

	test("repair: each shop's repair run completes only its own shipped order, matched by prefix and order ID", async () => {
		for (const [shop, city] of env.shops.map((s, i) => [s, ['Berlin', 'Hamburg'][i]] as const)) {
			await runFromTrigger(
				shop.template(ORDERS, {}),
				'WooCommerce Trigger (order updated)',
				[await seedPaidOrder(shop, city)],
				shop.credentials(),
			);
		}
		// Both shipped while n8n was down: no trigger run, both shops' orders 1001 still processing.
		for (const shop of env.shops)
			await env.bed.control.post(`/orders/${shop.prefix}1001/advance`, {
				status: 'shipped',
				trackingNumber: trackingNumberOf(shop),
			});
		for (const shop of env.shops) {
			const repair = await atTheNextRepair(() =>
				runFromTrigger(shop.template(TRACKING), 'Repair Every 4 Hours', [{}], shop.credentials()),
			);
			expect(repair.error).toBeUndefined();
			expect(itemsOf(repair, 'Failed Tracking Updates')).toEqual([]);
			expect(itemsOf(repair, 'Tracking Sent')).toHaveLength(1);
			await expectCompletedWithOwnTracking(shop);
		}
	});
});

describe('products: one shop owns the product data of the SKUs both sell', () => {
	/** W1 (the master) and W2 both sell MUG under their own names; only W2 sells CUP. */
	async function seedCatalogs(): Promise<void> {
		const [master, other] = env.shops;
		await master.control.post('/seed', {
			products: [{ name: 'Enamel Mug', sku: 'MUG', regular_price: '9.90' }],
		});
		await other.control.post('/seed', {
			products: [
				{ name: 'Emalimuki', sku: 'MUG', regular_price: '8.50' },
				{ name: 'Kahvikuppi', sku: 'CUP', regular_price: '4.00' },
			],
		});
	}

	const resync = (shop: WooShop) =>
		runFromTrigger(
			shop.template(PRODUCTS, { 'settings.ownsProductData': shop === env.shops[0] }),
			'Full Resync Daily',
			[{}],
			shop.credentials(),
		);

	test("myOGO keeps the master's name and price whichever shop runs last; a SKU only the other shop sells is created; the other shop's runs write nothing over it", async () => {
		await seedCatalogs();
		await expectMasterProductDataWins(
			env.bed,
			(index) => resync(env.shops[index]),
			{ name: 'Enamel Mug', salesPrice: 9.9 },
			{ name: 'Kahvikuppi', salesPrice: 4 },
		);
	});
});
