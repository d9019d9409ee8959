/**
 * Orders and tracking benchmark of issue 13: calls against the minimum for an orders catch-up with
 * nearly everything already in myOGO, a re-send of 1,000 unchanged orders, and a tracking repair
 * over 1,000 shipped orders. The templates and the myOGO node run in-process; the fakes in their
 * own process (bench/fakes.ts), every call waiting 50 ms. "Before" runs the same case the way the
 * code did before issue 13 (the orders template of commit ebb9660; "Update It" for the node).
 * Prints figures, asserts nothing about time: `node tools/run-bench.js bench/ordersAndTracking.bench.ts`.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import axios, { type AxiosInstance } from 'axios';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { runNode } from '../test/harness/runNode';
import { paidCheckout, shopifyOAuth2Credentials } from '../test/harness/shopify';
import { sandboxCredentials } from '../test/harness/sandbox';
import {
	configure,
	itemsOf,
	loadTemplate,
	runFromTrigger,
	wooCommerceCredentials,
	type RunningWooCommerceFake,
	type Template,
} from '../test/harness/templates';
import { wooOrder } from '../test/harness/wooCommerceOrder';
import { atTheNextRepair } from '../test/harness/n8nClock';
import { myOgoApiCalls, startFakes, type BenchFakes, type LogEntry } from './fakes';
import { countBy, LATENCY_MS, printTable, timed, type Row } from './report';

/** The orders template as it was before issue 13 (every catch-up order sent again: POST → 409 → PUT). */
const BEFORE_COMMIT = 'ebb9660';
const SKUS = ['HOODIE-BLUE-L', 'WOO-BEANIE'];
const PAGE = 250;

const rows: Row[] = [];

/** List reads needed for `count` rows in pages of 250: a full last page needs one more, empty, read (myOGO gives no total). */
const listReads = (count: number) => Math.floor(count / PAGE) + 1;
let fakes: BenchFakes;
let woo: AxiosInstance;
let shopify: AxiosInstance;
let credentials: Record<string, ICredentialDataDecryptedObject>;

beforeAll(async () => {
	fakes = await startFakes(['woocommerce', 'shopify']);
	woo = axios.create({
		baseURL: `${fakes.wooCommerce!.url}/_fake`,
		timeout: 120_000,
		maxBodyLength: Infinity,
		maxContentLength: Infinity,
	});
	shopify = axios.create({
		baseURL: fakes.shopify!.controlUrl,
		timeout: 120_000,
		maxBodyLength: Infinity,
		maxContentLength: Infinity,
	});
	const shop = fakes.shopify!;
	credentials = {
		myOgoApi: sandboxCredentials(fakes.url),
		wooCommerceApi: wooCommerceCredentials(fakes.wooCommerce as RunningWooCommerceFake),
		shopifyAccessTokenApi: {
			shopSubdomain: shop.shopSubdomain,
			accessToken: shop.accessToken,
			appSecretKey: shop.appSecret,
		},
		// The templates ship set up for the OAuth2 credential (a Dev Dashboard app); it reads only
		// the subdomain, client ID, secret and token the proxied fake address carries.
		shopifyOAuth2Api: shopifyOAuth2Credentials(shop),
	};
});

afterAll(() => {
	fakes?.close();
	printTable('ordersAndTracking', 'Orders and tracking benchmarks (issue 13)', rows);
});

/** Empties myOGO and both stores, with no latency while arranging. */
async function reset() {
	await fakes.control.post('/reset');
	await fakes.control.post('/latency', { ms: 0 });
	await woo.post('/reset');
	await woo.post('/latency', { ms: 0 });
	await shopify.post('/reset', { webhooks: true });
	await fakes.control.post('/seed', {
		products: SKUS.map((code) => ({ code, languageCode: 'en', name: code })),
	});
}

/** Turns the latency on and clears the request logs: what follows is measured. */
async function startMeasuring() {
	await fakes.control.post('/latency', { ms: LATENCY_MS });
	await woo.post('/latency', { ms: LATENCY_MS });
	await fakes.control.delete('/requests');
	await woo.delete('/requests');
	await shopify.delete('/requests');
}

/** The myOGO order a store order becomes (as the orders template sends it), optionally shipped. */
function myOgoOrder(reference: string, shipped = false): IDataObject {
	return {
		reference,
		shippingCode: 'POSTI_PAKETTI',
		customer: {
			name: 'Jürgen Weiß',
			address1: 'Hauptstraße 5',
			city: 'Berlin',
			countryCode: 'DE',
			zip: '10115',
		},
		orderLines: [{ code: SKUS[0], quantity: 2 }],
		...(shipped
			? {
					status: 'shipped',
					trackingNumber: `JJFI${reference}`,
					trackingUrl: `https://tracking.example/JJFI${reference}`,
				}
			: {}),
	};
}

function writes(calls: LogEntry[]): number {
	return calls.filter((call) => call.method !== 'GET').length;
}

function template(file: string, settings: Record<string, unknown> = {}): Template {
	return configure(loadTemplate(file), settings);
}

