/**
 * bench/day: the day's plan holds every event issue 20 names, in a consistent order (an order is
 * placed before it is edited, cancelled or shipped; nothing cancelled is shipped), and the minimum
 * counts what the schedules require while n8n is up.
 */
import {
	dayEvents,
	FULL_DAY,
	orderRoles,
	OUTAGE,
	RESTART_AT,
	SHORT_DAY,
} from '../../bench/day/dayPlan';
import { firesWhileUp, minimumCalls } from '../../bench/day/minimumCalls';

const SKUS = Array.from({ length: 12 }, (_, i) => `SKU-${i}`);

describe.each([
	['full', FULL_DAY],
	['short', SHORT_DAY],
])('the %s day', (_name, size) => {
	const events = dayEvents(size, SKUS, 5);
	const count = (kind: string) => events.filter((e) => e.kind === kind).length;

	test('holds every event of the plan once, in time order, within the day', () => {
		expect(count('order')).toBe(size.orders);
		expect(count('editOrder')).toBe(size.editedOrders);
		expect(count('cancelOrder')).toBe(size.cancelledOrders);
		expect(count('stock')).toBe(size.stockChanges);
		expect(count('editProduct')).toBe(size.productEdits);
		expect(count('ship')).toBe(Math.min(size.shipments, size.orders - size.cancelledOrders));
		expect(count('outageStarts') + count('outageEnds') + count('restartN8n')).toBe(3);
		expect(events.map((e) => e.at)).toEqual([...events.map((e) => e.at)].sort((a, b) => a - b));
		expect(events.every((e) => e.at >= 0 && e.at < 1)).toBe(true);
		expect(RESTART_AT).toBeGreaterThan(OUTAGE.at + OUTAGE.length);
	});

	test('places each order before its edit, cancel or shipment, and ships nothing cancelled', () => {
		const roles = orderRoles(size);
		const placedAt = new Map(events.flatMap((e) => (e.kind === 'order' ? [[e.order, e.at]] : [])));
		for (const e of events) {
			if (e.kind === 'editOrder' || e.kind === 'cancelOrder' || e.kind === 'ship')
				expect(e.at).toBeGreaterThan(placedAt.get(e.order)!);
			if (e.kind === 'ship') expect(roles.cancelled.has(e.order)).toBe(false);
		}
		expect([...roles.edited].some((n) => roles.cancelled.has(n))).toBe(false);
		expect(roles.lineLeftOut.size).toBe(size.ordersWithLineLeftOut);
	});

	test('ends with a count of every SKU, so the last word on each level is the warehouse’s', () => {
		const lastCounts = events.filter((e) => e.kind === 'stock').slice(-SKUS.length);
		expect(new Set(lastCounts.map((e) => (e.kind === 'stock' ? e.sku : '')))).toEqual(
			new Set(SKUS),
		);
	});
});

test('a schedule fires at each multiple of its period while n8n is up, not while it is down', () => {
	// Up 0–60 s and 90–120 s: a 10 s cron fires at 10…60 and 100…120.
	expect(
		firesWhileUp(10, [
			[0, 60_000],
			[90_000, 120_000],
		]),
	).toBe(6 + 3);
	expect(firesWhileUp(60, [[1_000, 59_000]])).toBe(0);
});

test('the WooCommerce minimum writes each poll window’s SKUs once per parent and once for the simple products', () => {
	const input = {
		store: 'WooCommerce' as const,
		periods: {
			stockPoll: 10,
			shippedPoll: 60,
			ordersCatchUp: 600,
			trackingRepair: 600,
			stockReconcile: 600,
			productsResync: 600,
		},
		upIntervals: [[1, 30_000]] as Array<[number, number]>,
		paidOrders: 0,
		editedOrders: 0,
		cancelledOrders: 0,
		neverSent: 0,
		shippedOrders: 0,
		productEdits: 0,
		shipmentTimes: [],
		// Window 1 (0–10 s): two variations of one parent and a simple product; window 2: one variation.
		stockChanges: [
			{ time: 2_000, sku: 'V1' },
			{ time: 3_000, sku: 'V2' },
			{ time: 4_000, sku: 'S1' },
			{ time: 15_000, sku: 'V1' },
		],
		parentOf: { V1: 'P', V2: 'P' },
		storeWebhookTriggers: 4,
		restarts: 0,
	};
	const woo = minimumCalls(input).find((m) => m.api === 'WooCommerce')!;
	// Window 1: lookup + variations/batch + products/batch; window 2: lookup + variations/batch.
	expect(woo.minimum).toBe(3 + 2);
	const myOgo = minimumCalls(input).find((m) => m.api === 'myOGO')!;
	// Stock polls at 10, 20 s; shipped polls none (60 s period).
	expect(myOgo.minimum).toBe(2);
});
