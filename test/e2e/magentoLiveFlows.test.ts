/**
 * The four Magento 2 templates live in real n8n: imported, published, and left to their own
 * triggers. Magento sends no webhooks, so every direction is a poll; tools/day/compressTime.js makes
 * the test copies poll every few seconds (factors in TIME_FACTORS), written as cron lists n8n
 * accepts under its one-minute floor. Each flow is judged by its end state in the Magento fake and the myOGO sandbox,
 * and "exactly once" by later runs that read the same order again and end it on their
 * "already done" node.
 */
import type { IDataObject } from 'n8n-workflow';

import { executionOutput, importCredentials, listExecutions } from '../../tools/n8n';
import type { RunningN8n } from '../../tools/n8n/server';
import type { TemplateWorkflow } from '../../tools/n8n/templates';
import {
	createInstance,
	expectNoPackageProblems,
	failureReasons,
	publishAndStart,
} from './instance';
import { RunOutputs } from './runOutputs';
import { credentialsFor, startServices, templatesFor, type E2eServices } from './services';
import { waitFor as waitForEndState } from './waitFor';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compressTime } = require('../../tools/day/compressTime');

const ORDERS = 'magento2-orders-to-myogo.json';
const TRACKING = 'magento2-tracking-from-myogo.json';
/**
 * How many times as often each test copy polls: orders 120 × (every 2 s, the hourly catch-up every
 * 30 s) and tracking 480 × (every second, the 4-hour repair every 30 s), so that a catch-up and a
 * repair run fall inside the test; products and stock 60 ×.
 */
const TIME_FACTORS: Record<string, number> = { [ORDERS]: 120, [TRACKING]: 480 };
const timeFactor = (file: string) => TIME_FACTORS[file] ?? 60;
/** The longest compressed period waited for is 30 s (catch-up, repair); a run under load takes seconds more. */
const WAIT_LIMIT_MS = 75_000;

let services: E2eServices;
let server: RunningN8n | undefined;
let stopN8n: (() => Promise<void>) | undefined;
let cookie: string;
const figures: string[] = [];
/** The tracking template's Settings: whether Magento e-mails the buyer the shipment. */
let notifyCustomer: boolean;
/** Workflow id by template file. */
const workflowIds = new Map<string, string>();
/** Node outputs of finished runs, read once each. */
let outputs: RunOutputs | undefined;

/**
 * How long the tracking repair leaves a shipped order to the live poll: two of the compressed
 * tracking poll's periods (a minute each on n8n 2.40, whose polls run at most once a minute).
 */
let liveWindowMs = 0;

/** Waits for `check` as long as a change may take to arrive (`limitMs`, WAIT_LIMIT_MS by default). */
async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined>,
	limitMs = WAIT_LIMIT_MS,
) {
	return await waitForEndState(what, check, limitMs, () => server?.log());
}

/** The one row myOGO holds under `key` (fails when there are two). */
async function inMyOgo(
	resource: 'orders' | 'products',
	key: 'reference' | 'code',
	value: string,
): Promise<IDataObject | undefined> {
	const rows = (
		await (await services.magentoBed.api()).get(`/${resource}`, { params: { [key]: value } })
	).data as IDataObject[];
	expect(rows.length).toBeLessThanOrEqual(1);
	return rows[0];
}

/** The successful runs of `file`'s workflow in which node `nodeName` put out an item naming `reference`. */
async function runsEndingOn(file: string, nodeName: string, reference: string): Promise<string[]> {
	outputs ??= new RunOutputs(server!.url, cookie);
	return await outputs.runsNaming(String(workflowIds.get(file)), nodeName, reference);
}

/** Waits until `count` runs of `file` ended the order `reference` on `nodeName`; returns them. */
async function awaitRunsEndingOn(
	file: string,
	nodeName: string,
	reference: string,
	count: number,
	limitMs = WAIT_LIMIT_MS,
): Promise<string[]> {
	return (
		await waitFor(
			`${count} runs of ${file} ending order ${reference} on "${nodeName}"`,
			async () => {
				const runs = await runsEndingOn(file, nodeName, reference);
				return runs.length >= count ? runs : undefined;
			},
			limitMs,
		)
	).value;
}

/** Whether the run `id` was started by the trigger node `triggerName`. */
async function startedBy(id: string, triggerName: string): Promise<boolean> {
	return (await executionOutput(server!.url, cookie, id, triggerName)).length > 0;
}

