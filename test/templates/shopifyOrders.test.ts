/**
 * workflows/shopify-orders-to-myogo.json against the Shopify fake and the myOGO sandbox: webhook
 * deliveries (HMAC-signed, checked by n8n's own Shopify Trigger), the hourly catch-up, and cancels.
 */
import type { IDataObject } from 'n8n-workflow';

import { configure, itemsOf, runFromTrigger, type Template } from '../harness/templates';
import { filterNode, insertAtRulesSpot } from '../harness/templateRules';
import { revokedShopifyOAuth2Credentials, shopifyWebhookTrigger } from '../harness/shopify';
import { editShopifyAddress } from '../harness/shopifyAdmin';
import {
	expectSecondCatchUpWritesNothing,
	myOgoApiCalls,
	useShopifyTemplateEnvironment,
} from './setup';

const env = useShopifyTemplateEnvironment('shopify-orders-to-myogo.json', [
	'HOODIE-BLUE-L',
	'BEANIE',
]);

const PAID = 'Shopify Trigger (order paid)';
const CANCELLED = 'Shopify Trigger (order cancelled)';
const UPDATED = 'Shopify Trigger (order updated)';

beforeEach(async () => {
	await env.shopify.post('/seed', {
		products: [
			{
				title: 'Hoodie',
				variants: [{ sku: 'HOODIE-BLUE-L', price: '42.00', option1: 'Blue / L' }],
			},
			{ title: 'Beanie', variants: [{ sku: 'BEANIE', price: '15.00' }] },
		],
	});
});

/** A checkout as the buyer places it (the fake fills in titles and variant ids from the SKUs). */
function checkout(extra: IDataObject = {}): IDataObject {
	return {
		email: 'jurgen@example.de',
		line_items: [
			{ sku: 'HOODIE-BLUE-L', quantity: 2, price: '42.00' },
			{ sku: 'BEANIE', quantity: 1, price: '15.00' },
		],
		shipping_address: {
			first_name: 'Jürgen',
			last_name: 'Weiß',
			address1: 'Hauptstraße 5',
			city: 'Berlin',
			zip: '10115',
			country_code: 'DE',
			phone: '+4930123',
		},
		shipping_lines: [{ title: 'Express', code: 'EXPRESS', price: '9.90' }],
		...extra,
	};
}

async function placeOrder(extra: IDataObject = {}): Promise<IDataObject> {
	return (await env.shopify.post('/orders', checkout(extra))).data as IDataObject;
}

async function activateTriggers() {
	const paid = await shopifyWebhookTrigger(env.template, PAID, env.credentials());
	const cancelled = await shopifyWebhookTrigger(env.template, CANCELLED, env.credentials());
	env.hooks.push(paid, cancelled);
	return { paid, cancelled };
}

async function myOgoOrders(): Promise<IDataObject[]> {
	return (await (await env.bed.api()).get('/orders', { params: { limit: 250 } }))
		.data as IDataObject[];
}

