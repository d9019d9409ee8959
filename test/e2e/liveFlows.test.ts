/**
 * The templates live in real n8n (`n8n start`, workflows published with `publish:workflow`): a paid
 * order placed in each store fake reaches the myOGO sandbox through n8n's real WooCommerce and
 * Shopify Trigger webhooks; when the warehouse ships it and counts stock, the active myOGO Trigger
 * (poll interval set to every minute in the test copies) puts the tracking and the stock into the stores.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { executionErrors, importCredentials, listExecutions } from '../../tools/n8n';
import type { RunningN8n } from '../../tools/n8n/server';
import type { TemplateWorkflow } from '../../tools/n8n/templates';
import type { TestBed } from '../trigger/helpers';
import {
	createInstance,
	expectNoPackageProblems,
	failureReasons,
	publishAndStart,
	settledExecutions,
	type E2eInstance,
} from './instance';
import { credentialsFor, startServices, templatesFor, type E2eServices } from './services';
import { expectStoreWebhooksAt, placePaidOrders } from './storeFlows';
import { waitFor as waitForEndState } from './waitFor';

const LIVE_TEMPLATES = [
	'woocommerce-orders-to-myogo.json',
	'woocommerce-tracking-from-myogo.json',
	'woocommerce-stock-from-myogo.json',
	'shopify-orders-to-myogo.json',
	'shopify-tracking-from-myogo.json',
	'shopify-stock-from-myogo.json',
];
/** How long a change may take to arrive: n8n's shortest poll interval (1 minute) plus the run itself. */
const ONE_POLL_MS = 60_000;
const WAIT_LIMIT_MS = ONE_POLL_MS + 45_000;

let services: E2eServices;
let n8n: E2eInstance;
let server: RunningN8n | undefined;
/** Stops n8n even when beforeAll timed out before startN8n returned. */
let stopN8n: (() => Promise<void>) | undefined;
let cookie: string;

/** The test copy polls every minute, n8n's shortest interval (the templates ship with 5 or 10 minutes). */
function pollEveryMinute(template: TemplateWorkflow): TemplateWorkflow {
	for (const node of template.nodes) {
		if (node.type === 'n8n-nodes-myogo.myOgoTrigger')
			node.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	}
	return template;
}

