/**
 * Two shops of one kind (two store fakes with their own data, the same order numbers) selling
 * through one myOGO merchant (one sandbox), as the multi-shop tests need: each shop has its own
 * reference prefix, credentials and configured templates. Started once per file, reset before each test.
 */
import type { AxiosInstance } from 'axios';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { startTestBed, type TestBed } from '../trigger/helpers';
import {
	magentoControl,
	magentoCredentials,
	startTestMagento,
	type RunningMagentoFake,
} from '../harness/magento2';
import type { RunResult } from '../harness/runWorkflow';
import {
	configure,
	itemsOf,
	loadTemplate,
	nodeOf,
	runFromTrigger,
	startTestWooCommerce,
	templatePollingTrigger,
	wooCommerceCredentials,
	wooControl,
	type RunningWooCommerceFake,
	type Template,
} from '../harness/templates';

/** A store fake as the harness starts it. */
interface StoreFake {
	url: string;
	close(): Promise<void>;
}

/** How to run one kind of store for these tests. */
export interface StoreKind<Fake extends StoreFake> {
	start(): Promise<Fake>;
	/** The fake's control API (its `reset` is POSTed before each test). */
	control(fake: Fake): AxiosInstance;
	/** The n8n credentials of that store, by credential type. */
	credentials(fake: Fake): Record<string, ICredentialDataDecryptedObject>;
	/** The Settings field holding the shop URL (`settings.wooCommerceUrl`, `settings.magentoUrl`). */
	urlSetting: string;
}

export const WOOCOMMERCE: StoreKind<RunningWooCommerceFake> = {
	start: startTestWooCommerce,
	control: wooControl,
	credentials: (fake) => ({ wooCommerceApi: wooCommerceCredentials(fake) }),
	urlSetting: 'settings.wooCommerceUrl',
};

export const MAGENTO: StoreKind<RunningMagentoFake> = {
	start: startTestMagento,
	control: magentoControl,
	credentials: (fake) => ({ magento2Api: magentoCredentials(fake) }),
	urlSetting: 'settings.magentoUrl',
};

export interface Shop<Fake extends StoreFake> {
	prefix: string;
	fake: Fake;
	control: AxiosInstance;
	/** The myOGO and store credentials this shop's templates run with. */
	credentials(): Record<string, ICredentialDataDecryptedObject>;
	/** `workflows/<file>` configured for this shop: its URL and prefix (where it has them), plus `settings`. */
	template(file: string, settings?: Record<string, unknown>): Template;
}

export interface TwoShops<Fake extends StoreFake> {
	bed: TestBed;
	shops: Array<Shop<Fake>>;
}

/** The names of a template's Settings fields (`settings.…`). */
function settingsFields(template: Template): string[] {
	const settings = nodeOf(template, 'Settings').parameters.assignments as {
		assignments: Array<{ name: string }>;
	};
	return settings.assignments.map((assignment) => assignment.name);
}

/** Two shops of one kind with their own prefixes; see `useShops`. */
export function useTwoShops<Fake extends StoreFake>(
	kind: StoreKind<Fake>,
	prefixes: [string, string],
): TwoShops<Fake> {
	return useShops(prefixes.map((prefix) => ({ kind, prefix }))) as unknown as TwoShops<Fake>;
}

/** One shop per entry (its kind of store, its prefix); `bed` and `shops` are set once beforeAll ran. */
export function useShops(
	stores: Array<{ kind: StoreKind<StoreFake>; prefix: string }>,
): TwoShops<StoreFake> {
	const env = { shops: [] } as unknown as TwoShops<StoreFake>;
	beforeAll(async () => {
		env.bed = await startTestBed();
		for (const { kind, prefix } of stores) {
			const fake = await kind.start();
			env.shops.push({
				prefix,
				fake,
				control: kind.control(fake),
				credentials: () =>
					({ ...env.bed.credentials, ...kind.credentials(fake) }) as Record<
						string,
						ICredentialDataDecryptedObject
					>,
				template: (file, settings = {}) => {
					const template = loadTemplate(file);
					const shopFields = { [kind.urlSetting]: fake.url, 'settings.referencePrefix': prefix };
					const has = new Set(settingsFields(template));
					return configure(template, {
						...Object.fromEntries(Object.entries(shopFields).filter(([name]) => has.has(name))),
						...settings,
					});
				},
			});
		}
	});
	afterAll(async () => {
		await env.bed.close();
		for (const shop of env.shops) await shop.fake.close();
	});
	beforeEach(async () => {
		await env.bed.reset();
		for (const shop of env.shops) await shop.control.post('/reset');
	});
	return env;
}

