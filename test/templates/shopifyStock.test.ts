/**
 * workflows/shopify-stock-from-myogo.json, run in-process against the myOGO sandbox and the Shopify
 * fake: myOGO's stockAvailable is set (absolute) as Shopify's available quantity at the configured
 * location, looked up and written 250 SKUs per GraphQL call, on the pinned Admin API version: myOGO
 * is the master (changeFromQuantity null), each write carries an idempotency key.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { setStock } from '../trigger/helpers';
import { configure, itemsOf, loadTemplate, runFromTrigger } from '../harness/templates';
import {
	revokedShopifyOAuth2Credentials,
	shopifyCredentials,
	withLegacyShopifyToken,
} from '../harness/shopify';
import { myOgoStockLevels, pollStockChanges } from './setup';
import { MAIN_WAREHOUSE, useShopifyStockEnvironment } from './shopifyStockEnvironment';

const STORE_ROOM = 'gid://shopify/Location/2';

const env = useShopifyStockEnvironment();

interface ShopifyState {
	inventory: Record<string, Record<string, number>>;
	inventoryAdjustments: Array<{ changes: Array<{ sku: string; quantityAfterChange: number }> }>;
	idempotencyKeys: string[];
}

interface ShopifyCall {
	method: string;
	path: string;
	graphqlOperation?: string;
	status: number | null;
	servedVersion?: string;
	credential?: string;
	idempotentReplay?: boolean;
}

async function shopifyState(): Promise<ShopifyState> {
	return (await env.shopify.get('/state')).data as ShopifyState;
}

async function shopifyCalls(): Promise<ShopifyCall[]> {
	return (await env.shopify.get('/requests')).data as ShopifyCall[];
}

const seedMyOgo = (codes: string[]) =>
	env.bed.control.post('/seed', {
		products: codes.map((code) => ({ code, languageCode: 'en', name: code })),
	});

async function shopifyInventory(): Promise<ShopifyState['inventory']> {
	return ((await env.shopify.get('/state')).data as ShopifyState).inventory;
}

const CATALOG = [
	{ title: 'Mug', variants: [{ sku: 'MUG', inventory_quantity: 50 }] },
	{ title: 'Cap', variants: [{ sku: "CAP'S", inventory_quantity: 9 }] },
	{ title: 'Not in myOGO', variants: [{ sku: 'SHOP-ONLY', inventory_quantity: 3 }] },
	{
		title: 'T-shirt',
		variants: [
			{ sku: 'TEE-S', option1: 'S', inventory_quantity: 99 },
			{ sku: 'TEE-M', option1: 'M', inventory_quantity: 1 },
		],
	},
];

/** Changes stock in myOGO, polls the template's trigger once, and runs the workflow with what it emitted. */
async function pollAndRun(
	template: typeof env.template,
	levels: Array<[string, number]>,
	credentials: Record<string, ICredentialDataDecryptedObject> = env.credentials(),
) {
	const { items } = await pollStockChanges(env, template, () => setStock(env.bed.control, levels));
	await env.shopify.delete('/requests');
	return await runFromTrigger(template, 'myOGO Trigger', items, credentials);
}

