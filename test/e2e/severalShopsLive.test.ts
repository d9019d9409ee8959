/**
 * One merchant, one myOGO account, four shops: two Shopify shops (S1, S2) and two WooCommerce shops
 * (W1, W2), each with its own store fake and its own copy of its store's four templates, all
 * published in one real n8n. So every pair the multi-shop setup must keep apart runs at once: two
 * kinds of store (S1 + W1), two WooCommerce shops (W1 + W2), two Shopify shops (S1 + S2). Each shop's
 * Settings carry its reference prefix (`S1-` …); S1's product data is the master, the others'
 * `ownsProductData` is false. The myOGO Triggers poll 60 × as often as shipped (tools/day/compressTime.js:
 * every 5 s / 10 s on n8n 2.8, once a minute on 2.40, which allows no shorter poll); schedules run
 * as shipped (hourly and slower), so none runs during the test.
 */
import type { IDataObject } from 'n8n-workflow';

import { importCredentials } from '../../tools/n8n';
import type { RunningN8n } from '../../tools/n8n/server';
import type { TemplateWorkflow } from '../../tools/n8n/templates';
import {
	createInstance,
	expectNoPackageProblems,
	failureReasons,
	settledExecutions,
	startAndPublish,
	type E2eInstance,
} from './instance';
import { RunOutputs } from './runOutputs';
import {
	credentialsOf,
	startSeveralShops,
	templatesLacking,
	templatesOf,
	type SeveralShops,
} from './severalShops';
import type { Shop, ShopSpec } from './shopKinds';
import { waitFor as waitForEndState } from './waitFor';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compressTime } = require('../../tools/day/compressTime');

const SHOPS: ShopSpec[] = [
	{ name: 'S1', kind: 'shopify', referencePrefix: 'S1-', ownsProductData: true },
	{ name: 'S2', kind: 'shopify', referencePrefix: 'S2-', ownsProductData: false },
	{ name: 'W1', kind: 'woocommerce', referencePrefix: 'W1-', ownsProductData: false },
	{ name: 'W2', kind: 'woocommerce', referencePrefix: 'W2-', ownsProductData: false },
];
/** Node names fixed across the team for the multi-shop templates. */
const ANOTHER_SHOPS_ORDER = "Another Shop's Order";
const KEPT = 'Kept: Another Shop Owns Product Data';
/** A poll on n8n 2.40 comes once a minute; a run under load takes seconds more. */
const WAIT_LIMIT_MS = 100_000;

let services: SeveralShops;
let n8n: E2eInstance;
let server: RunningN8n | undefined;
let stopN8n: (() => Promise<void>) | undefined;
let cookie: string;
let outputs: RunOutputs;
let published: TemplateWorkflow[] = [];
const figures: string[] = [];

/** Waits for `check` as long as a change may take to arrive. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>) {
	return await waitForEndState(what, check, WAIT_LIMIT_MS, () => server?.log());
}

/**
 * Waits until `arrived` holds for every shop; answers, by shop name, how long each took from now,
 * as one line for the figures.
 */
async function waitForEveryShop(what: string, arrived: (s: Shop) => Promise<boolean>) {
	const started = Date.now();
	const took = new Map<string, number>();
	try {
		await waitFor(what, async () => {
			for (const s of services.shops)
				if (!took.has(s.spec.name) && (await arrived(s)))
					took.set(s.spec.name, Date.now() - started);
			return took.size === services.shops.length ? took : undefined;
		});
	} catch (error) {
		const missing = services.shops.map((s) => s.spec.name).filter((name) => !took.has(name));
		throw new Error(`${(error as Error).message}\nnot arrived in: ${missing.join(', ')}`);
	}
	return [...took].map(([name, ms]) => `${name} ${ms} ms`).join(', ');
}

const shop = (name: string) => services.shops.find((s) => s.spec.name === name)!;
/** The id of shop `s`'s copy of the template whose file name contains `file` (`-tracking-`…). */
const workflowOf = (s: Shop, file: string) =>
	published.find((t) => t.name.endsWith(`(${s.spec.name})`) && t.file.includes(file))!.id;

async function myOgoRows(resource: 'orders' | 'products', params: IDataObject) {
	return (await (await services.bed.api()).get(`/${resource}`, { params })).data as IDataObject[];
}

/** The successful calls of one method whose path matches, in a request log. */
function calls(log: IDataObject[], method: string, path: RegExp): IDataObject[] {
	return log.filter(
		(r) =>
			r.method === method &&
			path.test(String(r.path)) &&
			Number(r.status) >= 200 &&
			Number(r.status) < 300,
	);
}

