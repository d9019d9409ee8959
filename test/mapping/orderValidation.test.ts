/**
 * Every validation rule with an input that breaks it, asserting the exact
 * message the merchant sees (what is wrong, where, how to fix it).
 */
import {
	ADDRESS_LINE_LIMIT,
	MappingError,
	mapMagentoOrder,
	mapShopifyOrder,
	mapWooCommerceOrder,
} from '../../nodes/MyOgo/mapping';
import { fixtureOptions, loadFixture, thrownBy } from './helpers';

type Obj = Record<string, unknown>;

const shopify = () => loadFixture('shopify/order-paid-fi-eur-taxes-included.json');
const shopifyUs = () => loadFixture('shopify/order-us-usd-taxes-excluded.json');
const woo = () => loadFixture('woocommerce/order-de-eur-prices-incl-tax.json');
const magento = () => loadFixture('magento/order-at-eur-configurable.json');

function shopifyAddress(raw: Obj): Obj {
	return raw.shipping_address as Obj;
}
function magentoAddress(raw: Obj): Obj {
	const extension = raw.extension_attributes as Obj;
	return ((extension.shipping_assignments as Obj[])[0].shipping as Obj).address as Obj;
}

function expectMappingError(
	fn: () => unknown,
	message: string,
	details: Partial<MappingError>,
): void {
	const error = thrownBy(fn);
	expect(error).toBeInstanceOf(MappingError);
	expect(error.message).toBe(message);
	expect(error.message).not.toContain('[object Object]');
	expect(error).toMatchObject(details);
}

describe('customer validation', () => {
	it('refuses a missing name', () => {
		const raw = shopify();
		Object.assign(shopifyAddress(raw), { name: null, first_name: null, last_name: ' ' });
		expectMappingError(
			() => mapShopifyOrder(raw, fixtureOptions()),
			'Order 1042: the shipping address has no name — add the name to the order in the store',
			{ field: 'customer.name', orderLabel: '1042' },
		);
	});

	it('refuses a missing street address', () => {
		const raw = woo();
		(raw.shipping as Obj).address_1 = '';
		expectMappingError(
			() => mapWooCommerceOrder(raw, fixtureOptions()),
			'Order 2087: the shipping address has no street address — add the street address to the order in the store',
			{ field: 'customer.address1', orderLabel: '2087' },
		);
	});

	it('refuses a missing city', () => {
		const raw = magento();
		magentoAddress(raw).city = null;
		expectMappingError(
			() => mapMagentoOrder(raw, fixtureOptions()),
			'Order 000000123: the shipping address has no city — add the city to the order in the store',
			{ field: 'customer.city', orderLabel: '000000123' },
		);
	});

	it('refuses a missing country, naming the address used', () => {
		const raw = shopify();
		delete raw.shipping_address;
		Object.assign(raw.billing_address as Obj, { country_code: null, country: null });
		expectMappingError(
			() => mapShopifyOrder(raw, fixtureOptions()),
			'Order 1042: the billing address has no country — add the country to the order in the store',
			{ field: 'customer.countryCode' },
		);
	});

	it('refuses an unknown country, naming the value', () => {
		const raw = woo();
		(raw.shipping as Obj).country = 'Narnia';
		expectMappingError(
			() => mapWooCommerceOrder(raw, fixtureOptions()),
			'Order 2087: country "Narnia" in the shipping address is not a known country — use a two-letter ISO code such as FI or SE, or the country\'s English, Finnish, Swedish or German name',
			{ field: 'customer.countryCode', orderLabel: '2087' },
		);
	});

	it('refuses an order without any address', () => {
		const raw = shopify();
		delete raw.shipping_address;
		raw.billing_address = null;
		expectMappingError(
			() => mapShopifyOrder(raw, fixtureOptions()),
			"Order 1042: the order has no shipping address — add the buyer's address to the order in the store",
			{ field: 'customer' },
		);
	});

	it('passes non-ASCII names and addresses through unchanged', () => {
		const raw = shopify();
		Object.assign(shopifyAddress(raw), {
			name: 'Ærøskøbing 🚲 Straße',
			address1: 'Øvre Slottsgate 1 — ß',
		});
		const { customer } = mapShopifyOrder(raw, fixtureOptions()).order;
		expect(customer.name).toBe('Ærøskøbing 🚲 Straße');
		expect(customer.address1).toBe('Øvre Slottsgate 1 — ß');
	});
});

