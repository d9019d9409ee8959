/**
 * The package and the templates on n8n's queue mode (tools/queue/): main, one webhook processor and
 * two workers over Redis and PostgreSQL. Paid orders arrive through the store webhooks at the webhook
 * processor, stock and tracking through the myOGO Trigger polling on main, and the runs execute on the
 * workers (their own logs say so). A burst of MYOGO_QUEUE_BURST (2,000) paid WooCommerce orders —
 * 4,000 webhook runs, order.created and order.updated each — has worker 1 killed with SIGKILL
 * half-way; the orders template's catch-up brings back what the killed worker lost. Throughput of one
 * instance against queue mode, measured in one run, is `npm run bench:queue` (bench/queue/).
 */
import type { IDataObject } from 'n8n-workflow';

import {
	executeWorkflow,
	importCredentials,
	importWorkflows,
	listExecutions,
	publishWorkflow,
	runnableFrom,
	setupOwner,
	signIn,
	templateId,
} from '../../tools/n8n';
import type { TemplateWorkflow } from '../../tools/n8n/templates';
import { prepareQueueCluster, type QueueCluster } from '../../tools/queue/cluster';
import { expectNoPackageProblems, settledExecutions } from '../e2e/instance';
import { credentialsFor, startServices, templatesFor, type E2eServices } from '../e2e/services';
import { expectStoreWebhooksAt, placePaidOrders } from '../e2e/storeFlows';
import { burstThrough, myOgoReferences, tally } from './burst';
import { unfinished, workerRecord } from './workerRecords';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { demoShop } = require('../../sandbox/myogo/seed/demoShop');

const BURST = Number(process.env.MYOGO_QUEUE_BURST ?? 2000);
/** Customers placing orders at once: each waits for its order's two deliveries to be answered. */
const PARALLEL = 32;
const ORDERS_TEMPLATE = 'woocommerce-orders-to-myogo.json';
const LIVE_TEMPLATES = [
	ORDERS_TEMPLATE,
	'woocommerce-tracking-from-myogo.json',
	'woocommerce-stock-from-myogo.json',
	'shopify-orders-to-myogo.json',
	'shopify-tracking-from-myogo.json',
	'shopify-stock-from-myogo.json',
];
const WAIT_LIMIT_MS = 105_000;

const closing = { sent: 0, inMyOgo: 0, lost: 0, duplicated: 0, kills: 0, queue: 0 };

/** The test copies poll every minute, n8n's shortest interval. */
function liveTemplates(services: E2eServices, files: string[]): TemplateWorkflow[] {
	return templatesFor(services)
		.filter((t) => files.includes(t.file))
		.map((t) => {
			for (const node of t.nodes)
				if (node.type === 'n8n-nodes-myogo.myOgoTrigger')
					node.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
			return t;
		});
}