beforeAll(async () => {
	services = await startSeveralShops(SHOPS);
	n8n = await createInstance('several-shops', {
		extraCaCerts: services.shops.find((s) => s.caCertPath)?.caCertPath,
	});
	await importCredentials(n8n.env, credentialsOf(services));
	// Polls and schedules alike: a compressed tracking repair may fire on the same second as a poll
	// (both at second 0 on n8n 2.40); it leaves the orders shipped within two poll periods to the live
	// poll, so the two never both complete one (workflows/README.md, "What happens on failure").
	published = services.shops.flatMap(templatesOf).map((t) => compressTime(t, 60).template);
	expect(new Set(published.map((t) => t.id)).size).toBe(published.length);
	({ server, cookie } = await startAndPublish(n8n, published, (stop) => (stopN8n = stop)));
	outputs = new RunOutputs(server.url, cookie);
});

afterAll(async () => {
	await (server ? server.stop() : stopN8n?.());
	await services?.close();
	if (figures.length)
		console.log(`several shops on one myOGO merchant:\n  ${figures.join('\n  ')}`);
});

describe('four shops (two Shopify, two WooCommerce) on one myOGO merchant, live in real n8n', () => {
	/** Each shop's order 1001, by shop name. */
	const orders = new Map<string, { id: number; number: string }>();

	test('each shop’s templates register their webhooks in their own store, at this n8n, none shared; every myOGO Trigger has polled', async () => {
		const addresses: string[] = [];
		for (const s of services.shops) {
			const hooks = await s.registeredWebhooks();
			expect(hooks.map((h) => h.topic).sort()).toEqual([...s.webhookTopics].sort());
			for (const hook of hooks)
				expect(hook.address).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${n8n.port}/webhook/`));
			addresses.push(...hooks.map((h) => h.address));
		}
		expect(new Set(addresses).size).toBe(addresses.length);
		// A myOGO Trigger starts from the moment of its first poll: a change made before it would never
		// be seen. n8n polls once while it activates the workflow; the sandbox's log shows those reads.
		await waitFor('the first poll of every stock and tracking trigger', async () => {
			const log = (await services.bed.control.get('/requests')).data as IDataObject[];
			const stock = calls(log, 'GET', /\/stock$/i).length;
			const shipped = calls(log, 'GET', /\/orders$/i).length;
			return stock >= SHOPS.length && shipped >= SHOPS.length ? true : undefined;
		});
	});

	test('one stock count in myOGO reaches every shop: all four show the same level', async () => {
		await services.bed.control.put('/stock/TSHIRT-BLUE-L', { stockAvailable: 60 });
		await services.bed.control.put('/stock/CAP-NAVY', { stockAvailable: 7 });
		const took = await waitForEveryShop(
			'the stock in every shop',
			async (s) => (await s.stockOf('TSHIRT-BLUE-L')) === 60 && (await s.stockOf('CAP-NAVY')) === 7,
		);
		figures.push(`stock counted in myOGO → every shop: ${took}`);
		const levels = await Promise.all(
			services.shops.map(async (s) => [
				await s.stockOf('TSHIRT-BLUE-L'),
				await s.stockOf('CAP-NAVY'),
			]),
		);
		expect(levels).toEqual(SHOPS.map(() => [60, 7]));
	});

	test('every shop’s order number 1001 reaches myOGO once, under its own prefix', async () => {
		expect(templatesLacking(published, 'settings.referencePrefix', /-(orders|tracking)-/)).toEqual(
			[],
		);
		const placed = await Promise.all(services.shops.map(async (s) => await s.placePaidOrder()));
		services.shops.forEach((s, i) => orders.set(s.spec.name, placed[i]!));
		expect(placed.map((o) => o.number)).toEqual(SHOPS.map(() => '1001'));

		const took = await waitForEveryShop(
			'every shop’s order in myOGO',
			async (s) =>
				(await myOgoRows('orders', { reference: `${s.spec.referencePrefix}1001` })).length > 0,
		);
		figures.push(`paid in each shop → myOGO, under the shop's prefix: ${took}`);
		for (const s of services.shops) {
			const [order] = await myOgoRows('orders', { reference: `${s.spec.referencePrefix}1001` });
			expect((order!.orderLines as IDataObject[]).map((l) => [l.code, l.quantity])).toEqual(
				s.spec.kind === 'shopify' ? [['CAP-NAVY', 2]] : [['HOODIE-GREY-M', 1]],
			);
		}
		// Nothing under the bare number, one row per shop, and one create each (no update undid another shop's order).
		expect(await myOgoRows('orders', { reference: '1001' })).toEqual([]);
		const all = await myOgoRows('orders', { limit: 250 });
		expect(
			all
				.map((o) => String(o.reference))
				.filter((r) => r.endsWith('1001'))
				.sort(),
		).toEqual(SHOPS.map((s) => `${s.referencePrefix}1001`).sort());
		const log = (await services.bed.control.get('/requests')).data as IDataObject[];
		expect(calls(log, 'POST', /\/orders$/i)).toHaveLength(SHOPS.length);
	});

	test('shipped in myOGO, each order’s tracking reaches only its own shop; every other shop’s tracking template ends it on "Another Shop’s Order"', async () => {
		expect(orders.size).toBe(SHOPS.length);
		const trackingNumber = (s: Shop) => `JJFI000000000000000${s.spec.name}`;
		for (const s of services.shops) {
			await services.bed.control.post(
				`/orders/${encodeURIComponent(`${s.spec.referencePrefix}1001`)}/advance`,
				{ status: 'shipped', trackingNumber: trackingNumber(s) },
			);
		}
		const took = await waitForEveryShop(
			'order 1001 shipped in every shop',
			async (s) => (await s.trackingOf(orders.get(s.spec.name)!)).shipped,
		);
		figures.push(`shipped in myOGO → each shop's order 1001 shipped: ${took}`);
		for (const s of services.shops)
			expect((await s.trackingOf(orders.get(s.spec.name)!)).trackingNumbers).toEqual([
				trackingNumber(s),
			]);
		for (const s of services.shops) {
			const tracking = workflowOf(s, '-tracking-');
			for (const other of services.shops.filter((o) => o !== s)) {
				await waitFor(
					`shop ${s.spec.name}'s tracking run ending ${other.spec.referencePrefix}1001 on "${ANOTHER_SHOPS_ORDER}"`,
					async () => {
						const runs = await outputs.runsNaming(
							tracking,
							ANOTHER_SHOPS_ORDER,
							`${other.spec.referencePrefix}1001`,
						);
						return runs.length > 0 ? runs : undefined;
					},
				);
			}
		}
		// Each store got exactly one shipment write for its order 1001: none for another shop's.
		for (const s of services.shops) {
			const log = (await s.control.get('/requests')).data as IDataObject[];
			const writes =
				s.spec.kind === 'shopify'
					? log.filter((r) =>
							(r.graphqlRootFields as string[] | undefined)?.includes('fulfillmentCreate'),
						)
					: calls(log, 'PUT', /^\/orders\/1001$/);
			expect(writes).toHaveLength(1);
		}
	});

	test('the same SKU in several shops: myOGO keeps the master shop’s product data; the others only add what myOGO lacks', async () => {
		expect(templatesLacking(published, 'settings.ownsProductData', /-products-/)).toEqual([]);
		// S1 (the master) changes the cap's price: myOGO follows.
		await shop('S1').setPrice('CAP-NAVY', '21.50');
		const master = await waitFor('the master shop’s price in myOGO', async () => {
			const product = (await myOgoRows('products', { code: 'CAP-NAVY' }))[0];
			return product?.salesPrice === 21.5 ? product : undefined;
		});
		figures.push(`price changed in the master shop → myOGO: ${master.ms} ms`);

		// The other shops change it too: their runs keep myOGO's product and write nothing. (Their
		// stock writes earlier already sent CAP-NAVY through and kept it: only runs after the change count.)
		const others = ['S2', 'W1', 'W2'];
		const keptRuns = (name: string) =>
			outputs.runsNaming(workflowOf(shop(name), '-products-'), KEPT, 'CAP-NAVY');
		const before = await Promise.all(others.map(async (name) => new Set(await keptRuns(name))));
		await Promise.all(
			others.map(async (name, i) => await shop(name).setPrice('CAP-NAVY', `1${i}.00`)),
		);
		for (const [i, name] of others.entries()) {
			await waitFor(
				`a new run of shop ${name}'s products ending CAP-NAVY on "${KEPT}"`,
				async () => {
					const fresh = (await keptRuns(name)).filter((id) => !before[i]!.has(id));
					return fresh.length > 0 ? fresh : undefined;
				},
			);
		}
		await settledExecutions(server!.url, cookie);
		expect((await myOgoRows('products', { code: 'CAP-NAVY' }))[0]).toMatchObject({
			salesPrice: 21.5,
			name: master.value.name,
		});

		// A product only W1 sells, which myOGO lacks, is still created from W1.
		const w1 = shop('W1');
		await w1.control.post('/seed', {
			products: [
				{ name: 'Gift card box', type: 'simple', sku: 'W1-GIFT-BOX', regular_price: '4.90' },
			],
		});
		await w1.setPrice('W1-GIFT-BOX', '5.50');
		const created = await waitFor(
			'W1’s own product in myOGO',
			async () => (await myOgoRows('products', { code: 'W1-GIFT-BOX' }))[0],
		);
		expect(created.value).toMatchObject({ code: 'W1-GIFT-BOX', salesPrice: 5.5 });
	});

	test('every execution n8n ran succeeded, and n8n’s log shows no problem and no secret', async () => {
		const executions = await settledExecutions(server!.url, cookie);
		expect(await failureReasons(server!.url, cookie, executions)).toEqual([]);
		expectNoPackageProblems(server!.log());
		expect(server!.log()).not.toContain('polling interval is too short');
		expect(server!.log()).not.toContain('sandbox-secret');
	});
});