describe('street address length (limit 100 characters per line)', () => {
	const longStreet = `${'Pitkäkatu '.repeat(10)}Rappu C, asunto 123`; // 119 characters

	it('moves the overflow into an empty address line 2, at a space', () => {
		const raw = shopify();
		shopifyAddress(raw).address1 = longStreet;
		const result = mapShopifyOrder(raw, fixtureOptions());
		expect(result.order.customer.address1).toBe('Pitkäkatu '.repeat(10).trimEnd());
		expect(result.order.customer.address2).toBe('Rappu C, asunto 123');
		expect(result.notes).toContain(
			'street address longer than 100 characters: "Rappu C, asunto 123" moved to address line 2',
		);
		expect(ADDRESS_LINE_LIMIT).toBe(100);
	});

	it('counts characters, not UTF-16 units', () => {
		const raw = shopify();
		const hundred = '🏠'.repeat(100); // 200 UTF-16 units, 100 characters
		shopifyAddress(raw).address1 = hundred;
		expect(mapShopifyOrder(raw, fixtureOptions()).order.customer.address1).toBe(hundred);
	});

	it('cuts a street without spaces at the limit', () => {
		const raw = shopify();
		shopifyAddress(raw).address1 = 'x'.repeat(130);
		const { customer } = mapShopifyOrder(raw, fixtureOptions()).order;
		expect(customer.address1).toBe('x'.repeat(100));
		expect(customer.address2).toBe('x'.repeat(30));
	});

	it('refuses it when address line 2 is already used', () => {
		const raw = shopifyUs();
		shopifyAddress(raw).address1 = longStreet;
		expectMappingError(
			() => mapShopifyOrder(raw, fixtureOptions()),
			'Order 1043: the street address in the shipping address is 119 characters long, more than the 100 myOGO takes, and address line 2 is already used — shorten the street address in the store',
			{ field: 'customer.address1' },
		);
	});

	it('refuses it when even two lines are not enough', () => {
		const raw = shopify();
		shopifyAddress(raw).address1 = 'Katu '.repeat(45); // 224 characters
		expectMappingError(
			() => mapShopifyOrder(raw, fixtureOptions()),
			"Order 1042: the street address in the shipping address is 224 characters long, too long for myOGO's two address lines of 100 — shorten the street address in the store",
			{ field: 'customer.address1' },
		);
	});
});

