/**
 * Every template imported into real n8n with `import:credentials` + `import:workflow`, and the paths a
 * schedule starts (order catch-up, product resync) run with `n8n execute` against the sandbox and the
 * store fakes; the end state is checked in myOGO and in the store. (The myOGO Trigger paths only run
 * under an active poller: test/e2e/liveFlows.test.ts.)
 */
import type { IDataObject } from 'n8n-workflow';

import {
	executeWorkflow,
	importCredentials,
	importWorkflows,
	outputOf,
	runnableFrom,
	runN8nCommandOk,
} from '../../tools/n8n';
import type { TemplateWorkflow } from '../../tools/n8n/templates';
import type { TestBed } from '../trigger/helpers';
import { createInstance, expectNoPackageProblems, type E2eInstance } from './instance';
import { credentialsFor, startServices, templatesFor, type E2eServices } from './services';

let services: E2eServices;
let n8n: E2eInstance;
let templates: TemplateWorkflow[];

beforeAll(async () => {
	services = await startServices();
	n8n = await createInstance('templates', { extraCaCerts: services.shopify.caCertPath });
	await importCredentials(n8n.env, credentialsFor(services));
	templates = templatesFor(services);
	await importWorkflows(n8n.env, templates);
});

afterAll(async () => {
	await services?.close();
});

function template(file: string): TemplateWorkflow {
	const found = templates.find((t) => t.file === file);
	if (!found) throw new Error(`no template ${file}`);
	return found;
}

/** Imports the template with a Manual Trigger feeding `triggerName`, and runs it with `n8n execute`. */
async function runFrom(file: string, triggerName: string) {
	const id = `run${file.replace(/[^a-z]/gi, '')}`.slice(0, 21);
	await importWorkflows(n8n.env, [runnableFrom(template(file), triggerName, id)]);
	const result = await executeWorkflow(n8n.env, id);
	if (!result.ok) throw new Error(`n8n execute failed:\n${result.output.slice(-4000)}`);
	expectNoPackageProblems(result.output);
	return result;
}

/** The one myOGO record with that key, or undefined (read through the API, as an integration would). */
async function findInMyOgo(
	bed: TestBed,
	resource: 'orders' | 'products',
	key: 'reference' | 'code',
	value: string,
): Promise<IDataObject | undefined> {
	const rows = (await (await bed.api()).get(`/${resource}`, { params: { [key]: value } }))
		.data as IDataObject[];
	expect(rows.length).toBeLessThanOrEqual(1);
	return rows[0];
}

async function myOgoOrder(bed: TestBed, reference: string): Promise<IDataObject> {
	const order = await findInMyOgo(bed, 'orders', 'reference', reference);
	if (!order) throw new Error(`myOGO has no order ${reference}`);
	return order;
}

async function myOgoProduct(bed: TestBed, code: string): Promise<IDataObject | undefined> {
	return await findInMyOgo(bed, 'products', 'code', code);
}

function linesOf(order: IDataObject): Array<[string, number]> {
	return (order.orderLines as IDataObject[]).map((line) => [
		String(line.code),
		Number(line.quantity),
	]);
}

