/**
 * Two shops of one kind (two store fakes with their own data, the same order numbers) selling
 * through one myOGO merchant (one sandbox), as the multi-shop tests need: each shop has its own
 * reference prefix, credentials and configured templates. Started once per file, reset before each test.
 */
import type { AxiosInstance } from 'axios';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { startTestBed, type TestBed } from '../trigger/helpers';
import {
	configure,
	loadTemplate,
	nodeOf,
	templatePollingTrigger,
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

/** Registers the hooks; `bed` and `shops` are set once beforeAll ran. */
export function useTwoShops<Fake extends StoreFake>(
	kind: StoreKind<Fake>,
	prefixes: [string, string],
): TwoShops<Fake> {
	const env = { shops: [] } as unknown as TwoShops<Fake>;
	beforeAll(async () => {
		env.bed = await startTestBed();
		for (const prefix of prefixes) {
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
