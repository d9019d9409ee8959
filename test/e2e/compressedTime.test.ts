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

const WATCH_MS = 30_000;

let services: E2eServices;
let server: RunningN8n | undefined;
let stopN8n: (() => Promise<void>) | undefined;

beforeAll(async () => {
	services = await startServices();
	const n8n = await createInstance('compressed', { extraCaCerts: services.shopify.caCertPath });
	await importCredentials(n8n.env, credentialsFor(services));
	const shopify = templatesFor(services)
		.filter((t) => t.file.startsWith('shopify-'))
		.map((t) => compressTime(t, 60).template);
	expect(shopify).toHaveLength(4);
	await importWorkflows(n8n.env, shopify);
	for (const t of shopify) await publishWorkflow(n8n.env, t.id);
	server = await startN8n(n8n.env, { onSpawn: (stop) => (stopN8n = stop) });
});

afterAll(async () => {
	await (server ? server.stop() : stopN8n?.());
	await services?.close();
});

test('compressed 60 ×, the myOGO Triggers poll every few seconds in real n8n', async () => {
	const since = Date.now();
	await new Promise((resolve) => setTimeout(resolve, WATCH_MS));
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
		`myOGO reads in ${WATCH_MS / 1000} s, compressed 60 ×: GET /stock ${stockPolls}, GET /orders ${orderPolls}`,
	);
	// Every 5 s gives about 6 in 30 s, every 10 s about 3; uncompressed it would be none.
	expect(stockPolls).toBeGreaterThanOrEqual(3);
	expect(orderPolls).toBeGreaterThanOrEqual(2);
	expect(server!.log()).not.toContain('polling interval is too short');
	expectNoPackageProblems(server!.log());
});
