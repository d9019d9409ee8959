/**
 * workflows/woocommerce-orders-to-myogo.json against the WooCommerce fake and the myOGO sandbox:
 * webhook deliveries (signed, checked by n8n's own WooCommerce Trigger) and the catch-up schedule.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	itemsOf,
	runFromTrigger,
	wooCommerceCredentials,
	wooCommerceWebhookTrigger,
} from '../harness/templates';
import { changeWooShipping } from '../harness/wooCommerceAdmin';
import { wooOrder as baseWooOrder, seedWooOrderProducts } from '../harness/wooCommerceOrder';
import { expectSecondCatchUpWritesNothing, myOgoApiCalls, useTemplateEnvironment } from './setup';

const env = useTemplateEnvironment({
	template: 'woocommerce-orders-to-myogo.json',
	seed: seedWooOrderProducts,
});

/** The harness's WooCommerce order with a buyer's note and the DHL Paket method the Settings map. */
function wooOrder(number: string, status: string, extra: IDataObject = {}): IDataObject {
	return baseWooOrder(number, status, {
		customer_note: 'Please leave at the door',
		shipping_lines: [
			{
				id: 3,
				method_title: 'DHL Paket',
				method_id: 'local_pickup',
				instance_id: '3',
				total: '4.87',
				total_tax: '0.93',
			},
		],
		...extra,
	});
}

/** Activates both WooCommerce Trigger nodes of the template against the fake. */
async function activateTriggers() {
	const created = await wooCommerceWebhookTrigger(
		env.template,
		'WooCommerce Trigger (order created)',
		env.credentials(),
	);
	const updated = await wooCommerceWebhookTrigger(
		env.template,
		'WooCommerce Trigger (order updated)',
		env.credentials(),
	);
	env.hooks.push(created, updated);
	return { created, updated };
}

async function myOgoOrders(): Promise<IDataObject[]> {
	return (await (await env.bed.api()).get('/orders', { params: { limit: 250 } }))
		.data as IDataObject[];
}

