/**
 * workflows/woocommerce-stock-from-myogo.json, run in-process against the myOGO sandbox and the
 * WooCommerce fake: myOGO's stockAvailable is set (absolute, manage_stock on) on products and variations.
 */
import axios from 'axios';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { setStock } from '../trigger/helpers';
import { runWorkflow } from '../harness/runWorkflow';
import {
	itemsOf,
	runFromTrigger,
	templatePollingTrigger,
	wooCommerceCredentials,
} from '../harness/templates';
import { myOgoStockLevels, pollStockChanges, useTemplateEnvironment } from './setup';

const env = useTemplateEnvironment({
	template: 'woocommerce-stock-from-myogo.json',
	settings: (fake) => ({ 'settings.wooCommerceUrl': fake.url }),
});

async function wooStockBySku(): Promise<Map<string, IDataObject>> {
	const state = (await env.woo.get('/state')).data as {
		products: IDataObject[];
		variations: IDataObject[];
	};
	return new Map([...state.products, ...state.variations].map((p) => [String(p.sku), p]));
}

/** Polls the template's trigger once and runs the workflow with what it emitted. */
async function pollAndRun(
	levels: Array<[string, number]>,
	credentials: Record<string, ICredentialDataDecryptedObject> = env.credentials(),
) {
	const { items } = await pollStockChanges(env, env.template, () =>
		setStock(env.bed.control, levels),
	);
	return await runFromTrigger(env.template, 'myOGO Trigger', items, credentials);
}