async function waitFor<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
	const started = Date.now();
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() - started > WAIT_LIMIT_MS)
			throw new Error(`${what}: not there after ${WAIT_LIMIT_MS / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

const LISTENER_ID = 'queueWebhookListener';

/** A workflow started by the myOGO Webhook Trigger (stock level changed), for the WooCommerce shop's myOGO account. */
function webhookListener(credential: { id: string; name: string }) {
	return {
		id: LISTENER_ID,
		name: 'myOGO stock webhook (queue mode test)',
		nodes: [
			{
				id: 'listener-trigger',
				name: 'myOGO Webhook Trigger',
				type: 'n8n-nodes-myogo.myOgoWebhookTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: '0f6d3c2e-6b1a-4f4e-9a51-2d9f0c7e1a11',
				parameters: { event: 'stockChanged' },
				credentials: { myOgoApi: { id: credential.id, name: credential.name } },
			},
			{
				id: 'listener-received',
				name: 'Stock Change Received',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [220, 0],
				parameters: {},
			},
		],
		connections: {
			'myOGO Webhook Trigger': {
				main: [[{ node: 'Stock Change Received', type: 'main', index: 0 }]],
			},
		},
		settings: {},
	};
}

afterAll(() => {
	const c = closing;
	console.log(
		`queue mode: orders sent ${c.sent}, orders in myOGO ${c.inMyOgo}, lost ${c.lost}, duplicated ${c.duplicated}, worker kills ${c.kills}, throughput queue ${c.queue}/min (this run, worker 1 killed half-way; one instance against queue mode in one run: npm run bench:queue)`,
	);
});

describe('queue mode: main, a webhook processor and two workers', () => {
	let services: E2eServices;
	let cluster: QueueCluster | undefined;
	let cookie: string;

	beforeAll(async () => {
		services = await startServices();
		cluster = await prepareQueueCluster({
			name: 'test',
			extraCaCerts: services.shopify.caCertPath,
		});
		const live = liveTemplates(services, LIVE_TEMPLATES);
		expect(live.map((t) => t.file).sort()).toEqual([...LIVE_TEMPLATES].sort());
		const credentials = credentialsFor(services);
		await importCredentials(cluster.cliEnv, credentials);
		await importWorkflows(cluster.cliEnv, [
			...live,
			webhookListener(credentials.find((c) => c.type === 'myOgoApi')!),
		]);
		for (const id of [...live.map((t) => t.id), LISTENER_ID])
			await publishWorkflow(cluster.cliEnv, id);
		await cluster.start();
		await setupOwner(cluster.mainUrl);
		cookie = await signIn(cluster.mainUrl);
	});

	afterAll(async () => {
		await cluster?.stop();
		await services?.close();
	});

	const logs = () =>
		[cluster!.main!, cluster!.webhook!, ...cluster!.workers.map((w) => w!)]
			.map((p) => p.log())
			.join('\n');

	test('publishing registers the store webhooks at the webhook processor’s address, not main’s', async () => {
		await expectStoreWebhooksAt(services, new URL(cluster!.webhookUrl).port);
	});

	test('live flows: a paid order in each store reaches myOGO through the webhook processor; stock and tracking reach the stores through the myOGO Trigger on main; every run executed on a worker', async () => {
		const { wooOrder, shopifyOrder, wooReference, shopReference } = await placePaidOrders(services);
		const inMyOgo = async (bed: E2eServices['bed'], reference: string) =>
			(
				(await (await bed.api()).get('/orders', { params: { reference } })).data as IDataObject[]
			)[0];
		await waitFor('the WooCommerce order in myOGO', () => inMyOgo(services.bed, wooReference));
		await waitFor('the Shopify order in myOGO', () => inMyOgo(services.shopBed, shopReference));
		for (const delivery of (await services.woo.get('/deliveries')).data as IDataObject[])
			expect(delivery.status).toBe(200);

		await services.bed.control.post(`/orders/${encodeURIComponent(wooReference)}/advance`, {
			status: 'shipped',
			trackingNumber: 'JJFI00000000000000001',
		});
		await services.shopBed.control.post(`/orders/${encodeURIComponent(shopReference)}/advance`, {
			status: 'shipped',
			trackingNumber: 'JJFI00000000000000002',
		});
		await services.bed.control.put('/stock/TSHIRT-BLUE-L', { stockAvailable: 60 });
		await services.shopBed.control.put('/stock/TSHIRT-BLUE-L', { stockAvailable: 60 });
		await waitFor('WooCommerce order completed', async () =>
			((await services.woo.get(`/orders/${wooOrder.id}`)).data as IDataObject).status ===
			'completed'
				? true
				: undefined,
		);
		await waitFor('the Shopify fulfillment', async () => {
			const state = (await services.shop.get('/state')).data as { orders: IDataObject[] };
			return state.orders.find((o) => o.id === shopifyOrder.id)?.fulfillment_status === 'fulfilled'
				? true
				: undefined;
		});
		await waitFor(
			'the stock in WooCommerce',
			async () =>
				((await services.woo.get('/products/sku/TSHIRT-BLUE-L')).data as IDataObject)
					.stock_quantity === 60 || undefined,
		);
		await waitFor('the stock in Shopify', async () => {
			const state = (await services.shop.get('/state')).data as {
				inventory: Record<string, Record<string, number>>;
			};
			return state.inventory['TSHIRT-BLUE-L']?.['gid://shopify/Location/1'] === 60 || undefined;
		});

		// Let the runs in flight finish, then judge them by main's records and the workers' own logs.
		const executions = await settledExecutions(cluster!.mainUrl, cookie);
		// Every live template ran (the Webhook Trigger's listener runs too: it hears the stock change).
		const ran = new Set(executions.map((e) => e.workflowId));
		expect(LIVE_TEMPLATES.map(templateId).filter((id) => !ran.has(id))).toEqual([]);
		expect(
			executions.filter((e) => e.status !== 'success').map((e) => `${e.workflowName}: ${e.status}`),
		).toEqual([]);
		const records = cluster!.workers.map((w) => workerRecord(w!.log()));
		const onWorkers = new Set(records.flatMap((r) => [...r.finished]));
		expect(executions.map((e) => e.id).filter((id) => !onWorkers.has(id))).toEqual([]);
		// Both modes of start reached the workers: webhook runs (orders) and trigger runs (pollers on main).
		expect(new Set(executions.map((e) => e.mode))).toEqual(new Set(['webhook', 'trigger']));
		expect(workerRecord(cluster!.main!.log()).started.size).toBe(0);
		console.log(
			`live flows in queue mode: ${executions.length} runs, worker 1 ran ${records[0]!.finished.size}, worker 2 ran ${records[1]!.finished.size}, main ran none`,
		);
		expectNoPackageProblems(logs());
		expect(logs()).not.toContain('sandbox-secret');
	});

	test('main restarted while 300 stock changes stream in: every product ends at its latest level, and no change is written twice', async () => {
		const codes = (demoShop as { stock: Array<{ code: string }> }).stock.map((row) => row.code);
		const latest = new Map<string, number>();
		const writtenRows = async () =>
			(
				(await services.woo.get('/requests')).data as Array<{
					method: string;
					path: string;
					batchSize: number;
				}>
			)
				.filter((r) => r.method === 'POST' && /\/batch$/.test(r.path))
				.reduce((sum, r) => sum + r.batchSize, 0);
		const rowsBefore = await writtenRows();
		for (let change = 0; change < 300; change++) {
			const code = codes[change % codes.length]!;
			const level = 100 + change;
			await services.bed.control.put(`/stock/${code}`, { stockAvailable: level });
			latest.set(code, level);
			if (change === 150) await cluster!.restartMain();
			await new Promise((resolve) => setTimeout(resolve, 150));
		}
		const levels = async () =>
			Object.fromEntries(
				await Promise.all(
					codes.map(async (code) => [
						code,
						((await services.woo.get(`/products/sku/${code}`)).data as IDataObject).stock_quantity,
					]),
				),
			);
		await waitFor('every product at its latest level in WooCommerce', async () => {
			const now = await levels();
			return codes.every((code) => now[code] === latest.get(code)) ? now : undefined;
		});
		const rowsWritten = (await writtenRows()) - rowsBefore;
		// One more poll after the last change: a change delivered again (a cursor lost in the restart) would write now.
		await new Promise((resolve) => setTimeout(resolve, 70_000));
		const rowsAfterAnotherPoll = (await writtenRows()) - rowsBefore;
		console.log(
			`300 stock changes over ${codes.length} products, main restarted after change 150: ${rowsWritten} stock rows written to WooCommerce, ${rowsAfterAnotherPoll - rowsWritten} more in the poll after`,
		);
		expect(await levels()).toEqual(Object.fromEntries(latest));
		expect(rowsAfterAnotherPoll).toBe(rowsWritten);
		expect(rowsWritten).toBeLessThanOrEqual(300);
		expect(cluster!.main!.log()).toMatch(/Editor is now accessible via/);
	});

	test('the myOGO Webhook Trigger’s workflow published, main restarted twice: exactly one subscription in myOGO, and its deliveries still accepted', async () => {
		const subscriptions = async () =>
			Number(
				((await services.bed.control.get('')).data as { counts: { webhooks: number } }).counts
					.webhooks,
			);
		expect(await subscriptions()).toBe(1);
		await cluster!.restartMain();
		await cluster!.restartMain();
		expect(await subscriptions()).toBe(1);
		const since = ((await services.bed.control.get('/deliveries')).data as unknown[]).length;
		await services.bed.control.put('/stock/SOCKS-3PACK', { stockAvailable: 7 });
		const delivery = await waitFor('a myOGO webhook delivery answered', async () => {
			const deliveries = (
				(await services.bed.control.get('/deliveries')).data as IDataObject[]
			).slice(since);
			return deliveries.find((d) => d.status !== null);
		});
		expect(delivery).toMatchObject({ status: 200, delivered: true });
		expect(String(delivery.url)).toContain(`${cluster!.webhookUrl}/webhook/`);
		await waitFor('the listener’s run finished on a worker', async () => {
			const runs = (await listExecutions(cluster!.mainUrl, cookie)).filter(
				(e) => e.workflowId === LISTENER_ID && e.status === 'success',
			);
			const onWorkers = new Set(
				cluster!.workers.flatMap((w) => (w ? [...workerRecord(w.log()).finished] : [])),
			);
			return runs.some((e) => onWorkers.has(e.id)) || undefined;
		});
	});

	test(`burst: ${BURST} paid orders through the webhook processor, worker 1 killed with SIGKILL half-way: after the catch-up every order is in myOGO exactly once`, async () => {
		const victim = cluster!.workers[0]!;
		let killing: Promise<void> | undefined;
		const result = await burstThrough(services, BURST, 30_000, {
			parallel: PARALLEL,
			onPlaced: (placed) => {
				if (placed === Math.ceil(BURST / 2)) killing = cluster!.killWorker(0);
			},
		});
		await killing;
		if (killing) closing.kills += 1;
		const lostRuns = unfinished(workerRecord(victim.log()));
		console.log(
			`queue mode, 2 workers: ${BURST} orders delivered in ${result.deliveredInS} s, ${result.added} new in myOGO before the catch-up, ${result.perMinute} orders/min (first delivery to last myOGO write)`,
		);
		console.log(
			`worker 1 killed after ${Math.ceil(BURST / 2)} orders: it had started ${lostRuns.length} runs it never finished (executions ${lostRuns.slice(0, 10).join(', ')}${lostRuns.length > 10 ? ', …' : ''}); myOGO lacked ${result.missing.length} of ${BURST} orders (the other lost runs were covered by the order's second webhook run)`,
		);

		const catchUpId = 'runQueueCatchUp';
		const template = liveTemplates(services, [ORDERS_TEMPLATE])[0]!;
		await importWorkflows(cluster!.cliEnv, [
			runnableFrom(template, 'Catch-up Every Hour', catchUpId),
		]);
		const catchUpStarted = Date.now();
		const run = await executeWorkflow(cluster!.cliEnv, catchUpId);
		if (!run.ok) throw new Error(`the catch-up failed:\n${run.output.slice(-3000)}`);
		expectNoPackageProblems(run.output);
		const after = tally(result.burst.references, await myOgoReferences(services.bed));
		console.log(
			`the catch-up (${Math.round((Date.now() - catchUpStarted) / 1000)} s) brought back ${result.missing.length - after.missing.length} orders; myOGO now lacks ${after.missing.length}, holds ${after.duplicated} twice`,
		);
		closing.queue = result.perMinute;
		closing.sent += BURST;
		closing.inMyOgo += BURST - after.missing.length;
		closing.lost += after.missing.length;
		closing.duplicated += result.duplicated + after.duplicated;
		expect(lostRuns.length).toBeGreaterThan(0);
		expect(after.missing).toEqual([]);
		expect(result.duplicated).toBe(0);
		expect(after.duplicated).toBe(0);
	});
});
