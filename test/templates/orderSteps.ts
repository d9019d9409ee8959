/**
 * Steps the Shopify and WooCommerce orders templates' tests share: an order sent by its delivery
 * and then shipped by the warehouse, and the street each myOGO order holds.
 */
import type { IDataObject } from 'n8n-workflow';

import { itemsOf, runFromTrigger } from '../harness/templates';
import type { WebhookTrigger } from '../harness/webhook';
import { myOgoApiCalls, type TemplateEnvironment } from './setup';

/** Runs the trigger's latest delivery, which creates the order in myOGO; the warehouse then ships it. */
export async function sendThenShip(
	env: TemplateEnvironment,
	trigger: WebhookTrigger,
	triggerName: string,
	reference: string,
): Promise<void> {
	const delivery = trigger.items.at(-1)!;
	const sent = await runFromTrigger(env.template, triggerName, delivery, env.credentials());
	expect(itemsOf(sent, 'Sent to myOGO').map((o) => [o.reference, o.result])).toEqual([
		[reference, 'created'],
	]);
	await env.bed.control.post(`/orders/${reference}/advance`, { status: 'shipped' });
}

/** myOGO's orders: reference → the street the order ships to. */
export async function myOgoAddresses(env: TemplateEnvironment): Promise<Record<string, unknown>> {
	const orders = (await (await env.bed.api()).get('/orders', { params: { limit: 250 } }))
		.data as IDataObject[];
	return Object.fromEntries(
		orders.map((order) => [order.reference, (order.customer as IDataObject).address1]),
	);
}

/**
 * A run that met a change to an order the warehouse is collecting: nothing sent or written, one item
 * on "Already With the Warehouse" naming the order and the street's change.
 */
export async function expectCollectingOrderKept(
	env: TemplateEnvironment,
	run: Awaited<ReturnType<typeof runFromTrigger>>,
	reference: string,
	street: { inMyOgo: string; inStore: string },
): Promise<void> {
	expect(itemsOf(run, 'Sent to myOGO')).toEqual([]);
	const warehouse = itemsOf(run, 'Already With the Warehouse');
	expect(warehouse).toHaveLength(1);
	const message = String(warehouse[0]!.error);
	expect(message).toContain(`${reference} cannot be updated: it is already collecting`);
	expect(message).toContain(`customer.address1: "${street.inMyOgo}" → "${street.inStore}"`);
	expect((await myOgoApiCalls(env)).filter((call) => call.method !== 'GET')).toEqual([]);
	expect(await myOgoAddresses(env)).toEqual({ [reference]: street.inMyOgo });
}
