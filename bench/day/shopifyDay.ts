/**
 * The Shopify shop of the day: customers and staff act through the Shopify fake's control API (a
 * customer's checkout, the admin's cancel and product edit) and, for an order edit, through the
 * Admin API with the shop's own app token, so the request log tells those calls apart from n8n's
 * (the templates use the OAuth2 token).
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { mapShopifyProduct } from '../../nodes/MyOgo/mapping';
import type { E2eServices } from '../../test/e2e/services';
import { buyer, callKind, countByTopic, type DayStore, type PlacedOrder } from './dayStore';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { shopifyDemoShop } = require('../../tools/demo/demoStores');

/** Where the stock template writes (Settings `locationId` = 1 in the live wiring). */
const LOCATION = 'gid://shopify/Location/1';
/** The products template's Settings in the live wiring. */
const MAPPING = { languageCode: 'en', currencyCode: 'EUR' };

interface ShopState {
	products: IDataObject[];
	orders: IDataObject[];
	inventory: Record<string, Record<string, number>>;
	fulfillments: IDataObject[];
}

export function shopifyDay(services: E2eServices): DayStore {
	const control = services.shop;
	const fake = services.shopify;
	const catalog = shopifyDemoShop().products as IDataObject[];
	const skus = catalog.flatMap((p) => (p.variants as IDataObject[]).map((v) => String(v.sku)));
	const state = async () => (await control.get('/state')).data as ShopState;
	/** The single-SKU products, the ones a description edit changes one myOGO product of. */
	const editable = async () =>
		(await state()).products.filter((p) => (p.variants as IDataObject[]).length === 1);

	return {
		name: 'Shopify',
		templatePrefix: 'shopify-',
		skus,
		editableProducts: catalog.filter((p) => (p.variants as IDataObject[]).length === 1).length,
		parentOf: {},
		ownDeliveries(topic, day) {
			// A checkout created paid fires orders/create + orders/paid; an admin edit orders/updated; a
			// cancel orders/cancelled + orders/updated; a product edit products/update.
			const counts: Record<string, number> = {
				'orders/paid': day.orders,
				'orders/updated': day.edits + day.cancels,
				'orders/cancelled': day.cancels,
				'products/update': day.productEdits,
				'products/create': 0,
			};
			return counts[topic];
		},
		async seed() {
			await control.post('/reset', { webhooks: true });
			await control.post('/seed', { products: catalog });
			return { products: await this.productsForMyOgo(), levels: await this.levels() };
		},
		async placePaidOrder(order, withLineLeftOut) {
			const who = buyer(order);
			const lines: IDataObject[] = [
				{ sku: skus[order % skus.length], quantity: 1 + (order % 3), price: '19.90' },
			];
			// A line without a SKU (gift wrapping): nothing the warehouse stocks.
			if (withLineLeftOut) lines.push({ title: 'Gift wrapping', quantity: 1, price: '3.00' });
			const placed = (
				await control.post('/orders', {
					email: who.email,
					financial_status: 'paid',
					line_items: lines,
					shipping_address: {
						first_name: who.first,
						last_name: who.last,
						address1: who.street,
						city: who.city,
						zip: who.zip,
						country_code: who.country,
					},
					shipping_lines: [{ title: 'Standard', code: 'standard', price: '5.90' }],
				})
			).data as IDataObject;
			return { id: String(placed.id), reference: String(placed.name).replace(/^#/, '') };
		},
		async editOrder(order, street) {
			const current = (await state()).orders.find((o) => String(o.id) === order.id)!;
			await axios.put(
				`${fake.adminUrl}/orders/${order.id}.json`,
				{
					order: {
						shipping_address: { ...(current.shipping_address as IDataObject), address1: street },
					},
				},
				{ headers: { 'X-Shopify-Access-Token': fake.accessToken } },
			);
		},
		async cancelOrder(order) {
			await control.post(`/orders/${order.id}/cancel`);
		},
		async editProduct(product, description) {
			const target = (await editable())[product]!;
			await control.put(`/products/${target.id}`, { body_html: `<p>${description}</p>` });
		},
		async startOutage() {
			await control.post('/faults', { status: 503, count: 1_000_000 });
		},
		async endOutage() {
			await control.delete('/faults');
		},
		async levels() {
			const { inventory } = await state();
			return Object.fromEntries(skus.map((sku) => [sku, inventory[sku]?.[LOCATION] ?? NaN]));
		},
		async productsForMyOgo() {
			return (await state()).products.flatMap(
				(p) => mapShopifyProduct(p, MAPPING).products as unknown as IDataObject[],
			);
		},
		async trackingCodes(order: PlacedOrder) {
			const { fulfillments } = await state();
			return fulfillments
				.filter((f) => String(f.orderId) === order.id)
				.flatMap((f) => (f.trackingInfo as IDataObject[]).map((info) => String(info.number)));
		},
		async apiCalls() {
			const log = (await control.get('/requests')).data as IDataObject[];
			return log
				.filter((call) => call.credential !== 'app-token')
				.map((call) => ({
					api: String(call.path).includes('/graphql') ? 'Shopify GraphQL' : 'Shopify REST',
					kind: callKind(call),
				}));
		},
		async clearApiCalls() {
			await control.delete('/requests');
		},
		async deliveriesByTopic() {
			return countByTopic((await control.get('/deliveries')).data as IDataObject[]);
		},
	};
}
