/**
 * The orders and tracking templates of one store together, as a merchant leaves them running: paid
 * orders arrive by webhook (one delivery lost, one failing in myOGO), the hourly catch-up runs twice,
 * the warehouse ships, the store fails during the live shipped poll, the repair runs twice. Every paid
 * order ends in myOGO exactly once, and every store order gets its tracking exactly once.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	configure,
	itemsOf,
	loadTemplate,
	runFromTrigger,
	templatePollingTrigger,
	type Template,
} from '../harness/templates';
import { paidCheckout } from '../harness/shopify';
import { seedWooOrderProducts, wooOrder } from '../harness/wooCommerceOrder';
import { myOgoApiCalls, useTemplateEnvironment, type TemplateEnvironment } from './setup';
import { atTheNextRepair } from '../harness/n8nClock';

const env = useTemplateEnvironment({
	stores: ['woocommerce', 'shopify'],
	seed: seedWooOrderProducts,
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** What differs between the stores: their templates, how an order is placed, and what the store holds afterwards. */
interface Store {
	orders: Template;
	tracking: Template;
	webhookTrigger: string;
	/** Places three paid orders in the store; returns them as the webhook would deliver them, with their myOGO references. */
	placePaidOrders(): Promise<Array<{ delivery: IDataObject; reference: string }>>;
	/** Fails the store's tracking write for one order, once. */
	failTrackingWrite(reference: string): Promise<unknown>;
	/** The tracking writes the store holds per reference (Shopify: fulfillments; WooCommerce: customer notes). */
	trackingWrites(references: string[]): Promise<number[]>;
}

async function runTogether(environment: TemplateEnvironment, store: Store) {
	const placed = await store.placePaidOrders();
	const references = placed.map((order) => order.reference);
	const credentials = environment.credentials();

	// Order 1 arrives by webhook; order 2's webhook is lost; order 3's webhook run meets a myOGO failure.
	const sent = await runFromTrigger(
		store.orders,
		store.webhookTrigger,
		[placed[0].delivery],
		credentials,
	);
	expect(itemsOf(sent, 'Sent to myOGO').map((o) => o.reference)).toEqual([references[0]]);
	await environment.bed.control.post('/faults', {
		status: 503,
		path: '/api/v1/orders',
		method: 'POST',
	});
	const refused = await runFromTrigger(
		store.orders,
		store.webhookTrigger,
		[placed[2].delivery],
		credentials,
	);
	expect(itemsOf(refused, 'Failed Orders')).toHaveLength(1);

	// The hourly catch-up sends the two myOGO lacks; the next one writes nothing.
	const catchUp = await runFromTrigger(store.orders, 'Catch-up Every Hour', [{}], credentials);
	expect(
		itemsOf(catchUp, 'Sent to myOGO')
			.map((o) => o.reference)
			.sort(),
	).toEqual([references[1], references[2]].sort());
	await environment.bed.control.delete('/requests');
	await runFromTrigger(store.orders, 'Catch-up Every Hour', [{}], credentials);
	expect((await myOgoApiCalls(environment)).filter((call) => call.method !== 'GET')).toEqual([]);

	// The warehouse ships all three; the store fails one tracking write during the live poll.
	const trigger = templatePollingTrigger(store.tracking, credentials);
	await trigger.activate();
	await tick();
	for (const [i, reference] of references.entries()) {
		await environment.bed.control.post(`/orders/${reference}/advance`, {
			status: 'shipped',
			trackingNumber: `JJTG${i}`,
		});
	}
	const shipped = await trigger.poll();
	await store.failTrackingWrite(references[1]);
	const live = await runFromTrigger(store.tracking, 'myOGO Trigger', shipped!, credentials);
	expect(itemsOf(live, 'Failed Tracking Updates')).toHaveLength(1);
	for (let run = 0; run < 2; run++) {
		const repair = await atTheNextRepair(() =>
			runFromTrigger(store.tracking, 'Repair Every 4 Hours', [{}], credentials),
		);
		expect([
			run,
			itemsOf(repair, 'Tracking Sent').length,
			itemsOf(repair, 'Failed Tracking Updates').length,
		]).toEqual([run, run === 0 ? 1 : 0, 0]);
	}

	// Every paid order once in myOGO, every store order tracked once.
	const inMyOgo = (
		(await (await environment.bed.api()).get('/orders', { params: { limit: 250 } }))
			.data as IDataObject[]
	).map((o) => String(o.reference));
	expect(inMyOgo.sort()).toEqual([...references].sort());
	expect(await store.trackingWrites(references)).toEqual([1, 1, 1]);
}

function wooCommerceStore(environment: TemplateEnvironment): Store {
	const ids = [9501, 9502, 9503];
	return {
		orders: configure(loadTemplate('woocommerce-orders-to-myogo.json'), {}),
		tracking: configure(loadTemplate('woocommerce-tracking-from-myogo.json'), {
			'settings.wooCommerceUrl': environment.fake.url,
		}),
		webhookTrigger: 'WooCommerce Trigger (order updated)',
		async placePaidOrders() {
			const orders = ids.map((id) => wooOrder(String(id), 'processing', { id }));
			await environment.woo.post('/seed', { orders });
			return orders.map((order) => ({ delivery: order, reference: String(order.number) }));
		},
		failTrackingWrite: (reference) =>
			environment.woo.post('/faults', { status: 503, method: 'PUT', path: `/orders/${reference}` }),
		async trackingWrites(references) {
			const notes = [];
			for (const reference of references)
				notes.push(
					((await environment.woo.get(`/orders/${reference}`)).data as { notes: unknown[] }).notes
						.length,
				);
			return notes;
		},
	};
}

function shopifyStore(environment: TemplateEnvironment): Store {
	return {
		orders: configure(loadTemplate('shopify-orders-to-myogo.json'), {
			'settings.shopSubdomain': environment.shopifyFake.shopSubdomain,
		}),
		tracking: configure(loadTemplate('shopify-tracking-from-myogo.json'), {
			'settings.shopSubdomain': environment.shopifyFake.shopSubdomain,
		}),
		webhookTrigger: 'Shopify Trigger (order paid)',
		async placePaidOrders() {
			await environment.shopify.post('/seed', {
				products: [{ title: 'Hoodie', variants: [{ sku: 'HOODIE-BLUE-L', price: '42.00' }] }],
			});
			const placed = [];
			for (let i = 0; i < 3; i++) {
				const order = (
					await environment.shopify.post('/orders', paidCheckout('HOODIE-BLUE-L', 1, '42.00'))
				).data as IDataObject;
				placed.push({ delivery: order, reference: String(order.name).replace(/^#/, '') });
			}
			return placed;
		},
		failTrackingWrite: () =>
			environment.shopify.post('/faults', {
				status: 503,
				path: '/graphql',
				graphqlOperation: 'CreateFulfillment',
			}),
		async trackingWrites(references) {
			const state = (await environment.shopify.get('/state')).data as {
				fulfillments: IDataObject[];
			};
			return references.map(
				(reference) => state.fulfillments.filter((f) => f.orderName === `#${reference}`).length,
			);
		},
	};
}

test('WooCommerce: webhook + catch-up + repair give every paid order once in myOGO and its tracking once in the store', async () => {
	await runTogether(env, wooCommerceStore(env));
});

test('Shopify: webhook + catch-up + repair give every paid order once in myOGO and its tracking once in the store', async () => {
	await runTogether(env, shopifyStore(env));
});
