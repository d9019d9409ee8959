/** What the sync health checks' report items share, for their tests. */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { createMyOgoOrder } from '../harness/myOgoOrder';
import { freezeAt } from '../trigger/helpers';
import type { RunResult } from '../harness/runWorkflow';
import { itemsOf, runFromTrigger, type Template } from '../harness/templates';
import type { TemplateEnvironment } from './setup';

/** The kinds of drift every store's health check reports, in the report's order. */
export const HEALTH_KINDS = [
	'stockDiffers',
	'paidOrderMissing',
	'trackingMissing',
	'productMissingInMyOgo',
	'productNotInShop',
	'waitingInNew',
] as const;

/** The keys a Health Report item names, kind by kind, sorted. */
export function namedKeys(report: IDataObject): Record<string, string[]> {
	return Object.fromEntries(
		HEALTH_KINDS.map((kind) => [
			kind,
			(report[kind] as Array<{ key: string }>).map((finding) => finding.key).sort(),
		]),
	);
}

/** Runs a health check from "Run Check Now": it must end on one report, with no failed read or repair. */
export async function runHealthCheck(
	template: Template,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<{ result: RunResult; report: IDataObject }> {
	const result = await runFromTrigger(template, 'Run Check Now', [{}], credentials);
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Requests')).toEqual([]);
	expect(itemsOf(result, 'Repair Failed')).toEqual([]);
	const reports = itemsOf(result, 'Health Report');
	expect(reports).toHaveLength(1);
	return { result, report: reports[0]! };
}

/** The myOGO stock read refused (403), as a failed read every health check must stop on. */
export const myOgoStockReadFails = (env: TemplateEnvironment) =>
	env.bed.control.post('/faults', {
		path: '/api/v1/stock',
		method: 'GET',
		status: 403,
		count: 5,
	});

/** A health check with Repair on whose read `read` failed: it ends on Failed Requests naming it, with no report and no repair. */
export async function expectStopsOnFailedRead(
	template: Template,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	read: string,
): Promise<void> {
	const result = await runFromTrigger(template, 'Run Check Now', [{}], credentials);
	expect(itemsOf(result, 'Failed Requests')).toEqual(
		expect.arrayContaining([expect.objectContaining({ failedReads: [read] })]),
	);
	expect(itemsOf(result, 'Health Report')).toEqual([]);
	expect(itemsOf(result, 'Repaired')).toEqual([]);
}

/**
 * A myOGO merchant in sync with a shop: a product and 1 in stock for each SKU, and an order of one
 * `skus[0]` for each reference (as the orders template sent it). One bulk seed, for the scale tests.
 */
export async function seedMyOgoInSync(
	env: TemplateEnvironment,
	skus: readonly string[],
	references: string[],
): Promise<void> {
	await env.bed.control.post('/seed', {
		products: skus.map((code) => ({ code, languageCode: 'en', name: code })),
		stock: skus.map((code) => ({ code, stockAvailable: 1, reserved: 0 })),
		orders: references.map((reference) => ({
			reference,
			shippingCode: 'POSTI_PAKETTI',
			customer: { name: 'Aino', address1: 'Katu 1', city: 'Helsinki', countryCode: 'FI' },
			orderLines: [{ code: skus[0], quantity: 1 }],
		})),
	});
}

/**
 * Two shops on one myOGO merchant, seen from shop S1 (`settings.referencePrefix` `S1-`) whose orders
 * `first` and `second` are paid and open: myOGO holds S1-`first`, `second` without a prefix (sent
 * before the prefix), and shop S2's `first` (waiting in new for two days) and `second` (shipped).
 */
export async function seedTwoShopsOrders(
	env: TemplateEnvironment,
	[first, second]: [string, string],
): Promise<void> {
	const api = await env.bed.api();
	await freezeAt(env.bed.control, Date.now() - 48 * 3600_000);
	await createMyOgoOrder(api, `S2-${first}`, 'MUG');
	await env.bed.control.post('/clock', { now: null });
	for (const reference of [`S1-${first}`, second, `S2-${second}`])
		await createMyOgoOrder(api, reference, 'MUG');
	await env.bed.control.post(`/orders/S2-${second}/advance`, { status: 'shipped' });
}

/** After S1's check with Repair on (see seedTwoShopsOrders): only S1-`second` was missing, and it was sent once. */
export async function expectOnlyOwnOrderSent(
	env: TemplateEnvironment,
	report: IDataObject,
	[first, second]: [string, string],
): Promise<void> {
	expect(namedKeys(report)).toEqual(
		expect.objectContaining({
			paidOrderMissing: [`S1-${second}`],
			trackingMissing: [],
			waitingInNew: [],
		}),
	);
	const orders = (await (await env.bed.api()).get('/orders')).data as IDataObject[];
	expect(orders.map((order) => order.reference).sort()).toEqual(
		[second, `S1-${first}`, `S1-${second}`, `S2-${first}`, `S2-${second}`].sort(),
	);
}

/** A report made with Repair off that names exactly `drift` (kind → keys), with its counts and total. */
export function expectReportOf(report: IDataObject, drift: Record<string, string[]>): void {
	expect(namedKeys(report)).toEqual(drift);
	expect(report.counts).toEqual(
		Object.fromEntries(Object.entries(drift).map(([kind, keys]) => [kind, keys.length])),
	);
	expect(report.total).toBe(Object.values(drift).flat().length);
	expect(report.repair).toBe(false);
}