/**
 * The warehouse ships the given myOGO orders (reference → tracking number) and a tracking
 * template's myOGO Trigger polls once: the shipped orders of every shop, as n8n hands them over.
 */
export async function pollShippedOrders(
	bed: TestBed,
	template: Template,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	shipped: Record<string, string>,
): Promise<IDataObject[]> {
	const trigger = templatePollingTrigger(template, credentials);
	await trigger.activate();
	await new Promise((resolve) => setTimeout(resolve, 5)); // the shipments come after the activation
	for (const [reference, trackingNumber] of Object.entries(shipped))
		await bed.control.post(`/orders/${reference}/advance`, { status: 'shipped', trackingNumber });
	const items = await trigger.poll();
	expect(items).not.toBeNull();
	return items!;
}

/** myOGO's orders (one page of 250 is plenty here), as `reference → order`. */
export async function myOgoOrdersByReference(bed: TestBed): Promise<Map<string, IDataObject>> {
	const rows = (await (await bed.api()).get('/orders', { params: { limit: 250 } }))
		.data as IDataObject[];
	return new Map(rows.map((row) => [String(row.reference), row]));
}

/** myOGO's products (one page of 250), as `code → product`. */
export async function myOgoProductsByCode(bed: TestBed): Promise<Map<string, IDataObject>> {
	const rows = (await (await bed.api()).get('/products', { params: { limit: 250 } }))
		.data as IDataObject[];
	return new Map(rows.map((row) => [String(row.code), row]));
}

/** The end a products template sends a SKU to when another shop owns its product data. */
export const KEPT = 'Kept: Another Shop Owns Product Data';

/**
 * The product-master scenario both stores share. Both shops sell MUG under their own names; only
 * the second sells CUP; the first (`settings.ownsProductData` on) owns the product data. The second
 * shop's products template runs first (myOGO has nothing yet: it creates MUG and CUP), then the
 * master's, then the second's again: after the master's run and after the other's, myOGO has
 * `masterMug` for MUG and `otherCup` for CUP, and the other shop's last run writes nothing.
 */
export async function expectMasterProductDataWins(
	bed: TestBed,
	runProducts: (shopIndex: number) => Promise<RunResult>,
	masterMug: IDataObject,
	otherCup: IDataObject,
): Promise<void> {
	const runs = [await runProducts(1)];
	runs.push(await runProducts(0));
	const masterLast = await myOgoProductsByCode(bed);
	const before = ((await bed.control.get('/requests')).data as unknown[]).length;
	runs.push(await runProducts(1));
	const calls = ((await bed.control.get('/requests')).data as IDataObject[]).slice(before);
	for (const run of runs) expect(itemsOf(run, 'Failed Products')).toEqual([]);
	const otherLast = await myOgoProductsByCode(bed);
	for (const products of [masterLast, otherLast]) {
		expect([...products.keys()].sort()).toEqual(['CUP', 'MUG']);
		expect(products.get('MUG')).toMatchObject(masterMug);
		expect(products.get('CUP')).toMatchObject(otherCup);
	}
	// The other shop's last run wrote nothing: CUP too, as myOGO has it since that shop's first run
	// and only the master changes what myOGO has.
	expect(
		calls.filter((call) => call.method !== 'GET' && String(call.path).startsWith('/api/')),
	).toEqual([]);
	expect(itemsOf(runs[2], KEPT).map((p) => [p.code, p.result])).toEqual([
		['MUG', 'kept'],
		['CUP', 'kept'],
	]);
	expect(itemsOf(runs[2], 'Sent to myOGO')).toEqual([]);
}

/**
 * Runs the shop's tracking template (`file`) on the shipped orders of both shops, as its myOGO
 * Trigger hands them over: its own order ends on "Tracking Sent", the other shop's (`otherReference`)
 * on "Another Shop's Order", nothing fails. The shop's request log is cleared first, for the caller
 * to check what the store was asked.
 */
export async function expectOnlyOwnOrderTracked<Fake extends StoreFake>(
	shop: Shop<Fake>,
	file: string,
	shipped: IDataObject[],
	otherReference: string,
): Promise<void> {
	await shop.control.delete('/requests');
	const result = await runFromTrigger(
		shop.template(file),
		'myOGO Trigger',
		shipped,
		shop.credentials(),
	);
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Tracking Updates')).toEqual([]);
	expect(itemsOf(result, 'Tracking Sent')).toHaveLength(1);
	expect(itemsOf(result, "Another Shop's Order").map((o) => o.reference)).toEqual([otherReference]);
}