/** The template file as it was at `commit` (the "before" of this issue). */
function templateAt(commit: string, file: string): Template {
	const text = execFileSync('git', ['show', `${commit}:workflows/${file}`], {
		cwd: path.join(__dirname, '..'),
		encoding: 'utf8',
	});
	return configure(JSON.parse(text) as Template, {});
}

describe('orders catch-up, 24-hour window: 500 paid WooCommerce orders, 497 already in myOGO, 3 missing', () => {
	const ORDERS = 500;
	const MISSING = 3;

	async function arrange() {
		await reset();
		const orders = Array.from({ length: ORDERS }, (_, i) =>
			wooOrder(String(20001 + i), 'processing', { id: 20001 + i }),
		);
		await woo.post('/seed', { orders });
		await fakes.control.post('/seed', {
			orders: orders.slice(MISSING).map((order) => myOgoOrder(String(order.number))),
		});
	}

	async function measure(label: string, workflow: Template) {
		await arrange();
		await startMeasuring();
		const { result, ms } = await timed(() =>
			runFromTrigger(workflow, 'Catch-up Every Hour', [{}], credentials),
		);
		const myOgo = await myOgoApiCalls(fakes.control);
		const store = (await woo.get('/requests')).data as LogEntry[];
		const created = itemsOf(result, 'Sent to myOGO').filter((o) => o.result === 'created').length;
		return { label, ms, myOgo, store, created, failed: itemsOf(result, 'Failed Orders').length };
	}

	it('ours (only orders myOGO lacks) and before (every order sent again)', async () => {
		const ours = await measure('ours', template('woocommerce-orders-to-myogo.json'));
		const before = await measure(
			'before',
			templateAt(BEFORE_COMMIT, 'woocommerce-orders-to-myogo.json'),
		);
		const minimumMyOgo = listReads(ORDERS - MISSING) + MISSING;
		rows.push({
			case: `Orders catch-up, WooCommerce, ${ORDERS} paid in 24 h, ${ORDERS - MISSING} already in myOGO: myOGO calls`,
			ourCalls: ours.myOgo.length,
			minimumCalls: minimumMyOgo,
			naiveCalls: before.myOgo.length,
			ourTimeMs: ours.ms,
			naiveTimeMs: before.ms,
			extra: {
				minimum: `${listReads(ORDERS - MISSING)} list reads of the ${ORDERS - MISSING} orders myOGO holds in the window + ${MISSING} creates`,
				ours: countBy(ours.myOgo),
				oursWrites: writes(ours.myOgo),
				oursCreated: ours.created,
				oursFailed: ours.failed,
				before: countBy(before.myOgo),
				beforeWrites: writes(before.myOgo),
				storeCalls: `${ours.store.length} (WooCommerce pages of 100, the same before and after: ${before.store.length})`,
			},
		});
	});
});

describe('re-send of 1,000 unchanged orders (WooCommerce format, the myOGO node)', () => {
	const ORDERS = 1000;
	const orders = Array.from({ length: ORDERS }, (_, i) =>
		wooOrder(String(30001 + i), 'processing', { id: 30001 + i }),
	);

	function parameters(existingOrders: string): IDataObject {
		return {
			resource: 'order',
			operation: 'upsert',
			inputFormat: 'wooCommerceOrder',
			defaultShippingCode: 'POSTI_PAKETTI',
			existingOrders,
			options: { parallelRequests: 4 },
		};
	}

	async function run(existingOrders: string, items: IDataObject[]) {
		return await runNode({
			type: 'myOgo',
			parameters: parameters(existingOrders) as never,
			input: items,
			credentials,
		});
	}

	async function arrange() {
		await reset();
		const created = await run('update', orders);
		if (created.error) throw created.error;
		await startMeasuring();
	}

	it('one run of 1,000 (a batch) and 1,000 runs of one (webhook deliveries): ours and before', async () => {
		await arrange();
		const batch = await timed(() => run('updateChanges', orders));
		const batchCalls = await myOgoApiCalls(fakes.control);
		await fakes.control.delete('/requests');
		const batchBefore = await timed(() => run('update', orders));
		const beforeCalls = await myOgoApiCalls(fakes.control);
		rows.push({
			case: `Re-send of ${ORDERS} unchanged orders in one run (a batch): myOGO calls`,
			ourCalls: batchCalls.length,
			minimumCalls: Math.ceil(ORDERS / PAGE),
			naiveCalls: beforeCalls.length,
			ourTimeMs: batch.ms,
			naiveTimeMs: batchBefore.ms,
			extra: {
				minimum: `${Math.ceil(ORDERS / PAGE)} list reads of ${PAGE} (the node stops once it has found every order: no empty last read), no write`,
				ours: countBy(batchCalls),
				oursUnchanged: batch.result.items.filter((item) => item.json.result === 'unchanged').length,
				before: countBy(beforeCalls),
			},
		});

		await fakes.control.delete('/requests');
		const single = await timed(async () => {
			const results: string[] = [];
			for (const order of orders)
				results.push(String((await run('updateChanges', [order])).items[0]?.json.result));
			return results;
		});
		const singleCalls = await myOgoApiCalls(fakes.control);
		rows.push({
			case: `Re-send of ${ORDERS} unchanged orders, one delivery each (the webhook path): myOGO calls`,
			ourCalls: singleCalls.length,
			minimumCalls: ORDERS,
			naiveCalls: ORDERS * 2,
			ourTimeMs: single.ms,
			naiveTimeMs: null,
			extra: {
				minimum:
					'one read per delivery (an order must be looked at to know it is unchanged), no write',
				ours: countBy(singleCalls),
				oursUnchanged: single.result.filter((result) => result === 'unchanged').length,
				before: 'POST 409 + PUT 200 per order (the batch "before" above, measured)',
			},
		});
	});
});

