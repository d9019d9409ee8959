/**
 * A merchant's tweak to workflows/woocommerce-products-to-myogo.json (issue #15): a Filter dropped
 * at "Your Rules (one item per product)" so only products of one category go to myOGO. Checked in
 * myOGO (the sandbox) after the daily full resync.
 */
import type { IDataObject } from 'n8n-workflow';

import { filterNode, insertAtRulesSpot } from '../harness/templateRules';
import { itemsOf, runFromTrigger } from '../harness/templates';
import { useTemplateEnvironment } from './setup';

const SPOT = 'Your Rules (one item per product)';

const env = useTemplateEnvironment({
	template: 'woocommerce-products-to-myogo.json',
	settings: (fake) => ({ 'settings.wooCommerceUrl': fake.url }),
});

const CATALOG = [
	{ name: 'Mug', sku: 'MUG', categories: [{ id: 15, name: 'Warehouse', slug: 'warehouse' }] },
	{ name: 'Gift card', sku: 'GIFT', categories: [{ id: 16, name: 'Digital', slug: 'digital' }] },
	{
		name: 'T-shirt',
		type: 'variable',
		sku: '',
		categories: [{ id: 15, name: 'Warehouse', slug: 'warehouse' }],
		tags: [{ id: 3, name: 'summer', slug: 'summer' }],
		variations: [{ sku: 'TEE-S', regular_price: '19.90' }],
	},
];

async function myOgoCodes(): Promise<string[]> {
	const rows = (await (await env.bed.api()).get('/products', { params: { limit: 250 } }))
		.data as IDataObject[];
	return rows.map((product) => String(product.code)).sort();
}

describe('WooCommerce products: the tweaks a merchant makes', () => {
	test('the rules spot sees one item per product, with its category and tag names', async () => {
		await env.woo.post('/seed', { products: CATALOG });
		const result = await runFromTrigger(env.template, 'Full Resync Daily', [{}], env.credentials());
		expect(result.error).toBeUndefined();
		const atSpot = itemsOf(result, SPOT);
		expect(atSpot.map((p) => [p.name, p.categoryNames, p.tagNames])).toEqual([
			['Mug', ['Warehouse'], []],
			['Gift card', ['Digital'], []],
			['T-shirt', ['Warehouse'], ['summer']],
		]);
	});

	test('5. a Filter on the category sends only the "Warehouse" products (and their variations) to myOGO', async () => {
		await env.woo.post('/seed', { products: CATALOG });
		const onlyWarehouse = filterNode(
			'Only Warehouse Products',
			'={{ $json.categoryNames }}',
			{ type: 'array', operation: 'contains' },
			'Warehouse',
		);
		// The editor's "array contains" compares the list with one value of any type.
		const conditions = (onlyWarehouse.parameters.conditions as IDataObject).conditions as Array<{
			operator: IDataObject;
		}>;
		conditions[0]!.operator.rightType = 'any';
		const template = insertAtRulesSpot(env.template, onlyWarehouse);
		const result = await runFromTrigger(template, 'Full Resync Daily', [{}], env.credentials());
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, 'Failed Products')).toEqual([]);
		expect(await myOgoCodes()).toEqual(['MUG', 'TEE-S']);
	});
});
