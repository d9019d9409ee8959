import { MappingError, mapShopifyOrder } from '../../nodes/MyOgo/mapping';
import { deepFreeze, fixtureOptions, loadFixture, thrownBy } from './helpers';

const FI_ORDER = 'shopify/order-paid-fi-eur-taxes-included.json';
const US_ORDER = 'shopify/order-us-usd-taxes-excluded.json';
const SE_ORDER = 'shopify/order-se-sek-billing-only-test.json';

describe('mapShopifyOrder: fixtures', () => {
	it('maps an orders/paid webhook (EUR, taxes included, pickup point, gift card, tip, repeated SKU)', () => {
		const result = mapShopifyOrder(deepFreeze(loadFixture(FI_ORDER)), fixtureOptions());
		expect(result).toStrictEqual({
			order: {
				reference: '1042',
				shippingCode: 'POSTI_SMARTPOST', // matched by the shipping line's code, not its title
				pickUpPointCode: '3201',
				comments: 'Please leave it in the locker, thanks! 🙂',
				priceTotal: 114.52,
				priceCurrency: 'EUR',
				customer: {
					name: 'Åsa Öberg',
					address1: 'Mannerheimintie 12 B 5',
					city: 'Helsinki',
					countryCode: 'FI',
					zip: '00100',
					phone: '+358 40 123 4567',
					email: 'asa.oberg@example.fi',
				},
				orderLines: [
					{ code: 'BEANIE-GREY', quantity: 1, unitPrice: 39.9, vatPercentage: 25.5 },
					// 2 × 14.90 − 2.98 discount + 1 × 14.90 = 41.72 for 3 → 13.906… → 13.91
					{ code: 'SOCKS-3942', quantity: 3, unitPrice: 13.91, vatPercentage: 25.5 },
				],
			},
			skippedLines: [
				{ line: 3, title: 'Gift Card', reason: 'gift card' },
				{ line: 5, title: 'Tip', reason: 'does not require shipping' },
			],
			notes: ['SKU SOCKS-3942 on lines 2 and 4 merged (quantity 3)'],
		});
	});

	it('maps an order whose prices exclude tax (USD, US sales tax, discount, line without SKU)', () => {
		const result = mapShopifyOrder(deepFreeze(loadFixture(US_ORDER)), fixtureOptions());
		expect(result).toStrictEqual({
			order: {
				reference: '1043',
				shippingCode: 'DHL_EXPRESS', // "Standard Shipping" matched by title, case and spaces ignored
				priceTotal: 154.99,
				priceCurrency: 'USD',
				customer: {
					name: 'Jørgen Ødegaard',
					company: 'Fjord Outfitters LLC',
					address1: '350 Bedford Ave',
					address2: 'Apt 4R',
					city: 'Brooklyn',
					countryCode: 'US',
					zip: '11249',
					phone: '+1 718-555-0142', // the shipping address has none: the order's
					email: 'jorgen@example.com',
				},
				orderLines: [
					// (2 × 45.00 + 3.60 + 4.05 + 0.34 tax) / 2 = 48.995 → 49.00; 4 % + 4.5 % + 0.375 %
					{ code: 'HOODIE-NAVY-M', quantity: 2, unitPrice: 49, vatPercentage: 8.875 },
					// 24.00 − 4.00 discount + 1.78 tax
					{ code: 'BEANIE-BLACK', quantity: 1, unitPrice: 21.78, vatPercentage: 8.875 },
				],
			},
			skippedLines: [{ line: 2, title: 'Engraving service', reason: 'no SKU' }],
			notes: [],
		});
	});

	it('maps a test order without a shipping address (SEK, billing address, default shipping code)', () => {
		const options = fixtureOptions({ defaultShippingCode: ' POSTI_PAKETTI ' });
		const result = mapShopifyOrder(deepFreeze(loadFixture(SE_ORDER)), options);
		expect(result).toStrictEqual({
			order: {
				reference: '1044',
				shippingCode: 'POSTI_PAKETTI',
				priceTotal: 436,
				priceCurrency: 'SEK',
				test: true,
				customer: {
					name: 'Björn Åkesson',
					address1: 'Storgatan 1',
					city: 'Stockholm',
					countryCode: 'SE',
					zip: '111 51',
					phone: '+46 70 123 45 67',
					email: 'bjorn.akesson@example.se', // the order's email is empty: the customer's
				},
				orderLines: [{ code: 'TOWEL-LINEN', quantity: 3, unitPrice: 129, vatPercentage: 25 }],
			},
			skippedLines: [],
			notes: [
				'the order has no shipping address: the billing address is used',
				'shipping method "PostNord MyPack Collect" (code "PN_MYPACK_COLLECT") is not in "Shipping Method Map": default shipping code POSTI_PAKETTI used',
			],
		});
	});
});