describe('WooCommerce stock from myOGO', () => {
	test('sets stock absolutely on simple products and variations, by SKU', async () => {
		await env.bed.control.post('/seed', {
			products: ['TEE-S', 'TEE-M', 'MUG', 'CAP', 'ONLY-IN-MYOGO'].map((code) => ({
				code,
				languageCode: 'en',
				name: code,
			})),
		});
		await env.woo.post('/seed', {
			products: [
				{ name: 'Mug', sku: 'MUG', regular_price: '9.90', manage_stock: true, stock_quantity: 50 },
				{
					name: 'Cap',
					sku: 'CAP',
					regular_price: '14.00',
					manage_stock: false,
					stock_quantity: null,
				},
				{ name: 'Not in myOGO', sku: 'WOO-ONLY', manage_stock: true, stock_quantity: 3 },
				{
					name: 'T-shirt',
					type: 'variable',
					variations: [
						{ sku: 'TEE-S', regular_price: '19.90', manage_stock: true, stock_quantity: 99 },
						{ sku: 'TEE-M', regular_price: '19.90' },
					],
				},
			],
		});
		const result = await pollAndRun([
			['TEE-S', 4],
			['TEE-M', 0],
			['MUG', 12],
			['CAP', 7],
			['ONLY-IN-MYOGO', 5],
		]);
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, 'Failed Requests')).toEqual([]);
		expect(itemsOf(result, 'Stock Updates Refused')).toEqual([]);

		// WooCommerce side: every matched SKU holds myOGO's stockAvailable, with stock management on.
		const bySku = await wooStockBySku();
		const myOgo = (await (await env.bed.api()).get('/stock', { params: { limit: 250 } }))
			.data as IDataObject[];
		for (const row of myOgo) {
			if (row.productCode === 'ONLY-IN-MYOGO') continue;
			expect([
				row.productCode,
				bySku.get(String(row.productCode))?.stock_quantity,
				bySku.get(String(row.productCode))?.manage_stock,
			]).toEqual([row.productCode, row.stockAvailable, true]);
		}
		expect(bySku.get('TEE-M')?.stock_status).toBe('outofstock');
		expect(bySku.get('WOO-ONLY')?.stock_quantity).toBe(3);
		expect(bySku.has('ONLY-IN-MYOGO')).toBe(false);

		// Calls: one SKU lookup, one product batch, one variation batch (one parent).
		const requests = (await env.woo.get('/requests')).data as Array<{
			method: string;
			path: string;
		}>;
		expect(requests.map((r) => `${r.method} ${r.path.replace(/\d+/g, ':id')}`)).toEqual([
			'GET /products',
			'POST /products/:id/variations/batch',
			'POST /products/batch',
		]);
	});

	test('a parent with 150 changed variations: two variations/batch calls (100 + 50), every level right', async () => {
		// WooCommerce refuses a batch of more than 100 rows (413 woocommerce_rest_request_entity_too_large).
		const skus = Array.from({ length: 150 }, (_, i) => `BIG-${String(i).padStart(3, '0')}`);
		await env.bed.control.post('/seed', {
			products: skus.map((code) => ({ code, languageCode: 'en', name: code })),
		});
		await env.woo.post('/seed', {
			products: [
				{
					name: 'Big',
					type: 'variable',
					variations: skus.map((sku) => ({ sku, manage_stock: true, stock_quantity: 0 })),
				},
			],
		});
		await env.woo.delete('/requests');
		const result = await pollAndRun(skus.map((sku, i) => [sku, i + 1]));
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, 'Failed Requests')).toEqual([]);
		expect(itemsOf(result, 'Stock Updates Refused')).toEqual([]);
		const bySku = await wooStockBySku();
		expect(skus.filter((sku, i) => bySku.get(sku)?.stock_quantity !== i + 1)).toEqual([]);
		const requests = (await env.woo.get('/requests')).data as Array<{
			method: string;
			path: string;
			status: number;
			batchSize: number;
		}>;
		const batches = requests.filter((r) => r.path.endsWith('/variations/batch'));
		expect(batches.map((r) => [r.status, r.batchSize])).toEqual([
			[200, 100],
			[200, 50],
		]);
	});

	test('a request WooCommerce refuses (wrong consumer secret) lands on the visible "Failed Requests" branch', async () => {
		await env.bed.control.post('/seed', {
			products: [{ code: 'MUG', languageCode: 'en', name: 'Mug' }],
		});
		await env.woo.post('/seed', {
			products: [{ name: 'Mug', sku: 'MUG', manage_stock: true, stock_quantity: 1 }],
		});
		const result = await pollAndRun([['MUG', 2]], {
			...env.credentials(),
			wooCommerceApi: { ...wooCommerceCredentials(env.fake), consumerSecret: 'wrong' },
		});
		expect(result.error).toBeUndefined();
		const failed = itemsOf(result, 'Failed Requests');
		expect(failed).toHaveLength(1);
		expect(JSON.stringify(failed[0])).toMatch(/401|cannot/i);
		expect((await wooStockBySku()).get('MUG')?.stock_quantity).toBe(1);
	});

	test('rows WooCommerce refuses inside a batch answer land one by one on "Stock Updates Refused"', async () => {
		// WooCommerce answers a batch 200 with an `error` per refused row (here: an id it does not have,
		// as when a product is deleted between the lookup and the write). That answer, as the fake gives
		// it, goes through the template's own refusal branch.
		await env.woo.post('/seed', {
			products: [{ name: 'Mug', sku: 'MUG', manage_stock: true, stock_quantity: 1 }],
		});
		const mug = (await wooStockBySku()).get('MUG')!;
		const answer = await axios.post(
			`${env.fake.url}/wp-json/wc/v3/products/batch`,
			{
				update: [
					{ id: mug.id, manage_stock: true, stock_quantity: 5 },
					{ id: 999999, manage_stock: true, stock_quantity: 2 },
				],
			},
			{ params: { consumer_key: env.fake.consumerKey, consumer_secret: env.fake.consumerSecret } },
		);
		const result = await runWorkflow(
			{ nodes: env.template.nodes, connections: env.template.connections },
			{
				credentials: env.credentials(),
				input: [{ json: answer.data as IDataObject }],
				startNode: 'Refused Rows',
			},
		);
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, 'Stock Updates Refused')).toEqual([
			{
				id: 999999,
				error: expect.objectContaining({ code: 'woocommerce_rest_product_invalid_id' }),
			},
		]);
	});

	test('the daily reconcile sets a SKU a failed batch left behind; calls cover the whole catalog at the minimum', async () => {
		// 300 SKUs in both systems: 260 simple products and 2 variable products of 20 variations, plus a
		// product only myOGO has. Two myOGO pages (250 rows each), so paging is part of the run.
		const simple = Array.from({ length: 260 }, (_, i) => `REC-${String(i).padStart(3, '0')}`);
		const variations = [0, 1].map((p) =>
			Array.from({ length: 20 }, (_, v) => `REC-V${p}-${String(v).padStart(2, '0')}`),
		);
		const myOgoCodes = [...simple, ...variations.flat(), 'ONLY-IN-MYOGO'];
		await env.bed.control.post('/seed', {
			products: myOgoCodes.map((code) => ({ code, languageCode: 'en', name: code })),
			stock: myOgoCodes.map((code, i) => ({ code, stockAvailable: i % 17, reserved: 0 })),
		});
		await env.woo.post('/seed', {
			products: [
				...simple.map((sku) => ({ name: sku, sku, manage_stock: true, stock_quantity: 0 })),
				...variations.map((skus, p) => ({
					name: `Variable ${p}`,
					type: 'variable',
					variations: skus.map((sku) => ({ sku, manage_stock: true, stock_quantity: 0 })),
				})),
			],
		});

		// A poll hands over a change of REC-007; WooCommerce fails that batch: visible, and left behind.
		const trigger = templatePollingTrigger(env.template, env.credentials());
		await trigger.activate();
		await new Promise((resolve) => setTimeout(resolve, 5)); // the change comes after the activation
		await setStock(env.bed.control, [['REC-007', 42]]);
		await env.woo.post('/faults', { status: 503, method: 'POST', path: '/products/batch' });
		const failedPoll = await runFromTrigger(
			env.template,
			'myOGO Trigger',
			(await trigger.poll())!,
			env.credentials(),
		);
		expect(itemsOf(failedPoll, 'Failed Requests')).toHaveLength(1);
		expect((await wooStockBySku()).get('REC-007')?.stock_quantity).toBe(0);
		// The trigger will not hand that change over again: its cursor has moved on.
		expect(await trigger.poll()).toBeNull();

		await env.woo.delete('/requests');
		const before = ((await env.bed.control.get('/requests')).data as unknown[]).length;
		const reconcile = await runFromTrigger(
			env.template,
			'Reconcile All Stock Daily',
			[{ timestamp: new Date().toISOString() }],
			env.credentials(),
		);
		expect(reconcile.error).toBeUndefined();
		expect(itemsOf(reconcile, 'Failed Requests')).toEqual([]);
		expect(itemsOf(reconcile, 'Stock Updates Refused')).toEqual([]);
		const myOgoCalls = (
			(await env.bed.control.get('/requests')).data as Array<{ method: string; path: string }>
		).slice(before);
		const stockPages = myOgoCalls.filter(
			(r) => r.method === 'GET' && r.path.toLowerCase() === '/api/v1/stock',
		).length;

		// Every SKU WooCommerce has now holds myOGO's level, the left-behind one included.
		const bySku = await wooStockBySku();
		const levels = await myOgoStockLevels(env.bed);
		expect(levels.get('REC-007')).toBe(42);
		const behind = [...simple, ...variations.flat()].filter(
			(sku) => bySku.get(sku)?.stock_quantity !== levels.get(sku),
		);
		expect(behind).toEqual([]);

		// Calls: myOGO pages of 250, one lookup per 100 SKUs, one product batch per 100, one variation batch per parent.
		const woo = (
			(await env.woo.get('/requests')).data as Array<{ method: string; path: string }>
		).map((r) => `${r.method} ${r.path.replace(/\d+/g, ':id')}`);
		const count = (call: string) => woo.filter((c) => c === call).length;
		const figures = {
			skus: myOgoCodes.length,
			myOgoStockPages: stockPages,
			wooLookups: count('GET /products'),
			wooProductBatches: count('POST /products/batch'),
			wooVariationBatches: count('POST /products/:id/variations/batch'),
		};
		console.log(
			`reconcile of ${figures.skus} SKUs: ${JSON.stringify(figures)}; other WooCommerce calls: ${woo.length - figures.wooLookups - figures.wooProductBatches - figures.wooVariationBatches}`,
		);
		expect(figures).toEqual({
			skus: 301,
			myOgoStockPages: Math.floor(301 / 250) + 1, // a page shorter than 250 is the last
			wooLookups: Math.ceil(301 / 100),
			wooProductBatches: Math.ceil(260 / 100),
			wooVariationBatches: 2,
		});
		expect(woo).toHaveLength(
			figures.wooLookups + figures.wooProductBatches + figures.wooVariationBatches,
		);
	});
});
