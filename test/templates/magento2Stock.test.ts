/**
 * workflows/magento2-stock-from-myogo.json, run in-process against the myOGO sandbox and the Magento 2
 * fake: myOGO's stockAvailable (minus the buffer) is set as the source item's quantity, only where it
 * differs, `batchSize` rows a request; SKUs without a source item end on "SKUs Not in Magento".
 */
import { setStock } from '../trigger/helpers';
import { filterNode, insertAtRulesSpot } from '../harness/templateRules';
import { configure, itemsOf, runFromTrigger, type Template } from '../harness/templates';
import { runWorkflow } from '../harness/runWorkflow';
import { magentoCalls, magentoQuantities, useMagentoEnvironment } from './magento2Setup';
import { pollStockChanges } from './setup';

const env = useMagentoEnvironment('magento2-stock-from-myogo.json');
const RULES = 'Your Rules (one item per SKU)';

/** Seeds myOGO's products and Magento's products (quantity = `magento`), then runs one poll. */
async function pollAndRun(
	levels: Array<[string, number]>,
	template: Template = env.template,
	inMagento: Record<string, number> = {},
) {
	await env.bed.control.post('/seed', {
		products: levels.map(([code]) => ({ code, languageCode: 'en', name: code })),
	});
	await env.magento.post('/seed', {
		products: Object.entries(inMagento).map(([sku, quantity]) => ({ sku, quantity })),
	});
	const { items } = await pollStockChanges(env.shared(), template, () =>
		setStock(env.bed.control, levels),
	);
	await env.magento.delete('/requests');
	return await runFromTrigger(template, 'myOGO Trigger', items, env.credentials());
}

