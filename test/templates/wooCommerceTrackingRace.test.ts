/**
 * workflows/woocommerce-tracking-from-myogo.json, the live poll and the repair at the same moment
 * (#20): the repair leaves to the live poll the orders shipped within two of the myOGO Trigger's poll
 * periods, so the two never both complete an order (WooCommerce would take both: two notes, two
 * e-mails). An order the live path lost is repaired by a later repair run, once it is past that window.
 */
import type { IDataObject } from 'n8n-workflow';

import { createMyOgoOrder } from '../harness/myOgoOrder';
import { atTheNextRepair, withN8nClockAhead } from '../harness/n8nClock';
import { itemsOf, runFromTrigger, type Template } from '../harness/templates';
import { useWooCommerceTrackingEnvironment } from './setup';
import { expectLeftThenRepaired, LEFT_TO_LIVE_POLL, shipAndPollOne } from './trackingWindow';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compressTime } = require('../../tools/day/compressTime');

const env = useWooCommerceTrackingEnvironment();

const REPAIR = 'Repair Every 4 Hours';

/** A processing WooCommerce order and its myOGO twin, shipped now; returns the live poll's items. */
async function shipOne(id: number, template: Template = env.template): Promise<IDataObject[]> {
	await env.woo.post('/seed', { orders: [{ id, number: String(id), status: 'processing' }] });
	await createMyOgoOrder(await env.bed.api(), String(id), 'MUG');
	const items = await shipAndPollOne(env.bed, template, env.credentials(), String(id));
	await env.woo.delete('/requests');
	return items;
}

/** The WooCommerce writes made so far, as `METHOD path`. */
async function wooWrites(): Promise<string[]> {
	return ((await env.woo.get('/requests')).data as Array<{ method: string; path: string }>)
		.filter((request) => request.method !== 'GET')
		.map((request) => `${request.method} ${request.path}`);
}

async function notesOf(id: number): Promise<IDataObject[]> {
	return ((await env.woo.get(`/orders/${id}`)).data as { notes: IDataObject[] }).notes;
}

const repairRun = (template: Template = env.template) =>
	runFromTrigger(template, REPAIR, [{}], env.credentials());

test('a repair run while the live run handles a just-shipped order leaves it to the live run: one completion, one note', async () => {
	const items = await shipOne(1101);
	// The live poll has read the order; the repair fires before the live run's writes land.
	const repair = await repairRun();
	const live = await runFromTrigger(env.template, 'myOGO Trigger', items, env.credentials());

	expect(await wooWrites()).toEqual(['PUT /orders/1101', 'POST /orders/1101/notes']);
	expect(await notesOf(1101)).toHaveLength(1);
	expect(itemsOf(repair, LEFT_TO_LIVE_POLL).map((order) => order.reference)).toEqual(['1101']);
	expect(itemsOf(repair, 'Tracking Sent')).toEqual([]);
	expect(itemsOf(live, 'Tracking Sent')).toHaveLength(1);
	expect([repair, live].flatMap((run) => itemsOf(run, 'Failed Tracking Updates'))).toEqual([]);
});

test('an order the live run lost: the repair leaves it while it is within two poll periods (20 min), and completes it once it is older', async () => {
	const items = await shipOne(1103);
	await env.woo.post('/faults', { status: 503, method: 'PUT', path: '/orders/1103' });
	const live = await runFromTrigger(env.template, 'myOGO Trigger', items, env.credentials());
	expect(itemsOf(live, 'Failed Tracking Updates').map((order) => order.reference)).toEqual([
		'1103',
	]);
	await env.woo.delete('/requests');

	await expectLeftThenRepaired('1103', () => repairRun(), wooWrites);
	expect(await wooWrites()).toEqual(['PUT /orders/1103', 'POST /orders/1103/notes']);
	expect(await notesOf(1103)).toHaveLength(1);

	const next = await atTheNextRepair(() => repairRun());
	expect(itemsOf(next, 'Tracking Sent')).toEqual([]);
	expect(await notesOf(1103)).toHaveLength(1);
});

test('the window follows the poll: a copy polling every 10 s (tools/day/compressTime.js, 60 ×) leaves a lost order for 20 s, not 20 min', async () => {
	const { template: compressed, changes } = compressTime(env.template, 60, {
		shortestPollSeconds: 1,
		schedules: false,
	});
	expect(changes).toEqual([expect.objectContaining({ fromSeconds: 600, toSeconds: 10 })]);
	const items = await shipOne(1104, compressed);
	await env.woo.post('/faults', { status: 503, method: 'PUT', path: '/orders/1104' });
	await runFromTrigger(compressed, 'myOGO Trigger', items, env.credentials());
	await env.woo.delete('/requests');

	const early = await withN8nClockAhead(10_000, () => repairRun(compressed));
	expect(itemsOf(early, LEFT_TO_LIVE_POLL).map((order) => order.reference)).toEqual(['1104']);
	const later = await withN8nClockAhead(30_000, () => repairRun(compressed));
	expect(itemsOf(later, 'Tracking Sent')).toHaveLength(1);
	expect(await wooWrites()).toEqual(['PUT /orders/1104', 'POST /orders/1104/notes']);
});
