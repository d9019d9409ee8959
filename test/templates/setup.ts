/**
 * The environment the template tests share: the myOGO sandbox (a TestBed) and the store fakes a file
 * asks for (WooCommerce by default, Shopify), started once per file, closed after it, and (unless
 * told otherwise) reset before each test.
 */
import type { AxiosInstance } from 'axios';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { startTestBed, type TestBed } from '../trigger/helpers';
import { forgetProcessedData } from '../harness/processedData';
import type { WebhookTrigger } from '../harness/webhook';
import {
	allShopifyCredentials,
	fakeShopSettings,
	shopifyControl,
	startTestShopify,
	type RunningShopifyFake,
} from '../harness/shopify';
import {
	configure,
	loadTemplate,
	startTestWooCommerce,
	templatePollingTrigger,
	wooCommerceCredentials,
	wooControl,
	type RunningWooCommerceFake,
	type Template,
	itemsOf,
	runFromTrigger,
} from '../harness/templates';
import { atTheNextRepair } from '../harness/n8nClock';

export interface TemplateEnvironmentOptions {
	/** `workflows/<file>` to load and configure once both services run; becomes `env.template`. */
	template?: string;
	/** The store fakes to start next to the sandbox (default: WooCommerce only). */
	stores?: Array<'woocommerce' | 'shopify'>;
	/** The Settings values to configure the template with (given the running fakes). */
	settings?: (fake: RunningWooCommerceFake, env: TemplateEnvironment) => Record<string, unknown>;
	/** Reset the sandbox and the fake before each test (default true). */
	resetEachTest?: boolean;
	/** Seeds the sandbox after each reset. */
	seed?: (bed: TestBed) => Promise<unknown>;
}

export interface TemplateEnvironment {
	bed: TestBed;
	fake: RunningWooCommerceFake;
	/** The fake's control API. */
	woo: AxiosInstance;
	/** The Shopify fake and its control API (only with `stores: ['shopify']`). */
	shopifyFake: RunningShopifyFake;
	shopify: AxiosInstance;
	/** The configured template (only with `options.template`). */
	template: Template;
	/** Webhook triggers a test activated; closed after all tests. */
	hooks: WebhookTrigger[];
	/** The myOGO and store credentials a merchant would select. */
	credentials(): Record<string, ICredentialDataDecryptedObject>;
}

/** Registers the beforeAll/afterAll/beforeEach hooks; the context's fields are set once beforeAll ran. */
export function useTemplateEnvironment(
	options: TemplateEnvironmentOptions = {},
): TemplateEnvironment {
	const stores = options.stores ?? ['woocommerce'];
	const env = {
		hooks: [] as WebhookTrigger[],
		credentials: () =>
			({
				...env.bed.credentials,
				...(env.fake && { wooCommerceApi: wooCommerceCredentials(env.fake) }),
				...(env.shopifyFake && allShopifyCredentials(env.shopifyFake)),
			}) as Record<string, ICredentialDataDecryptedObject>,
	} as TemplateEnvironment;

	beforeAll(async () => {
		env.bed = await startTestBed();
		if (stores.includes('woocommerce')) {
			env.fake = await startTestWooCommerce();
			env.woo = wooControl(env.fake);
		}
		if (stores.includes('shopify')) {
			env.shopifyFake = await startTestShopify();
			env.shopify = shopifyControl(env.shopifyFake);
		}
		if (options.template) {
			env.template = configure(
				loadTemplate(options.template),
				options.settings?.(env.fake, env) ?? {},
			);
		}
	});
	afterAll(async () => {
		for (const hook of env.hooks) await hook.close();
		await env.bed.close();
		await env.fake?.close();
		await env.shopifyFake?.close();
	});
	if (options.resetEachTest ?? true) {
		beforeEach(async () => {
			await env.bed.reset();
			forgetProcessedData();
			await env.woo?.post('/reset');
			await env.shopify?.post('/reset', { webhooks: true });
			await options.seed?.(env.bed);
		});
	}
	return env;
}

/**
 * The environment of a Shopify template's tests: the sandbox knowing `productCodes`, the Shopify fake,
 * and `workflows/<template>` configured for the fake's shop.
 */
export function useShopifyTemplateEnvironment(
	template: string,
	productCodes: string[],
): TemplateEnvironment {
	return useTemplateEnvironment({
		stores: ['shopify'],
		template,
		settings: fakeShopSettings,
		seed: (bed) =>
			bed.control.post('/seed', {
				products: productCodes.map((code) => ({ code, languageCode: 'en', name: code })),
			}),
	});
}

/** What one poll of a template's myOGO Trigger emitted, and the calls to myOGO it made (token calls too). */
export interface StockPoll {
	items: IDataObject[];
	myOgoCalls: Array<{ path: string }>;
}

