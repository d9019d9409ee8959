/**
 * Magento 2 on a bad day: the four templates' Magento calls failing (503s and dropped connections in
 * the middle of batched and paged work), the Web API input limits switched on, and n8n down for longer
 * than the orders poll's window. After the templates' own catch-up, reconcile and repair runs, nothing
 * is lost and nothing doubled: every order in myOGO once, every SKU at myOGO's level, every shipped
 * order with one shipment and one e-mail. Counts go to the suite's observations.
 */
import type { IDataObject } from 'n8n-workflow';

import { setStock } from '../trigger/helpers';
import { placeMagentoOrder } from '../harness/magento2';
import { itemsOf, runFromTrigger, templatePollingTrigger } from '../harness/templates';
import { runWorkflow } from '../harness/runWorkflow';
import { atTheNextRepair } from '../harness/n8nClock';
import {
	magentoQuantities,
	sendMyOgoOrder,
	useMagentoEnvironment,
	type MagentoEnvironment,
} from '../templates/magento2Setup';
import { pollStockChanges } from '../templates/setup';
import { currentTestName, record } from './support/observations';

type Obj = Record<string, any>;

const stockEnv = useMagentoEnvironment('magento2-stock-from-myogo.json');
const ordersEnv = useMagentoEnvironment('magento2-orders-to-myogo.json');
const trackingEnv = useMagentoEnvironment('magento2-tracking-from-myogo.json');

const run = (env: MagentoEnvironment, trigger: string) =>
	runWorkflow(
		{ nodes: env.template.nodes, connections: env.template.connections },
		{ credentials: env.credentials(), startNode: trigger },
	);

function observe(fields: {
	faults: number;
	ordersSent?: number;
	ordersInMyOgo?: number;
	lost: number;
	duplicated: number;
	stale?: number;
	shipped?: number;
	delivered?: number;
}) {
	return record({
		test: currentTestName(),
		faultsInjected: fields.faults,
		ordersSent: fields.ordersSent ?? 0,
		ordersInMyOgo: fields.ordersInMyOgo ?? 0,
		lost: fields.lost,
		duplicated: fields.duplicated,
		staleStockWrites: fields.stale ?? 0,
		secretLeaks: 0,
		trackingShipped: fields.shipped ?? 0,
		trackingDelivered: fields.delivered ?? 0,
	});
}

test('stock: Magento failing batches in the middle of a 200-SKU poll; the daily reconcile leaves every SKU at myOGO’s level', async () => {
	const env = stockEnv;
	const levels = Array.from({ length: 200 }, (_, i): [string, number] => [`R-${i}`, i + 5]);
	await env.bed.control.post('/seed', {
		products: levels.map(([code]) => ({ code, languageCode: 'en', name: code })),
	});
	await env.magento.post('/seed', { products: levels.map(([sku]) => ({ sku, quantity: 0 })) });
	const { items } = await pollStockChanges(env.shared(), env.template, () =>
		setStock(env.bed.control, levels),
	);
	const faults = [
		{ status: 503, path: '/inventory/source-items', method: 'POST', after: 2 },
		{ status: 'reset', path: '/inventory/source-items', method: 'POST', after: 4 },
	];
	for (const fault of faults) await env.magento.post('/faults', fault);
	const live = await runFromTrigger(env.template, 'myOGO Trigger', items, env.credentials());
	expect(itemsOf(live, 'Failed Requests')).toHaveLength(2); // two batches of 20 refused, visibly
	const reconcile = await run(env, 'Reconcile All Stock Daily');
	expect(itemsOf(reconcile, 'Failed Requests')).toEqual([]);
	const quantities = await magentoQuantities(env);
	const wrong = levels.filter(([sku, level]) => quantities[sku] !== level);
	expect(wrong).toEqual([]);
	observe({ faults: faults.length, lost: wrong.length, duplicated: 0 });
});

