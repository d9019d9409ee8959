/**
 * workflows/magento2-orders-to-myogo.json: Magento's paid orders, polled (a window that overlaps,
 * sorted by entity_id, paged until the last page), reach myOGO once, by increment_id; configurable and
 * bundle lines become the SKUs picked; cancels reach myOGO.
 */
import type { IDataObject } from 'n8n-workflow';

import { filterNode, insertAtRulesSpot } from '../harness/templateRules';
import { configure, itemsOf, type Template } from '../harness/templates';
import { placeMagentoOrder } from '../harness/magento2';
import { runWorkflow } from '../harness/runWorkflow';
import { magentoCalls, useMagentoEnvironment } from './magento2Setup';

const env = useMagentoEnvironment('magento2-orders-to-myogo.json');
const RULES = 'Your Rules (one item per order)';
type Obj = Record<string, any>;

beforeEach(async () => {
	await env.bed.control.post('/seed', {
		products: ['TEE-S', 'MUG', 'SPOON'].map((code) => ({ code, languageCode: 'en', name: code })),
	});
});

const poll = (template: Template = env.template) =>
	runWorkflow(
		{ nodes: template.nodes, connections: template.connections },
		{ credentials: env.credentials(), startNode: 'Poll Every 5 Minutes' },
	);

const placeOrder = (input: Obj = {}) => placeMagentoOrder(env.magento, input);

async function myOgoOrders(): Promise<Obj[]> {
	const api = await env.bed.api();
	return (await api.get('/orders', { params: { limit: 250 } })).data as Obj[];
}

test('paid orders reach myOGO once, by increment_id, with the lines the warehouse picks; others stay', async () => {
	const paid = await placeOrder();
	await placeOrder({ state: 'new' }); // not invoiced: pending
	await placeOrder({ updated_at: '2020-01-01 00:00:00' }); // outside the poll window
	const result = await poll();
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Orders')).toEqual([]);
	expect(itemsOf(result, RULES)).toHaveLength(1); // one item per order at the rules spot
	const [order, ...rest] = await myOgoOrders();
	expect(rest).toEqual([]);
	expect(order).toMatchObject({
		reference: paid.increment_id,
		shippingCode: 'POSTI_PAKETTI',
		test: false,
		customer: expect.objectContaining({ city: 'Helsinki', countryCode: 'FI' }),
	});
	expect((order.orderLines as Obj[]).map((l) => [l.code, l.quantity])).toEqual([
		['TEE-S', 2],
		['MUG', 1],
		['SPOON', 2],
	]);
	// The next poll reads the same order again (its window overlaps) and writes nothing.
	const again = await poll();
	expect(itemsOf(again, 'Already in myOGO').map((o) => o.reference)).toEqual([paid.increment_id]);
	expect(await myOgoOrders()).toHaveLength(1);
});

test('pages of 100 sorted by entity_id until current_page × page_size reaches total_count (200: two pages, no repeat)', async () => {
	await env.magento.post('/seed', {
		orders: Array.from({ length: 200 }, () => ({ items: [{ sku: 'MUG', qty_ordered: 1 }] })),
	});
	const result = await poll();
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, RULES)).toHaveLength(200);
	expect(itemsOf(result, 'Sent to myOGO')).toHaveLength(200);
	const reads = ((await env.magento.get('/requests')).data as Obj[]).filter(
		(r) => r.path === '/orders',
	);
	expect(reads.map((r) => r.query['searchCriteria[currentPage]'] ?? '1')).toEqual(['1', '2']);
	expect(reads[0].query['searchCriteria[sortOrders][0][field]']).toBe('entity_id');
	expect((await magentoCalls(env)).every((c) => c === 'GET /orders')).toBe(true);
});

test('a canceled order is cancelled in myOGO; one myOGO never had ends on Nothing to Cancel', async () => {
	const order = await placeOrder();
	await poll();
	await env.magento.post(`/orders/${order.entity_id}/state`, { state: 'canceled' });
	await placeOrder({ state: 'canceled' });
	const result = await poll();
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Cancelled in myOGO')).toHaveLength(1);
	expect(itemsOf(result, 'Nothing to Cancel')).toHaveLength(1);
	expect((await myOgoOrders())[0].status).toBe('cancelled');
});