/** Activates the template's myOGO Trigger, lets `change` change stock in myOGO, and polls once. */
export async function pollStockChanges(
	env: TemplateEnvironment,
	template: Template,
	change: () => Promise<unknown>,
): Promise<StockPoll> {
	const trigger = templatePollingTrigger(template, env.credentials());
	await trigger.activate();
	await new Promise((resolve) => setTimeout(resolve, 5)); // the changes come after the activation
	await change();
	const before = ((await env.bed.control.get('/requests')).data as unknown[]).length;
	const items = await trigger.poll();
	expect(items).not.toBeNull();
	const myOgoCalls = (
		(await env.bed.control.get('/requests')).data as Array<{ path: string }>
	).slice(before);
	return { items: items!, myOgoCalls };
}

/** myOGO's stockAvailable by product code, read page by page. */
export async function myOgoStockLevels(bed: TestBed): Promise<Map<string, unknown>> {
	const levels = new Map<string, unknown>();
	const api = await bed.api();
	for (let page = 1; ; page++) {
		const rows = (await api.get('/stock', { params: { limit: 250, page } })).data as IDataObject[];
		for (const row of rows) levels.set(String(row.productCode), row.stockAvailable);
		if (rows.length < 250) return levels;
	}
}

/** The calls the sandbox logged under /api (token calls left out), e.g. to count myOGO writes. */
export async function myOgoApiCalls(
	env: TemplateEnvironment,
): Promise<Array<{ method: string; path: string }>> {
	const log = (await env.bed.control.get('/requests')).data as Array<{
		method: string;
		path: string;
	}>;
	return log.filter((call) => call.path.toLowerCase().startsWith('/api/'));
}

/**
 * Runs the orders template's catch-up twice over the store's paid orders (`count` of them, all new
 * to myOGO): the second run must write nothing and read myOGO's orders at most ⌈count/250⌉+1 times.
 */
export async function expectSecondCatchUpWritesNothing(
	env: TemplateEnvironment,
	count: number,
): Promise<void> {
	const first = await runFromTrigger(env.template, 'Catch-up Every Hour', [{}], env.credentials());
	expect(itemsOf(first, 'Sent to myOGO').map((o) => o.result)).toEqual(
		new Array(count).fill('created'),
	);
	await env.bed.control.delete('/requests');
	const second = await runFromTrigger(env.template, 'Catch-up Every Hour', [{}], env.credentials());
	expect(second.error).toBeUndefined();
	expect(itemsOf(second, 'Nothing to Send').map((o) => o.result)).toEqual(
		new Array(count).fill('unchanged'),
	);
	const calls = await myOgoApiCalls(env);
	expect(calls.filter((call) => call.method !== 'GET')).toEqual([]);
	expect(calls.length).toBeLessThanOrEqual(Math.ceil(count / 250) + 1);
}

/**
 * Runs a tracking template's repair schedule once, when the next one comes (the orders shipped now
 * are then past the live poll's window): it must end one order on "Tracking Sent", none
 * on the failure end, and read myOGO once (the shipped orders of the window), nothing else.
 */
export async function expectRepairSendsOne(env: TemplateEnvironment): Promise<void> {
	await env.bed.control.delete('/requests');
	const repair = await atTheNextRepair(() =>
		runFromTrigger(env.template, 'Repair Every 4 Hours', [{}], env.credentials()),
	);
	expect(repair.error).toBeUndefined();
	expect(itemsOf(repair, 'Failed Tracking Updates')).toEqual([]);
	expect(itemsOf(repair, 'Tracking Sent')).toHaveLength(1);
	expect((await myOgoApiCalls(env)).map((c) => `${c.method} ${c.path}`)).toEqual([
		'GET /api/v1/orders',
	]);
}

/** The WooCommerce tracking template against the fakes, with one product (MUG) in myOGO. */
export function useWooCommerceTrackingEnvironment(): TemplateEnvironment {
	return useTemplateEnvironment({
		template: 'woocommerce-tracking-from-myogo.json',
		settings: (fake) => ({ 'settings.wooCommerceUrl': fake.url }),
		seed: (bed) =>
			bed.control.post('/seed', { products: [{ code: 'MUG', languageCode: 'en', name: 'Mug' }] }),
	});
}

/**
 * A Shopify tracking template's live run with Shopify refusing the fulfillment (503): the live path
 * loses the order, which ends on "Failed Tracking Updates".
 */
export async function liveRunLosesFulfillment(
	env: TemplateEnvironment,
	items: IDataObject[],
): Promise<void> {
	await env.shopify.post('/faults', {
		status: 503,
		path: '/graphql',
		graphqlOperation: 'CreateFulfillment',
	});
	const live = await runFromTrigger(env.template, 'myOGO Trigger', items, env.credentials());
	expect(itemsOf(live, 'Failed Tracking Updates')).toHaveLength(1);
}
