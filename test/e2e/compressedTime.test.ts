/**
 * The day scenario's time compression in real n8n: the four Shopify templates, published with
 * tools/day/compressTime.js at 60 × (stock polls every 5 s, tracking polls every 10 s instead of 5
 * and 10 minutes), activate without n8n's "polling interval is too short" refusal and really poll
 * that often. Uncompressed, each myOGO Trigger polls once at activation and then not for minutes.
 */
import type { IDataObject } from 'n8n-workflow';

import { importCredentials, importWorkflows, publishWorkflow, startN8n } from '../../tools/n8n';
import type { RunningN8n } from '../../tools/n8n/server';
import { createInstance, expectNoPackageProblems } from './instance';
import { credentialsFor, startServices, templatesFor, type E2eServices } from './services';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compressTime } = require('../../tools/day/compressTime');

/** The compressed poll periods of the Shopify stock and tracking templates' myOGO Triggers. */
let stockPollSeconds = 0;
let trackingPollSeconds = 0;
/** Long enough to see several polls: 30 s on 2.8 (5 s and 10 s polls); on 2.40, whose polls run at
 * most once a minute (tools/n8n/pinned.js), two periods and a bit. */
const watchMs = () =>
	Math.max(30_000, (2 * Math.max(stockPollSeconds, trackingPollSeconds) + 5) * 1000);

let services: E2eServices;
let server: RunningN8n | undefined;
let stopN8n: (() => Promise<void>) | undefined;

beforeAll(async () => {
	services = await startServices();
	const n8n = await createInstance('compressed', { extraCaCerts: services.shopify.caCertPath });
	await importCredentials(n8n.env, credentialsFor(services));
	const compressed = templatesFor(services)
		// The four sync templates (the sync health check, shopify-sync-health.json, runs on demand).
		.filter((t) => /^shopify-(orders|products|stock|tracking)-/.test(t.file))
		.map((t) => ({ file: t.file as string, ...compressTime(t, 60) }));
	expect(compressed).toHaveLength(4);
	const pollOf = (file: string) =>
		compressed
			.find((c) => c.file === file)!
			.changes.find((change: { type: string }) => change.type === 'n8n-nodes-myogo.myOgoTrigger')!
			.toSeconds as number;
	stockPollSeconds = pollOf('shopify-stock-from-myogo.json');
	trackingPollSeconds = pollOf('shopify-tracking-from-myogo.json');
	const shopify = compressed.map((c) => c.template);
	await importWorkflows(n8n.env, shopify);
	for (const t of shopify) await publishWorkflow(n8n.env, t.id);
	server = await startN8n(n8n.env, { onSpawn: (stop) => (stopN8n = stop) });
});

afterAll(async () => {
	await (server ? server.stop() : stopN8n?.());
	await services?.close();
});

test('compressed 60 ×, the myOGO Triggers poll as often as the compressed period in real n8n', async () => {
	const since = Date.now();
	const watch = watchMs();
	await new Promise((resolve) => setTimeout(resolve, watch));
	const log = (await services.shopBed.control.get('/requests')).data as IDataObject[];
	const pollsOf = (path: string) =>
		log.filter(
			(call) =>
				call.method === 'GET' &&
				String(call.path).toLowerCase().endsWith(path) &&
				Date.parse(String(call.time)) >= since,
		).length;
	// A poll is one or more reads; polls at activation come before `since`.
	const stockPolls = pollsOf('/stock');
	const orderPolls = pollsOf('/orders');
	console.log(
		`myOGO reads in ${watch / 1000} s, compressed 60 × (polls every ${stockPollSeconds} s / ${trackingPollSeconds} s): GET /stock ${stockPolls}, GET /orders ${orderPolls}`,
	);
	// At least half the polls the period allows (the machine is loaded); uncompressed, none (the
	// shipped periods are 5 and 10 minutes).
	const atLeast = (seconds: number) => Math.max(1, Math.floor(watch / 1000 / seconds / 2));
	expect(stockPolls).toBeGreaterThanOrEqual(atLeast(stockPollSeconds));
	expect(orderPolls).toBeGreaterThanOrEqual(atLeast(trackingPollSeconds));
	expect(server!.log()).not.toContain('polling interval is too short');
	expectNoPackageProblems(server!.log());
});
