/**
 * workflows/woocommerce-stock-from-myogo.json, run in-process against the myOGO sandbox and the
 * WooCommerce fake: myOGO's stockAvailable is set (absolute, manage_stock on) on products and variations.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { setStock } from '../trigger/helpers';
import { itemsOf, runFromTrigger, wooCommerceCredentials } from '../harness/templates';
import { pollStockChanges, useTemplateEnvironment } from './setup';

const env = useTemplateEnvironment({
	template: 'woocommerce-stock-from-myogo.json',
	settings: (fake) => ({ 'settings.wooCommerceUrl': fake.url }),
});

async function wooStockBySku(): Promise<Map<string, IDataObject>> {
	const state = (await env.woo.get('/state')).data as { products: IDataObject[]; variations: IDataObject[] };
	return new Map([...state.products, ...state.variations].map((p) => [String(p.sku), p]));
}

/** Polls the template's trigger once and runs the workflow with what it emitted. */
async function pollAndRun(
	levels: Array<[string, number]>,
	credentials: Record<string, ICredentialDataDecryptedObject> = env.credentials(),
) {
	const { items } = await pollStockChanges(env, env.template, () => setStock(env.bed.control, levels));
	return await runFromTrigger(env.template, 'myOGO Trigger', items, credentials);
}

describe('WooCommerce stock from myOGO', () => {
	test('sets stock absolutely on simple products and variations, by SKU', async () => {
		await env.bed.control.post('/seed', {
			products: ['TEE-S', 'TEE-M', 'MUG', 'CAP', 'ONLY-IN-MYOGO'].map((code) => ({ code, languageCode: 'en', name: code })),
		});
		await env.woo.post('/seed', {
			products: [
				{ name: 'Mug', sku: 'MUG', regular_price: '9.90', manage_stock: true, stock_quantity: 50 },
				{ name: 'Cap', sku: 'CAP', regular_price: '14.00', manage_stock: false, stock_quantity: null },
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
		const myOgo = (await (await env.bed.api()).get('/stock', { params: { limit: 250 } })).data as IDataObject[];
		for (const row of myOgo) {
			if (row.productCode === 'ONLY-IN-MYOGO') continue;
			expect([row.productCode, bySku.get(String(row.productCode))?.stock_quantity, bySku.get(String(row.productCode))?.manage_stock]).toEqual([
				row.productCode,
				row.stockAvailable,
				true,
			]);
		}
		expect(bySku.get('TEE-M')?.stock_status).toBe('outofstock');
		expect(bySku.get('WOO-ONLY')?.stock_quantity).toBe(3);
		expect(bySku.has('ONLY-IN-MYOGO')).toBe(false);

		// Calls: one SKU lookup, one product batch, one variation batch (one parent).
		const requests = (await env.woo.get('/requests')).data as Array<{ method: string; path: string }>;
		expect(requests.map((r) => `${r.method} ${r.path.replace(/\d+/g, ':id')}`)).toEqual([
			'GET /products',
			'POST /products/:id/variations/batch',
			'POST /products/batch',
		]);
	});

	test('a request WooCommerce refuses (wrong consumer secret) lands on the visible "Failed Requests" branch', async () => {
		await env.bed.control.post('/seed', { products: [{ code: 'MUG', languageCode: 'en', name: 'Mug' }] });
		await env.woo.post('/seed', { products: [{ name: 'Mug', sku: 'MUG', manage_stock: true, stock_quantity: 1 }] });
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
});
