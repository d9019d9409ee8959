/**
 * workflows/magento2-products-to-myogo.json: simple products changed in Magento (configurable options
 * included) are created or updated in myOGO, one per SKU, only where something changed.
 */
import { filterNode, insertAtRulesSpot } from '../harness/templateRules';
import { itemsOf, type Template } from '../harness/templates';
import { runWorkflow } from '../harness/runWorkflow';
import { useMagentoEnvironment } from './magento2Setup';

const env = useMagentoEnvironment('magento2-products-to-myogo.json');
const RULES = 'Your Rules (one item per product)';
type Obj = Record<string, any>;

const run = (template: Template = env.template, trigger = 'Poll Every 15 Minutes') =>
	runWorkflow(
		{ nodes: template.nodes, connections: template.connections },
		{ credentials: env.credentials(), startNode: trigger },
	);

async function myOgoProducts(): Promise<Map<string, Obj>> {
	const rows = (await (await env.bed.api()).get('/products', { params: { limit: 250 } }))
		.data as Obj[];
	return new Map(rows.map((row) => [row.code, row]));
}

const catalog = [
	{
		sku: 'MUG',
		name: 'Enamel Mug',
		price: 24.9,
		media: ['/e/n/mug.jpg'],
		custom_attributes: { ean: '6417700123456', description: '<p>Camping mug</p>' },
		category_ids: [14],
	},
	{
		sku: 'TEE',
		name: 'Organic Tee',
		children: [
			{ sku: 'TEE-S', name: 'Organic Tee S', price: 19.9, category_ids: [20] },
			{ sku: 'TEE-M', name: 'Organic Tee M', price: 19.9, category_ids: [20] },
		],
	},
];

test('simple products and configurable options become myOGO products with EAN, description and picture; a second run writes nothing', async () => {
	await env.magento.post('/seed', { products: catalog });
	const result = await run();
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Products')).toEqual([]);
	expect(itemsOf(result, RULES)).toHaveLength(3); // one item per product at the rules spot
	const products = await myOgoProducts();
	expect([...products.keys()].sort()).toEqual(['MUG', 'TEE-M', 'TEE-S']);
	expect(products.get('MUG')).toMatchObject({
		name: 'Enamel Mug',
		eanCode: '6417700123456',
		description: 'Camping mug',
		salesPrice: 24.9,
		currencyCode: 'EUR',
		pictureUrl: 'https://your-shop.example/media/catalog/product/e/n/mug.jpg',
	});
	const again = await run();
	expect(itemsOf(again, 'Nothing Changed')).toHaveLength(3);
	expect(itemsOf(again, 'Sent to myOGO')).toEqual([]);
});

test('a poll reads only what changed in its window; the daily resync reads everything', async () => {
	await env.magento.post('/seed', {
		products: [
			{ sku: 'OLD', updated_at: '2020-01-01 00:00:00' },
			{ sku: 'NEW', name: 'New one' },
		],
	});
	const polled = await run();
	expect(itemsOf(polled, RULES).map((p) => p.sku)).toEqual(['NEW']);
	const resync = await run(env.template, 'Full Resync Daily');
	expect(itemsOf(resync, RULES).map((p) => p.sku)).toEqual(['OLD', 'NEW']);
	expect([...(await myOgoProducts()).keys()].sort()).toEqual(['NEW', 'OLD']);
});

test('tweak 5, only one category: a Filter at the rules spot sends only the products in it', async () => {
	await env.magento.post('/seed', { products: catalog });
	const tweaked = insertAtRulesSpot(
		env.template,
		filterNode(
			'Only Category 14',
			'={{ $json.categoryIds }}',
			// As n8n's editor writes Array → contains: the right side is one value of any type.
			{ type: 'array', operation: 'contains', rightType: 'any' } as {
				type: 'array';
				operation: string;
			},
			'14',
		),
	);
	const result = await run(tweaked);
	expect(result.error).toBeUndefined();
	expect([...(await myOgoProducts()).keys()]).toEqual(['MUG']);
});

test('a read Magento refuses and a product myOGO cannot take end on Failed Products', async () => {
	await env.magento.post('/seed', { products: [{ sku: 'MUG', price: 5 }] });
	await env.magento.post('/faults', { status: 401, path: '/products' });
	const failed = await run();
	expect(itemsOf(failed, 'Failed Products')).toHaveLength(1);
	expect((await myOgoProducts()).size).toBe(0);
	await env.magento.post('/seed', { products: [{ sku: 'BAD', price: -1 }] });
	const result = await run();
	expect(itemsOf(result, 'Failed Products').map((p) => p.sku ?? JSON.stringify(p))).toHaveLength(1);
	expect([...(await myOgoProducts()).keys()]).toEqual(['MUG']);
});
