/**
 * Size and speed: a 500-line order maps completely (with merges), and a run of
 * 10,000 orders stays far below the budget of 50 µs per Shopify order.
 */

import type { IDataObject } from 'n8n-workflow';

import { mapMagentoOrder, mapShopifyOrder, mapWooCommerceOrder } from '../../nodes/MyOgo/mapping';
import { fixtureOptions, loadFixture } from './helpers';

type Obj = Record<string, unknown>;

/** A Shopify order with `count` lines over `count / 2` SKUs (every SKU twice: lines i and i + count/2). */
function bigShopifyOrder(count: number): IDataObject {
	const raw = loadFixture('shopify/order-paid-fi-eur-taxes-included.json');
	const template = (raw.line_items as Obj[])[0];
	const half = count / 2;
	const lines: Obj[] = [];
	for (let i = 0; i < count; i++) {
		const sku = `SKU-${String(i % half).padStart(3, '0')}`;
		lines.push({
			...template,
			id: 1000 + i,
			name: `Product ${i % half}`,
			sku,
			quantity: (i % 3) + 1,
			current_quantity: (i % 3) + 1,
			price: '10.00',
			tax_lines: [{ price: '0.00', rate: 0.255, title: 'FI VAT' }],
		});
	}
	raw.line_items = lines as IDataObject[];
	return raw;
}

describe('large orders', () => {
	it('maps a 500-line Shopify order, merging repeated SKUs', () => {
		const result = mapShopifyOrder(bigShopifyOrder(500), fixtureOptions());
		expect(result.order.orderLines).toHaveLength(250);
		expect(result.skippedLines).toEqual([]);
		expect(result.notes).toHaveLength(250);
		// SKU-001: line 2 (index 1, quantity 2) and line 252 (index 251, quantity 3)
		expect(result.order.orderLines[1]).toStrictEqual({
			code: 'SKU-001',
			quantity: 5,
			unitPrice: 10,
			vatPercentage: 25.5,
		});
		expect(result.notes[1]).toBe('SKU SKU-001 on lines 2 and 252 merged (quantity 5)');
		const total = result.order.orderLines.reduce((sum, line) => sum + line.quantity, 0);
		expect(total).toBe(999); // quantities 1, 2, 3, 1, 2, 3, … over 500 lines
	});

	it('maps 500-line WooCommerce and Magento orders', () => {
		const woo = loadFixture('woocommerce/order-de-eur-prices-incl-tax.json');
		const wooTemplate = (woo.line_items as Obj[])[0];
		woo.line_items = Array.from({ length: 500 }, (_, i) => ({
			...wooTemplate,
			id: i,
			sku: `W-${i}`,
		}));
		expect(mapWooCommerceOrder(woo, fixtureOptions()).order.orderLines).toHaveLength(500);

		const magento = loadFixture('magento/order-at-eur-configurable.json');
		const magentoTemplate = (magento.items as Obj[])[2];
		magento.items = Array.from({ length: 500 }, (_, i) => ({
			...magentoTemplate,
			item_id: 5000 + i,
			sku: `M-${i}`,
		}));
		expect(mapMagentoOrder(magento, fixtureOptions()).order.orderLines).toHaveLength(500);
	});
});