describe('WooCommerce paid orders to myOGO', () => {
	test('activation registers signed webhooks in WooCommerce for both topics', async () => {
		await activateTriggers();
		const webhooks = ((await env.woo.get('/state')).data as { webhooks: IDataObject[] }).webhooks;
		expect(webhooks.map((w) => w.topic).sort()).toEqual(['order.created', 'order.updated']);
	});

	test('a checkout costs one WooCommerce read and one myOGO call: the pending deliveries end on "Not Paid Yet", the payment creates the order; the catch-up does not send it again', async () => {
		const { created, updated } = await activateTriggers();
		// The customer checks out: WooCommerce creates the order as pending, then payment moves it to processing.
		const order = (await env.woo.post('/orders', wooOrder('2087', 'pending'))).data as IDataObject;
		await env.woo.post(`/orders/${order.id}/status`, { status: 'processing' });
		const deliveries = (await env.woo.get('/deliveries')).data as IDataObject[];
		expect(deliveries.map((d) => [d.topic, d.status])).toEqual([
			['order.created', 200],
			['order.updated', 200],
			['order.updated', 200],
		]);
		// n8n's own trigger accepted every delivery (its HMAC check passed) and handed the order over.
		const webhookItems = [...created.items, ...updated.items];
		expect(webhookItems).toHaveLength(3);

		await env.bed.control.delete('/requests');
		const wooRequestsBefore = ((await env.woo.get('/requests')).data as IDataObject[]).length;
		const ends: string[][] = [];
		for (const [trigger, name] of [
			[created, 'WooCommerce Trigger (order created)'],
			[updated, 'WooCommerce Trigger (order updated)'],
		] as const) {
			for (const items of trigger.items) {
				const result = await runFromTrigger(env.template, name, items, env.credentials());
				expect(result.error).toBeUndefined();
				expect(itemsOf(result, 'Failed Orders')).toEqual([]);
				ends.push([
					...itemsOf(result, 'Not Paid Yet').map(() => 'Not Paid Yet'),
					...itemsOf(result, 'Sent to myOGO').map(
						(o) => `Sent to myOGO: ${o.reference} ${o.result}`,
					),
				]);
			}
		}
		// The two deliveries of the pending order end before any call; the payment's delivery is read
		// once and sent as a new order: one POST, no read of myOGO first.
		expect(ends).toEqual([['Not Paid Yet'], ['Not Paid Yet'], ['Sent to myOGO: 2087 created']]);
		expect((await myOgoApiCalls(env)).map((c) => `${c.method} ${c.path}`)).toEqual([
			'POST /api/v1/orders',
		]);
		const wooReads = ((await env.woo.get('/requests')).data as IDataObject[]).slice(
			wooRequestsBefore,
		);
		expect(wooReads.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /orders/${order.id}`]);

		// The same payment delivered again: myOGO answers 409, the order is compared and not rewritten.
		const repeat = await runFromTrigger(
			env.template,
			'WooCommerce Trigger (order updated)',
			updated.items[1],
			env.credentials(),
		);
		expect(itemsOf(repeat, 'Nothing to Send').map((o) => [o.reference, o.result])).toEqual([
			['2087', 'unchanged'],
		]);

		// The hourly catch-up finds the order in myOGO: not sent again, not duplicated.
		const catchUp = await runFromTrigger(
			env.template,
			'Catch-up Every Hour',
			[{ timestamp: new Date().toISOString() }],
			env.credentials(),
		);
		expect(catchUp.error).toBeUndefined();
		expect(itemsOf(catchUp, 'Failed Orders')).toEqual([]);
		expect(itemsOf(catchUp, 'Sent to myOGO')).toEqual([]);
		expect(itemsOf(catchUp, 'Nothing to Send').map((o) => [o.reference, o.result])).toEqual([
			['2087', 'unchanged'],
		]);

		const orders = await myOgoOrders();
		expect(orders).toHaveLength(1);
		expect(orders[0]).toMatchObject({
			reference: '2087',
			status: 'new',
			shippingCode: 'MATKAHUOLTO', // local_pickup → MATKAHUOLTO from the Settings node's map
			priceCurrency: 'EUR',
			customer: expect.objectContaining({
				name: 'Jürgen Weiß',
				address1: 'Hauptstraße 5',
				city: 'Berlin',
				countryCode: 'DE',
				zip: '10115',
			}),
			orderLines: [
				expect.objectContaining({ code: 'HOODIE-BLUE-L', quantity: 2 }),
				expect.objectContaining({ code: 'WOO-BEANIE', quantity: 1 }),
			],
		});
		// WooCommerce side: the order is untouched by the sync (still processing, no notes).
		const wooOrderNow = (await env.woo.get(`/orders/${order.id}`)).data as IDataObject;
		expect(wooOrderNow).toMatchObject({ status: 'processing', notes: [] });
	});

	test('catch-up: only paid orders; an unknown method uses the default code', async () => {
		const seeded = (
			await env.woo.post('/seed', {
				orders: [
					wooOrder('3001', 'processing', { date_paid_gmt: new Date().toISOString().slice(0, 19) }),
					wooOrder('3002', 'pending'),
					wooOrder('3003', 'on-hold'),
					wooOrder('3004', 'processing', {
						date_created_gmt: new Date(Date.now() - 48 * 3600_000).toISOString().slice(0, 19),
					}),
				],
			})
		).data;
		expect(seeded.orders).toHaveLength(4);
		const catchUp = await runFromTrigger(
			env.template,
			'Catch-up Every Hour',
			[{}],
			env.credentials(),
		);
		expect(catchUp.error).toBeUndefined();
		expect(itemsOf(catchUp, 'Sent to myOGO').map((o) => o.reference)).toEqual(['3001']);
		expect((await myOgoOrders()).map((o) => o.reference)).toEqual(['3001']);

		// A paid order with a method the Settings do not map: the next catch-up sends it with the default code.
		const completedPaid = wooOrder('3005', 'processing', {
			id: 9005,
			date_paid: '2026-11-26T10:00:00',
			shipping_lines: [{ method_title: 'Express', method_id: 'express' }],
		});
		await env.woo.post('/seed', { orders: [completedPaid] });
		const next = await runFromTrigger(env.template, 'Catch-up Every Hour', [{}], env.credentials());
		expect(itemsOf(next, 'Sent to myOGO').map((o) => o.reference)).toEqual(['3005']);
		const orders = await myOgoOrders();
		expect(orders.find((o) => o.reference === '3005')).toMatchObject({
			shippingCode: 'POSTI_PAKETTI',
		}); // the default
		expect(orders.map((o) => o.reference).sort()).toEqual(['3001', '3005']);
	});

	test('a paid order later cancelled is cancelled in myOGO; an order the warehouse is collecting shows on "Could Not Cancel"; a refused order goes to "Failed Orders"', async () => {
		const paid = wooOrder('4001', 'processing', { id: 9401, date_paid: '2026-11-26T10:00:00' });
		const badSku = wooOrder('4002', 'processing', {
			id: 9402,
			date_paid: '2026-11-26T10:00:00',
			line_items: [
				{
					id: 1,
					name: 'Unknown',
					quantity: 1,
					sku: 'NOT-IN-MYOGO',
					price: 10,
					total: '10',
					total_tax: '0',
				},
			],
		});
		const unpaidCancelled = wooOrder('4003', 'cancelled', { id: 9403, date_paid: null });
		const collecting = wooOrder('4004', 'processing', {
			id: 9404,
			date_paid: '2026-11-26T10:00:00',
		});
		await env.woo.post('/seed', { orders: [paid, badSku, unpaidCancelled, collecting] });
		const first = await runFromTrigger(
			env.template,
			'WooCommerce Trigger (order updated)',
			[paid, badSku, collecting],
			env.credentials(),
		);
		expect(itemsOf(first, 'Sent to myOGO').map((o) => o.reference)).toEqual(['4001', '4004']);
		const failed = itemsOf(first, 'Failed Orders');
		expect(failed).toHaveLength(1);
		expect(JSON.stringify(failed[0])).toMatch(/NOT-IN-MYOGO|product/i);

		await env.bed.control.post('/orders/4004/advance', { status: 'collecting' });
		const cancelled = (await env.woo.post('/orders/9401/status', { status: 'cancelled' }))
			.data as IDataObject;
		const cancelledLate = (await env.woo.post('/orders/9404/status', { status: 'cancelled' }))
			.data as IDataObject;
		const second = await runFromTrigger(
			env.template,
			'WooCommerce Trigger (order updated)',
			[cancelled, unpaidCancelled, cancelledLate],
			env.credentials(),
		);
		expect(second.error).toBeUndefined();
		expect(itemsOf(second, 'Cancelled in myOGO').map((o) => [o.reference, o.status])).toEqual([
			['4001', 'cancelled'],
		]);
		expect(itemsOf(second, 'Could Not Cancel')).toEqual([
			expect.objectContaining({
				error: expect.stringContaining('4004 cannot be cancelled: it is already collecting'),
			}),
		]);
		// The order never paid was never sent, so it is not cancelled anywhere: nothing goes to a failure branch.
		expect([
			...itemsOf(second, 'Failed Orders'),
			...itemsOf(second, 'Sent to myOGO'),
			...itemsOf(second, 'Nothing to Cancel'),
		]).toEqual([]);
		expect((await myOgoOrders()).map((o) => [o.reference, o.status]).sort()).toEqual([
			['4001', 'cancelled'],
			['4004', 'collecting'],
		]);
	});

	test('catch-up: a paid order cancelled while no webhook reached n8n (WooCommerce had disabled it) is cancelled in myOGO', async () => {
		// No trigger is active here: WooCommerce delivers nothing, as after it disabled the webhook.
		const paid = wooOrder('4101', 'processing', {
			id: 9501,
			date_paid_gmt: new Date().toISOString().slice(0, 19),
		});
		const neverPaid = wooOrder('4102', 'pending', { id: 9502 });
		await env.woo.post('/seed', { orders: [paid, neverPaid] });
		const first = await runFromTrigger(
			env.template,
			'Catch-up Every Hour',
			[{}],
			env.credentials(),
		);
		expect(itemsOf(first, 'Sent to myOGO').map((o) => o.reference)).toEqual(['4101']);

		await env.woo.post('/orders/9501/status', { status: 'cancelled' });
		await env.woo.post('/orders/9502/status', { status: 'cancelled' });
		expect((await env.woo.get('/deliveries')).data).toEqual([]);
		const second = await runFromTrigger(
			env.template,
			'Catch-up Every Hour',
			[{}],
			env.credentials(),
		);
		expect(second.error).toBeUndefined();
		expect(itemsOf(second, 'Cancelled in myOGO').map((o) => [o.reference, o.status])).toEqual([
			['4101', 'cancelled'],
		]);
		expect([
			...itemsOf(second, 'Failed Orders'),
			...itemsOf(second, 'Could Not Cancel'),
			...itemsOf(second, 'Sent to myOGO'),
		]).toEqual([]);
		expect((await myOgoOrders()).map((o) => [o.reference, o.status])).toEqual([
			['4101', 'cancelled'],
		]);

		// The next catch-up still sees the cancelled order in its window, and myOGO's list says it is
		// cancelled there already: no cancel is sent again (#20), no myOGO write at all.
		await env.bed.control.delete('/requests');
		const third = await runFromTrigger(
			env.template,
			'Catch-up Every Hour',
			[{}],
			env.credentials(),
		);
		expect(third.error).toBeUndefined();
		expect(itemsOf(third, 'Cancelled After Payment?').map((o) => o.number)).toEqual(['4101']);
		expect([
			...itemsOf(third, 'Nothing to Cancel'),
			...itemsOf(third, 'Failed Orders'),
			...itemsOf(third, 'Could Not Cancel'),
		]).toEqual([]);
		expect((await myOgoApiCalls(env)).filter((call) => call.method !== 'GET')).toEqual([]);
	});

	test('catch-up with the key in the query string works; a refused read goes to "Failed Orders"', async () => {
		await env.woo.post('/seed', { orders: [wooOrder('5001', 'processing')] });
		const inQuery = {
			...env.bed.credentials,
			wooCommerceApi: wooCommerceCredentials(env.fake, true),
		} as never;
		const ok = await runFromTrigger(env.template, 'Catch-up Every Hour', [{}], inQuery);
		expect(itemsOf(ok, 'Sent to myOGO').map((o) => o.reference)).toEqual(['5001']);
		const log = (await env.woo.get('/requests')).data as Array<{ status: number }>;
		expect(log.map((r) => r.status)).toEqual([200]);

		const wrongKey = {
			...env.bed.credentials,
			wooCommerceApi: { ...wooCommerceCredentials(env.fake), consumerKey: 'ck_wrong' },
		} as never;
		const failed = await runFromTrigger(env.template, 'Catch-up Every Hour', [{}], wrongKey);
		expect(failed.error).toBeUndefined();
		expect(itemsOf(failed, 'Failed Orders')).toHaveLength(1);
		expect(
			failed.run.data.resultData.runData['Get Recent Paid and Cancelled Orders'][0].error?.message,
		).toMatch(/authoriz|401|permission|forbidden/i);
		expect(itemsOf(failed, 'Sent to myOGO')).toEqual([]);
	});

	test('catch-up meeting an order the warehouse is collecting ends on "Nothing to Send", not a failure, and changes nothing', async () => {
		await env.woo.post('/seed', { orders: [wooOrder('6001', 'processing')] });
		await runFromTrigger(env.template, 'Catch-up Every Hour', [{}], env.credentials());
		await env.bed.control.post('/orders/6001/advance', { status: 'collecting' });
		const again = await runFromTrigger(
			env.template,
			'Catch-up Every Hour',
			[{}],
			env.credentials(),
		);
		expect(again.error).toBeUndefined();
		expect(itemsOf(again, 'Failed Orders')).toEqual([]);
		expect(itemsOf(again, 'Already With the Warehouse')).toEqual([]);
		expect(itemsOf(again, 'Nothing to Send').map((o) => [o.reference, o.status, o.result])).toEqual(
			[['6001', 'collecting', 'unchanged']],
		);
		expect((await myOgoOrders()).map((o) => [o.reference, o.status])).toEqual([
			['6001', 'collecting'],
		]);
	});

	test('out of order: a cancel that overtakes the payment, then the late "paid" delivery, leaves no active order in myOGO', async () => {
		const { updated } = await activateTriggers();
		const order = (await env.woo.post('/orders', wooOrder('4101', 'pending'))).data as IDataObject;
		await env.woo.post(`/orders/${order.id}/status`, { status: 'processing' });
		await env.woo.post(`/orders/${order.id}/status`, { status: 'cancelled' });
		// WooCommerce sent created-as-pending, processing, cancelled; the network delivers them in reverse.
		expect(updated.items.map((items) => items[0].status)).toEqual([
			'pending',
			'processing',
			'cancelled',
		]);
		await env.woo.delete('/requests');
		const outcomes: string[][] = [];
		for (const items of [...updated.items].reverse()) {
			const result = await runFromTrigger(
				env.template,
				'WooCommerce Trigger (order updated)',
				items,
				env.credentials(),
			);
			expect(result.error).toBeUndefined();
			expect(itemsOf(result, 'Failed Orders')).toEqual([]);
			expect(itemsOf(result, 'Sent to myOGO')).toEqual([]);
			outcomes.push([
				...itemsOf(result, 'Nothing to Cancel').map((o) => String(o.error)),
				...itemsOf(result, 'Not Paid Yet').map(() => 'Not Paid Yet'),
			]);
		}
		// The cancelled and the late "paid" delivery were decided on the order as it is now (cancelled
		// after payment): nothing to cancel in myOGO. The pending one ends before any call.
		expect(outcomes).toEqual([
			[expect.stringContaining('4101')],
			[expect.stringContaining('4101')],
			['Not Paid Yet'],
		]);
		expect(await myOgoOrders()).toEqual([]);
		// One read of the current order per delivery that could be paid, nothing else.
		const log = (await env.woo.get('/requests')).data as Array<{ method: string; path: string }>;
		expect(log.map((r) => `${r.method} ${r.path}`)).toEqual(
			[1, 2].map(() => `GET /orders/${order.id}`),
		);
	});

	test('a cancel delivered twice cancels once; the repeat is "Nothing to Cancel", not a failure', async () => {
		const { updated } = await activateTriggers();
		const order = (await env.woo.post('/orders', wooOrder('4201', 'processing')))
			.data as IDataObject;
		const paid = await runFromTrigger(
			env.template,
			'WooCommerce Trigger (order updated)',
			updated.items[0],
			env.credentials(),
		);
		expect(itemsOf(paid, 'Sent to myOGO').map((o) => [o.reference, o.result])).toEqual([
			['4201', 'created'],
		]);
		await env.woo.post(`/orders/${order.id}/status`, { status: 'cancelled' });
		const cancelDelivery = updated.items[updated.items.length - 1];
		expect(cancelDelivery[0].status).toBe('cancelled');
		const runs = [];
		for (const items of [cancelDelivery, cancelDelivery]) {
			const result = await runFromTrigger(
				env.template,
				'WooCommerce Trigger (order updated)',
				items,
				env.credentials(),
			);
			expect(result.error).toBeUndefined();
			expect(itemsOf(result, 'Failed Orders')).toEqual([]);
			runs.push(result);
		}
		expect(itemsOf(runs[0], 'Cancelled in myOGO').map((o) => [o.reference, o.status])).toEqual([
			['4201', 'cancelled'],
		]);
		expect(itemsOf(runs[0], 'Sent to myOGO')).toEqual([]);
		expect(itemsOf(runs[1], 'Nothing to Cancel')).toEqual([
			expect.objectContaining({ error: expect.stringContaining('already cancelled') }),
		]);
		expect((await myOgoOrders()).map((o) => [o.reference, o.status])).toEqual([
			['4201', 'cancelled'],
		]);
	});

	test('a delivery whose order cannot be read is on "Failed Orders", naming the order; nothing is sent', async () => {
		const { updated } = await activateTriggers();
		const order = (await env.woo.post('/orders', wooOrder('4301', 'processing')))
			.data as IDataObject;
		await env.woo.post('/faults', { status: 503, method: 'GET', path: `/orders/${order.id}` });
		const result = await runFromTrigger(
			env.template,
			'WooCommerce Trigger (order updated)',
			updated.items[0],
			env.credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, 'Failed Orders')).toEqual([{ orderId: order.id }]);
		expect(result.run.data.resultData.runData['Get Current Order'][0].error?.message).toMatch(
			/503|unavailable|service/i,
		);
		expect(itemsOf(result, 'Sent to myOGO')).toEqual([]);
		expect(await myOgoOrders()).toEqual([]);
	});

	test('a paid order with a line left out (no SKU) ends on "Sent Without Some Lines" with the line, why and what to do; a complete order on "Sent to myOGO"', async () => {
		const partial = wooOrder('7001', 'processing', {
			id: 9701,
			line_items: [
				{
					id: 1,
					name: 'Handmade scarf',
					quantity: 2,
					sku: '',
					price: 20,
					total: '40.00',
					total_tax: '7.60',
					product_id: 60,
					variation_id: 0,
				},
				{
					id: 2,
					name: 'Mütze',
					quantity: 1,
					sku: 'WOO-BEANIE',
					price: 15.12605,
					total: '15.13',
					total_tax: '2.87',
					product_id: 52,
					variation_id: 0,
				},
			],
		});
		const complete = wooOrder('7002', 'processing', { id: 9702 });
		await env.woo.post('/seed', { orders: [partial, complete] });
		const run = await runFromTrigger(
			env.template,
			'WooCommerce Trigger (order updated)',
			[partial, complete],
			env.credentials(),
		);
		expect(run.error).toBeUndefined();
		expect(itemsOf(run, 'Failed Orders')).toEqual([]);
		expect(itemsOf(run, 'Sent to myOGO').map((o) => o.reference)).toEqual(['7002']);
		const shortOrders = itemsOf(run, 'Sent Without Some Lines');
		expect(shortOrders).toEqual([
			expect.objectContaining({
				reference: '7001',
				orderLines: [expect.objectContaining({ code: 'WOO-BEANIE', quantity: 1 })],
				linesLeftOut: [
					{
						line: 1,
						title: 'Handmade scarf',
						reason: 'no SKU',
						whatToDo: expect.stringMatching(/SKU[\s\S]*myOGO/),
					},
				],
			}),
		]);
	});

	test("a second catch-up with nothing new makes no myOGO write (sandbox request log) and reads myOGO's orders once", async () => {
		await env.woo.post('/seed', {
			orders: ['8001', '8002', '8003'].map((number) => wooOrder(number, 'processing')),
		});
		await expectSecondCatchUpWritesNothing(env, 3);
	});

	test('an address change in WooCommerce reaches myOGO while the order is new; once the warehouse is collecting it ends on "Already With the Warehouse" naming the change', async () => {
		const order = wooOrder('8101', 'processing', { id: 9811 });
		await env.woo.post('/seed', { orders: [order] });
		const sent = await runFromTrigger(
			env.template,
			'WooCommerce Trigger (order updated)',
			[order],
			env.credentials(),
		);
		expect(itemsOf(sent, 'Sent to myOGO').map((o) => o.result)).toEqual(['created']);

		const moved = await changeWooShipping(env.fake, 9811, { address_1: 'Friedrichstraße 100' });
		const updated = await runFromTrigger(
			env.template,
			'WooCommerce Trigger (order updated)',
			[moved],
			env.credentials(),
		);
		expect(itemsOf(updated, 'Sent to myOGO')).toEqual([
			expect.objectContaining({
				reference: '8101',
				result: 'updated',
				changes: [expect.objectContaining({ field: 'customer.address1' })],
			}),
		]);
		expect((await myOgoOrders())[0].customer).toMatchObject({ address1: 'Friedrichstraße 100' });

		await env.bed.control.post('/orders/8101/advance', { status: 'collecting' });
		await env.bed.control.delete('/requests');
		const late = await changeWooShipping(env.fake, 9811, { address_1: 'Unter den Linden 1' });
		const taken = await runFromTrigger(
			env.template,
			'WooCommerce Trigger (order updated)',
			[late],
			env.credentials(),
		);
		expect(taken.error).toBeUndefined();
		expect(itemsOf(taken, 'Failed Orders')).toEqual([]);
		const warehouse = itemsOf(taken, 'Already With the Warehouse');
		expect(warehouse).toHaveLength(1);
		expect(String(warehouse[0].error)).toMatch(
			/8101 cannot be updated: it is already collecting[\s\S]*customer\.address1: "Friedrichstraße 100" → "Unter den Linden 1"[\s\S]*Tell the warehouse/,
		);
		expect((await myOgoApiCalls(env)).filter((call) => call.method !== 'GET')).toEqual([]);
		expect((await myOgoOrders())[0].customer).toMatchObject({ address1: 'Friedrichstraße 100' });
	});
});