describe('the templates in real n8n, run by n8n execute', () => {
	test('every template file is imported, wired to the imported credentials', async () => {
		expect(templates.length).toBeGreaterThanOrEqual(8);
		const listed = (await runN8nCommandOk(n8n.env, ['list:workflow'])).stdout;
		for (const t of templates) {
			expect(listed).toContain(`${t.id}|${t.name}`);
			const used = t.nodes.flatMap((n) =>
				Object.values((n.credentials ?? {}) as Record<string, { id: string }>),
			);
			expect(used.filter((c) => !c.id.startsWith('local'))).toEqual([]);
		}
	});

	test('WooCommerce orders: the hourly catch-up sends the paid orders to myOGO with their lines and shipping codes', async () => {
		const shop = (await services.woo.get('/state')).data as { orders: IDataObject[] };
		const paid = shop.orders.filter((o) => o.status === 'processing');
		expect(paid.length).toBeGreaterThan(0); // the demo shop has paid orders to send

		const result = await runFrom('woocommerce-orders-to-myogo.json', 'Catch-up Every Hour');

		expect(outputOf(result.run, 'Failed Orders')).toEqual([]);
		expect(outputOf(result.run, 'Sent to myOGO')).toHaveLength(paid.length);
		for (const order of paid) {
			const inMyOgo = await myOgoOrder(services.bed, String(order.number));
			const lines = (order.line_items as IDataObject[]).map((l) => [l.sku, l.quantity]);
			expect(linesOf(inMyOgo)).toEqual(lines);
			const method = (order.shipping_lines as IDataObject[])[0]!.method_id;
			expect(inMyOgo.shippingCode).toBe(
				method === 'local_pickup' ? 'MATKAHUOLTO' : 'POSTI_PAKETTI',
			);
			expect((inMyOgo.customer as IDataObject).city).toBe((order.shipping as IDataObject).city);
		}
	});

	test('Shopify orders: the hourly catch-up sends the paid, unfulfilled orders to myOGO', async () => {
		const shop = (await services.shop.get('/state')).data as { orders: IDataObject[] };
		expect(shop.orders.length).toBeGreaterThan(0); // the demo shop has paid, unfulfilled orders

		const result = await runFrom('shopify-orders-to-myogo.json', 'Catch-up Every Hour');

		expect(outputOf(result.run, 'Failed Orders')).toEqual([]);
		expect(outputOf(result.run, 'Sent to myOGO')).toHaveLength(shop.orders.length);
		for (const order of shop.orders) {
			const inMyOgo = await myOgoOrder(services.shopBed, String(order.name).replace(/^#/, ''));
			expect(linesOf(inMyOgo)).toEqual(
				(order.line_items as IDataObject[]).map((l) => [l.sku, l.quantity]),
			);
			const title = (order.shipping_lines as IDataObject[])[0]!.title;
			expect(inMyOgo.shippingCode).toBe(title === 'Express' ? 'DHL_EXPRESS' : 'POSTI_PAKETTI');
		}
	});

	test('WooCommerce products: the daily resync creates a product the shop added and leaves the rest matching the shop', async () => {
		await services.woo.post('/seed', {
			products: [
				{
					name: 'Wool scarf, grey',
					type: 'simple',
					sku: 'SCARF-GREY',
					regular_price: '34.90',
					manage_stock: true,
					stock_quantity: 9,
				},
			],
		});
		expect(await myOgoProduct(services.bed, 'SCARF-GREY')).toBeUndefined();

		const result = await runFrom('woocommerce-products-to-myogo.json', 'Full Resync Daily');

		expect(outputOf(result.run, 'Failed Products')).toEqual([]);
		const scarf = await myOgoProduct(services.bed, 'SCARF-GREY');
		expect(scarf).toMatchObject({ code: 'SCARF-GREY', name: 'Wool scarf, grey', salesPrice: 34.9 });
		// Every SKU the shop sells, variations included, is a myOGO product at the shop's price.
		const shop = (await services.woo.get('/state')).data as {
			products: IDataObject[];
			variations: IDataObject[];
		};
		const skus = [...shop.products, ...shop.variations].filter((p) => p.sku);
		expect(skus.length).toBeGreaterThan(1); // the demo shop's SKUs and the scarf
		for (const product of skus) {
			expect(await myOgoProduct(services.bed, String(product.sku))).toMatchObject({
				salesPrice: Number(product.regular_price),
			});
		}
	});

	test('Magento orders: the hourly catch-up sends the paid orders to myOGO by increment_id, once', async () => {
		const shop = (await services.magento.get('/state')).data as { orders: IDataObject[] };
		expect(shop.orders.length).toBeGreaterThan(0); // the demo shop's processing orders
		const result = await runFrom('magento2-orders-to-myogo.json', 'Catch-up Every Hour');
		expect(outputOf(result.run, 'Failed Orders')).toEqual([]);
		expect(outputOf(result.run, 'Sent to myOGO')).toHaveLength(shop.orders.length);
		for (const order of shop.orders) {
			const inMyOgo = await myOgoOrder(services.magentoBed, String(order.increment_id));
			expect(linesOf(inMyOgo)).toEqual(
				(order.items as IDataObject[]).map((i) => [i.sku, i.qty_ordered]),
			);
		}
		const again = await runFrom('magento2-orders-to-myogo.json', 'Catch-up Every Hour');
		expect(outputOf(again.run, 'Already in myOGO')).toHaveLength(shop.orders.length);
	});

	test('Magento products and stock: the resync sends every simple product; the reconcile sets every source item to myOGO', async () => {
		const products = await runFrom('magento2-products-to-myogo.json', 'Full Resync Daily');
		expect(outputOf(products.run, 'Failed Products')).toEqual([]);
		const shop = (await services.magento.get('/state')).data as {
			products: IDataObject[];
			sourceItems: IDataObject[];
		};
		const simple = shop.products.filter((p) => p.type_id === 'simple');
		expect(simple.length).toBeGreaterThan(1);
		for (const product of simple) {
			expect(await myOgoProduct(services.magentoBed, String(product.sku))).toMatchObject({
				salesPrice: product.price,
			});
		}

		const stock = await runFrom('magento2-stock-from-myogo.json', 'Reconcile All Stock Daily');
		expect(outputOf(stock.run, 'Failed Requests')).toEqual([]);
		const api = await services.magentoBed.api();
		const levels = (await api.get('/stock', { params: { limit: 250 } })).data as IDataObject[];
		const after = (await services.magento.get('/state')).data as { sourceItems: IDataObject[] };
		// Every SKU both sides hold (all the demo shop's simple products) is at myOGO's level.
		const compared = after.sourceItems
			.map((item) => [item.sku, item.quantity, levels.find((l) => l.productCode === item.sku)])
			.filter(([, , level]) => level !== undefined)
			.map(([sku, quantity, level]) => [sku, quantity, (level as IDataObject).stockAvailable]);
		expect(compared).toHaveLength(simple.length);
		for (const [sku, quantity, level] of compared) expect([sku, quantity]).toEqual([sku, level]);
	});

	test('Shopify products: the daily resync creates a product the shop added', async () => {
		await services.shop.post('/seed', {
			products: [
				{
					title: 'Wool mittens',
					status: 'active',
					variants: [{ sku: 'MITTENS-GREY', price: '22.50', inventory_quantity: 4 }],
				},
			],
		});
		expect(await myOgoProduct(services.shopBed, 'MITTENS-GREY')).toBeUndefined();

		const result = await runFrom('shopify-products-to-myogo.json', 'Full Resync Daily');

		expect(outputOf(result.run, 'Failed Products')).toEqual([]);
		expect(await myOgoProduct(services.shopBed, 'MITTENS-GREY')).toMatchObject({
			code: 'MITTENS-GREY',
			salesPrice: 22.5,
		});
	});

	test('WooCommerce sync health check (after the catch-up and the resync above): one report naming the drift seeded into each side', async () => {
		await services.woo.post('/seed', {
			products: [{ name: 'Not in myOGO', sku: 'HEALTH-SHOP-ONLY', manage_stock: true }],
		});
		const shop = (await services.woo.get('/state')).data as { products: IDataObject[] };
		const sold = shop.products.find(
			(p) => p.sku && p.type === 'simple' && p.sku !== 'HEALTH-SHOP-ONLY',
		);
		await services.bed.control.post('/seed', {
			stock: [{ code: sold!.sku, stockAvailable: 4321, reserved: 0 }],
		});

		const result = await runFrom('woocommerce-sync-health.json', 'Run Check Now');

		expect(outputOf(result.run, 'Failed Requests')).toEqual([]);
		const reports = outputOf(result.run, 'Health Report');
		expect(reports).toHaveLength(1);
		const keys = (kind: string) =>
			((reports[0] as IDataObject)[kind] as Array<{ key: string }>).map((f) => f.key);
		expect(keys('productMissingInMyOgo')).toContain('HEALTH-SHOP-ONLY');
		expect(keys('stockDiffers')).toContain(sold!.sku);
		expect(keys('paidOrderMissing')).toEqual([]); // the catch-up above sent every paid order
		expect(outputOf(result.run, 'Repaired')).toEqual([]); // Repair is off by default
	});

	test('Shopify sync health check: one report naming the drift seeded into each side, its GraphQL pages read in real n8n', async () => {
		await services.shopBed.control.post('/seed', {
			products: [{ code: 'HEALTH-BOTH', languageCode: 'en', name: 'In both' }],
			stock: [{ code: 'HEALTH-BOTH', stockAvailable: 4321, reserved: 0 }],
		});
		await services.shop.post('/seed', {
			products: [
				{ title: 'In both', variants: [{ sku: 'HEALTH-BOTH', inventory_quantity: 1 }] },
				{ title: 'Not in myOGO', variants: [{ sku: 'HEALTH-SHOP-ONLY', inventory_quantity: 1 }] },
			],
		});

		await expectHealthDrift('shopify-sync-health.json');
	});

	test('Magento 2 sync health check: one report naming the drift seeded into each side, its paged reads in real n8n', async () => {
		await services.magentoBed.control.post('/seed', {
			products: [{ code: 'HEALTH-BOTH', languageCode: 'en', name: 'In both' }],
			stock: [{ code: 'HEALTH-BOTH', stockAvailable: 4321, reserved: 0 }],
		});
		await services.magento.post('/seed', {
			products: [
				{ sku: 'HEALTH-BOTH', name: 'In both', type_id: 'simple', quantity: 1 },
				{ sku: 'HEALTH-SHOP-ONLY', name: 'Not in myOGO', type_id: 'simple', quantity: 1 },
			],
		});

		await expectHealthDrift('magento2-sync-health.json');
	});
});

/**
 * Runs a store's sync health check (Repair off, as shipped) after the test seeded HEALTH-BOTH on both
 * sides (1 in the shop, 4,321 in myOGO) and HEALTH-SHOP-ONLY in the shop only: one report names both.
 */
async function expectHealthDrift(file: string) {
	const result = await runFrom(file, 'Run Check Now');
	expect(outputOf(result.run, 'Failed Requests')).toEqual([]);
	const reports = outputOf(result.run, 'Health Report');
	expect(reports).toHaveLength(1);
	const report = reports[0] as IDataObject;
	expect((report.productMissingInMyOgo as Array<{ key: string }>).map((f) => f.key)).toContain(
		'HEALTH-SHOP-ONLY',
	);
	expect(report.stockDiffers).toContainEqual(
		expect.objectContaining({ key: 'HEALTH-BOTH', inShop: 1, inMyOgo: 4321 }),
	);
	expect(outputOf(result.run, 'Repaired')).toEqual([]); // Repair is off by default
}

/** The myOGO API calls the sandbox logged since its log was last cleared (token calls left out). */
async function myOgoCalls(bed: TestBed): Promise<Array<{ method: string; path: string }>> {
	const log = (await bed.control.get('/requests')).data as Array<{ method: string; path: string }>;
	return log.filter((call) => call.path.toLowerCase().startsWith('/api/'));
}

/** Runs the orders catch-up twice: the first sends only what myOGO lacks, the second writes nothing to myOGO. */
async function catchUpTwice(file: string, bed: TestBed) {
	await bed.control.delete('/requests');
	const first = await runFrom(file, 'Catch-up Every Hour');
	const firstWrites = (await myOgoCalls(bed)).filter((call) => call.method !== 'GET');
	await bed.control.delete('/requests');
	const second = await runFrom(file, 'Catch-up Every Hour');
	const secondCalls = await myOgoCalls(bed);
	return { first, firstWrites, second, secondCalls };
}

/**
 * Ships an order in myOGO as if an hour ago (the sandbox's clock set back for the change): past the
 * live poll's window, which the tracking repair leaves to the live poll, so the repair takes it.
 */
async function shipAnHourAgo(bed: TestBed, reference: string, trackingNumber: string) {
	await bed.control.post('/clock', { now: new Date(Date.now() - 60 * 60 * 1000).toISOString() });
	try {
		await bed.control.post(`/orders/${encodeURIComponent(reference)}/advance`, {
			status: 'shipped',
			trackingNumber,
		});
	} finally {
		await bed.control.post('/clock', { now: null });
	}
}

describe('issue 13 in real n8n: partial orders, a catch-up at the minimum, tracking that repairs itself', () => {
	test('WooCommerce: the catch-up creates the orders myOGO lacks (and leaves those it holds unchanged), a partial one ends on "Sent Without Some Lines"; a second catch-up writes nothing; the repair run gives a shipped order its tracking once', async () => {
		const shop = (await services.woo.get('/state')).data as { orders: IDataObject[] };
		const sku = String(
			(shop.orders.find((o) => o.status === 'processing')!.line_items as IDataObject[])[0].sku,
		);
		const line = {
			id: 2,
			name: 'Known product',
			quantity: 1,
			sku,
			price: 10,
			total: '10.00',
			total_tax: '0.00',
		};
		await services.woo.post('/seed', {
			orders: [
				{
					id: 9301,
					number: '9301',
					status: 'processing',
					line_items: [
						{
							id: 1,
							name: 'Handmade scarf',
							quantity: 2,
							sku: '',
							price: 20,
							total: '40.00',
							total_tax: '0.00',
						},
						line,
					],
				},
				{ id: 9302, number: '9302', status: 'processing', line_items: [line] },
			].map((order) => ({
				...order,
				shipping: {
					first_name: 'Aino',
					last_name: 'Virtanen',
					address_1: 'Mannerheimintie 1',
					city: 'Helsinki',
					postcode: '00100',
					country: 'FI',
				},
				shipping_lines: [{ method_id: 'flat_rate', method_title: 'Flat rate', total: '4.90' }],
			})),
		});

		const { first, firstWrites, second, secondCalls } = await catchUpTwice(
			'woocommerce-orders-to-myogo.json',
			services.bed,
		);
		expect(outputOf(first.run, 'Failed Orders')).toEqual([]);
		expect(outputOf(first.run, 'Sent to myOGO').map((o) => o.reference)).toEqual(['9302']);
		expect(outputOf(first.run, 'Sent Without Some Lines')).toEqual([
			expect.objectContaining({
				reference: '9301',
				linesLeftOut: [
					expect.objectContaining({
						line: 1,
						title: 'Handmade scarf',
						reason: 'no SKU',
						whatToDo: expect.any(String),
					}),
				],
			}),
		]);
		expect(firstWrites.map((call) => call.method)).toEqual(['POST', 'POST']);
		expect(outputOf(second.run, 'Sent to myOGO')).toEqual([]);
		expect(secondCalls.filter((call) => call.method !== 'GET')).toEqual([]);
		const inWindow = outputOf(second.run, 'Nothing to Send').length;
		expect(secondCalls.length).toBeLessThanOrEqual(Math.floor(inWindow / 250) + 1);

		await shipAnHourAgo(services.bed, '9302', 'JJE2E9302');
		for (let run = 0; run < 2; run++) {
			const repair = await runFrom('woocommerce-tracking-from-myogo.json', 'Repair Every 4 Hours');
			expect(outputOf(repair.run, 'Failed Tracking Updates')).toEqual([]);
			expect(outputOf(repair.run, 'Tracking Sent')).toHaveLength(run === 0 ? 1 : 0);
		}
		const order = (await services.woo.get('/orders/9302')).data as IDataObject & {
			notes: IDataObject[];
			meta_data: IDataObject[];
		};
		expect(order.status).toBe('completed');
		expect(order.notes).toHaveLength(1);
		expect(Object.fromEntries(order.meta_data.map((m) => [m.key, m.value]))).toMatchObject({
			_myogo_tracking_numbers: 'JJE2E9302',
		});
	});

	test('Shopify: the catch-up creates the orders myOGO lacks (and leaves those it holds unchanged), a partial one ends on "Sent Without Some Lines"; a second catch-up writes nothing; the repair run fulfills a shipped order once', async () => {
		const before = (await services.shop.get('/state')).data as { orders: IDataObject[] };
		const sku = String((before.orders[0].line_items as IDataObject[])[0].sku);
		const address = {
			name: 'Aino Virtanen',
			address1: 'Mannerheimintie 1',
			city: 'Helsinki',
			zip: '00100',
			country_code: 'FI',
		};
		const seeded = (
			await services.shop.post('/seed', {
				orders: [
					{
						financial_status: 'paid',
						line_items: [
							{ title: 'Handmade scarf', quantity: 2, price: '20.00' },
							{ sku, quantity: 1 },
						],
						shipping_address: address,
						shipping_lines: [{ title: 'Standard', price: '4.90' }],
					},
					{
						financial_status: 'paid',
						line_items: [{ sku, quantity: 1 }],
						shipping_address: address,
						shipping_lines: [{ title: 'Standard', price: '4.90' }],
					},
				],
			})
		).data as { orders: unknown[] };
		const state = (await services.shop.get('/state')).data as { orders: IDataObject[] };
		const [partial, complete] = seeded.orders.map((id) => state.orders.find((o) => o.id === id)!);
		const reference = (order: IDataObject) => String(order.name).replace(/^#/, '');

		const { first, firstWrites, second, secondCalls } = await catchUpTwice(
			'shopify-orders-to-myogo.json',
			services.shopBed,
		);
		expect(outputOf(first.run, 'Failed Orders')).toEqual([]);
		expect(outputOf(first.run, 'Sent to myOGO').map((o) => o.reference)).toEqual([
			reference(complete),
		]);
		expect(outputOf(first.run, 'Sent Without Some Lines')).toEqual([
			expect.objectContaining({
				reference: reference(partial),
				linesLeftOut: [
					expect.objectContaining({ line: 1, title: 'Handmade scarf', reason: 'no SKU' }),
				],
			}),
		]);
		expect(firstWrites.map((call) => call.method)).toEqual(['POST', 'POST']);
		expect(secondCalls.filter((call) => call.method !== 'GET')).toEqual([]);
		expect(secondCalls.length).toBeLessThanOrEqual(
			Math.floor(outputOf(second.run, 'Nothing to Send').length / 250) + 1,
		);

		await shipAnHourAgo(services.shopBed, reference(complete), 'JJE2ESHOP');
		for (let run = 0; run < 2; run++) {
			const repair = await runFrom('shopify-tracking-from-myogo.json', 'Repair Every 4 Hours');
			expect(outputOf(repair.run, 'Failed Tracking Updates')).toEqual([]);
			expect(outputOf(repair.run, 'Tracking Sent')).toHaveLength(run === 0 ? 1 : 0);
		}
		const fulfillments = (
			(await services.shop.get('/state')).data as { fulfillments: IDataObject[] }
		).fulfillments.filter((f) => f.orderId === complete.id);
		expect(fulfillments).toHaveLength(1);
		expect(JSON.stringify(fulfillments[0].trackingInfo)).toContain('JJE2ESHOP');
	});
});
