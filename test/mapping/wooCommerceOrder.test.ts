import { mapWooCommerceOrder } from '../../nodes/MyOgo/mapping';
import { deepFreeze, fixtureOptions, loadFixture } from './helpers';

const DE_ORDER = 'woocommerce/order-de-eur-prices-incl-tax.json';
const SE_ORDER = 'woocommerce/order-se-sek-pickup-point.json';

type Line = Record<string, unknown>;

describe('mapWooCommerceOrder: fixtures', () => {
	it('maps an order (EUR, German VAT, variation line, line without SKU, buyer note)', () => {
		const result = mapWooCommerceOrder(deepFreeze(loadFixture(DE_ORDER)), fixtureOptions());
		expect(result).toStrictEqual({
			order: {
				reference: '2087',
				shippingCode: 'DHL_EXPRESS', // title "DHL Paket" is not mapped; method_id:instance_id "flat_rate:3" is
				comments: 'Bitte beim Nachbarn abgeben, falls niemand da ist.',
				priceTotal: 126.8,
				priceCurrency: 'EUR',
				customer: {
					name: 'Jürgen Weiß',
					address1: 'Hauptstraße 5',
					address2: 'Hinterhaus',
					city: 'Berlin',
					countryCode: 'DE',
					zip: '10115',
					phone: '+49 30 1234567', // the shipping phone is empty: billing's
					email: 'juergen.weiss@example.de',
				},
				orderLines: [
					{
						code: 'HOODIE-BLUE-L',
						quantity: 2,
						unitPrice: 50, // (84.03 + 15.97) / 2
						vatPercentage: 19,
						productPictureUrl: 'https://shop.example.de/wp-content/uploads/2025/02/hoodie-blue.jpg',
					},
					{
						code: 'WOO-BEANIE',
						quantity: 1,
						unitPrice: 18,
						vatPercentage: 19,
						productPictureUrl: 'https://shop.example.de/wp-content/uploads/2025/01/muetze.jpg',
					},
				],
			},
			skippedLines: [{ line: 2, title: 'Geschenkverpackung', reason: 'no SKU' }],
			notes: [],
		});
	});

	it('maps an order (SEK, coupon, repeated SKU, pickup point in the shipping line meta)', () => {
		const result = mapWooCommerceOrder(deepFreeze(loadFixture(SE_ORDER)), fixtureOptions());
		expect(result).toStrictEqual({
			order: {
				reference: '2088',
				shippingCode: 'POSTNORD_MYPACK',
				pickUpPointCode: 'SE-PN-1234',
				priceTotal: 355.4,
				priceCurrency: 'SEK',
				customer: {
					name: 'Märta Ljungström',
					address1: 'Götgatan 48',
					city: 'Stockholm',
					countryCode: 'SE',
					zip: '118 26',
					phone: '070-123 45 67',
					email: 'marta.ljungstrom@example.se',
				},
				orderLines: [
					{
						code: 'MUG-BLUE',
						quantity: 3,
						unitPrice: 85.8, // (99.00 + 158.40) / 3
						vatPercentage: 25,
						productPictureUrl:
							'https://butik.example.se/wp-content/uploads/2025/03/kaffemugg-bla.jpg',
					},
					{
						code: 'BAG-TOTE',
						quantity: 1,
						unitPrice: 49,
						vatPercentage: 25, // no "taxes" on the line: 9.80 / 39.20
						productPictureUrl: 'https://butik.example.se/wp-content/uploads/2025/03/tygpase.jpg',
					},
				],
			},
			skippedLines: [],
			notes: ['SKU MUG-BLUE on lines 1 and 3 merged (quantity 3)'],
		});
	});
});

describe('mapWooCommerceOrder: options and store specifics', () => {
	it('uses the order id as reference with "Reference From: ID"', () => {
		const raw = loadFixture(DE_ORDER);
		raw.number = 'DE-2087-A';
		expect(mapWooCommerceOrder(raw, fixtureOptions()).order.reference).toBe('DE-2087-A');
		expect(mapWooCommerceOrder(raw, fixtureOptions({ referenceFrom: 'id' })).order.reference).toBe(
			'2087',
		);
	});

	it('uses the billing address when the shipping address is empty', () => {
		const raw = loadFixture(DE_ORDER);
		raw.shipping = {
			first_name: '',
			last_name: '',
			company: '',
			address_1: '',
			address_2: '',
			city: '',
			state: '',
			postcode: '',
			country: '',
			phone: '',
		};
		(raw.billing as Record<string, unknown>).company = 'Weiß & Söhne GmbH';
		const result = mapWooCommerceOrder(raw, fixtureOptions());
		expect(result.order.customer).toStrictEqual({
			name: 'Jürgen Weiß',
			company: 'Weiß & Söhne GmbH',
			address1: 'Hauptstraße 5',
			address2: 'Hinterhaus',
			city: 'Berlin',
			countryCode: 'DE',
			zip: '10115',
			phone: '+49 30 1234567',
			email: 'juergen.weiss@example.de',
		});
		expect(result.notes).toEqual([
			'the order has no shipping address: the billing address is used',
		]);
	});

	it('matches the shipping method by title before method id', () => {
		const options = fixtureOptions({
			shippingMethodMap: [
				{ storeMethod: 'flat_rate', shippingCode: 'POSTI_PAKETTI' },
				{ storeMethod: 'dhl paket', shippingCode: 'DHL_EXPRESS' },
			],
		});
		expect(mapWooCommerceOrder(loadFixture(DE_ORDER), options).order.shippingCode).toBe(
			'DHL_EXPRESS',
		);
		const raw = loadFixture(DE_ORDER);
		(raw.shipping_lines as Line[])[0].method_title = 'Versand';
		expect(mapWooCommerceOrder(raw, options).order.shippingCode).toBe('POSTI_PAKETTI');
	});

	it('reads the pickup point from the order meta first', () => {
		const raw = loadFixture(SE_ORDER);
		(raw.meta_data as Line[]).push({ id: 1, key: 'Pickup_Point_Code', value: 'ORDER-LEVEL-1' });
		expect(mapWooCommerceOrder(raw, fixtureOptions()).order.pickUpPointCode).toBe('ORDER-LEVEL-1');
	});

	it('sums compound tax rates and computes the rate from amounts when the rate is unknown', () => {
		const raw = loadFixture(DE_ORDER);
		(raw.tax_lines as Line[]).push({
			id: 618,
			rate_id: 9,
			rate_percent: 2.5,
			compound: true,
			label: 'Extra',
		});
		const lines = raw.line_items as Line[];
		lines[0].taxes = [
			{ id: 1, total: '15.966387', subtotal: '15.966387' },
			{ id: 9, total: '2.1', subtotal: '2.1' },
			{ id: 5, total: '0', subtotal: '0' },
		];
		lines[2].taxes = [{ id: 77, total: '2.87395', subtotal: '2.87395' }];
		const { order } = mapWooCommerceOrder(raw, fixtureOptions());
		expect(order.orderLines.map((l) => l.vatPercentage)).toEqual([21.5, 19]);
	});

	it('sends no unit price for a line without a total, and VAT 0 for an untaxed line', () => {
		const raw = loadFixture(DE_ORDER);
		const lines = raw.line_items as Line[];
		delete lines[0].total;
		lines[2].total_tax = '0.00';
		lines[2].taxes = [];
		const { order } = mapWooCommerceOrder(raw, fixtureOptions());
		expect(order.orderLines[0]).not.toHaveProperty('unitPrice');
		expect(order.orderLines[1]).toMatchObject({ unitPrice: 15.13, vatPercentage: 0 });
	});
});
