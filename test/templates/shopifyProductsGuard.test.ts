/**
 * The products template's guard (#20): *Send Products to myOGO*'s *Skip Products Sent Unchanged*
 * (the myOGO data sent per SKU, in n8n's processed-data store) ends a `products/update` that Shopify
 * sent for a stock write on "Unchanged Since Last Sent" without a myOGO call, while a real edit
 * reaches myOGO with one write per changed SKU and no read. Its two blind spots are covered here
 * too: a product edited and edited back (A→B→A) is repaired by the daily resync, and a failed send
 * is not remembered, so the next delivery of that product sends it again.
 * n8n's processed-data storage is the harness's in-memory fake (test/harness/processedData.ts);
 * test/e2e/shopifyProductsGuard.test.ts proves the same in real n8n.
 */
import type { IDataObject } from 'n8n-workflow';

import { itemsOf, runFromTrigger } from '../harness/templates';
import { shopifyWebhookTrigger } from '../harness/shopify';
import { writeStockToEveryVariant } from '../harness/shopifyStockWrite';
import type { WebhookTrigger } from '../harness/webhook';
import { myOgoApiCalls } from './setup';
import { useShopifyProductsEnvironment } from './shopifyProductsEnvironment';

jest.setTimeout(120_000);

const env = useShopifyProductsEnvironment();

const CREATED = 'Shopify Trigger (product created)';
const UPDATED = 'Shopify Trigger (product updated)';
const MUG = { title: 'Mug', variants: [{ sku: 'MUG', price: '9.90', barcode: '6411111111118' }] };

let triggers: Record<string, WebhookTrigger>;

beforeEach(async () => {
	triggers = {};
	for (const name of [CREATED, UPDATED]) {
		triggers[name] = await shopifyWebhookTrigger(env.template, name, env.credentials());
		env.hooks.push(triggers[name]);
	}
});

/** Runs the template with the last delivery `trigger` received, counting the myOGO calls it made. */
async function runLastDelivery(trigger: string) {
	await env.shopifyFake.settle();
	const delivery = triggers[trigger].items.at(-1);
	if (!delivery) throw new Error(`no delivery to ${trigger}`);
	await env.bed.control.delete('/requests');
	const run = await runFromTrigger(env.template, trigger, delivery, env.credentials());
	expect(run.error).toBeUndefined();
	return { run, myOgoCalls: (await myOgoApiCalls(env)).map((c) => `${c.method} ${c.path}`) };
}

async function myOgoName(code: string): Promise<unknown> {
	const rows = (await (await env.bed.api()).get('/products', { params: { code } }))
		.data as IDataObject[];
	return rows[0]?.name;
}

test('stock writes cost no myOGO call; an edit reaches myOGO once; an edit undone (A→B→A) waits for the daily resync, which repairs it', async () => {
	const product = (await env.shopify.post('/products', MUG)).data as IDataObject;
	const created = await runLastDelivery(CREATED);
	expect(itemsOf(created.run, 'Sent to myOGO').map((p) => p.result)).toEqual(['created']);

	// Two stock writes: Shopify sends products/update for each; neither reaches myOGO.
	for (const quantity of [5, 7]) {
		await writeStockToEveryVariant(env.shopifyFake, quantity);
		const echo = await runLastDelivery(UPDATED);
		expect(itemsOf(echo.run, 'Unchanged Since Last Sent')).toHaveLength(1);
		expect(echo.myOgoCalls).toEqual([]);
	}
	expect(triggers[UPDATED].items).toHaveLength(2);

	// A: Mug → B: Big Mug, an edit: sent, one write.
	await env.shopify.put(`/products/${product.id}`, { title: 'Big Mug' });
	const edit = await runLastDelivery(UPDATED);
	expect(itemsOf(edit.run, 'Sent to myOGO').map((p) => p.result)).toEqual(['updated']);
	// Written without a read first: the shop is the master of product data.
	expect(edit.myOgoCalls).toEqual(['PUT /api/v1/products/MUG']);
	expect(await myOgoName('MUG')).toBe('Big Mug');

	// B → A again: the fingerprint of A is remembered, so this delivery is skipped (the guard's
	// blind spot); myOGO still says "Big Mug" until the daily resync.
	await env.shopify.put(`/products/${product.id}`, { title: 'Mug' });
	const undo = await runLastDelivery(UPDATED);
	expect(itemsOf(undo.run, 'Unchanged Since Last Sent')).toHaveLength(1);
	expect(await myOgoName('MUG')).toBe('Big Mug');

	// The resync forgets every fingerprint first, so it compares every product with myOGO again.
	const resync = await runFromTrigger(env.template, 'Full Resync Daily', [{}], env.credentials());
	expect(resync.error).toBeUndefined();
	expect(itemsOf(resync, 'Sent to myOGO').map((p) => [p.code, p.result])).toEqual([
		['MUG', 'updated'],
	]);
	expect(await myOgoName('MUG')).toBe('Mug');

	// And it remembers what it sent: the next stock write's delivery is free again.
	await writeStockToEveryVariant(env.shopifyFake, 9);
	const after = await runLastDelivery(UPDATED);
	expect(itemsOf(after.run, 'Unchanged Since Last Sent')).toHaveLength(1);
	expect(after.myOgoCalls).toEqual([]);
});

