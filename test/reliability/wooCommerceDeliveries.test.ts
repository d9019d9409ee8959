/**
 * The WooCommerce webhook path of workflows/woocommerce-orders-to-myogo.json on a bad day: deliveries
 * repeated, replayed, out of order, forged, or sent while the workflow is off. n8n's own WooCommerce
 * Trigger receives them (its HMAC check), the template runs in-process, myOGO is the sandbox.
 * (Our myOGO Webhook Trigger's signatures, replays and deactivation are proven in test/trigger/webhook.test.ts.)
 */
import { createHmac } from 'node:crypto';

import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { itemsOf } from '../harness/templates';
import type { WebhookTrigger } from '../harness/webhook';
import { problems, useReliabilityEnvironment } from './support/environment';
import { ORDER_SKUS, wooOrder } from './support/wooOrders';

const env = useReliabilityEnvironment({
	template: 'woocommerce-orders-to-myogo.json',
	products: ORDER_SKUS,
});

const ORDER_UPDATED = 'WooCommerce Trigger (order updated)';

/** The secret WooCommerce signs this trigger's deliveries with (as registered on activation). */
function secretOf(trigger: WebhookTrigger): string {
	for (const hook of env.fake.state.webhooks.values() as Iterable<{
		secret: string;
		delivery_url?: string;
	}>) {
		if (hook.delivery_url === trigger.url) return hook.secret;
	}
	throw new Error('the trigger has no webhook in WooCommerce');
}

const signed = (trigger: WebhookTrigger, body: string) =>
	createHmac('sha256', secretOf(trigger)).update(body).digest('base64');

/** Posts one delivery as WooCommerce sends it: the body, signed (or not) in X-WC-Webhook-Signature. */
async function deliver(
	trigger: WebhookTrigger,
	order: IDataObject,
	signature: string | null = 'valid',
	body = JSON.stringify(order),
) {
	const headers: Record<string, string> = {
		'Content-Type': 'application/json',
		'X-WC-Webhook-Topic': 'order.updated',
		'X-WC-Webhook-Resource': 'order',
		'X-WC-Webhook-Event': 'updated',
		'X-WC-Webhook-ID': '1',
		'X-WC-Webhook-Delivery-ID': String(trigger.calls.length + 1),
	};
	if (signature !== null)
		headers['X-WC-Webhook-Signature'] = signature === 'valid' ? signed(trigger, body) : signature;
	return await axios.post(trigger.url, body, {
		headers,
		validateStatus: () => true,
		transformRequest: [(data) => data],
	});
}

/** Runs the template once per delivery that started it, in arrival order; returns the named outputs. */
async function runDeliveries(trigger: WebhookTrigger, from = 0) {
	const outputs = {
		sent: [] as IDataObject[],
		failed: [] as IDataObject[],
		cancelled: [] as IDataObject[],
		nothingToCancel: [] as IDataObject[],
		notPaidYet: [] as IDataObject[],
	};
	for (const items of trigger.items.slice(from)) {
		const result = await env.run(ORDER_UPDATED, items);
		expect(result.error).toBeUndefined();
		// Everything that ends well: sent (whole or without some lines), or already in myOGO as it is.
		outputs.sent.push(
			...itemsOf(result, 'Sent to myOGO'),
			...itemsOf(result, 'Sent Without Some Lines'),
			...itemsOf(result, 'Nothing to Send'),
		);
		outputs.failed.push(...itemsOf(result, 'Failed Orders'));
		outputs.cancelled.push(...itemsOf(result, 'Cancel in myOGO'));
		outputs.nothingToCancel.push(...itemsOf(result, 'Nothing to Cancel'));
		outputs.notPaidYet.push(...itemsOf(result, 'Not Paid Yet'));
	}
	return outputs;
}

const PAID_AT = '2026-11-26T10:00:00';