test('orders: Magento failing pages and n8n down for three hours; the catch-up sends every paid order once', async () => {
	const env = ordersEnv;
	await env.bed.control.post('/seed', {
		products: ['TEE-S', 'MUG', 'SPOON'].map((code) => ({ code, languageCode: 'en', name: code })),
	});
	const threeHoursAgo = new Date(Date.now() - 3 * 3600_000)
		.toISOString()
		.slice(0, 19)
		.replace('T', ' ');
	const orders: Obj[] = [];
	// Placed while n8n was down: outside the poll's one-hour window, inside the catch-up's 48 hours.
	for (let i = 0; i < 5; i++)
		orders.push(await placeMagentoOrder(env.magento, { updated_at: threeHoursAgo }));
	for (let i = 0; i < 145; i++) orders.push(await placeMagentoOrder(env.magento));
	await env.magento.post('/faults', { status: 503, path: '/orders', after: 1 }); // page 2 of the poll
	const poll = await run(env, 'Poll Every 5 Minutes');
	expect(itemsOf(poll, 'Failed Orders')).toHaveLength(1);
	await env.magento.post('/faults', { status: 'reset', path: '/orders', count: 1 });
	const refusedCatchUp = await run(env, 'Catch-up Every Hour');
	expect(itemsOf(refusedCatchUp, 'Failed Orders')).toHaveLength(1);
	await run(env, 'Poll Every 5 Minutes');
	await run(env, 'Catch-up Every Hour');
	const again = await run(env, 'Catch-up Every Hour');
	expect(itemsOf(again, 'Sent to myOGO')).toEqual([]);

	const api = await env.bed.api();
	const inMyOgo: Obj[] = [];
	for (let page = 1; ; page++) {
		const rows = (await api.get('/orders', { params: { limit: 250, page } })).data as Obj[];
		inMyOgo.push(...rows);
		if (rows.length < 250) break;
	}
	const references = inMyOgo.map((o) => String(o.reference));
	const lost = orders.filter((o) => !references.includes(o.increment_id)).length;
	const duplicated = references.length - new Set(references).size;
	expect({ lost, duplicated, total: references.length }).toEqual({
		lost: 0,
		duplicated: 0,
		total: 150,
	});
	observe({
		faults: 2,
		ordersSent: orders.length,
		ordersInMyOgo: references.length,
		lost,
		duplicated,
	});
});

test('tracking: Magento failing ship calls, nobody retrying; the repair run ships every order once, one e-mail each', async () => {
	const env = trackingEnv;
	await env.bed.control.post('/seed', {
		products: [{ code: 'MUG', languageCode: 'en', name: 'Mug' }],
	});
	const orders: Obj[] = [];
	for (let i = 0; i < 4; i++) orders.push(await placeMagentoOrder(env.magento));
	for (const order of orders) await sendMyOgoOrder(env.bed, order.increment_id);
	const trigger = templatePollingTrigger(env.template, env.credentials());
	await trigger.activate();
	await new Promise((resolve) => setTimeout(resolve, 5));
	for (const order of orders)
		await env.bed.control.post(`/orders/${order.increment_id}/advance`, {
			status: 'shipped',
			trackingNumber: `JJMG${order.entity_id}`,
		});
	const items = (await trigger.poll()) ?? [];
	const faults = [
		{ status: 503, path: `/order/${orders[0].entity_id}/ship` },
		{ status: 'reset', path: `/order/${orders[1].entity_id}/ship` },
		{ status: 401, path: '/orders', method: 'GET', after: 0 },
	];
	await env.magento.post('/faults', faults[0]);
	await env.magento.post('/faults', faults[1]);
	const live = await runFromTrigger(env.template, 'myOGO Trigger', items, env.credentials());
	expect(itemsOf(live, 'Failed Tracking Updates')).toHaveLength(2);
	await env.magento.post('/faults', faults[2]);
	const refusedRepair = await atTheNextRepair(() => run(env, 'Repair Every 4 Hours'));
	expect(itemsOf(refusedRepair, 'Failed Tracking Updates')).toHaveLength(1);
	await atTheNextRepair(() => run(env, 'Repair Every 4 Hours'));
	const again = await atTheNextRepair(() => run(env, 'Repair Every 4 Hours'));
	expect(itemsOf(again, 'Tracking Sent')).toEqual([]);

	const state = (await env.magento.get('/state')).data as { shipments: Obj[]; emails: Obj[] };
	const delivered = orders.filter((o) =>
		state.shipments.some(
			(s) =>
				s.order_id === o.entity_id &&
				s.tracks.some((t: IDataObject) => t.track_number === `JJMG${o.entity_id}`),
		),
	);
	const duplicated = state.shipments.length - new Set(state.shipments.map((s) => s.order_id)).size;
	expect({
		delivered: delivered.length,
		shipments: state.shipments.length,
		emails: state.emails.length,
	}).toEqual({
		delivered: 4,
		shipments: 4,
		emails: 4,
	});
	observe({
		faults: faults.length,
		lost: orders.length - delivered.length,
		duplicated,
		shipped: orders.length,
		delivered: delivered.length,
	});
});