beforeAll(async () => {
	services = await startServices();
	const n8n = await createInstance('magento-live');
	await importCredentials(n8n.env, credentialsFor(services));
	const magento: TemplateWorkflow[] = templatesFor(services)
		// The four sync templates (the sync health check, magento2-sync-health.json, runs on demand).
		.filter((t) => /^magento2-(orders|products|stock|tracking)-/.test(t.file))
		.map((t) => {
			const { template, changes } = compressTime(t, timeFactor(t.file));
			const poll = changes.find((c: IDataObject) => c.type === 'n8n-nodes-myogo.myOgoTrigger');
			if (t.file === TRACKING) liveWindowMs = 2 * poll.toSeconds * 1000;
			return template;
		});
	expect(magento).toHaveLength(4);
	for (const t of magento) workflowIds.set(t.file, t.id);
	notifyCustomer = magento
		.find((t) => t.file === TRACKING)!
		.nodes.find((n) => n.name === 'Settings')!
		.parameters.assignments.assignments.find(
			(a: IDataObject) => a.name === 'settings.notifyCustomer',
		).value;
	({ server, cookie } = await publishAndStart(n8n, magento, (stop) => (stopN8n = stop)));
});

afterAll(async () => {
	await (server ? server.stop() : stopN8n?.());
	await services?.close();
	if (figures.length)
		console.log(`Magento live flows through real n8n:\n  ${figures.join('\n  ')}`);
});

