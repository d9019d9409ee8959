/**
 * A merchant's tweaks to workflows/woocommerce-stock-from-myogo.json (issue #15), applied as a person
 * applies them in the editor: a Settings value (the stock buffer) or a Filter dropped at the
 * "Your Rules (one item per SKU)" spot. Checked on WooCommerce's side, after a poll and after the
 * daily reconcile.
 */
import type { IDataObject } from 'n8n-workflow';

import { setStock } from '../trigger/helpers';
import { filterNode, insertAtRulesSpot } from '../harness/templateRules';
import {
	configure,
	itemsOf,
	loadTemplate,
	runFromTrigger,
	type Template,
} from '../harness/templates';
import { pollStockChanges, useTemplateEnvironment } from './setup';

const FILE = 'woocommerce-stock-from-myogo.json';
const SPOT = 'Your Rules (one item per SKU)';

const env = useTemplateEnvironment({
	seed: (bed) =>
		bed.control.post('/seed', {
			products: ['MUG', 'TEE-S', 'OWN-CANDLE'].map((code) => ({
				code,
				languageCode: 'en',
				name: code,
			})),
		}),
});

function stockTemplate(settings: Record<string, unknown> = {}): Template {
	return configure(loadTemplate(FILE), { 'settings.wooCommerceUrl': env.fake.url, ...settings });
}

async function seedShop() {
	await env.woo.post('/seed', {
		products: [
			{ name: 'Mug', sku: 'MUG', manage_stock: true, stock_quantity: 50 },
			{
				name: 'Candle (made in the shop)',
				sku: 'OWN-CANDLE',
				manage_stock: true,
				stock_quantity: 5,
			},
			{
				name: 'T-shirt',
				type: 'variable',
				variations: [{ sku: 'TEE-S', manage_stock: true, stock_quantity: 99 }],
			},
		],
	});
}

async function wooLevels(): Promise<Record<string, unknown>> {
	const state = (await env.woo.get('/state')).data as {
		products: IDataObject[];
		variations: IDataObject[];
	};
	return Object.fromEntries(
		[...state.products, ...state.variations]
			.filter((p) => p.sku)
			.map((p) => [String(p.sku), p.stock_quantity]),
	);
}

async function pollAndRun(template: Template, levels: Array<[string, number]>) {
	const { items } = await pollStockChanges(env, template, () => setStock(env.bed.control, levels));
	const result = await runFromTrigger(template, 'myOGO Trigger', items, env.credentials());
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Requests')).toEqual([]);
	expect(itemsOf(result, 'Stock Updates Refused')).toEqual([]);
	return result;
}

const leaveOutOwnSkus = filterNode(
	'Leave Out OWN- SKUs',
	'={{ $json.sku }}',
	{ type: 'string', operation: 'notStartsWith' },
	'OWN-',
);

describe('WooCommerce stock: the tweaks a merchant makes', () => {
	test('the rules spot sees one item per changed SKU, with its plain fields', async () => {
		await seedShop();
		const result = await pollAndRun(stockTemplate(), [
			['MUG', 12],
			['TEE-S', 1],
			['OWN-CANDLE', 9],
		]);
		const atSpot = itemsOf(result, SPOT);
		expect(atSpot).toHaveLength(3);
		expect(atSpot.find((item) => item.sku === 'MUG')).toEqual({
			sku: 'MUG',
			stockAvailable: 12,
		});
	});

	test('1. settings.stockBuffer = 2: WooCommerce gets myOGO stock minus 2, never below 0', async () => {
		await seedShop();
		await pollAndRun(stockTemplate({ 'settings.stockBuffer': 2 }), [
			['MUG', 12],
			['TEE-S', 1],
		]);
		const levels = await wooLevels();
		expect({ MUG: levels.MUG, 'TEE-S': levels['TEE-S'] }).toEqual({ MUG: 10, 'TEE-S': 0 });
	});

	test('2. a Filter at the spot leaves the shop’s own SKUs (prefix OWN-) alone, on polls and on the daily reconcile', async () => {
		await seedShop();
		const template = insertAtRulesSpot(stockTemplate(), leaveOutOwnSkus);
		await pollAndRun(template, [
			['MUG', 3],
			['OWN-CANDLE', 9],
		]);
		expect(await wooLevels()).toMatchObject({ MUG: 3, 'OWN-CANDLE': 5 });

		const reconcile = await runFromTrigger(
			template,
			'Reconcile All Stock Daily',
			[{ timestamp: new Date().toISOString() }],
			env.credentials(),
		);
		expect(reconcile.error).toBeUndefined();
		expect(itemsOf(reconcile, 'Failed Requests')).toEqual([]);
		expect(itemsOf(reconcile, SPOT).map((item) => item.sku)).toContain('OWN-CANDLE');
		expect(await wooLevels()).toMatchObject({ MUG: 3, 'OWN-CANDLE': 5 });
	});
});