describe('line validation', () => {
	it('refuses a quantity that is not a positive whole number, naming the line', () => {
		const raw = shopify();
		const line = (raw.line_items as Obj[])[1];
		line.quantity = 1.5;
		line.current_quantity = null;
		expectMappingError(
			() => mapShopifyOrder(raw, fixtureOptions()),
			'Order 1042, line 2: quantity 1.5 is not a positive whole number — fix the quantity in the store',
			{ field: 'orderLines.quantity', orderLabel: '1042', line: 2 },
		);
	});

	it.each<[unknown, string]>([
		[0, 'quantity 0'],
		[-1, 'quantity -1'],
		['abc', 'quantity "abc"'],
	])('refuses WooCommerce quantity %j', (quantity, described) => {
		const raw = woo();
		(raw.line_items as Obj[])[2].quantity = quantity;
		expectMappingError(
			() => mapWooCommerceOrder(raw, fixtureOptions()),
			`Order 2087, line 3: ${described} is not a positive whole number — fix the quantity in the store`,
			{ line: 3 },
		);
	});

	it('refuses a unit price that is not a number', () => {
		const raw = shopify();
		(raw.line_items as Obj[])[0].price = 'abc';
		expectMappingError(
			() => mapShopifyOrder(raw, fixtureOptions()),
			'Order 1042, line 1: unit price "abc" is not a number — fix the price in the store',
			{ field: 'orderLines.unitPrice', line: 1 },
		);
	});

	it('refuses a WooCommerce line total that is not a number, never printing [object Object]', () => {
		const raw = woo();
		(raw.line_items as Obj[])[0].total = { amount: 'x' };
		expectMappingError(
			() => mapWooCommerceOrder(raw, fixtureOptions()),
			'Order 2087, line 1: line total {"amount":"x"} is not a number — fix the price in the store',
			{ line: 1 },
		);
	});

	it('refuses an order where no line has a SKU', () => {
		const raw = shopify();
		for (const line of raw.line_items as Obj[]) {
			line.sku = null;
			line.gift_card = false;
			line.requires_shipping = true;
		}
		expectMappingError(
			() => mapShopifyOrder(raw, fixtureOptions()),
			'Order 1042: no line has a SKU — nothing to ship',
			{ field: 'orderLines', orderLabel: '1042' },
		);
	});

	it('refuses an order with nothing to ship, listing why each line was skipped', () => {
		const raw = shopify();
		raw.line_items = (raw.line_items as Obj[]).filter((line) => line.requires_shipping === false);
		expectMappingError(
			() => mapShopifyOrder(raw, fixtureOptions()),
			'Order 1042: no line needs shipping — nothing to ship (line 1 "Gift Card": gift card; line 2 "Tip": does not require shipping)',
			{ field: 'orderLines' },
		);
	});

	it('refuses an order without lines', () => {
		const raw = magento();
		raw.items = [];
		expectMappingError(
			() => mapMagentoOrder(raw, fixtureOptions()),
			'Order 000000123: the order has no lines — nothing to ship',
			{ field: 'orderLines' },
		);
	});

	it('refuses a Magento line without SKU with "Lines Without SKU: Error"', () => {
		const raw = magento();
		(raw.items as Obj[])[2].sku = '';
		expectMappingError(
			() => mapMagentoOrder(raw, fixtureOptions({ linesWithoutSku: 'error' })),
			'Order 000000123, line 2: no SKU — give the product a SKU in the store, or set "Lines Without SKU" to "Skip and Report"',
			{ field: 'orderLines.code', line: 2 },
		);
	});

	it('refuses an order total that is not a number', () => {
		const raw = woo();
		raw.total = 'free';
		expectMappingError(
			() => mapWooCommerceOrder(raw, fixtureOptions()),
			'Order 2087: order total "free" is not a number — fix the price in the store',
			{ field: 'priceTotal' },
		);
	});
});

describe('shipping method', () => {
	it('refuses a store method that is not mapped when there is no default, naming it', () => {
		const options = fixtureOptions({
			shippingMethodMap: [{ storeMethod: 'Express', shippingCode: 'DHL_EXPRESS' }],
		});
		expectMappingError(
			() => mapShopifyOrder(shopifyUs(), options),
			'Order 1043: shipping method "Standard Shipping" (code "Standard") is not in "Shipping Method Map" — add it there with its myOGO shipping code, or set "Default Shipping Code"',
			{ field: 'shippingCode', orderLabel: '1043' },
		);
	});

	it('refuses an order without shipping method when there is a map but no default', () => {
		const raw = shopifyUs();
		raw.shipping_lines = [];
		expectMappingError(
			() => mapShopifyOrder(raw, fixtureOptions()),
			'Order 1043: the order has no shipping method — set "Default Shipping Code"',
			{ field: 'shippingCode' },
		);
	});

	it('uses the default silently when no map is set, and sends no code when neither is set', () => {
		const withDefault = mapShopifyOrder(
			shopifyUs(),
			fixtureOptions({ shippingMethodMap: [], defaultShippingCode: 'MATKAHUOLTO' }),
		);
		expect(withDefault.order.shippingCode).toBe('MATKAHUOLTO');
		expect(withDefault.notes).toEqual([]);

		const neither = mapShopifyOrder(shopifyUs(), fixtureOptions({ shippingMethodMap: [] }));
		expect(neither.order).not.toHaveProperty('shippingCode');
	});

	it('ignores empty map rows and refuses half-filled ones', () => {
		const blank = fixtureOptions({
			shippingMethodMap: [
				{ storeMethod: ' ', shippingCode: '' },
				...fixtureOptions().shippingMethodMap,
			],
		});
		expect(mapShopifyOrder(shopifyUs(), blank).order.shippingCode).toBe('DHL_EXPRESS');

		expectMappingError(
			() =>
				mapShopifyOrder(
					shopifyUs(),
					fixtureOptions({ shippingMethodMap: [{ storeMethod: 'Express', shippingCode: ' ' }] }),
				),
			'"Shipping Method Map": the row for store method "Express" has no shipping code — enter the myOGO shipping code or remove the row',
			{ field: 'shippingMethodMap' },
		);
		expectMappingError(
			() =>
				mapShopifyOrder(
					shopifyUs(),
					fixtureOptions({ shippingMethodMap: [{ storeMethod: '', shippingCode: 'DHL_EXPRESS' }] }),
				),
			'"Shipping Method Map": the row for shipping code "DHL_EXPRESS" has no store method — enter the store\'s shipping method title or code, or remove the row',
			{ field: 'shippingMethodMap' },
		);
	});
});

