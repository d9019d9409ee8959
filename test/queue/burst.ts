/**
 * A burst of paid WooCommerce orders placed in the store fake (each fires order.created and
 * order.updated at n8n), and what myOGO holds afterwards, read page by page through its API. Shared
 * by the queue-mode tier and its benchmark (bench/queue/).
 */
import type { IDataObject } from 'n8n-workflow';

import type { E2eServices } from '../e2e/services';
import type { TestBed } from '../trigger/helpers';

export interface Burst {
	references: string[];
	startedAt: number;
	placedAt: number;
}

export interface BurstOptions {
	/** Customers placing orders at the same time (the fake answers each once its two deliveries were answered). */
	parallel?: number;
	/** Called after each placed order with how many are placed so far. */
	onPlaced?: (placed: number) => void;
}

/** Places `count` paid orders; `placedAt` is when the last order's deliveries were answered by n8n. */
export async function placeWooOrders(
	services: E2eServices,
	count: number,
	{ parallel = 16, onPlaced }: BurstOptions = {},
): Promise<Burst> {
	const references: string[] = [];
	const startedAt = Date.now();
	let next = 0;
	const placeOne = async (index: number) => {
		const order = (
			await services.woo.post('/orders', {
				status: 'processing',
				currency: 'EUR',
				total: '23.88',
				billing: {
					first_name: 'Burst',
					last_name: `Buyer ${index}`,
					email: `burst${index}@example.com`,
					country: 'FI',
				},
				shipping: {
					first_name: 'Burst',
					last_name: `Buyer ${index}`,
					address_1: `Testikatu ${index}`,
					city: 'Turku',
					postcode: '20100',
					country: 'FI',
				},
				line_items: [
					{
						id: 1,
						name: 'Baseball cap, navy',
						sku: 'CAP-NAVY',
						quantity: 1,
						price: 19.9,
						total: '19.90',
						total_tax: '3.98',
					},
				],
				shipping_lines: [
					{
						id: 2,
						method_title: 'Posti parcel',
						method_id: 'flat_rate',
						total: '0.00',
						total_tax: '0.00',
					},
				],
			})
		).data as IDataObject;
		references.push(String(order.number));
		onPlaced?.(references.length);
	};
	await Promise.all(
		Array.from({ length: Math.min(parallel, count) }, async () => {
			while (next < count) await placeOne(next++);
		}),
	);
	return { references, startedAt, placedAt: Date.now() };
}

/** Every order reference myOGO holds, one entry per order (a duplicate would appear twice). */
export async function myOgoReferences(bed: TestBed): Promise<string[]> {
	const api = await bed.api();
	const references: string[] = [];
	for (let page = 1; page < 1000; page++) {
		const rows = (await api.get('/orders', { params: { limit: 250, page } })).data as IDataObject[];
		references.push(...rows.map((o) => String(o.reference)));
		if (rows.length < 250) break;
	}
	return references;
}

export async function myOgoOrderCount(bed: TestBed): Promise<number> {
	return Number(((await bed.control.get('')).data as { counts: { orders: number } }).counts.orders);
}

/**
 * Waits until myOGO holds `expected` orders more than `before`, or until the count has not moved for
 * `quietMs` (a lost run never arrives). Returns the count and when it last grew (the last myOGO write, ±0.5 s).
 */
export async function settle(
	bed: TestBed,
	before: number,
	added: number,
	quietMs: number,
	limitMs: number,
): Promise<{ count: number; lastWriteAt: number }> {
	const started = Date.now();
	const expected = before + added;
	let count = await myOgoOrderCount(bed);
	let lastWriteAt = Date.now();
	while (count < expected && Date.now() - lastWriteAt < quietMs && Date.now() - started < limitMs) {
		await new Promise((resolve) => setTimeout(resolve, 500));
		const now = await myOgoOrderCount(bed);
		if (now !== count) lastWriteAt = Date.now();
		count = now;
	}
	return { count, lastWriteAt };
}

/** Orders per minute from the first placement to the last myOGO write. */
export function perMinute(orders: number, from: number, to: number): number {
	return Math.round((orders * 60_000) / Math.max(1, to - from));
}

/** How many of `references` myOGO lacks, and how many it holds more than once. */
export function tally(references: string[], inMyOgo: string[]) {
	const seen = new Map<string, number>();
	for (const reference of inMyOgo) seen.set(reference, (seen.get(reference) ?? 0) + 1);
	return {
		missing: references.filter((r) => !seen.has(r)),
		duplicated: [...seen.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0),
	};
}

/** A burst through n8n: placed, settled (until myOGO holds them all or its count stands still for `quietMs`), tallied. */
export async function burstThrough(
	services: E2eServices,
	count: number,
	quietMs: number,
	options: BurstOptions = {},
) {
	const before = await myOgoOrderCount(services.bed);
	const burst = await placeWooOrders(services, count, options);
	const settled = await settle(services.bed, before, count, quietMs, 15 * 60_000);
	const counted = tally(burst.references, await myOgoReferences(services.bed));
	return {
		burst,
		settled,
		added: settled.count - before,
		...counted,
		deliveredInS: Math.round((burst.placedAt - burst.startedAt) / 1000),
		perMinute: perMinute(count, burst.startedAt, settled.lastWriteAt),
	};
}