const reference = (order: IDataObject) => String(order.name).replace(/^#/, '');

describe('Shopify paid orders to myOGO', () => {
	test('activation registers the orders/paid, orders/cancelled and orders/updated webhooks in Shopify', async () => {
		await activateTriggers();
		env.hooks.push(await shopifyWebhookTrigger(env.template, UPDATED, env.credentials()));
		const webhooks = ((await env.shopify.get('/state')).data as { webhooks: IDataObject[] })
			.webhooks;
		expect(webhooks.map((w) => w.topic).sort()).toEqual([
			'orders/cancelled',
			'orders/paid',
			'orders/updated',
		]);
	});

	test('a paid order is one myOGO call from its webhook; sent again by a repeated delivery and by the catch-up it exists exactly once in myOGO', async () => {
		const { paid } = await activateTriggers();
		const order = await placeOrder();
		await env.shopify.post(`/orders/${order.id}/pay`);
		await env.shopifyFake.settle();
		// n8n's own trigger accepted the signed delivery and handed the order over.
		expect(paid.items).toHaveLength(1);
		await env.bed.control.delete('/requests');
		const webhookRun = await runFromTrigger(env.template, PAID, paid.items[0], env.credentials());
		expect(webhookRun.error).toBeUndefined();
		expect(itemsOf(webhookRun, 'Failed Orders')).toEqual([]);
		expect(itemsOf(webhookRun, 'Sent to myOGO').map((o) => [o.reference, o.result])).toEqual([
			[reference(order), 'created'],
		]);
		// A payment sends the order as new: one myOGO call, no read of myOGO first.
		expect((await myOgoApiCalls(env)).map((c) => `${c.method} ${c.path}`)).toEqual([
			'POST /api/v1/orders',
		]);
		// The same payment delivered again: answered 409, compared, nothing written.
		const repeat = await runFromTrigger(env.template, PAID, paid.items[0], env.credentials());
		expect(itemsOf(repeat, 'Nothing to Send').map((o) => [o.reference, o.result])).toEqual([
			[reference(order), 'unchanged'],
		]);

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
			[reference(order), 'unchanged'],
		]);

		const orders = await myOgoOrders();
		expect(orders).toHaveLength(1);
		expect(orders[0]).toMatchObject({
			reference: reference(order),
			status: 'new',
			shippingCode: 'DHL_EXPRESS', // "Express" → DHL_EXPRESS from the Settings node's map
			customer: expect.objectContaining({
				name: 'Jürgen Weiß',
				address1: 'Hauptstraße 5',
				city: 'Berlin',
				countryCode: 'DE',
				zip: '10115',
				email: 'jurgen@example.de',
			}),
			orderLines: [
				expect.objectContaining({ code: 'HOODIE-BLUE-L', quantity: 2 }),
				expect.objectContaining({ code: 'BEANIE', quantity: 1 }),
			],
		});
		// Shopify side: the order is untouched by the sync (paid, not fulfilled).
		const shopifyOrder = (
			(await env.shopify.get('/state')).data as { orders: IDataObject[] }
		).orders.find((o) => o.id === order.id);
		expect(shopifyOrder).toMatchObject({
			financial_status: 'paid',
			fulfillment_status: null,
			cancelled_at: null,
		});
	});

	test('catch-up: only paid, unfulfilled orders of the last hours; an unknown method takes the default code', async () => {
		const old = new Date(Date.now() - 48 * 3600_000).toISOString();
		const seeded = (
			await env.shopify.post('/seed', {
				orders: [
					checkout({
						financial_status: 'paid',
						shipping_lines: [{ title: 'Pickup', code: 'PICKUP', price: '0.00' }],
					}),
					checkout({ financial_status: 'pending' }),
					checkout({ financial_status: 'paid', fulfillment_status: 'fulfilled' }),
					checkout({ financial_status: 'paid', created_at: old }),
				],
			})
		).data as { orders: number[] };
		expect(seeded.orders).toHaveLength(4);
		const orders = ((await env.shopify.get('/state')).data as { orders: IDataObject[] }).orders;
		const first = orders.find((o) => o.id === seeded.orders[0])!;

		const catchUp = await runFromTrigger(
			env.template,
			'Catch-up Every Hour',
			[{}],
			env.credentials(),
		);
		expect(catchUp.error).toBeUndefined();
		expect(itemsOf(catchUp, 'Failed Orders')).toEqual([]);
		expect(itemsOf(catchUp, 'Sent to myOGO').map((o) => o.reference)).toEqual([reference(first)]);
		expect((await myOgoOrders()).map((o) => [o.reference, o.shippingCode])).toEqual([
			[reference(first), 'POSTI_PAKETTI'],
		]);
	});

	test('a paid order later cancelled is cancelled in myOGO; an order the warehouse is collecting shows on "Could Not Cancel"', async () => {
		const { paid, cancelled } = await activateTriggers();
		const early = await placeOrder();
		const late = await placeOrder();
		const unpaid = await placeOrder();
		for (const order of [early, late]) await env.shopify.post(`/orders/${order.id}/pay`);
		await env.shopifyFake.settle();
		for (const items of paid.items)
			await runFromTrigger(env.template, PAID, items, env.credentials());
		expect((await myOgoOrders()).map((o) => o.reference).sort()).toEqual(
			[reference(early), reference(late)].sort(),
		);

		await env.bed.control.post(`/orders/${reference(late)}/advance`, { status: 'collecting' });
		for (const order of [early, late, unpaid]) await env.shopify.post(`/orders/${order.id}/cancel`);
		await env.shopifyFake.settle();
		expect(cancelled.items).toHaveLength(3);
		const runs = [];
		for (const items of cancelled.items)
			runs.push(await runFromTrigger(env.template, CANCELLED, items, env.credentials()));
		for (const run of runs) expect(run.error).toBeUndefined();
		expect(
			runs.flatMap((run) => itemsOf(run, 'Cancelled in myOGO')).map((o) => [o.reference, o.status]),
		).toEqual([[reference(early), 'cancelled']]);
		const refused = runs.flatMap((run) => itemsOf(run, 'Could Not Cancel'));
		expect(refused).toEqual([
			expect.objectContaining({
				error: expect.stringContaining(
					`${reference(late)} cannot be cancelled: it is already collecting`,
				),
			}),
		]);
		// The order never paid was never sent, so it is not cancelled anywhere: nothing goes to a failure branch.
		expect(
			runs.flatMap((run) => [...itemsOf(run, 'Failed Orders'), ...itemsOf(run, 'Sent to myOGO')]),
		).toEqual([]);

		const statuses = new Map((await myOgoOrders()).map((o) => [o.reference, o.status]));
		expect(Object.fromEntries(statuses)).toEqual({
			[reference(early)]: 'cancelled',
			[reference(late)]: 'collecting',
		});
	});

	test('out of order: a cancel processed before the paid delivery leaves no active order in myOGO', async () => {
		const { paid, cancelled } = await activateTriggers();
		const order = await placeOrder();
		await env.shopify.post(`/orders/${order.id}/pay`);
		await env.shopify.post(`/orders/${order.id}/cancel`);
		await env.shopifyFake.settle();
		expect([paid.items.length, cancelled.items.length]).toEqual([1, 1]);
		// n8n processes the cancel first (a delivery overtook the other, or a retry came late).
		const cancelRun = await runFromTrigger(
			env.template,
			CANCELLED,
			cancelled.items[0],
			env.credentials(),
		);
		const paidRun = await runFromTrigger(env.template, PAID, paid.items[0], env.credentials());
		for (const run of [cancelRun, paidRun]) {
			expect(run.error).toBeUndefined();
			expect(itemsOf(run, 'Failed Orders')).toEqual([]);
			expect(itemsOf(run, 'Sent to myOGO')).toEqual([]);
		}
		// Both deliveries were decided on the order as Shopify has it now: cancelled, never sent.
		const nothing = [
			...itemsOf(cancelRun, 'Nothing to Cancel'),
			...itemsOf(paidRun, 'Nothing to Cancel'),
		];
		expect(nothing.map((item) => String(item.error))).toEqual([
			expect.stringContaining(reference(order)),
			expect.stringContaining(reference(order)),
		]);
		const active = (await myOgoOrders()).filter((o) => o.status !== 'cancelled');
		expect(active).toEqual([]);
		// One Shopify read per delivery, of that order.
		const reads = ((await env.shopify.get('/requests')).data as IDataObject[]).filter(
			(e) => e.method === 'GET' && String(e.path).includes(`/orders/${order.id}`),
		);
		expect(reads).toHaveLength(2);
	});

	test('a delivery whose Shopify read fails goes to "Failed Orders"; the next catch-up sends the order once', async () => {
		const { paid } = await activateTriggers();
		const order = await placeOrder();
		await env.shopify.post(`/orders/${order.id}/pay`);
		await env.shopifyFake.settle();
		await env.shopify.post('/faults', { status: 503, path: `/orders/${order.id}` });
		const run = await runFromTrigger(env.template, PAID, paid.items[0], env.credentials());
		expect(run.error).toBeUndefined();
		expect(itemsOf(run, 'Failed Orders')).toEqual([
			expect.objectContaining({ error: expect.stringMatching(/503|unavailable|fault/i) }),
		]);
		expect(await myOgoOrders()).toEqual([]);
		const catchUp = await runFromTrigger(
			env.template,
			'Catch-up Every Hour',
			[{}],
			env.credentials(),
		);
		expect(itemsOf(catchUp, 'Sent to myOGO').map((o) => [o.reference, o.result])).toEqual([
			[reference(order), 'created'],
		]);
	});

	test('an order myOGO refuses (unknown SKU) goes to "Failed Orders"; a refused catch-up read too', async () => {
		await env.shopify.post('/seed', {
			products: [{ title: 'Gift box', variants: [{ sku: 'NOT-IN-MYOGO', price: '5.00' }] }],
		});
		const order = await placeOrder({
			line_items: [{ sku: 'NOT-IN-MYOGO', quantity: 1, price: '5.00' }],
		});
		await env.shopify.post(`/orders/${order.id}/pay`);
		const run = await runFromTrigger(env.template, 'Catch-up Every Hour', [{}], env.credentials());
		const failed = itemsOf(run, 'Failed Orders');
		expect(failed).toHaveLength(1);
		expect(JSON.stringify(failed[0])).toMatch(/NOT-IN-MYOGO/);
		expect(await myOgoOrders()).toEqual([]);

		const wrongToken = {
			...env.credentials(),
			shopifyOAuth2Api: revokedShopifyOAuth2Credentials(env.shopifyFake),
		};
		const refusedRead = await runFromTrigger(env.template, 'Catch-up Every Hour', [{}], wrongToken);
		expect(refusedRead.error).toBeUndefined();
		const readFailures = itemsOf(refusedRead, 'Failed Orders');
		expect(readFailures).toHaveLength(1);
		expect(String(readFailures[0].error)).toMatch(/401|authori[sz]|access token|refresh/i);
		expect(itemsOf(refusedRead, 'Sent to myOGO')).toEqual([]);
	});

	test('catch-up meeting an order the warehouse is collecting ends on "Nothing to Send", not a failure, and changes nothing', async () => {
		const order = await placeOrder();
		await env.shopify.post(`/orders/${order.id}/pay`);
		await runFromTrigger(env.template, 'Catch-up Every Hour', [{}], env.credentials());
		await env.bed.control.post(`/orders/${reference(order)}/advance`, { status: 'collecting' });
		const again = await runFromTrigger(
			env.template,
			'Catch-up Every Hour',
			[{}],
			env.credentials(),
		);
		expect(again.error).toBeUndefined();
		expect(itemsOf(again, 'Failed Orders')).toEqual([]);
		expect(itemsOf(again, 'Already With the Warehouse')).toEqual([]);
		expect(itemsOf(again, 'Nothing to Send').map((o) => [o.reference, o.result])).toEqual([
			[reference(order), 'unchanged'],
		]);
		expect((await myOgoOrders()).map((o) => [o.reference, o.status])).toEqual([
			[reference(order), 'collecting'],
		]);
	});

	test('a paid order with a line left out (no SKU) ends on "Sent Without Some Lines" with the line, why and what to do; a complete order on "Sent to myOGO"', async () => {
		const partial = await placeOrder({
			line_items: [
				{ title: 'Handmade scarf', quantity: 2, price: '20.00' },
				{ sku: 'BEANIE', quantity: 1, price: '15.00' },
			],
		});
		const complete = await placeOrder();
		for (const order of [partial, complete]) await env.shopify.post(`/orders/${order.id}/pay`);
		const run = await runFromTrigger(env.template, PAID, [partial, complete], env.credentials());
		expect(run.error).toBeUndefined();
		expect(itemsOf(run, 'Failed Orders')).toEqual([]);
		expect(itemsOf(run, 'Sent to myOGO').map((o) => o.reference)).toEqual([reference(complete)]);
		expect(itemsOf(run, 'Sent Without Some Lines')).toEqual([
			expect.objectContaining({
				reference: reference(partial),
				orderLines: [expect.objectContaining({ code: 'BEANIE', quantity: 1 })],
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
		for (let i = 0; i < 3; i++) await env.shopify.post(`/orders/${(await placeOrder()).id}/pay`);
		await expectSecondCatchUpWritesNothing(env, 3);
	});

	test('a paid order cancelled in Shopify is cancelled once: later catch-ups send no cancel again (no myOGO write)', async () => {
		const { paid, cancelled } = await activateTriggers();
		const [kept, gone] = [await placeOrder(), await placeOrder()];
		for (const order of [kept, gone]) await env.shopify.post(`/orders/${order.id}/pay`);
		await env.shopifyFake.settle();
		for (const items of paid.items)
			await runFromTrigger(env.template, PAID, items, env.credentials());
		await env.shopify.post(`/orders/${gone.id}/cancel`);
		await env.shopifyFake.settle();
		const cancel = await runFromTrigger(
			env.template,
			CANCELLED,
			cancelled.items[0],
			env.credentials(),
		);
		expect(itemsOf(cancel, 'Cancelled in myOGO').map((o) => o.reference)).toEqual([
			reference(gone),
		]);

		await env.bed.control.delete('/requests');
		for (let hour = 0; hour < 2; hour++) {
			const catchUp = await catchUpWith(env.template);
			expect(itemsOf(catchUp, 'Cancel in myOGO')).toEqual([]);
			expect(itemsOf(catchUp, 'Nothing to Send').map((o) => o.reference)).toEqual([
				reference(kept),
			]);
		}
		expect((await myOgoApiCalls(env)).filter((call) => call.method !== 'GET')).toEqual([]);
		expect(Object.fromEntries((await myOgoOrders()).map((o) => [o.reference, o.status]))).toEqual({
			[reference(kept)]: 'new',
			[reference(gone)]: 'cancelled',
		});
	});

	test('an address edited in Shopify (orders/updated) reaches myOGO while the order is new; once the warehouse is collecting it ends on "Already With the Warehouse" naming the change', async () => {
		const updated = await shopifyWebhookTrigger(env.template, UPDATED, env.credentials());
		env.hooks.push(updated);
		const order = await placeOrder();
		await env.shopify.post(`/orders/${order.id}/pay`);
		await env.shopifyFake.settle();
		// Payment fires orders/updated too: the first delivery creates the order.
		const sent = await runFromTrigger(env.template, UPDATED, updated.items[0], env.credentials());
		expect(itemsOf(sent, 'Sent to myOGO').map((o) => o.result)).toEqual(['created']);

		await editShopifyAddress(env.shopifyFake, order.id, 'Friedrichstraße 100');
		await env.shopifyFake.settle();
		const moved = await runFromTrigger(
			env.template,
			UPDATED,
			updated.items[updated.items.length - 1],
			env.credentials(),
		);
		expect(itemsOf(moved, 'Sent to myOGO')).toEqual([
			expect.objectContaining({
				reference: reference(order),
				result: 'updated',
				changes: [expect.objectContaining({ field: 'customer.address1' })],
			}),
		]);
		expect((await myOgoOrders())[0].customer).toMatchObject({ address1: 'Friedrichstraße 100' });

		await env.bed.control.post(`/orders/${reference(order)}/advance`, { status: 'collecting' });
		await env.bed.control.delete('/requests');
		await editShopifyAddress(env.shopifyFake, order.id, 'Unter den Linden 1');
		await env.shopifyFake.settle();
		const taken = await runFromTrigger(
			env.template,
			UPDATED,
			updated.items[updated.items.length - 1],
			env.credentials(),
		);
		expect(taken.error).toBeUndefined();
		expect(itemsOf(taken, 'Failed Orders')).toEqual([]);
		const warehouse = itemsOf(taken, 'Already With the Warehouse');
		expect(warehouse).toHaveLength(1);
		expect(String(warehouse[0].error)).toMatch(
			/cannot be updated: it is already collecting[\s\S]*customer\.address1: "Friedrichstraße 100" → "Unter den Linden 1"[\s\S]*Tell the warehouse/,
		);
		expect((await myOgoApiCalls(env)).filter((call) => call.method !== 'GET')).toEqual([]);
	});
});

/** A catch-up run of `template` (the hourly Schedule Trigger's item). */
async function catchUpWith(template: Template) {
	const run = await runFromTrigger(template, 'Catch-up Every Hour', [{}], env.credentials());
	expect(run.error).toBeUndefined();
	expect(itemsOf(run, 'Failed Orders')).toEqual([]);
	return run;
}

/** The template with a Filter dropped at its rules spot, as a merchant adds one in the editor. */
function withStringRule(name: string, left: string, operation: string, right: string): Template {
	return insertAtRulesSpot(
		env.template,
		filterNode(name, left, { type: 'string', operation }, right),
	);
}

async function placePaidOrders(...extras: IDataObject[]): Promise<IDataObject[]> {
	const orders = [];
	for (const extra of extras) {
		const order = await placeOrder(extra);
		await env.shopify.post(`/orders/${order.id}/pay`);
		orders.push(order);
	}
	return orders;
}

describe('a merchant changes the orders template (workflows/README.md → Changing a template)', () => {
	test('the rules spot sees one item per paid order', async () => {
		await placePaidOrders({}, {}, { tags: 'vip' });
		const run = await catchUpWith(env.template);
		const atSpot = itemsOf(run, 'Your Rules (one item per order)');
		expect(atSpot).toHaveLength(3);
		expect(atSpot.map((order) => [order.shippingMethod, order.tags]).sort()).toEqual([
			['Express', ''],
			['Express', ''],
			['Express', 'vip'],
		]);
	});

	test('hold orders: a Filter on tags at the rules spot keeps orders tagged "hold" out of myOGO', async () => {
		const [held, sent] = await placePaidOrders({ tags: ['hold', 'gift'] }, { tags: 'gift' });
		const run = await catchUpWith(
			withStringRule('Not Tagged "hold"', '={{ $json.tags }}', 'notContains', 'hold'),
		);
		expect(itemsOf(run, 'Sent to myOGO').map((o) => o.reference)).toEqual([reference(sent)]);
		expect((await myOgoOrders()).map((o) => o.reference)).toEqual([reference(sent)]);
		expect((await myOgoOrders()).map((o) => o.reference)).not.toContain(reference(held));
	});

	test('orders with a given shipping method: a Filter on shippingMethod keeps pickup orders in the shop', async () => {
		const [, sent] = await placePaidOrders(
			{ shipping_lines: [{ title: 'Pickup in the shop', code: 'PICKUP', price: '0.00' }] },
			{},
		);
		await catchUpWith(
			withStringRule(
				'Not Picked Up in the Shop',
				'={{ $json.shippingMethod }}',
				'notEquals',
				'Pickup in the shop',
			),
		);
		expect((await myOgoOrders()).map((o) => [o.reference, o.shippingCode])).toEqual([
			[reference(sent), 'DHL_EXPRESS'],
		]);
	});

	test('test orders: an order paid with a gateway in settings.testPaymentGateways reaches myOGO with test: true', async () => {
		const [manual, bogus, real] = await placePaidOrders(
			{ payment_gateway_names: ['Manual Test'] },
			{ payment_gateway_names: ['bogus'] },
			{ payment_gateway_names: ['shopify_payments'] },
		);
		const configured = configure(env.template, {
			'settings.testPaymentGateways': 'bogus, manual test',
		});
		await catchUpWith(configured);
		const byReference = new Map((await myOgoOrders()).map((o) => [o.reference, o.test]));
		expect(Object.fromEntries(byReference)).toEqual({
			[reference(manual)]: true,
			[reference(bogus)]: true,
			[reference(real)]: false,
		});
	});
});