describe('reference', () => {
	it('refuses an item that has no order number, hinting at the input format', () => {
		// A WooCommerce order given to the Shopify mapper: it has an id, but no name/order_number.
		expectMappingError(
			() => mapShopifyOrder(woo(), fixtureOptions()),
			'Order 2087: the order has no order number ("name" / "order_number") — check that the input is a Shopify order, or set "Reference From" to ID',
			{ field: 'reference' },
		);
	});

	it('refuses an item without id with "Reference From: ID"', () => {
		const raw = magento();
		delete raw.entity_id;
		expectMappingError(
			() => mapMagentoOrder(raw, fixtureOptions({ referenceFrom: 'id' })),
			'Order 000000123: the order has no id — check that the input is a Magento 2 order',
			{ field: 'reference' },
		);
	});
});

describe('documents', () => {
	const receipt = { type: 'receipt', url: 'https://files.example.com/receipts/1042.pdf' };

	it('are left out unless "Include Documents" is on', () => {
		const raw = shopify();
		raw.documents = [receipt];
		expect(mapShopifyOrder(raw, fixtureOptions()).order).not.toHaveProperty('documents');
		const { order } = mapShopifyOrder(raw, fixtureOptions({ includeDocuments: true }));
		expect(order.documents).toStrictEqual([receipt]);
	});

	it('are passed in myOGO shape, url or base64Content', () => {
		const raw = woo();
		raw.documents = [{ type: 'receipt', base64Content: 'JVBERi0xLjQK', extra: 1 }];
		expect(
			mapWooCommerceOrder(raw, fixtureOptions({ includeDocuments: true })).order.documents,
		).toStrictEqual([{ type: 'receipt', base64Content: 'JVBERi0xLjQK' }]);
	});

	it('are noted as missing when asked for but absent', () => {
		const result = mapMagentoOrder(magento(), fixtureOptions({ includeDocuments: true }));
		expect(result.order).not.toHaveProperty('documents');
		expect(result.notes).toEqual([
			'"Include Documents" is on, but the item has no "documents" to include',
		]);
	});

	it('refuse a document without type or content', () => {
		const raw = shopify();
		raw.documents = [receipt, { url: 'https://files.example.com/x.pdf' }];
		expectMappingError(
			() => mapShopifyOrder(raw, fixtureOptions({ includeDocuments: true })),
			'Order 1042: document 2 has no "type" — give it a type such as "receipt"',
			{ field: 'documents.type' },
		);
		raw.documents = [{ type: 'receipt' }];
		expectMappingError(
			() => mapShopifyOrder(raw, fixtureOptions({ includeDocuments: true })),
			'Order 1042: document 1 has neither "url" nor "base64Content" — give it one of them',
			{ field: 'documents.url' },
		);
	});
});
