/**
 * What the live tiers (end to end, queue mode) do with the store fakes: check where publishing
 * registered the store webhooks, and place one paid order in each store as a customer would.
 */
import type { AxiosInstance } from 'axios';
import type { IDataObject } from 'n8n-workflow';

import type { E2eServices } from './services';

export interface PaidOrders {
	wooOrder: IDataObject;
	shopifyOrder: IDataObject;
	wooReference: string;
	shopReference: string;
}

/** Publishing registered both stores' order webhooks at `http://127.0.0.1:<port>/webhook/…`. */
export async function expectStoreWebhooksAt(
	services: E2eServices,
	port: number | string,
): Promise<void> {
	const address = new RegExp(`^http://127\\.0\\.0\\.1:${port}/webhook/`);
	const wooTopics = ['order.created', 'order.updated'];
	const woo = await registeredWebhooks(services.woo, wooTopics);
	expect(woo.map((w) => w.topic).sort()).toEqual(wooTopics);
	for (const hook of woo) expect(String(hook.delivery_url)).toMatch(address);
	const shopTopics = ['orders/cancelled', 'orders/paid', 'orders/updated'];
	const shop = await registeredWebhooks(services.shop, shopTopics);
	expect(shop.map((w) => w.topic).sort()).toEqual(shopTopics);
	for (const hook of shop) expect(String(hook.address)).toMatch(address);
}

/** The store's webhooks once there are as many as `topics`, at most 60 s: n8n 2.40 activates published workflows in the background after it is up (2.8 before). */
export async function registeredWebhooks(
	store: AxiosInstance,
	topics: string[],
): Promise<IDataObject[]> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const { webhooks } = (await store.get('/state')).data as { webhooks: IDataObject[] };
		if (webhooks.length >= topics.length || Date.now() > deadline) return webhooks;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/**
 * WooCommerce creates the order pending at checkout and moves it to processing on payment; Shopify's
 * is paid at checkout. Their references (what myOGO files them under) come with them.
 */
export async function placePaidOrders(services: E2eServices): Promise<PaidOrders> {
	const wooOrder = await placePaidWooCommerceOrder(services.woo);
	const shopifyOrder = await placePaidShopifyOrder(services.shop);
	return {
		wooOrder,
		shopifyOrder,
		wooReference: String(wooOrder.number),
		shopReference: String(shopifyOrder.name).replace(/^#/, ''),
	};
}

/**
 * A customer's WooCommerce order (a hoodie, Posti parcel): created pending at checkout, then moved to
 * processing on payment. `fields` go into the order as created (e.g. `{ id: 1001 }`).
 */
export async function placePaidWooCommerceOrder(
	woo: AxiosInstance,
	fields: IDataObject = {},
): Promise<IDataObject> {
	const order = (
		await woo.post('/orders', {
			...fields,
			status: 'pending',
			currency: 'EUR',
			total: '64.90',
			billing: {
				first_name: 'Anna',
				last_name: 'Mäkelä',
				email: 'anna@example.com',
				country: 'FI',
			},
			shipping: {
				first_name: 'Anna',
				last_name: 'Mäkelä',
				address_1: 'Puistokatu 3',
				city: 'Turku',
				postcode: '20100',
				country: 'FI',
			},
			line_items: [
				{
					id: 1,
					name: 'Zip hoodie - Grey / M',
					sku: 'HOODIE-GREY-M',
					quantity: 1,
					price: 47.011952,
					total: '47.01',
					total_tax: '11.99',
				},
			],
			shipping_lines: [
				{
					id: 2,
					method_title: 'Posti parcel',
					method_id: 'flat_rate',
					total: '4.70',
					total_tax: '1.20',
				},
			],
		})
	).data as IDataObject;
	await woo.post(`/orders/${order.id}/status`, { status: 'processing' });
	return order;
}

/** A customer's Shopify order (two caps, express), paid at checkout. */
export async function placePaidShopifyOrder(shop: AxiosInstance): Promise<IDataObject> {
	return (
		await shop.post('/orders', {
			email: 'olli@example.com',
			financial_status: 'paid',
			line_items: [{ sku: 'CAP-NAVY', quantity: 2, price: '19.90' }],
			shipping_address: {
				first_name: 'Olli',
				last_name: 'Saarinen',
				address1: 'Rantakatu 1',
				city: 'Oulu',
				zip: '90100',
				country_code: 'FI',
			},
			shipping_lines: [{ title: 'Express', code: 'express', price: '9.90' }],
		})
	).data as IDataObject;
}