describe('mapShopifyOrder: options and store specifics', () => {
	it('uses the order id as reference with "Reference From: ID"', () => {
		const { order } = mapShopifyOrder(
			loadFixture(FI_ORDER),
			fixtureOptions({ referenceFrom: 'id' }),
		);
		expect(order.reference).toBe('5894712344621');
	});

	it('keeps a custom order name prefix in the reference and falls back to order_number', () => {
		const raw = loadFixture(FI_ORDER);
		raw.name = 'FI-1042';
		expect(mapShopifyOrder(raw, fixtureOptions()).order.reference).toBe('FI-1042');
		delete raw.name;
		expect(mapShopifyOrder(raw, fixtureOptions()).order.reference).toBe('1042');
	});

	it('refuses a line without SKU with "Lines Without SKU: Error", but still skips tips and gift cards', () => {
		const error = thrownBy(() =>
			mapShopifyOrder(loadFixture(US_ORDER), fixtureOptions({ linesWithoutSku: 'error' })),
		);
		expect(error).toBeInstanceOf(MappingError);
		expect(error.message).toBe(
			'Order 1043, line 2: no SKU — give the product a SKU in the store, or set "Lines Without SKU" to "Skip and Report"',
		);
		expect(error).toMatchObject({ field: 'orderLines.code', orderLabel: '1043', line: 2 });

		const result = mapShopifyOrder(
			loadFixture(FI_ORDER),
			fixtureOptions({ linesWithoutSku: 'error' }),
		);
		expect(result.skippedLines.map((s) => s.reason)).toEqual([
			'gift card',
			'does not require shipping',
		]);
	});

	it('ships what is left after an order edit and skips lines edited down to 0', () => {
		const raw = loadFixture(FI_ORDER);
		const lines = raw.line_items as Array<Record<string, unknown>>;
		lines[0].current_quantity = 0;
		lines[1].current_quantity = 1; // 1 of the 2 discounted socks removed
		const result = mapShopifyOrder(raw, fixtureOptions());
		expect(result.order.orderLines).toStrictEqual([
			// (29.80 − 2.98) / 2 = 13.41 for the one left, + 14.90 → 28.31 / 2 = 14.155 → 14.16
			{ code: 'SOCKS-3942', quantity: 2, unitPrice: 14.16, vatPercentage: 25.5 },
		]);
		expect(result.skippedLines[0]).toStrictEqual({
			line: 1,
			title: 'Merino Beanie - Grey',
			reason: 'removed from the order',
		});
	});

	it('falls back to total_price and to first + last name', () => {
		const raw = loadFixture(FI_ORDER);
		delete raw.current_total_price;
		const address = raw.shipping_address as Record<string, unknown>;
		address.name = null;
		const { order } = mapShopifyOrder(raw, fixtureOptions());
		expect(order.priceTotal).toBe(114.52);
		expect(order.customer.name).toBe('Åsa Öberg');
	});

	it('reads the pickup point from the note attribute named in "Pickup Point Field"', () => {
		const raw = loadFixture(FI_ORDER);
		raw.note_attributes = [{ name: 'Smartpost ID', value: ' 9001 ' }];
		expect(mapShopifyOrder(raw, fixtureOptions()).order.pickUpPointCode).toBeUndefined();
		expect(
			mapShopifyOrder(raw, fixtureOptions({ pickupPointField: 'smartpost id' })).order
				.pickUpPointCode,
		).toBe('9001');
	});

	it('reads the country from its name when country_code is missing, and says so', () => {
		const raw = loadFixture(FI_ORDER);
		const address = raw.shipping_address as Record<string, unknown>;
		address.country_code = null;
		address.country = 'Suomi';
		const result = mapShopifyOrder(raw, fixtureOptions());
		expect(result.order.customer.countryCode).toBe('FI');
		expect(result.notes).toContain('country "Suomi" read as FI');
	});

	it('sets vatPercentage 0 for an untaxed line', () => {
		const raw = loadFixture(SE_ORDER);
		raw.taxes_included = false;
		(raw.line_items as Array<Record<string, unknown>>)[0].tax_lines = [];
		const { order } = mapShopifyOrder(raw, fixtureOptions({ defaultShippingCode: 'X' }));
		expect(order.orderLines).toStrictEqual([
			{ code: 'TOWEL-LINEN', quantity: 3, unitPrice: 129, vatPercentage: 0 },
		]);
	});
});