/** Waits for `check` as long as a change may take to arrive. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>) {
	return await waitForEndState(what, check, WAIT_LIMIT_MS, () => server?.log());
}

async function myOgoOrder(bed: TestBed, reference: string): Promise<IDataObject | undefined> {
	const rows = (await (await bed.api()).get('/orders', { params: { reference } }))
		.data as IDataObject[];
	return rows[0];
}

const figures: string[] = [];

beforeAll(async () => {
	services = await startServices();
	n8n = await createInstance('live', { extraCaCerts: services.shopify.caCertPath });
	await importCredentials(n8n.env, credentialsFor(services));
	const live = templatesFor(services)
		.filter((t) => LIVE_TEMPLATES.includes(t.file))
		.map(pollEveryMinute);
	expect(live.map((t) => t.file).sort()).toEqual([...LIVE_TEMPLATES].sort());
	({ server, cookie } = await publishAndStart(n8n, live, (stop) => (stopN8n = stop)));
});

afterAll(async () => {
	await (server ? server.stop() : stopN8n?.());
	await services?.close();
	if (figures.length) console.log(`live flows through real n8n:\n  ${figures.join('\n  ')}`);
});

describe('live flows through real n8n', () => {
	let wooOrder: IDataObject;
	let shopifyOrder: IDataObject;

	test('publishing registers the store webhooks at n8n’s own /webhook/ address', async () => {
		await expectStoreWebhooksAt(services, n8n.port);
	});

	test('a paid order placed in each store reaches myOGO through the store trigger’s webhook', async () => {
		({ wooOrder, shopifyOrder } = await placePaidOrders(services));

		const woo = await waitFor('the WooCommerce order in myOGO', () =>
			myOgoOrder(services.bed, String(wooOrder.number)),
		);
		const shop = await waitFor('the Shopify order in myOGO', () =>
			myOgoOrder(services.shopBed, String(shopifyOrder.name).replace(/^#/, '')),
		);
		figures.push(
			`WooCommerce order → myOGO: ${woo.ms} ms after payment`,
			`Shopify order → myOGO: ${shop.ms} ms after payment`,
		);

		expect((woo.value.orderLines as IDataObject[]).map((l) => [l.code, l.quantity])).toEqual([
			['HOODIE-GREY-M', 1],
		]);
		expect(woo.value.shippingCode).toBe('POSTI_PAKETTI');
		expect((shop.value.orderLines as IDataObject[]).map((l) => [l.code, l.quantity])).toEqual([
			['CAP-NAVY', 2],
		]);
		expect(shop.value.shippingCode).toBe('DHL_EXPRESS');
		// The deliveries reached n8n and were accepted.
		const wooDeliveries = (await services.woo.get('/deliveries')).data as IDataObject[];
		expect(wooDeliveries.length).toBeGreaterThan(0);
		expect(wooDeliveries.every((d) => d.status === 200)).toBe(true);
		// Checkout's three deliveries cost one WooCommerce read and one myOGO call: the two of the
		// pending order end on "Not Paid Yet", the payment's creates the order without reading myOGO.
		await waitFor('every execution finished', async () =>
			(await listExecutions(server!.url, cookie)).every(
				(e) => e.status !== 'running' && e.status !== 'new',
			)
				? true
				: undefined,
		);
		const myOgoCalls = (
			(await services.bed.control.get('/requests')).data as Array<{
				method: string;
				path: string;
				query: IDataObject;
			}>
		).filter((r) => /\/orders$/i.test(r.path));
		expect(myOgoCalls.filter((r) => r.method === 'POST')).toHaveLength(1);
		// The node asks by reference with a limit; this test's own waitFor asks without one.
		expect(myOgoCalls.filter((r) => 'reference' in r.query && 'limit' in r.query)).toEqual([]);
		const wooReads = ((await services.woo.get('/requests')).data as IDataObject[]).filter(
			(r) => r.method === 'GET' && r.path === `/orders/${String(wooOrder.id)}`,
		);
		expect(wooReads).toHaveLength(1);
	});

	test('an address changed in each store reaches myOGO while the order is new; once the warehouse is collecting, the change ends on "Already With the Warehouse"', async () => {
		expect(wooOrder).toBeDefined();
		const wooReference = String(wooOrder.number);
		const shopReference = String(shopifyOrder.name).replace(/^#/, '');
		await changeAddresses('Aurakatu 5', wooOrder, shopifyOrder);
		const woo = await waitFor('the new WooCommerce address in myOGO', async () =>
			addressIn(services.bed, wooReference, 'Aurakatu 5'),
		);
		const shop = await waitFor('the new Shopify address in myOGO', async () =>
			addressIn(services.shopBed, shopReference, 'Aurakatu 5'),
		);
		figures.push(
			`address changed in the store → myOGO: WooCommerce ${woo.ms} ms, Shopify ${shop.ms} ms`,
		);

		await services.bed.control.post(`/orders/${encodeURIComponent(wooReference)}/advance`, {
			status: 'collecting',
		});
		await services.shopBed.control.post(`/orders/${encodeURIComponent(shopReference)}/advance`, {
			status: 'collecting',
		});
		const seen = new Set((await listExecutions(server!.url, cookie)).map((e) => e.id));
		await changeAddresses('Linnankatu 9', wooOrder, shopifyOrder);
		for (const reference of [wooReference, shopReference]) {
			await waitFor(`"Already With the Warehouse" for order ${reference}`, async () => {
				for (const execution of await listExecutions(server!.url, cookie)) {
					if (
						seen.has(execution.id) ||
						execution.status === 'running' ||
						execution.status === 'new'
					)
						continue;
					const messages = await executionErrors(server!.url, cookie, execution.id);
					const hit = messages.find((m) =>
						m.includes(`Order ${reference} cannot be updated: it is already collecting`),
					);
					if (hit) {
						expect(hit).toMatch(
							/customer\.address1: "Aurakatu 5" → "Linnankatu 9"[\s\S]*Tell the warehouse/,
						);
						return hit;
					}
				}
				return undefined;
			});
		}
		expect(await addressIn(services.bed, wooReference, 'Aurakatu 5')).toBe(true);
		expect(await addressIn(services.shopBed, shopReference, 'Aurakatu 5')).toBe(true);
	});

	test('the warehouse ships both orders and counts stock: the stores get tracking and stock through the active myOGO Trigger', async () => {
		expect(wooOrder).toBeDefined();
		const wooReference = String(wooOrder.number);
		const shopReference = String(shopifyOrder.name).replace(/^#/, '');
		const trackingUrl = 'https://www.posti.fi/fi/seuranta#/lahetys/JJFI00000000000000001';
		await services.bed.control.post(`/orders/${encodeURIComponent(wooReference)}/advance`, {
			status: 'shipped',
			trackingNumber: 'JJFI00000000000000001',
			trackingUrl,
		});
		await services.shopBed.control.post(`/orders/${encodeURIComponent(shopReference)}/advance`, {
			status: 'shipped',
			trackingNumber: 'JJFI00000000000000002',
		});
		// A delivery of blue L T-shirts arrived at each shop's warehouse and was counted.
		await services.bed.control.put('/stock/TSHIRT-BLUE-L', { stockAvailable: 60 });
		await services.shopBed.control.put('/stock/TSHIRT-BLUE-L', { stockAvailable: 60 });

		const wooTracking = await waitFor('tracking on the WooCommerce order', async () => {
			const order = (await services.woo.get(`/orders/${wooOrder.id}`)).data as IDataObject;
			// Completed first, then the customer note: wait for both.
			return order.status === 'completed' && (order.notes as IDataObject[]).length > 0
				? order
				: undefined;
		});
		const meta = Object.fromEntries(
			(wooTracking.value.meta_data as IDataObject[]).map((m) => [m.key, m.value]),
		);
		expect(meta._myogo_tracking_numbers).toBe('JJFI00000000000000001');
		expect(meta._myogo_tracking_url).toBe(trackingUrl);
		expect(wooTracking.value.notes).toEqual([
			expect.objectContaining({ customer_note: true, note: expect.stringContaining(trackingUrl) }),
		]);

		const shopTracking = await waitFor('the Shopify fulfillment', async () => {
			const state = (await services.shop.get('/state')).data as {
				orders: IDataObject[];
				fulfillments: IDataObject[];
			};
			const order = state.orders.find((o) => o.id === shopifyOrder.id);
			return order?.fulfillment_status === 'fulfilled' ? state : undefined;
		});
		expect(JSON.stringify(shopTracking.value.fulfillments)).toContain('JJFI00000000000000002');

		const wooStock = await waitFor('the stock in WooCommerce', async () => {
			const product = (await services.woo.get('/products/sku/TSHIRT-BLUE-L')).data as IDataObject;
			return product.stock_quantity === 60 ? product : undefined;
		});
		const shopStock = await waitFor('the stock in Shopify', async () => {
			const state = (await services.shop.get('/state')).data as {
				inventory: Record<string, Record<string, number>>;
			};
			return state.inventory['TSHIRT-BLUE-L']?.['gid://shopify/Location/1'] === 60
				? state
				: undefined;
		});
		figures.push(
			`shipped in myOGO → WooCommerce order completed with tracking: ${wooTracking.ms} ms (poll every minute)`,
			`shipped in myOGO → Shopify fulfillment: ${shopTracking.ms} ms after that`,
			`stock counted in myOGO → WooCommerce / Shopify: ${wooStock.ms} / ${shopStock.ms} ms after that`,
		);
	});

	test('every execution n8n ran succeeded, and n8n’s log shows no problem with the package or the templates', async () => {
		// Runs may still be going (a completed WooCommerce order fires order.updated back into n8n, and
		// the triggers poll every minute): wait until none is running, then judge the finished ones.
		const executions = await settledExecutions(server!.url, cookie);
		// Webhook runs for both stores' orders, and poll runs of both tracking and both stock workflows.
		const ran = new Set(executions.map((e) => e.workflowId));
		expect(ran.size).toBe(LIVE_TEMPLATES.length);
		const reasons = await failureReasons(server!.url, cookie, executions);
		expect(reasons).toEqual([]);
		expectNoPackageProblems(server!.log());
		expect(server!.log()).not.toContain('sandbox-secret');
	});
});

/** Whether myOGO holds `address1` on the order. */
async function addressIn(
	bed: TestBed,
	reference: string,
	address1: string,
): Promise<true | undefined> {
	const order = await myOgoOrder(bed, reference);
	return (order?.customer as IDataObject | undefined)?.address1 === address1 ? true : undefined;
}

/** The buyer's street corrected in both stores' admin APIs, as a shop clerk would (each fires its order update webhook). */
async function changeAddresses(address1: string, wooOrder: IDataObject, shopifyOrder: IDataObject) {
	const woo = services.wooCommerce;
	const current = (await services.woo.get(`/orders/${wooOrder.id}`)).data as IDataObject;
	await axios.put(
		`${woo.url}/wp-json/wc/v3/orders/${wooOrder.id}`,
		{ shipping: { ...(current.shipping as IDataObject), address_1: address1 } },
		{ auth: { username: woo.consumerKey, password: woo.consumerSecret } },
	);
	const shop = services.shopify;
	const state = (await services.shop.get('/state')).data as { orders: IDataObject[] };
	const address = state.orders.find((o) => o.id === shopifyOrder.id)
		?.shipping_address as IDataObject;
	await axios.put(
		`${shop.adminUrl}/orders/${String(shopifyOrder.id)}.json`,
		{ order: { shipping_address: { ...address, address1 } } },
		{ headers: { 'X-Shopify-Access-Token': shop.accessToken } },
	);
}