test('a send myOGO refuses leaves nothing remembered: the next delivery of that product is sent again', async () => {
	const product = (await env.shopify.post('/products', MUG)).data as IDataObject;
	await runLastDelivery(CREATED);
	await writeStockToEveryVariant(env.shopifyFake, 5);
	expect((await runLastDelivery(UPDATED)).myOgoCalls).toEqual([]);

	await env.bed.control.post('/faults', {
		status: 400,
		path: '/api/v1/products',
		method: 'PUT',
	});
	await env.shopify.put(`/products/${product.id}`, { title: 'Tall Mug' });
	const refused = await runLastDelivery(UPDATED);
	expect(itemsOf(refused.run, 'Failed Products')).toEqual([
		expect.objectContaining({ error: expect.stringContaining('MUG') }),
	]);
	expect(await myOgoName('MUG')).toBe('Mug');

	// The next products/update of the same product data (here a stock write's) is sent.
	await writeStockToEveryVariant(env.shopifyFake, 6);
	const retried = await runLastDelivery(UPDATED);
	expect(itemsOf(retried.run, 'Sent to myOGO').map((p) => p.result)).toEqual(['updated']);
	expect(await myOgoName('MUG')).toBe('Tall Mug');
});

test('an edit of one variant of a three-variant product costs one myOGO call, its PUT, which also overwrites what someone changed in myOGO; the stock echoes cost none', async () => {
	const tee = (
		await env.shopify.post('/products', {
			title: 'Tee',
			variants: ['S', 'M', 'L'].map((size) => ({
				sku: `TEE-${size}`,
				option1: size,
				price: '19.90',
			})),
		})
	).data as IDataObject;
	const created = await runLastDelivery(CREATED);
	expect(itemsOf(created.run, 'Sent to myOGO').map((p) => p.result)).toEqual([
		'created',
		'created',
		'created',
	]);

	await writeStockToEveryVariant(env.shopifyFake, 5);
	const echo = await runLastDelivery(UPDATED);
	expect(echo.myOgoCalls).toEqual([]);
	expect(itemsOf(echo.run, 'Unchanged Since Last Sent').map((p) => p.code)).toEqual([
		'TEE-S',
		'TEE-M',
		'TEE-L',
	]);

	// Someone renames TEE-M in myOGO; then the shop changes TEE-M's price: the shop's data wins.
	await (await env.bed.api()).put('/products/TEE-M', { code: 'TEE-M', name: 'Renamed in myOGO' });
	const variants = tee.variants as IDataObject[];
	await env.shopify.put(`/products/${tee.id}`, {
		variants: variants.map((v) =>
			v.sku === 'TEE-M' ? { id: v.id, price: '24.90' } : { id: v.id },
		),
	});
	const edit = await runLastDelivery(UPDATED);
	expect(edit.myOgoCalls).toEqual(['PUT /api/v1/products/TEE-M']);
	expect(itemsOf(edit.run, 'Sent to myOGO').map((p) => [p.code, p.result])).toEqual([
		['TEE-M', 'updated'],
	]);
	expect(itemsOf(edit.run, 'Unchanged Since Last Sent').map((p) => p.code)).toEqual([
		'TEE-S',
		'TEE-L',
	]);
	expect(await myOgoName('TEE-M')).toBe('Tee - M');

	await writeStockToEveryVariant(env.shopifyFake, 6);
	expect((await runLastDelivery(UPDATED)).myOgoCalls).toEqual([]);
});