describe('Magento 2 stock from myOGO', () => {
	test('sets changed quantities absolutely, writes only what differs, reports SKUs Magento lacks', async () => {
		const result = await pollAndRun(
			[
				['MUG', 12],
				['CAP', 0],
				['TEE-S', 5],
				['ONLY-IN-MYOGO', 3],
			],
			env.template,
			{ MUG: 50, CAP: 4, 'TEE-S': 5, 'MAGENTO-ONLY': 9 },
		);
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, RULES)).toHaveLength(4); // one item per SKU at the rules spot
		expect(itemsOf(result, 'Failed Requests')).toEqual([]);
		expect(await magentoQuantities(env)).toEqual({
			MUG: 12,
			CAP: 0,
			'TEE-S': 5,
			'MAGENTO-ONLY': 9,
		});
		expect(itemsOf(result, 'SKUs Not in Magento')).toEqual([
			expect.objectContaining({
				sku: 'ONLY-IN-MYOGO',
				reason: expect.stringContaining('source default'),
			}),
		]);
		// One read, one write holding only the two SKUs whose quantity differs.
		expect(await magentoCalls(env)).toEqual([
			'GET /inventory/source-items',
			'POST /inventory/source-items',
		]);
		const log = (await env.magento.get('/requests')).data as Array<{ listSize: number }>;
		expect(log[1].listSize).toBe(2);
		const state = (await env.magento.get('/state')).data as {
			sourceItems: Array<{ sku: string; status: number }>;
		};
		expect(state.sourceItems.find((s) => s.sku === 'CAP')?.status).toBe(0);
	});

	test('2,000 changed SKUs: 7 reads and 100 writes of 20 (the input limits allow no more); batchSize 500 with limits off: 4 writes', async () => {
		const levels = Array.from({ length: 2000 }, (_, i): [string, number] => [`S-${i}`, i + 1]);
		const inMagento = Object.fromEntries(levels.map(([sku]) => [sku, 0]));
		const result = await pollAndRun(levels, env.template, inMagento);
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, 'Failed Requests')).toEqual([]);
		const calls = await magentoCalls(env);
		expect(calls.filter((c) => c.startsWith('GET'))).toHaveLength(7);
		expect(calls.filter((c) => c.startsWith('POST'))).toHaveLength(100);
		expect((await magentoQuantities(env))['S-1999']).toBe(2000);

		await env.bed.reset();
		await env.magento.post('/reset');
		await env.magento.post('/settings', { inputLimits: false });
		const wide = configure(env.template, { 'settings.batchSize': 500 });
		await pollAndRun(levels, wide, inMagento);
		expect((await magentoCalls(env)).filter((c) => c.startsWith('POST'))).toHaveLength(4);
		expect((await magentoQuantities(env))['S-0']).toBe(1);
	});

	test('batchSize over 20 while the input limits are on: Magento refuses each batch, and they end on Failed Requests', async () => {
		const levels = Array.from({ length: 30 }, (_, i): [string, number] => [`S-${i}`, 5]);
		const wide = configure(env.template, { 'settings.batchSize': 30 });
		const result = await pollAndRun(
			levels,
			wide,
			Object.fromEntries(levels.map(([sku]) => [sku, 0])),
		);
		expect(itemsOf(result, 'Failed Requests')).toHaveLength(1);
		expect(JSON.stringify(itemsOf(result, 'Failed Requests'))).toContain('Maximum items of type');
		expect((await magentoQuantities(env))['S-0']).toBe(0);
	});

	test('tweak 1, stock buffer: Magento gets stockAvailable minus the buffer, never below 0', async () => {
		const buffered = configure(env.template, { 'settings.stockBuffer': 2 });
		const result = await pollAndRun(
			[
				['MUG', 12],
				['CAP', 1],
			],
			buffered,
			{ MUG: 0, CAP: 9 },
		);
		expect(result.error).toBeUndefined();
		expect(await magentoQuantities(env)).toEqual({ MUG: 10, CAP: 0 });
	});

	test('tweak 2, leave SKUs out: a Filter at the rules spot keeps SHOP- SKUs as Magento has them', async () => {
		const tweaked = insertAtRulesSpot(
			env.template,
			filterNode(
				'Leave Out SHOP- SKUs',
				'={{ $json.sku }}',
				{ type: 'string', operation: 'notStartsWith' },
				'SHOP-',
			),
		);
		const result = await pollAndRun(
			[
				['MUG', 12],
				['SHOP-GIFTCARD', 0],
			],
			tweaked,
			{ MUG: 1, 'SHOP-GIFTCARD': 100 },
		);
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, RULES)).toHaveLength(2);
		expect(await magentoQuantities(env)).toEqual({ MUG: 12, 'SHOP-GIFTCARD': 100 });
	});

	test('the legacy stock-item path: one PUT per SKU to the default stock item; an unknown SKU fails visibly', async () => {
		const legacy = configure(env.template, { 'settings.stockApi': 'legacy' });
		const result = await pollAndRun(
			[
				['MUG', 7],
				['NOPE', 1],
			],
			legacy,
			{ MUG: 0 },
		);
		expect(await magentoQuantities(env)).toEqual({ MUG: 7 });
		expect(await magentoCalls(env)).toEqual([
			'PUT /products/MUG/stockItems/1',
			'PUT /products/NOPE/stockItems/1',
		]);
		expect(itemsOf(result, 'Failed Requests')).toHaveLength(1);
		expect(itemsOf(result, 'Stock Set')).toHaveLength(1);
	});

	test('the daily reconcile reads all myOGO stock and fixes what drifted, through the same rules spot', async () => {
		await env.bed.control.post('/seed', {
			products: ['MUG', 'CAP'].map((code) => ({ code, languageCode: 'en', name: code })),
		});
		await setStock(env.bed.control, [
			['MUG', 3],
			['CAP', 8],
		]);
		await env.magento.post('/seed', {
			products: [
				{ sku: 'MUG', quantity: 3 },
				{ sku: 'CAP', quantity: 1 },
			],
		});
		const result = await runWorkflow(
			{ nodes: env.template.nodes, connections: env.template.connections },
			{ credentials: env.credentials(), startNode: 'Reconcile All Stock Daily' },
		);
		expect(result.error).toBeUndefined();
		expect(itemsOf(result, RULES)).toHaveLength(2);
		expect(await magentoQuantities(env)).toEqual({ MUG: 3, CAP: 8 });
		expect(itemsOf(result, 'Stock Set')).toHaveLength(1);
	});
});
