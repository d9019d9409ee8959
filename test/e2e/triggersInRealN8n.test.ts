/**
 * Both myOGO triggers active in real n8n (`n8n start`, published workflows) against the sandbox, across
 * an n8n restart: the webhook trigger's subscription, signed deliveries, replays and tampered copies;
 * the polling trigger's stock changes arriving once each. Every assertion about "nothing started"
 * is settled by a fresh signed delivery sent afterwards: once its run is recorded, any run the
 * earlier request would have started is recorded too (n8n starts them in the order they arrive).
 */
import { randomUUID } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

import {
	executionOutput,
	importCredentials,
	importWorkflows,
	listExecutions,
	publishWorkflow,
	setupOwner,
	signIn,
	startN8n,
} from '../../tools/n8n';
import type { RunningN8n } from '../../tools/n8n/server';
import { sign } from '../../nodes/MyOgoWebhookTrigger/signature';
import { startTestBed, type TestBed } from '../trigger/helpers';
import { createInstance, expectNoPackageProblems, type E2eInstance } from './instance';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { demoShop } = require('../../sandbox/myogo/seed/demoShop');

const CREDENTIAL = { id: 'e2eTriggersMyOgo', name: 'myOGO sandbox' };
const WEBHOOK_WORKFLOW = 'e2eWebhookTrigger';
const POLLING_WORKFLOW = 'e2ePollingTrigger';
const WEBHOOK_NODE = 'myOGO Webhook Trigger';
const POLLING_NODE = 'myOGO Trigger';
const SIGNATURE_HEADER = 'X-OGOship-Hmac-SHA256';
/** n8n's shortest poll interval (1 minute) plus the run itself. */
const WAIT_LIMIT_MS = 60_000 + 45_000;

let bed: TestBed;
let n8n: E2eInstance;
let server: RunningN8n | undefined;
let stopN8n: (() => Promise<void>) | undefined;
let cookie: string;
let subscription: { id: string; url: string; key: string };
/** Every product code the webhook workflow should have emitted so far, in order. */
const expectedWebhookCodes: string[] = [];
const outputs = new Map<string, IDataObject[]>();