const SHIPPED = 1000;
const OPEN = 10;

/** Runs a tracking template's repair schedule once, measured: its row, calls counted from both logs. */
async function measureRepair(
	store: {
		name: string;
		file: string;
		settings: Record<string, unknown>;
		log: AxiosInstance;
		minimum: number;
		how: string;
		missing: string;
	},
	extra: IDataObject = {},
) {
	await startMeasuring();
	// The next repair's time: the orders shipped now are then past the live poll's window.
	const { result, ms } = await timed(() =>
		atTheNextRepair(() =>
			runFromTrigger(
				template(store.file, store.settings),
				'Repair Every 4 Hours',
				[{}],
				credentials,
			),
		),
	);
	const myOgo = await myOgoApiCalls(fakes.control);
	const storeCalls = (await store.log.get('/requests')).data as LogEntry[];
	rows.push({
		case: `Tracking repair, ${store.name}, ${SHIPPED} shipped in the window, ${OPEN} ${store.missing}: myOGO + store calls`,
		ourCalls: myOgo.length + storeCalls.length,
		minimumCalls: store.minimum,
		naiveCalls: '—',
		ourTimeMs: ms,
		naiveTimeMs: null,
		extra: {
			minimum: store.how,
			myOgo: countBy(myOgo),
			store: countBy(storeCalls),
			...extra,
			trackingSent: itemsOf(result, 'Tracking Sent').length,
			failed: itemsOf(result, 'Failed Tracking Updates').length,
			before: 'no repair: the 10 never get their tracking',
		},
	});
}

describe('tracking repair: 1,000 orders shipped in the window, 10 not yet in the store', () => {
	it('WooCommerce: 990 completed, 10 still processing', async () => {
		await reset();
		const ids = Array.from({ length: SHIPPED }, (_, i) => 40001 + i);
		await woo.post('/seed', {
			orders: ids.map((id, i) => ({
				id,
				number: String(id),
				status: i < OPEN ? 'processing' : 'completed',
				date_paid_gmt: '2026-11-26T10:00:00',
			})),
		});
		await fakes.control.post('/seed', { orders: ids.map((id) => myOgoOrder(String(id), true)) });
		await measureRepair({
			name: 'WooCommerce',
			file: 'woocommerce-tracking-from-myogo.json',
			settings: { 'settings.wooCommerceUrl': fakes.wooCommerce!.url },
			log: woo,
			minimum: listReads(SHIPPED) + 1 + OPEN * 2,
			how: `${listReads(SHIPPED)} myOGO list reads + 1 read of the processing orders + ${OPEN} completions + ${OPEN} notes`,
			missing: 'not completed',
		});
	});

	it('Shopify: 990 fulfilled, 10 unfulfilled', async () => {
		await reset();
		const seeded = (
			await shopify.post('/seed', {
				products: [{ title: 'Hoodie', variants: [{ sku: SKUS[0], price: '42.00' }] }],
				orders: Array.from({ length: SHIPPED }, (_, i) => ({
					...paidCheckout(SKUS[0], 2, '42.00'),
					...(i < OPEN ? {} : { fulfillment_status: 'fulfilled' }),
				})),
			})
		).data as { orders: unknown[] };
		const state = (await shopify.get('/state')).data as { orders: IDataObject[] };
		const references = state.orders
			.filter((o) => seeded.orders.includes(o.id))
			.map((o) => String(o.name).replace(/^#/, ''));
		await fakes.control.post('/seed', {
			orders: references.map((reference) => myOgoOrder(reference, true)),
		});
		await measureRepair(
			{
				name: 'Shopify',
				file: 'shopify-tracking-from-myogo.json',
				settings: { 'settings.shopSubdomain': fakes.shopify!.shopSubdomain },
				log: shopify,
				minimum: listReads(SHIPPED) + 1 + OPEN,
				how: `${listReads(SHIPPED)} myOGO list reads + 1 read of the unfulfilled orders (with their fulfillment orders) + ${OPEN} fulfillments`,
				missing: 'not fulfilled',
			},
			{ storeExtra: `${OPEN} order lookups (FindOrderByName) the shipped path makes per order` },
		);
	});
});
