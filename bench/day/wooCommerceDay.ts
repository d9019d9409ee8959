/**
 * The WooCommerce shop of the day: customers and staff act through the WooCommerce fake's control
 * API (checkout, payment, a clerk's edit or cancel in wp-admin, a product edit), so the fake's
 * request log holds only n8n's REST calls.
 */
import type { IDataObject } from 'n8n-workflow';

import { mapWooCommerceProduct } from '../../nodes/MyOgo/mapping';
import type { E2eServices } from '../../test/e2e/services';
import { buyer, callKind, countByTopic, type DayStore, type PlacedOrder } from './dayStore';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { wooCommerceDemoShop } = require('../../tools/demo/demoStores');

/** The products template's Settings in the live wiring. */
const MAPPING = { languageCode: 'en', currencyCode: 'EUR' };

interface WooState {
	products: IDataObject[];
	variations: IDataObject[];
	orders: IDataObject[];
}

export function wooCommerceDay(services: E2eServices): DayStore {
	const control = services.woo;
	const catalog = wooCommerceDemoShop().products as IDataObject[];
	const skus = catalog.flatMap((p) =>
		p.type === 'variable'
			? (p.variations as IDataObject[]).map((v) => String(v.sku))
			: [String(p.sku)],
	);
	const state = async () => (await control.get('/state')).data as WooState;
	const simpleProducts = async () => (await state()).products.filter((p) => p.type === 'simple');
	const address = (order: number) => {
		const who = buyer(order);
		return {
			first_name: who.first,
			last_name: who.last,
			address_1: who.street,
			city: who.city,
			postcode: who.zip,
			country: who.country,
		};
	};

	return {
		name: 'WooCommerce',
		templatePrefix: 'woocommerce-',
		skus,
		editableProducts: catalog.filter((p) => p.type === 'simple').length,
		parentOf: Object.fromEntries(
			catalog
				.filter((p) => p.type === 'variable')
				.flatMap((p) =>
					(p.variations as IDataObject[]).map((v) => [String(v.sku), String(p.name)]),
				),
		),
		ownDeliveries(topic, day) {
			// Checkout fires order.created + order.updated, payment order.updated; a clerk's edit or
			// cancel order.updated; a product edit product.updated.
			const counts: Record<string, number> = {
				'order.created': day.orders,
				'order.updated': 2 * day.orders + day.edits + day.cancels,
				'product.updated': day.productEdits,
				'product.created': 0,
			};
			return counts[topic];
		},
		async seed() {
			await control.post('/reset');
			await control.post('/seed', { products: catalog });
			return { products: await this.productsForMyOgo(), levels: await this.levels() };
		},
		async placePaidOrder(order, withLineLeftOut) {
			const quantity = 1 + (order % 3);
			const lines: IDataObject[] = [
				{
					id: 1,
					name: skus[order % skus.length],
					sku: skus[order % skus.length],
					quantity,
					price: 15.856574,
					total: (15.856574 * quantity).toFixed(2),
					total_tax: (4.043426 * quantity).toFixed(2),
				},
			];
			// A line without a SKU (gift wrapping): nothing the warehouse stocks.
			if (withLineLeftOut)
				lines.push({
					id: 2,
					name: 'Gift wrapping',
					sku: '',
					quantity: 1,
					price: 2.39,
					total: '2.39',
					total_tax: '0.61',
				});
			const placed = (
				await control.post('/orders', {
					status: 'pending',
					currency: 'EUR',
					total: (19.9 * quantity + 5.9 + (withLineLeftOut ? 3 : 0)).toFixed(2),
					billing: { ...address(order), email: buyer(order).email },
					shipping: address(order),
					line_items: lines,
					shipping_lines: [
						{
							id: 3,
							method_title: 'Posti parcel',
							method_id: 'flat_rate',
							total: '4.70',
							total_tax: '1.20',
						},
					],
					payment_method: 'stripe',
				})
			).data as IDataObject;
			await control.post(`/orders/${placed.id}/status`, { status: 'processing' });
			return { id: String(placed.id), reference: String(placed.number) };
		},
		async editOrder(order, street) {
			const current = (await control.get(`/orders/${order.id}`)).data as IDataObject;
			await control.put(`/orders/${order.id}`, {
				shipping: { ...(current.shipping as IDataObject), address_1: street },
			});
		},
		async cancelOrder(order) {
			await control.post(`/orders/${order.id}/status`, { status: 'cancelled' });
		},
		async editProduct(product, description) {
			const target = (await simpleProducts())[product]!;
			await control.post(`/products/${target.id}/touch`, { description });
		},
		async startOutage() {
			await control.post('/faults', { status: 503, count: 1_000_000 });
		},
		async endOutage() {
			await control.delete('/faults');
		},
		async levels() {
			const { products, variations } = await state();
			const bySku = new Map([...products, ...variations].map((p) => [String(p.sku), p]));
			return Object.fromEntries(
				skus.map((sku) => [sku, Number(bySku.get(sku)?.stock_quantity ?? NaN)]),
			);
		},
		async productsForMyOgo() {
			const { products, variations } = await state();
			return products.flatMap((p) => {
				const whole =
					p.type === 'variable'
						? { ...p, variations: variations.filter((v) => v.parent_id === p.id) }
						: p;
				return mapWooCommerceProduct(whole, MAPPING).products as unknown as IDataObject[];
			});
		},
		async trackingCodes(order: PlacedOrder) {
			const current = (await control.get(`/orders/${order.id}`)).data as IDataObject;
			const meta = (current.meta_data as IDataObject[]).find(
				(m) => m.key === '_myogo_tracking_numbers',
			);
			return meta
				? String(meta.value)
						.split(',')
						.map((code) => code.trim())
				: [];
		},
		async apiCalls() {
			const log = (await control.get('/requests')).data as IDataObject[];
			return log.map((call) => ({
				api: 'WooCommerce',
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
