/**
 * workflows/shopify-stock-from-myogo.json changed the way a merchant changes it (issue #15): a
 * Settings value (`settings.stockBuffer`) or a Filter node dropped at "Your Rules (one item per SKU)".
 * Each test checks the end state in the Shopify fake. None of these works on the template before #15:
 * it had no rules spot (insertAtRulesSpot throws) and no stock buffer (myOGO's level was set as it is).
 */
import { setStock } from '../trigger/helpers';
import { configure, itemsOf, runFromTrigger, type Template } from '../harness/templates';
import { filterNode, insertAtRulesSpot } from '../harness/templateRules';
import { pollStockChanges } from './setup';
import { MAIN_WAREHOUSE, useShopifyStockEnvironment } from './shopifyStockEnvironment';

const SPOT = 'Your Rules (one item per SKU)';

const env = useShopifyStockEnvironment();

const SKUS = ['MUG', 'TEE-S', 'TEE-M', 'GIFT-CARD'];

/** Both sides hold 50 of each; myOGO's levels change to `levels`; one poll; the template runs on it. */
async function changeAndRun(template: Template, levels: Array<[string, number]>) {
	await env.bed.control.post('/seed', {
		products: SKUS.map((code) => ({ code, languageCode: 'en', name: code })),
	});
	await env.shopify.post('/seed', {
		products: SKUS.map((sku) => ({ title: sku, variants: [{ sku, inventory_quantity: 50 }] })),
	});
	const { items } = await pollStockChanges(env, template, () => setStock(env.bed.control, levels));
	const result = await runFromTrigger(template, 'myOGO Trigger', items, env.credentials());
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Requests')).toEqual([]);
	expect(itemsOf(result, 'Stock Updates Refused')).toEqual([]);
	const inventory = (
		(await env.shopify.get('/state')).data as { inventory: Record<string, Record<string, number>> }
	).inventory;
	return {
		result,
		shopify: Object.fromEntries(SKUS.map((sku) => [sku, inventory[sku]![MAIN_WAREHOUSE]])),
	};
}

const LEVELS: Array<[string, number]> = [
	['MUG', 11],
	['TEE-S', 1],
	['TEE-M', 2],
	['GIFT-CARD', 7],
];

test('one item per changed SKU at the rules spot, each with its sku and stockAvailable', async () => {
	const { result } = await changeAndRun(env.template, LEVELS);
	expect(
		itemsOf(result, SPOT)
			.map((item) => [item.sku, item.stockAvailable])
			.sort(),
	).toEqual([...LEVELS].sort());
});

test('stock buffer (settings.stockBuffer = 2): Shopify shows myOGO available − 2, never below 0', async () => {
	const buffered = configure(env.template, { 'settings.stockBuffer': 2 });
	const { shopify } = await changeAndRun(buffered, LEVELS);
	expect(shopify).toEqual({ MUG: 9, 'TEE-S': 0, 'TEE-M': 0, 'GIFT-CARD': 5 });
});

test('leave SKUs out by prefix: a Filter "sku does not start with TEE-" at the rules spot; those keep their Shopify level', async () => {
	const withRule = insertAtRulesSpot(
		env.template,
		filterNode(
			'Not T-shirts',
			'={{ $json.sku }}',
			{ type: 'string', operation: 'notStartsWith' },
			'TEE-',
		),
	);
	const { result, shopify } = await changeAndRun(withRule, LEVELS);
	expect(shopify).toEqual({ MUG: 11, 'TEE-S': 50, 'TEE-M': 50, 'GIFT-CARD': 7 });
	expect(itemsOf(result, 'Not T-shirts').map((item) => item.sku)).toEqual(['MUG', 'GIFT-CARD']);
});

test('leave SKUs out by list: a Filter "the list GIFT-CARD, TEE-M does not contain the sku"', async () => {
	const rule = filterNode(
		'Not Handled by the Shop',
		'={{ ["GIFT-CARD", "TEE-M"] }}',
		{ type: 'array', operation: 'notContains' },
		'={{ $json.sku }}',
	);
	// The editor stores what "array does not contain" compares with as `rightType: "any"`.
	const conditions = rule.parameters.conditions as { conditions: Array<{ operator: object }> };
	conditions.conditions[0]!.operator = { ...conditions.conditions[0]!.operator, rightType: 'any' };
	const withRule = insertAtRulesSpot(env.template, rule);
	const { shopify } = await changeAndRun(withRule, LEVELS);
	expect(shopify).toEqual({ MUG: 11, 'TEE-S': 1, 'TEE-M': 50, 'GIFT-CARD': 50 });
});