describe('Shopify stock from myOGO', () => {
	test('sets available quantities absolutely at the configured location, by SKU, in one lookup and one write', async () => {
		await env.bed.control.post('/seed', {
			products: ['TEE-S', 'TEE-M', 'MUG', "CAP'S", 'ONLY-IN-MYOGO'].map((code) => ({
				code,
				languageCode: 'en',
				name: code,
			})),
		});
		await env.shopify.post('/seed', { products: CATALOG });
		const result = await pollAndRun(env.template, [
			['TEE-S', 4],
			['TEE-M', 0],
			['MUG', 12],
			["CAP'S", 7],
			['ONLY-IN-MYOGO', 5],
		]);
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, 'Failed Requests')).toEqual([]);
		expect(itemsOf(result, 'Stock Updates Refused')).toEqual([]);
		expect(itemsOf(result, 'Not Stocked at Location')).toEqual([]);

		// Both sides: every SKU the shop sells holds myOGO's stockAvailable at the configured location.
		const inventory = await shopifyInventory();
		const stock = await myOgoStockLevels(env.bed);
		expect(stock.size).toBe(5);
		for (const [sku, stockAvailable] of stock) {
			if (sku === 'ONLY-IN-MYOGO') continue;
			expect([sku, inventory[sku]?.[MAIN_WAREHOUSE]]).toEqual([sku, stockAvailable]);
		}
		expect(inventory['TEE-M'][MAIN_WAREHOUSE]).toBe(0);
		expect(inventory['SHOP-ONLY'][MAIN_WAREHOUSE]).toBe(3);
		expect(inventory['ONLY-IN-MYOGO']).toBeUndefined();

		// Both calls name the pinned version (Settings), which Shopify serves as itself, with the OAuth2 credential's token.
		const requests = await shopifyCalls();
		expect(
			requests.map((r) => [
				r.method,
				r.path,
				r.servedVersion,
				r.credential,
				r.graphqlOperation,
				r.status,
			]),
		).toEqual([
			['POST', '/admin/api/2026-10/graphql.json', '2026-10', 'oauth', 'FindVariantsBySku', 200],
			['POST', '/admin/api/2026-10/graphql.json', '2026-10', 'oauth', 'SetAvailable', 200],
		]);
	});

	test('a shop on a legacy custom app token runs the same once its Shopify nodes are switched to the Access Token credential', async () => {
		await seedMyOgo(['MUG', 'TEE-S']);
		await env.shopify.post('/seed', { products: CATALOG });
		const legacyOnly = {
			...env.bed.credentials,
			shopifyAccessTokenApi: shopifyCredentials(env.shopifyFake),
		} as Record<string, ICredentialDataDecryptedObject>;
		const result = await pollAndRun(
			withLegacyShopifyToken(env.template),
			[
				['MUG', 21],
				['TEE-S', 2],
			],
			legacyOnly,
		);
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, 'Stock Set')).toHaveLength(1);
		const inventory = await shopifyInventory();
		expect([inventory.MUG[MAIN_WAREHOUSE], inventory['TEE-S'][MAIN_WAREHOUSE]]).toEqual([21, 2]);
		expect((await shopifyCalls()).map((r) => r.credential)).toEqual(['app-token', 'app-token']);
	});

	test("myOGO is the master: a level Shopify changed after the lookup is still set to myOGO's (changeFromQuantity null), and the sale comes back through myOGO", async () => {
		await seedMyOgo(['MUG', 'TEE-S']);
		await env.shopify.post('/seed', { products: CATALOG });
		// The write waits a moment at Shopify; meanwhile a buyer takes one mug there.
		await env.shopify.post('/faults', {
			status: 'delay',
			ms: 1500,
			path: '/graphql',
			graphqlOperation: 'SetAvailable',
		});
		const run = pollAndRun(env.template, [
			['MUG', 11],
			['TEE-S', 4],
		]);
		const deadline = Date.now() + 30_000;
		while (
			!(await shopifyCalls()).some(
				(r) => r.graphqlOperation === 'SetAvailable' && r.status === null,
			)
		) {
			if (Date.now() > deadline) throw new Error('The write never reached the Shopify fake');
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		await env.shopify.put('/inventory', { sku: 'MUG', available: 49 });
		const result = await run;
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, 'Stock Set')).toHaveLength(1);
		expect(itemsOf(result, 'Stock Updates Refused')).toEqual([]);
		const inventory = await shopifyInventory();
		expect([inventory.MUG[MAIN_WAREHOUSE], inventory['TEE-S'][MAIN_WAREHOUSE]]).toEqual([11, 4]);
		// The order of that sale reaches myOGO, whose level drops: the next poll sets it.
		const next = await pollAndRun(env.template, [['MUG', 10]]);
		expect(itemsOf(next, 'Stock Set')).toHaveLength(1);
		expect((await shopifyInventory()).MUG[MAIN_WAREHOUSE]).toBe(10);
	});

	test('a batch whose answer is lost after Shopify applied it is sent again with the same idempotency key and applied once', async () => {
		await seedMyOgo(['MUG', 'TEE-S']);
		await env.shopify.post('/seed', { products: CATALOG });
		await env.shopify.post('/faults', {
			status: 'lost-answer',
			path: '/graphql',
			graphqlOperation: 'SetAvailable',
		});
		const result = await pollAndRun(env.template, [
			['MUG', 11],
			['TEE-S', 4],
		]);
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, 'Failed Requests')).toEqual([]);
		expect(itemsOf(result, 'Stock Set')).toHaveLength(1);
		const writes = (await shopifyCalls()).filter((r) => r.graphqlOperation === 'SetAvailable');
		expect(writes.map((r) => [r.status, Boolean(r.idempotentReplay)])).toEqual([
			[0, false],
			[200, true],
		]);
		// Counted from Shopify's side: one key, one adjustment.
		const state = await shopifyState();
		expect(state.idempotencyKeys).toHaveLength(1);
		expect(
			state.inventoryAdjustments.map((a) => a.changes.map((c) => [c.sku, c.quantityAfterChange])),
		).toEqual([
			[
				['MUG', 11],
				['TEE-S', 4],
			],
		]);
	});

	test('idempotency keys: each batch of a run has its own; the same batch in a later run gets a new one and is applied again', async () => {
		const codes = Array.from({ length: 260 }, (_, i) => `SKU-${String(i).padStart(3, '0')}`);
		await seedMyOgo(codes);
		await env.shopify.post('/seed', {
			products: codes.map((sku) => ({ title: sku, variants: [{ sku, inventory_quantity: 1 }] })),
		});
		await setStock(
			env.bed.control,
			codes.map((code) => [code, 7] as [string, number]),
		);
		const reconcile = () =>
			runFromTrigger(
				env.template,
				'Reconcile All Stock Daily',
				[{ timestamp: new Date().toISOString(), Hour: '04', Minute: '00' }],
				env.credentials(),
			);
		const first = await reconcile();
		expect(itemsOf(first, 'Stock Set')).toHaveLength(2);
		const keys = (await shopifyState()).idempotencyKeys;
		expect(new Set(keys).size).toBe(2);

		// Shopify's levels go back to what they were: the next run sends the very same two batches.
		for (const sku of codes) await env.shopify.put('/inventory', { sku, available: 1 });
		const second = await reconcile();
		expect(itemsOf(second, 'Stock Set')).toHaveLength(2);
		const state = await shopifyState();
		expect(new Set(state.idempotencyKeys).size).toBe(4);
		expect(state.inventoryAdjustments).toHaveLength(4);
		expect(Object.values(state.inventory).every((levels) => levels[MAIN_WAREHOUSE] === 7)).toBe(
			true,
		);
	});

	test('a variant not stocked at the configured location is reported, and the rest of its batch is still set', async () => {
		await env.bed.control.post('/seed', {
			products: ['MUG', 'TEE-S'].map((code) => ({ code, languageCode: 'en', name: code })),
		});
		await env.shopify.post('/seed', {
			products: [
				{ title: 'Mug', variants: [{ sku: 'MUG', inventory_quantity: 50 }] },
				// Stocked only at the main warehouse: Shopify refuses a whole inventorySetQuantities call naming it elsewhere.
				{
					title: 'T-shirt',
					variants: [
						{
							sku: 'TEE-S',
							option1: 'S',
							inventory_quantity: 99,
							inventory_locations: [MAIN_WAREHOUSE],
						},
					],
				},
			],
		});
		const storeRoom = configure(loadTemplate('shopify-stock-from-myogo.json'), {
			'settings.shopSubdomain': env.shopifyFake.shopSubdomain,
			'settings.locationId': STORE_ROOM,
		});
		const result = await pollAndRun(storeRoom, [
			['MUG', 8],
			['TEE-S', 6],
		]);
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, 'Not Stocked at Location').map((v) => v.sku)).toEqual(['TEE-S']);
		expect(itemsOf(result, 'Stock Updates Refused')).toEqual([]);
		expect(itemsOf(result, 'Failed Requests')).toEqual([]);
		const inventory = await shopifyInventory();
		expect(inventory.MUG).toEqual(
			expect.objectContaining({ [STORE_ROOM]: 8, [MAIN_WAREHOUSE]: 50 }),
		);
		expect(inventory['TEE-S']).toEqual({ [MAIN_WAREHOUSE]: 99 });
	});

	test('a write lost to a Shopify fault is set by the daily reconcile', async () => {
		const codes = ['MUG', "CAP'S", 'TEE-S', 'TEE-M'];
		await env.bed.control.post('/seed', {
			products: codes.map((code) => ({ code, languageCode: 'en', name: code })),
		});
		await env.shopify.post('/seed', { products: CATALOG });
		// Shopify throttles the one write of the poll (HTTP 200 with a THROTTLED error): every SKU stays behind.
		await env.shopify.post('/faults', {
			status: 'THROTTLED',
			path: '/graphql',
			graphqlOperation: 'SetAvailable',
		});
		const failedPoll = await pollAndRun(env.template, [
			['MUG', 11],
			["CAP'S", 3],
			['TEE-S', 0],
		]);
		expect(failedPoll.error).toBeUndefined();
		expect(JSON.stringify(itemsOf(failedPoll, 'Stock Updates Refused'))).toContain('THROTTLED');
		const behind = await shopifyInventory();
		expect([
			behind.MUG[MAIN_WAREHOUSE],
			behind["CAP'S"][MAIN_WAREHOUSE],
			behind['TEE-S'][MAIN_WAREHOUSE],
		]).toEqual([50, 9, 99]);

		// The trigger's cursor has moved past these changes: only the reconcile can set them now.
		// Its Schedule Trigger fires once a day (04:00) and reads all of myOGO's stock.
		await env.shopify.delete('/requests');
		const myOgoBefore = ((await env.bed.control.get('/requests')).data as unknown[]).length;
		const reconcile = await runFromTrigger(
			env.template,
			'Reconcile All Stock Daily',
			[{ timestamp: new Date().toISOString(), Hour: '04', Minute: '00' }],
			env.credentials(),
		);
		expect(reconcile.error).toBeUndefined();
		expect(itemsOf(reconcile, 'Failed Requests')).toEqual([]);
		expect(itemsOf(reconcile, 'Stock Updates Refused')).toEqual([]);
		const inventory = await shopifyInventory();
		const stock = await myOgoStockLevels(env.bed);
		for (const code of codes)
			expect([code, inventory[code][MAIN_WAREHOUSE]]).toEqual([code, stock.get(code)]);
		expect(inventory['SHOP-ONLY'][MAIN_WAREHOUSE]).toBe(3);

		const shopifyCalls = (await env.shopify.get('/requests')).data as Array<{
			graphqlOperation?: string;
		}>;
		const myOgoCalls = (
			(await env.bed.control.get('/requests')).data as Array<{ path: string }>
		).slice(myOgoBefore);
		expect(shopifyCalls.map((r) => r.graphqlOperation)).toEqual([
			'FindVariantsBySku',
			'SetAvailable',
		]);
		process.stdout.write(
			`shopify stock reconcile: ${codes.length} myOGO SKUs, myOGO calls ${myOgoCalls.filter((c) => /\/stock/i.test(c.path)).length} (stock pages), ` +
				`Shopify calls ${shopifyCalls.length}\n`,
		);
	});

	test('a request Shopify refuses (wrong access token) lands on the visible "Failed Requests" branch', async () => {
		await env.bed.control.post('/seed', {
			products: [{ code: 'MUG', languageCode: 'en', name: 'Mug' }],
		});
		await env.shopify.post('/seed', { products: CATALOG });
		const revoked = revokedShopifyOAuth2Credentials(env.shopifyFake);
		const result = await pollAndRun(env.template, [['MUG', 2]], {
			...env.credentials(),
			shopifyOAuth2Api: revoked,
		});
		expect(result.error).toBeUndefined();
		const failed = itemsOf(result, 'Failed Requests');
		expect(failed).toHaveLength(1);
		expect(JSON.stringify(failed[0])).toMatch(/401|authori[sz]|access token|refresh/i);
		expect(JSON.stringify(failed[0])).not.toContain('revoked_token');
		expect(JSON.stringify(failed[0])).not.toContain(revoked.clientSecret as string);
		expect((await shopifyInventory()).MUG[MAIN_WAREHOUSE]).toBe(50);
	});
});
