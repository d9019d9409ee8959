/**
 * A shop that keeps its legacy custom app (a permanent `shpat_` token, made under *Develop apps*
 * before 2026): the Shopify templates ship set up for the Shopify OAuth2 API credential, and the
 * merchant switches each Shopify node to the Shopify Access Token API credential
 * (`withLegacyShopifyToken`, the edits workflows/README.md → Connecting Shopify describes). Every
 * Shopify call then carries the legacy token; the OAuth2 credential is not given at all.
 * (The stock template's legacy run is in shopifyStock.test.ts.)
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import {
	paidOrderInBoth,
	shopifyCredentials,
	shopifyWebhookTrigger,
	withLegacyShopifyToken,
} from '../harness/shopify';
import { configure, itemsOf, loadTemplate, runFromTrigger } from '../harness/templates';
import { useTemplateEnvironment } from './setup';

const env = useTemplateEnvironment({
	stores: ['shopify'],
	seed: (bed) =>
		bed.control.post('/seed', { products: [{ code: 'MUG', languageCode: 'en', name: 'Mug' }] }),
});

/** The template as a legacy-token merchant has it: Settings filled in, Shopify nodes on the Access Token credential. */
function legacyTemplate(
	file: string,
	settings: Record<string, unknown> = { 'settings.shopSubdomain': env.shopifyFake.shopSubdomain },
) {
	return withLegacyShopifyToken(configure(loadTemplate(file), settings));
}

function legacyCredentials(): Record<string, ICredentialDataDecryptedObject> {
	return {
		...env.bed.credentials,
		shopifyAccessTokenApi: shopifyCredentials(env.shopifyFake),
	} as Record<string, ICredentialDataDecryptedObject>;
}

async function credentialsSeen(): Promise<string[]> {
	const calls = (await env.shopify.get('/requests')).data as Array<{ credential?: string }>;
	return [...new Set(calls.map((call) => call.credential ?? 'none'))];
}

beforeEach(async () => {
	await env.shopify.post('/seed', {
		products: [{ title: 'Mug', variants: [{ sku: 'MUG', price: '9.90', inventory_quantity: 10 }] }],
	});
	await env.shopify.delete('/requests');
});

test('orders: the paid-order webhook (signed with the app secret key) and the catch-up read with the legacy token', async () => {
	const template = legacyTemplate('shopify-orders-to-myogo.json');
	const paid = await shopifyWebhookTrigger(
		template,
		'Shopify Trigger (order paid)',
		legacyCredentials(),
	);
	env.hooks.push(paid);
	const order = (
		await env.shopify.post('/orders', {
			email: 'aino@example.fi',
			line_items: [{ sku: 'MUG', quantity: 1, price: '9.90' }],
			shipping_address: {
				first_name: 'Aino',
				last_name: 'Virtanen',
				address1: 'Mannerheimintie 1',
				city: 'Helsinki',
				zip: '00100',
				country_code: 'FI',
			},
			shipping_lines: [{ title: 'Standard', code: 'STANDARD', price: '4.90' }],
		})
	).data as IDataObject;
	await env.shopify.post(`/orders/${order.id}/pay`);
	await env.shopifyFake.settle();
	expect(paid.items).toHaveLength(1);
	const run = await runFromTrigger(
		template,
		'Shopify Trigger (order paid)',
		paid.items[0],
		legacyCredentials(),
	);
	expect(run.error).toBeUndefined();
	expect(itemsOf(run, 'Failed Orders')).toEqual([]);
	expect(itemsOf(run, 'Sent to myOGO').map((o) => o.result)).toEqual(['created']);
	const catchUp = await runFromTrigger(template, 'Catch-up Every Hour', [{}], legacyCredentials());
	expect(itemsOf(catchUp, 'Failed Orders')).toEqual([]);
	expect(await credentialsSeen()).toEqual(['app-token']);
});

test('tracking: the fulfillment is created with the legacy token', async () => {
	const template = legacyTemplate('shopify-tracking-from-myogo.json');
	const shipped = await paidOrderInBoth(env.shopify, await env.bed.api(), { sku: 'MUG' });
	await env.bed.control.post(`/orders/${shipped.reference}/advance`, {
		status: 'shipped',
		trackingNumber: 'JJFI555',
	});
	const myOgo = (
		(await (await env.bed.api()).get('/orders', { params: { reference: shipped.reference } }))
			.data as IDataObject[]
	)[0];
	const run = await runFromTrigger(
		template,
		'myOGO Trigger',
		[{ ...myOgo, trackingNumbers: ['JJFI555'] }],
		legacyCredentials(),
	);
	expect(run.error).toBeUndefined();
	expect(itemsOf(run, 'Failed Tracking Updates')).toEqual([]);
	expect(itemsOf(run, 'Tracking Sent')).toHaveLength(1);
	expect(await credentialsSeen()).toEqual(['app-token']);
});

test('products: the daily resync pages through the variants with the legacy token', async () => {
	const template = legacyTemplate('shopify-products-to-myogo.json', {
		'settings.shopSubdomain': env.shopifyFake.shopSubdomain,
		'settings.secondsBetweenPages': 0,
	});
	const run = await runFromTrigger(template, 'Full Resync Daily', [{}], legacyCredentials());
	expect(run.error).toBeUndefined();
	expect(itemsOf(run, 'Failed Products')).toEqual([]);
	expect(itemsOf(run, 'Sent to myOGO').map((p) => p.code)).toEqual(['MUG']);
	expect(await credentialsSeen()).toEqual(['app-token']);
});