describe('WooCommerce deliveries on a bad day', () => {
	test('the same paid order delivered again and replayed (captured, correctly signed) is one order', async () => {
		const { updated } = await env.activateWooTriggers();
		const placed = (await env.woo.post('/orders', wooOrder('7501', 'processing')))
			.data as IDataObject;
		// WooCommerce retries the delivery, and someone replays the captured body twice.
		await env.woo.post(`/orders/${placed.id}/status`, { status: 'processing' });
		const captured = (await env.woo.get(`/orders/${placed.id}`)).data as IDataObject;
		delete captured.notes;
		await deliver(updated, captured);
		await deliver(updated, captured);
		expect(updated.items).toHaveLength(4);

		const out = await runDeliveries(updated);
		expect(out.failed).toEqual([]);
		expect(out.sent.map((o) => o.result)).toEqual([
			'created',
			'unchanged',
			'unchanged',
			'unchanged',
		]);
		const outcome = await env.observe({ expectedReferences: ['7501'] });
		expect(problems(outcome)).toEqual([]);
	});

	test('out of order: a stale "pending" after "processing" changes nothing; a cancel that overtakes the payment leaves no active order', async () => {
		// WooCommerce holds the orders as they are now (seeding fires no webhook): 7602 was paid, then cancelled.
		await env.woo.post('/seed', {
			orders: [
				wooOrder('7601', 'processing', { id: 97601, date_paid: PAID_AT }),
				wooOrder('7602', 'cancelled', { id: 97602, date_paid: PAID_AT }),
			],
		});
		const { updated } = await env.activateWooTriggers();
		const a = wooOrder('7601', 'processing', { id: 97601, date_paid: PAID_AT });
		await deliver(updated, a);
		await deliver(updated, { ...a, status: 'pending', date_paid: null });

		// 7602: the cancellation arrives before the payment it follows.
		const b = wooOrder('7602', 'processing', { id: 97602, date_paid: PAID_AT });
		await deliver(updated, { ...b, status: 'cancelled' });
		await deliver(updated, b);

		const out = await runDeliveries(updated);
		// The stale "pending" of 7601 ends on "Not Paid Yet" before any call; every other delivery is
		// decided on the order as WooCommerce has it now: 7601 is paid, 7602 is cancelled (nothing to
		// cancel, nothing created).
		expect(out.failed).toEqual([]);
		expect(out.sent.map((o) => [o.reference, o.result])).toEqual([['7601', 'created']]);
		expect(out.notPaidYet.map((o) => [String(o.number), o.status])).toEqual([['7601', 'pending']]);
		expect(out.nothingToCancel.map((o) => String(o.error))).toEqual([
			expect.stringContaining('7602'),
			expect.stringContaining('7602'),
		]);
		const orders = await env.myOgoOrders();
		expect(orders.map((o) => [o.reference, o.status])).toEqual([['7601', 'new']]);
		// 7602 is cancelled in WooCommerce: it is not an order that must end in myOGO (an active one is "unexpected").
		const outcome = await env.observe({ expectedReferences: ['7601'] });
		expect(problems(outcome)).toEqual([]);
	});

	test('forged, unsigned and tampered deliveries start nothing and write nothing', async () => {
		const { updated } = await env.activateWooTriggers();
		const order = wooOrder('7701', 'processing', { id: 97701, date_paid: PAID_AT });
		const body = JSON.stringify(order);
		const forgedWith = (key: string) => createHmac('sha256', key).update(body).digest('base64');
		const attempts = [
			await deliver(updated, order, forgedWith('not-the-secret')),
			await deliver(updated, order, null),
			// The genuine signature, on a body changed in transit.
			await deliver(
				updated,
				order,
				signed(updated, body),
				body.replace('"7701"', '"7799"').replace('"quantity":2', '"quantity":200'),
			),
			await deliver(updated, order, ''),
		];
		// n8n's trigger answers without starting the workflow (it does not reveal why).
		expect(attempts.map((response) => response.status)).toEqual([200, 200, 200, 200]);
		expect(updated.calls).toHaveLength(4);
		expect(updated.items).toEqual([]);
		env.extraFaults += attempts.length;

		const outcome = await env.observe({ expectedReferences: [], ordersSent: 0 });
		expect(problems(outcome)).toEqual([]);
		expect(outcome.ordersInMyOgo).toBe(0);
		// No write reached myOGO (the one GET is observe() counting the orders).
		expect(
			(await env.sandboxLog()).filter(
				(e) => e.method !== 'GET' && e.path.toLowerCase().startsWith('/api/v1/'),
			),
		).toEqual([]);
	});

	test('an order paid while the workflow is inactive is not lost: no delivery, and the catch-up sends it once', async () => {
		const { created, updated } = await env.activateWooTriggers();
		await created.deactivate();
		await updated.deactivate();
		expect((await env.woo.get('/state')).data.webhooks).toEqual([]);

		const placed = (await env.woo.post('/orders', wooOrder('7801', 'pending'))).data as IDataObject;
		await env.woo.post(`/orders/${placed.id}/status`, { status: 'processing' });
		expect((await env.woo.get('/deliveries')).data).toEqual([]);
		expect([...created.items, ...updated.items]).toEqual([]);

		// Re-activated an hour later: the catch-up finds the order.
		await env.activateWooTriggers();
		const catchUp = await env.run('Catch-up Every Hour', [{}]);
		expect(catchUp.error).toBeUndefined();
		expect(itemsOf(catchUp, 'Sent to myOGO').map((o) => [o.reference, o.result])).toEqual([
			['7801', 'created'],
		]);
		const outcome = await env.observe({ expectedReferences: ['7801'] });
		expect(problems(outcome)).toEqual([]);
	});
});