describe('Magento 2 live flows through real n8n (polls compressed)', () => {
	let order: IDataObject;

	test('a paid (processing) order placed in Magento reaches myOGO exactly once, across several polls of the overlapping window', async () => {
		order = (
			await services.magento.post('/orders', {
				state: 'processing',
				customer_email: 'mikko@example.com',
				shipping_method: 'flatrate_flatrate',
				payment_method: 'checkmo',
				address: {
					firstname: 'Mikko',
					lastname: 'Virtanen',
					street: ['Hämeenkatu 12'],
					city: 'Tampere',
					postcode: '33100',
					country_id: 'FI',
					telephone: '+358401234567',
					email: 'mikko@example.com',
				},
				items: [
					{ sku: 'CAP-NAVY', name: 'Baseball cap, navy', qty_ordered: 2, price: 19.9 },
					{ sku: 'TSHIRT-BLUE-L', name: 'T-shirt Blue / L', qty_ordered: 1, price: 24.9 },
				],
			})
		).data as IDataObject;
		const reference = String(order.increment_id);

		const arrived = await waitFor('the Magento order in myOGO', () =>
			inMyOgo('orders', 'reference', reference),
		);
		figures.push(`paid in Magento → myOGO: ${arrived.ms} ms (orders polled every 2 s)`);
		expect((arrived.value.orderLines as IDataObject[]).map((l) => [l.code, l.quantity])).toEqual([
			['CAP-NAVY', 2],
			['TSHIRT-BLUE-L', 1],
		]);
		expect(arrived.value.shippingCode).toBe('POSTI_PAKETTI');
		expect((arrived.value.customer as IDataObject).address1).toBe('Hämeenkatu 12');

		// Every later poll reads the order again (it is inside the one-hour window): each ends it on
		// "Already in myOGO", none sends it twice.
		await awaitRunsEndingOn(ORDERS, 'Already in myOGO', reference, 2);
		// The hourly catch-up (every 30 s here) reads 48 hours back: it finds the order in myOGO too.
		await waitFor('a catch-up run that found the order in myOGO', async () => {
			for (const id of await runsEndingOn(ORDERS, 'Already in myOGO', reference))
				if (await startedBy(id, 'Catch-up Every Hour')) return id;
			return undefined;
		});
		expect(await runsEndingOn(ORDERS, 'Sent to myOGO', reference)).toHaveLength(1);
		expect(await inMyOgo('orders', 'reference', reference)).toMatchObject({
			id: arrived.value.id,
		});
	});

	test('a stock level counted in myOGO reaches the Magento source item', async () => {
		await services.magentoBed.control.put('/stock/TSHIRT-BLUE-L', { stockAvailable: 60 });
		const set = await waitFor('the stock in the Magento source item', async () => {
			const rows = (await services.magento.get('/stock/TSHIRT-BLUE-L')).data as IDataObject[];
			const item = rows.find((r) => r.source_code === 'default');
			return item?.quantity === 60 ? item : undefined;
		});
		figures.push(`stock counted in myOGO → Magento source item: ${set.ms} ms (polled every 5 s)`);
		expect(set.value).toMatchObject({ sku: 'TSHIRT-BLUE-L', quantity: 60, status: 1 });
	});

	test('an order shipped in myOGO gets exactly one Magento shipment with its track, the buyer notified as Settings say', async () => {
		expect(order).toBeDefined();
		const reference = String(order.increment_id);
		await services.magentoBed.control.post(`/orders/${encodeURIComponent(reference)}/advance`, {
			status: 'shipped',
			trackingNumber: 'JJFI00000000000000077',
		});
		const shipped = await waitFor('the Magento shipment', async () => {
			const view = (await services.magento.get(`/orders/${order.entity_id}`)).data as IDataObject;
			return (view.shipments as IDataObject[]).length > 0 ? view : undefined;
		});
		figures.push(`shipped in myOGO → Magento shipment: ${shipped.ms} ms`);

		// The poll and the repair (every 30 s here) both reach this order: whichever comes first ships
		// it ("Tracking Sent"; the repair leaves it to the poll for two poll periods), and a later run
		// finds the shipment and ends it on "Already Shipped"; nothing ships it twice.
		await awaitRunsEndingOn(
			TRACKING,
			'Already Shipped',
			reference,
			1,
			WAIT_LIMIT_MS + liveWindowMs,
		);
		// Every tracking run that handled this order passed its rules spot with it; the repair is one.
		const handled = await runsEndingOn(
			TRACKING,
			'Your Rules (one item per shipped order)',
			reference,
		);
		const repairStarted = await Promise.all(
			handled.map(async (id) => await startedBy(id, 'Repair Every 4 Hours')),
		);
		expect(repairStarted).toContain(true);
		const shipCalls = ((await services.magento.get('/requests')).data as IDataObject[]).filter(
			(r) => r.method === 'POST' && String(r.path).endsWith(`/order/${order.entity_id}/ship`),
		);
		expect(shipCalls.map((r) => r.status)).toEqual([200]);
		const after = (await services.magento.get('/state')).data as {
			shipments: IDataObject[];
			emails: IDataObject[];
		};
		const shipments = after.shipments.filter((s) => s.order_id === order.entity_id);
		expect(shipments).toHaveLength(1);
		expect(shipments[0]!.tracks).toEqual([
			expect.objectContaining({ track_number: 'JJFI00000000000000077', title: 'Posti' }),
		]);
		// Magento e-mails the buyer once when Settings say so (the template ships with it on), else never.
		expect(shipments[0]!.email_sent).toBe(notifyCustomer ? 1 : null);
		expect(after.emails.filter((e) => e.orderId === order.entity_id)).toEqual(
			notifyCustomer
				? [
						expect.objectContaining({
							kind: 'shipment',
							to: 'mikko@example.com',
							tracks: ['JJFI00000000000000077'],
						}),
					]
				: [],
		);
	});

	test('a product edited in Magento reaches myOGO', async () => {
		await services.magento.post('/products/CAP-NAVY/touch', { price: 21.5 });
		const updated = await waitFor('the edited product in myOGO', async () => {
			const product = await inMyOgo('products', 'code', 'CAP-NAVY');
			return product?.salesPrice === 21.5 ? product : undefined;
		});
		figures.push(`product edited in Magento → myOGO: ${updated.ms} ms (polled every 15 s)`);
		expect(updated.value).toMatchObject({ code: 'CAP-NAVY', name: 'Baseball cap, navy' });
	});

	test('every execution n8n ran succeeded, and n8n’s log shows no problem with the package or the templates', async () => {
		// One create per Magento order in myOGO's log (the demo shop's paid orders and this one), never two.
		const shop = (await services.magento.get('/state')).data as { orders: IDataObject[] };
		const creates = ((await services.magentoBed.control.get('/requests')).data as IDataObject[])
			.filter((r) => r.method === 'POST' && /\/orders$/i.test(String(r.path)))
			.filter((r) => Number(r.status) < 300);
		expect(creates).toHaveLength(shop.orders.length);

		const finished = (e: { status: string }) => e.status !== 'running' && e.status !== 'new';
		const executions = (await listExecutions(server!.url, cookie)).filter(finished);
		// All four templates ran on their own triggers.
		expect(new Set(executions.map((e) => e.workflowId)).size).toBe(4);
		const reasons = await failureReasons(server!.url, cookie, executions);
		expect(reasons).toEqual([]);
		expectNoPackageProblems(server!.log());
		expect(server!.log()).not.toContain('polling interval is too short');
		expect(server!.log()).not.toContain(services.magento2.accessToken);
		expect(server!.log()).not.toContain('sandbox-secret');
	});
});
