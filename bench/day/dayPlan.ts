/**
 * What happens in one day in the shop, and when: the events are placed on a 0…1 scale of the day
 * (deterministic, no randomness between runs), so the same plan plays at any time compression.
 */
import { random } from '../../test/trigger/helpers';

/** How much happens in one day. */
export interface DaySize {
	/** Paid orders placed by customers. */
	orders: number;
	/** Of those, orders whose shipping address the shop changes after payment. */
	editedOrders: number;
	/** Of those, orders cancelled after payment (never shipped). */
	cancelledOrders: number;
	/** Of those, orders with one extra line that has no SKU (myOGO cannot stock it): sent without it. */
	ordersWithLineLeftOut: number;
	/** Stock counts in myOGO (the warehouse). */
	stockChanges: number;
	/** Product edits in the store (a new description of one product). */
	productEdits: number;
	/** Orders the warehouse ships (with a tracking code); at most the orders not cancelled. */
	shipments: number;
}

/** The day of issue 20. */
export const FULL_DAY: DaySize = {
	orders: 200,
	editedOrders: 10,
	cancelledOrders: 10,
	ordersWithLineLeftOut: 5,
	stockChanges: 2000,
	productEdits: 20,
	shipments: 200,
};

/** The shortened day of the end-to-end tier: a tenth, every kind of event still in it. */
export const SHORT_DAY: DaySize = {
	orders: 20,
	editedOrders: 2,
	cancelledOrders: 2,
	ordersWithLineLeftOut: 1,
	stockChanges: 200,
	productEdits: 4,
	shipments: 20,
};

/**
 * One compressed store outage of 15 minutes, and one n8n restart, both in the middle of the day. The
 * restart is placed between two event times of the short day (none falls exactly on it, where the
 * order of a delivery and n8n's SIGTERM would be a matter of milliseconds).
 */
export const OUTAGE = { at: 0.4, length: 15 / (24 * 60) };
export const RESTART_AT = 0.57;

export type DayEvent =
	| { at: number; kind: 'order'; order: number }
	| { at: number; kind: 'editOrder'; order: number }
	| { at: number; kind: 'cancelOrder'; order: number }
	| { at: number; kind: 'ship'; order: number }
	| { at: number; kind: 'stock'; sku: string; level: number }
	| { at: number; kind: 'editProduct'; product: number; edit: number }
	| { at: number; kind: 'outageStarts' }
	| { at: number; kind: 'outageEnds' }
	| { at: number; kind: 'restartN8n' };

/** What the plan says about each order (by its number in the day, 0-based). */
export interface OrderRoles {
	edited: Set<number>;
	cancelled: Set<number>;
	lineLeftOut: Set<number>;
	shipped: Set<number>;
}

/**
 * Which orders are edited, cancelled, carry a line left out and are shipped: spread over the day
 * (every k-th order), never both edited and cancelled, so each check has its own orders.
 */
export function orderRoles(size: DaySize): OrderRoles {
	const spread = (count: number, offset: number) =>
		new Set(
			Array.from(
				{ length: count },
				(_, i) => Math.floor(((i + 0.5) * size.orders) / count) + offset,
			).map((n) => n % size.orders),
		);
	const edited = spread(size.editedOrders, 0);
	const cancelled = spread(size.cancelledOrders, 1);
	const lineLeftOut = spread(size.ordersWithLineLeftOut, 2);
	const shippable = Array.from({ length: size.orders }, (_, n) => n).filter(
		(n) => !cancelled.has(n),
	);
	return { edited, cancelled, lineLeftOut, shipped: new Set(shippable.slice(0, size.shipments)) };
}

/**
 * The day's events in time order. Orders are placed over the first 60 % of the day; an edit or a
 * cancel comes 5 % of a day after payment, a shipment 30 % after: later than an n8n restart lasts in
 * a compressed day, so an edit made while n8n was down reaches myOGO (by the catch-up) before the
 * warehouse ships.
 * Stock counts are spread over the day and end with an evening count of every SKU (the last word on
 * each level is the warehouse's). Product edits cycle over `editableProducts` store products.
 */
export function dayEvents(size: DaySize, skus: string[], editableProducts: number): DayEvent[] {
	const roles = orderRoles(size);
	const next = random(20);
	const events: DayEvent[] = [];
	for (let order = 0; order < size.orders; order++) {
		const at = 0.02 + (0.6 * order) / size.orders;
		events.push({ at, kind: 'order', order });
		if (roles.edited.has(order)) events.push({ at: at + 0.05, kind: 'editOrder', order });
		if (roles.cancelled.has(order)) events.push({ at: at + 0.05, kind: 'cancelOrder', order });
		if (roles.shipped.has(order)) events.push({ at: at + 0.3, kind: 'ship', order });
	}
	const daytimeCounts = Math.max(0, size.stockChanges - skus.length);
	for (let i = 0; i < daytimeCounts; i++) {
		const sku = skus[Math.floor(next() * skus.length)]!;
		events.push({
			at: (0.9 * i) / daytimeCounts,
			kind: 'stock',
			sku,
			level: Math.floor(next() * 200),
		});
	}
	skus
		.slice(0, size.stockChanges)
		.forEach((sku, i) =>
			events.push({ at: 0.92 + (0.02 * i) / skus.length, kind: 'stock', sku, level: 10 + i }),
		);
	for (let edit = 0; edit < size.productEdits; edit++) {
		const at = 0.05 + (0.8 * edit) / size.productEdits;
		events.push({ at, kind: 'editProduct', product: edit % editableProducts, edit });
	}
	events.push({ at: OUTAGE.at, kind: 'outageStarts' });
	events.push({ at: OUTAGE.at + OUTAGE.length, kind: 'outageEnds' });
	events.push({ at: RESTART_AT, kind: 'restartN8n' });
	return events.sort((a, b) => a.at - b.at);
}