test("an order edited in Magento's admin before invoicing, with a pending status sent (Edit cancels it and places <number>-1 with the change): the poll cancels the old one in myOGO and sends the new one; once the warehouse collects the old one, its cancel ends on Could Not Cancel", async () => {
	const original = await placeOrder();
	await poll();
	// Magento numbers each edit after the first order: 000000001-1, then 000000001-2.
	const edited = async (order: Obj, edit: number, street: string) => {
		await env.magento.post(`/orders/${order.entity_id}/state`, { state: 'canceled' });
		return await placeOrder({
			increment_id: `${original.increment_id}-${edit}`,
			address: {
				firstname: 'Test',
				lastname: 'Buyer',
				street: [street],
				city: 'Helsinki',
				postcode: '00100',
				country_id: 'FI',
				telephone: '+358401234567',
				email: 'buyer@example.com',
			},
		});
	};
	const replacement = await edited(original, 1, 'Uusi katu 2');
	const result = await poll();
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Orders')).toEqual([]);
	expect(itemsOf(result, 'Cancelled in myOGO').map((o) => o.reference)).toEqual([
		original.increment_id,
	]);
	expect(itemsOf(result, 'Sent to myOGO').map((o) => o.reference)).toEqual([
		replacement.increment_id,
	]);
	const byReference = new Map((await myOgoOrders()).map((o) => [o.reference, o]));
	expect(byReference.get(original.increment_id)?.status).toBe('cancelled');
	expect(byReference.get(replacement.increment_id)).toMatchObject({
		status: 'new',
		customer: expect.objectContaining({ address1: 'Uusi katu 2' }),
	});

	// Edited again after the warehouse started on the replacement: the cancel is refused (named, for
	// a person to sort out with the warehouse) and the new order is still sent.
	await env.bed.control.post(`/orders/${replacement.increment_id}/advance`, {
		status: 'collecting',
	});
	const second = await edited(replacement, 2, 'Kolmas katu 3');
	const late = await poll();
	expect(itemsOf(late, 'Could Not Cancel').map((o) => o.reference)).toEqual([
		replacement.increment_id,
	]);
	expect(itemsOf(late, 'Sent to myOGO').map((o) => o.reference)).toEqual([second.increment_id]);
});

test('a read Magento refuses ends on Failed Orders (n8n puts a refused page on the success output: the template checks it); the next poll sends the order', async () => {
	await placeOrder();
	await env.magento.post('/faults', { status: 500, path: '/orders' });
	const failed = await poll();
	expect(itemsOf(failed, 'Failed Orders')).toHaveLength(1);
	expect(await myOgoOrders()).toEqual([]);
	await poll();
	expect(await myOgoOrders()).toHaveLength(1);
});

test('tweak 3, hold orders by status: a Filter at the rules spot keeps a held status out', async () => {
	const held = configure(env.template, { 'settings.orderStatuses': 'processing,awaiting_check' });
	const tweaked = insertAtRulesSpot(
		held,
		filterNode(
			'Hold Orders Awaiting Check',
			'={{ $json.status }}',
			{ type: 'string', operation: 'notEquals' },
			'awaiting_check',
		),
	);
	const sent = await placeOrder();
	await placeOrder({ status: 'awaiting_check' });
	const result = await poll(tweaked);
	expect(itemsOf(result, RULES)).toHaveLength(2);
	expect((await myOgoOrders()).map((o) => o.reference)).toEqual([sent.increment_id]);
});

test('tweak 4, shipping method: orders collected in the shop are not sent to the warehouse', async () => {
	// The pickup method has a myOGO code too, so without the Filter the order would be sent.
	const mapped = configure(env.template, {
		'settings.shippingMethod2': 'instore_pickup',
		'settings.shippingCode2': 'MATKAHUOLTO',
	});
	const tweaked = insertAtRulesSpot(
		mapped,
		filterNode(
			'Not Collected in the Shop',
			'={{ $json.shippingMethod }}',
			{ type: 'string', operation: 'notEquals' },
			'instore_pickup',
		),
	);
	const sent = await placeOrder();
	await placeOrder({ shipping_method: 'instore_pickup' });
	const result = await poll(tweaked);
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Orders')).toEqual([]);
	expect((await myOgoOrders()).map((o) => o.reference)).toEqual([sent.increment_id]);
});

test('tweak 7, test payment methods: orders paid with one go to myOGO as test orders', async () => {
	const tweaked = configure(env.template, { 'settings.testPaymentMethods': 'checkmo, free' });
	const testOrder = await placeOrder({ payment_method: 'checkmo' });
	const realOrder = await placeOrder({ payment_method: 'banktransfer' });
	const result = await poll(tweaked);
	expect(result.error).toBeUndefined();
	const byReference = new Map((await myOgoOrders()).map((o) => [o.reference, o as IDataObject]));
	expect(byReference.get(testOrder.increment_id)?.test).toBe(true);
	expect(byReference.get(realOrder.increment_id)?.test).toBe(false);
});
