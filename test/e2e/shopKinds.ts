/**
 * One shop of a merchant who sells from one myOGO account in several shops: its store fake (Shopify
 * or WooCommerce, seeded with the demo catalog and no orders, so its first order is number 1001), the
 * n8n credentials that point at it, the Settings its four templates get, and what a test does to it
 * and reads from it, the same way for either kind of store.
 */
import type { AxiosInstance } from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { shopifyDemoShop, wooCommerceDemoShop } from '../../tools/demo/demoStores';
import {
	shopifyControl,
	shopifyCredentials,
	shopifyOAuth2Credentials,
	startTestShopify,
} from '../harness/shopify';
import { startTestWooCommerce, wooCommerceCredentials, wooControl } from '../harness/templates';
import { placePaidShopifyOrder, placePaidWooCommerceOrder, registeredWebhooks } from './storeFlows';

export interface ShopSpec {
	/** A short name: the start of its n8n ids and the suffix of its workflow names (`S1`, `W2`). */
	name: string;
	kind: 'shopify' | 'woocommerce';
	/** `settings.referencePrefix`: what this shop's myOGO order references start with. */
	referencePrefix: string;
	/** `settings.ownsProductData`: whether this shop's product data is the master in myOGO. */
	ownsProductData: boolean;
}

/** A credential as `n8n import:credentials` takes it (data in plain text). */
export interface N8nCredential {
	id: string;
	name: string;
	type: string;
	data: IDataObject;
}

export interface Shop {
	spec: ShopSpec;
	/** The store fake's control API. */
	control: AxiosInstance;
	/** The store fake's certificate, which n8n must trust (Shopify: HTTPS only). */
	caCertPath?: string;
	/** Its four templates: orders, tracking, stock, products. */
	files: string[];
	/** The store's n8n credentials (the myOGO one is the merchant's, shared by every shop). */
	credentials: N8nCredential[];
	/** Settings-node values of its templates (each template takes the fields it has). */
	settings: Record<string, unknown>;
	/** The webhook topics its published templates register in the store. */
	webhookTopics: string[];
	/** The webhooks registered in the store (once there are as many as `webhookTopics`), with their address. */
	registeredWebhooks(): Promise<Array<{ topic: string; address: string }>>;
	/** A customer's paid order; the shop's first order has the number 1001. */
	placePaidOrder(): Promise<{ id: number; number: string }>;
	/** The SKU's stock as the store shows it (Shopify: at the location Settings name). */
	stockOf(sku: string): Promise<number | undefined>;
	/** Whether the order is shipped in the store (fulfilled / completed), and the tracking numbers it holds. */
	trackingOf(order: { id: number }): Promise<{ shipped: boolean; trackingNumbers: string[] }>;
	/** A clerk changes the SKU's price in the store's admin (the store fires its product update webhook). */
	setPrice(sku: string, price: string): Promise<void>;
	close(): Promise<void>;
}

/** A store's four templates, as workflows/ names them. */
function templateFilesOf(store: 'shopify' | 'woocommerce'): string[] {
	return ['orders-to-myogo', 'tracking-from-myogo', 'stock-from-myogo', 'products-to-myogo'].map(
		(flow) => `${store}-${flow}.json`,
	);
}

/** The catalog of `npm start`'s demo shop, without its orders. */
function catalogOnly(seed: { products: unknown[] }) {
	return { products: seed.products };
}

export async function startShop(spec: ShopSpec): Promise<Shop> {
	return spec.kind === 'shopify' ? await startShopifyShop(spec) : await startWooCommerceShop(spec);
}

