/**
 * Magento 2 order polling calls: workflows/magento2-orders-to-myogo.json polls 2,000 paid orders
 * (Magento has no webhooks), then polls again with nothing new (its window overlaps). Prints the calls
 * to Magento and myOGO against the minimum the APIs allow, and the time, with 50 ms per API call; checks
 * the end state (every order in myOGO once), asserts nothing about time:
 * `node tools/run-bench.js bench/magentoOrders.bench.ts`.
 */
import axios from 'axios';

import { magentoCredentials, type RunningMagentoFake } from '../test/harness/magento2';
import { runWorkflow } from '../test/harness/runWorkflow';
import { apiClient, sandboxCredentials } from '../test/harness/sandbox';
import { configure, itemsOf, loadTemplate } from '../test/harness/templates';
import { myOgoApiCalls, startFakes, type BenchFakes } from './fakes';
import { countBy, LATENCY_MS, printTable, timedWithCpu, type Row } from './report';

const ORDERS = 2_000;
const MAGENTO_PAGE = 100; // the template's page size
const MYOGO_PAGE = 250;

type Obj = Record<string, any>;

let fakes: BenchFakes;
const rows: Row[] = [];

beforeAll(async () => {
	fakes = await startFakes(['magento2']);
});
afterAll(() => {
	fakes?.close();
	printTable('magentoOrders', 'Magento 2 order polling', rows);
});

test(`${ORDERS} paid orders: the first poll sends them all, the next poll (same window) writes nothing`, async () => {
	const magento = fakes.magento2!;
	const control = axios.create({
		baseURL: `${magento.url}/_fake`,
		timeout: 120_000,
	});
	await control.post('/reset');
	await fakes.control.post('/seed', {
		products: [{ code: 'MUG', languageCode: 'en', name: 'Mug' }],
	});
	await control.post('/seed', {
		orders: Array.from({ length: ORDERS }, () => ({
			items: [{ sku: 'MUG', qty_ordered: 1, price: 10 }],
		})),
	});
	const template = configure(loadTemplate('magento2-orders-to-myogo.json'), {
		'settings.magentoUrl': magento.url,
	});
	const credentials = {
		myOgoApi: sandboxCredentials(fakes.url),
		magento2Api: magentoCredentials(magento as RunningMagentoFake),
	};
	const poll = () =>
		runWorkflow(
			{ nodes: template.nodes, connections: template.connections },
			{ credentials, startNode: 'Poll Every 5 Minutes' },
		);
	await fakes.control.post('/latency', { ms: LATENCY_MS });
	await control.post('/latency', { ms: LATENCY_MS });

	for (const label of ['first poll: all new', 'next poll: nothing new']) {
		await fakes.control.delete('/requests');
		await control.delete('/requests');
		const { result: run, ms, cpuMs } = await timedWithCpu(poll);
		const magentoCalls = (await control.get('/requests')).data as Array<{
			method: string;
			status: number | null;
		}>;
		const myOgoCalls = await myOgoApiCalls(fakes.control);
		const sent = itemsOf(run, 'Sent to myOGO').length;
		const already = itemsOf(run, 'Already in myOGO').length;
		const failed = itemsOf(run, 'Failed Orders').length;
		const writes = myOgoCalls.filter((c) => c.method !== 'GET').length;
		// myOGO's orders are read 250 a call; an empty account still takes one read.
		const held = label.startsWith('first') ? 0 : ORDERS;
		const myOgoPages = Math.max(1, Math.ceil(held / MYOGO_PAGE));
		const minimum =
			Math.ceil(ORDERS / MAGENTO_PAGE) + myOgoPages + (label.startsWith('first') ? ORDERS : 0);
		rows.push({
			case: `Magento 2 orders, ${ORDERS} paid orders in the window, ${label}`,
			ourCalls: magentoCalls.length + myOgoCalls.length,
			minimumCalls: minimum,
			naiveCalls: '-',
			ourTimeMs: ms,
			naiveTimeMs: null,
			extra: {
				magentoCalls: countBy(magentoCalls),
				myOgoCalls: countBy(myOgoCalls),
				myOgoWrites: writes,
				sent,
				alreadyInMyOgo: already,
				failed,
				n8nCpuSeconds: Number((cpuMs / 1000).toFixed(2)),
				minimum: `${Math.ceil(ORDERS / MAGENTO_PAGE)} Magento pages of ${MAGENTO_PAGE} + ${myOgoPages} myOGO page(s) of ${MYOGO_PAGE} + one myOGO write per new order`,
			},
		});
		expect({ label, failed, error: run.error?.message }).toEqual({
			label,
			failed: 0,
			error: undefined,
		});
	}
	// End state: every order in myOGO once.
	await fakes.control.post('/latency', { ms: 0 });
	const api = await apiClient(fakes.url);
	const references: string[] = [];
	for (let page = 1; ; page++) {
		const { data } = await api.get('/orders', { params: { limit: MYOGO_PAGE, page } });
		references.push(...(data as Obj[]).map((order) => String(order.reference)));
		if ((data as Obj[]).length < MYOGO_PAGE) break;
	}
	const total = references.length;
	expect({ total, distinct: new Set(references).size }).toEqual({
		total: ORDERS,
		distinct: ORDERS,
	});
});