function triggerWorkflow(id: string, node: IDataObject): IDataObject {
	return {
		id,
		name: id,
		nodes: [
			{
				id: `${id}-trigger`,
				typeVersion: 1,
				position: [0, 0],
				credentials: { myOgoApi: CREDENTIAL },
				...node,
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

async function startServer(): Promise<void> {
	server = await startN8n(n8n.env, { onSpawn: (stop) => (stopN8n = stop) });
	await setupOwner(server.url);
	cookie = await signIn(server.url);
}

/** Items each finished run of the workflow emitted, oldest run first. */
async function emitted(workflowId: string, nodeName: string): Promise<IDataObject[]> {
	const runs = (await listExecutions(server!.url, cookie))
		.filter((e) => e.workflowId === workflowId && e.status !== 'running' && e.status !== 'new')
		.sort((a, b) => Number(a.id) - Number(b.id));
	const items: IDataObject[] = [];
	for (const run of runs) {
		if (!outputs.has(run.id))
			outputs.set(run.id, await executionOutput(server!.url, cookie, run.id, nodeName));
		items.push(...outputs.get(run.id)!);
	}
	return items;
}

/** Polls until `check` returns a value. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>): Promise<T> {
	const started = Date.now();
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() - started > WAIT_LIMIT_MS)
			throw new Error(
				`${what}: not there after ${WAIT_LIMIT_MS / 1000} s\n${server?.log().slice(-2000)}`,
			);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** A stock delivery as myOGO sends it (sandbox/README.md, "Webhook payloads"), for one product. */
function stockDelivery(productCode: string, stockAvailable: number): string {
	return JSON.stringify({
		type: 'ProductStockLevelChanged',
		occurred: new Date().toISOString(),
		stock: [{ productCode, stockAvailable, reserved: 0 }],
	});
}

/** Posts a delivery to the trigger's URL; `signature: null` sends none. */
async function deliver(body: string, signature: string | null = sign(subscription.key, body)) {
	const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
	if (signature !== null) headers[SIGNATURE_HEADER] = signature;
	const response = await fetch(subscription.url, { method: 'POST', headers, body });
	return { status: response.status, text: await response.text() };
}

/**
 * Sends a fresh signed delivery and waits for its run; then every run started before it is recorded
 * too, and the codes the webhook workflow emitted must be exactly the expected ones.
 */
async function settleWebhookRuns(): Promise<string[]> {
	const sentinel = `SENTINEL-${expectedWebhookCodes.length}-${randomUUID().slice(0, 8)}`;
	expect((await deliver(stockDelivery(sentinel, 1))).status).toBe(200);
	expectedWebhookCodes.push(sentinel);
	const codes = await waitFor(`the run of ${sentinel}`, async () => {
		const all = (await emitted(WEBHOOK_WORKFLOW, WEBHOOK_NODE)).map((item) =>
			String(item.productCode),
		);
		return all.includes(sentinel) ? all : undefined;
	});
	return codes;
}

async function subscriptions(): Promise<IDataObject[]> {
	return (await (await bed.api()).get('/webhooks')).data as IDataObject[];
}

beforeAll(async () => {
	bed = await startTestBed();
	await bed.control.post('/seed', demoShop);
	n8n = await createInstance('triggers');
	await importCredentials(n8n.env, [
		{ ...CREDENTIAL, type: 'myOgoApi', data: { ...bed.credentials.myOgoApi } },
	]);
	// The poller emits changes after this moment: none of the seeded stock, every change the tests make.
	await new Promise((resolve) => setTimeout(resolve, 1100));
	const startFrom = new Date().toISOString();
	await importWorkflows(n8n.env, [
		triggerWorkflow(WEBHOOK_WORKFLOW, {
			name: WEBHOOK_NODE,
			type: 'n8n-nodes-myogo.myOgoWebhookTrigger',
			webhookId: randomUUID(),
			parameters: { event: 'stockChanged' },
		}),
		triggerWorkflow(POLLING_WORKFLOW, {
			name: POLLING_NODE,
			type: 'n8n-nodes-myogo.myOgoTrigger',
			parameters: {
				event: 'stockChanged',
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				options: { startFrom },
			},
		}),
	] as never);
	await publishWorkflow(n8n.env, WEBHOOK_WORKFLOW);
	await publishWorkflow(n8n.env, POLLING_WORKFLOW);
	await startServer();
});

afterAll(async () => {
	await (server ? server.stop() : stopN8n?.());
	await bed?.close();
});

describe('the myOGO triggers in real n8n', () => {
	test('activation subscribes n8n’s own /webhook/ address in myOGO, with a signing key', async () => {
		// n8n 2.40 activates published workflows in the background after it is up (2.8 before).
		const found = await waitFor('the subscription in myOGO', async () => {
			const listed = await subscriptions();
			return listed.length > 0 ? listed : undefined;
		});
		expect(found).toHaveLength(1);
		expect(String(found[0]!.url)).toMatch(
			new RegExp(`^http://127\\.0\\.0\\.1:${n8n.port}/webhook/`),
		);
		expect(typeof found[0]!.key).toBe('string');
		subscription = {
			id: String(found[0]!.id),
			url: String(found[0]!.url),
			key: String(found[0]!.key),
		};
	});

	test('a stock count in the warehouse reaches both triggers: one signed delivery run, one poll', async () => {
		await bed.control.put('/stock/TSHIRT-BLUE-M', { stockAvailable: 77 });
		expectedWebhookCodes.push('TSHIRT-BLUE-M');
		const delivered = await waitFor('the webhook run', async () => {
			const items = await emitted(WEBHOOK_WORKFLOW, WEBHOOK_NODE);
			return items.length > 0 ? items : undefined;
		});
		expect(delivered).toEqual([
			expect.objectContaining({ productCode: 'TSHIRT-BLUE-M', stockAvailable: 77 }),
		]);
		const log = (await bed.control.get('/deliveries')).data as IDataObject[];
		expect(log.map((entry) => entry.status)).toEqual([200]);

		const polled = await waitFor('the poll run', async () => {
			const items = await emitted(POLLING_WORKFLOW, POLLING_NODE);
			return items.length > 0 ? items : undefined;
		});
		expect(polled).toEqual([
			expect.objectContaining({ productCode: 'TSHIRT-BLUE-M', stockAvailable: 77 }),
		]);
	});

	test('the same signed delivery sent again is answered "Already received" and starts nothing', async () => {
		const body = stockDelivery('REPLAYED-1', 5);
		const first = await deliver(body);
		expect(first.status).toBe(200);
		expectedWebhookCodes.push('REPLAYED-1');
		const again = await deliver(body);
		expect(again).toEqual({ status: 200, text: expect.stringContaining('Already received') });
		expect(await settleWebhookRuns()).toEqual(expectedWebhookCodes);
	});

	test('tampered, unsigned and wrongly keyed deliveries are refused with 401 and start nothing', async () => {
		const body = stockDelivery('TAMPERED-1', 5);
		const tampered = body.replace('"stockAvailable":5', '"stockAvailable":500');
		expect((await deliver(tampered, sign(subscription.key, body))).status).toBe(401);
		expect((await deliver(body, null)).status).toBe(401);
		expect((await deliver(body, sign('not-the-subscription-key', body))).status).toBe(401);
		expect(await settleWebhookRuns()).toEqual(expectedWebhookCodes);
	});

	test('after n8n restarts: the same subscription and key, an earlier delivery is still a replay, a new one starts once', async () => {
		const beforeRestart = stockDelivery('BEFORE-RESTART', 9);
		expect((await deliver(beforeRestart)).status).toBe(200);
		expectedWebhookCodes.push('BEFORE-RESTART');
		expect(await settleWebhookRuns()).toEqual(expectedWebhookCodes);

		await server!.stop();
		expectNoPackageProblems(server!.log());
		server = undefined;
		await startServer();

		expect((await subscriptions()).map((s) => [String(s.id), s.url, s.key])).toEqual([
			[subscription.id, subscription.url, subscription.key],
		]);
		expect(await deliver(beforeRestart)).toEqual({
			status: 200,
			text: expect.stringContaining('Already received'),
		});
		const afterRestart = stockDelivery('AFTER-RESTART', 3);
		expect((await deliver(afterRestart)).status).toBe(200);
		expectedWebhookCodes.push('AFTER-RESTART');
		expect(await deliver(afterRestart)).toEqual({
			status: 200,
			text: expect.stringContaining('Already received'),
		});
		expect(await settleWebhookRuns()).toEqual(expectedWebhookCodes);
	});

	test('the polling trigger after the restart: a new stock change arrives once, nothing earlier again', async () => {
		await bed.control.put('/stock/TSHIRT-BLACK-L', { stockAvailable: 55 });
		const polled = await waitFor('the poll after the restart', async () => {
			const items = await emitted(POLLING_WORKFLOW, POLLING_NODE);
			return items.some((item) => item.productCode === 'TSHIRT-BLACK-L') ? items : undefined;
		});
		expect(polled.map((item) => [item.productCode, item.stockAvailable])).toEqual([
			['TSHIRT-BLUE-M', 77],
			['TSHIRT-BLACK-L', 55],
		]);
		expectNoPackageProblems(server!.log());
	});
});