async function startShopifyShop(spec: ShopSpec): Promise<Shop> {
	const fake = await startTestShopify();
	const control = shopifyControl(fake);
	await control.post('/seed', catalogOnly(shopifyDemoShop()));
	const state = async () =>
		(await control.get('/state')).data as {
			products: IDataObject[];
			inventory: Record<string, Record<string, number>>;
			fulfillments: Array<{ orderId: number; trackingInfo: Array<{ number: string | null }> }>;
			orders: IDataObject[];
		};
	const webhookTopics = [
		'orders/cancelled',
		'orders/paid',
		'orders/updated',
		'products/create',
		'products/update',
	];
	return {
		spec,
		control,
		caCertPath: fake.caCertPath,
		files: templateFilesOf('shopify'),
		credentials: [
			{
				id: `${spec.name}ShopifyOAuth2`,
				name: `Shopify shop ${spec.name} (fake)`,
				type: 'shopifyOAuth2Api',
				data: shopifyOAuth2Credentials(fake),
			},
			{
				id: `${spec.name}ShopifyToken`,
				name: `Shopify shop ${spec.name} (fake, access token)`,
				type: 'shopifyAccessTokenApi',
				data: shopifyCredentials(fake),
			},
		],
		// The fake's first location ("Main Warehouse") holds the warehouse's stock.
		settings: { 'settings.shopSubdomain': fake.shopSubdomain, 'settings.locationId': '1' },
		webhookTopics,
		registeredWebhooks: async () =>
			(await registeredWebhooks(control, webhookTopics)).map((w) => ({
				topic: String(w.topic),
				address: String(w.address),
			})),
		placePaidOrder: async () => {
			const order = await placePaidShopifyOrder(control);
			return { id: Number(order.id), number: String(order.name).replace(/^#/, '') };
		},
		stockOf: async (sku) => (await state()).inventory[sku]?.['gid://shopify/Location/1'],
		trackingOf: async (order) => {
			const now = await state();
			const inShop = now.orders.find((o) => o.id === order.id);
			return {
				shipped: inShop?.fulfillment_status === 'fulfilled',
				trackingNumbers: now.fulfillments
					.filter((f) => f.orderId === order.id)
					.flatMap((f) => f.trackingInfo.map((t) => String(t.number))),
			};
		},
		setPrice: async (sku, price) => {
			const product = (await state()).products.find((p) =>
				(p.variants as IDataObject[]).some((v) => v.sku === sku),
			);
			if (!product) throw new Error(`Shopify shop ${spec.name} has no variant ${sku}`);
			const variant = (product.variants as IDataObject[]).find((v) => v.sku === sku)!;
			await control.put(`/products/${product.id}`, { variants: [{ id: variant.id, price }] });
		},
		close: () => fake.close(),
	};
}

async function startWooCommerceShop(spec: ShopSpec): Promise<Shop> {
	const fake = await startTestWooCommerce();
	const control = wooControl(fake);
	await control.post('/seed', catalogOnly(wooCommerceDemoShop()));
	const product = async (sku: string) =>
		(await control.get(`/products/sku/${encodeURIComponent(sku)}`)).data as IDataObject;
	const webhookTopics = ['order.created', 'order.updated', 'product.created', 'product.updated'];
	return {
		spec,
		control,
		files: templateFilesOf('woocommerce'),
		credentials: [
			{
				id: `${spec.name}WooCommerce`,
				name: `WooCommerce shop ${spec.name} (fake)`,
				type: 'wooCommerceApi',
				data: wooCommerceCredentials(fake),
			},
		],
		settings: { 'settings.wooCommerceUrl': fake.url },
		webhookTopics,
		registeredWebhooks: async () =>
			(await registeredWebhooks(control, webhookTopics)).map((w) => ({
				topic: String(w.topic),
				address: String(w.delivery_url),
			})),
		// The order's id is its number (as in WooCommerce without an order-number plugin).
		placePaidOrder: async () => {
			const order = await placePaidWooCommerceOrder(control, { id: 1001 });
			return { id: Number(order.id), number: String(order.number) };
		},
		stockOf: async (sku) => (await product(sku)).stock_quantity as number | undefined,
		trackingOf: async (order) => {
			const inShop = (await control.get(`/orders/${order.id}`)).data as IDataObject;
			const meta = (inShop.meta_data as IDataObject[]).find(
				(m) => m.key === '_myogo_tracking_numbers',
			);
			return {
				shipped: inShop.status === 'completed',
				trackingNumbers: meta ? String(meta.value).split(',') : [],
			};
		},
		setPrice: async (sku, price) => {
			await control.post(`/products/${(await product(sku)).id}/touch`, { regular_price: price });
		},
		close: () => fake.close(),
	};
}
