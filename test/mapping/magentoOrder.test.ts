import { mapMagentoOrder } from '../../nodes/MyOgo/mapping';
import { deepFreeze, fixtureOptions, loadFixture, thrownBy } from './helpers';

const AT_ORDER = 'magento/order-at-eur-configurable.json';
const NO_ORDER = 'magento/order-no-nok-bundle-pickup.json';

type Item = Record<string, unknown>;

describe('mapMagentoOrder: fixtures', () => {
	it('maps an order with a configurable product, a virtual and a downloadable item (EUR)', () => {
		const result = mapMagentoOrder(deepFreeze(loadFixture(AT_ORDER)), fixtureOptions());
		expect(result).toStrictEqual({
			order: {
				reference: '000000123',
				shippingCode: 'POSTI_PAKETTI', // flatrate_flatrate
				comments: 'Bitte an der Rezeption abgeben.',
				priceTotal: 97.7,
				priceCurrency: 'EUR',
				customer: {
					name: 'Lena Hofstätter',
					address1: 'Mariahilfer Straße 45/3',
					city: 'Wien',
					countryCode: 'AT',
					zip: '1060',
					phone: '+43 660 1234567',
					email: 'lena.hofstaetter@example.at',
				},
				orderLines: [
					// the configurable parent and its child are one line
					{ code: 'MTS-RED-M', quantity: 2, unitPrice: 29, vatPercentage: 20 },
					{ code: 'CAP-GREY', quantity: 1, unitPrice: 19.9, vatPercentage: 20 },
				],
			},
			skippedLines: [
				{
					line: 3,
					title: 'Extended warranty 2 years',
					reason: 'virtual or downloadable product: nothing to ship',
				},
				{
					line: 4,
					title: 'Knitting pattern (PDF)',
					reason: 'virtual or downloadable product: nothing to ship',
				},
			],
			notes: [],
		});
	});

	it('maps an order with a bundle, two street lines and a pickup point (NOK)', () => {
		const result = mapMagentoOrder(deepFreeze(loadFixture(NO_ORDER)), fixtureOptions());
		expect(result).toStrictEqual({
			order: {
				reference: '000000124',
				shippingCode: 'BRING_SERVICEPAKKE', // by shipping_description
				pickUpPointCode: 'NO-321567',
				comments: 'Ring før levering, takk!',
				priceTotal: 1146,
				priceCurrency: 'NOK',
				customer: {
					name: 'Jørgen Ødegård',
					address1: 'Storgata 12',
					address2: 'Leilighet H0201',
					city: 'Oslo',
					countryCode: 'NO',
					zip: '0155',
					phone: '+47 912 34 567',
					email: 'jorgen.odegard@example.no',
				},
				orderLines: [
					{ code: 'MITTENS-L', quantity: 1, unitPrice: 349, vatPercentage: 25 },
					{ code: 'SCARF-GREY', quantity: 1, unitPrice: 400, vatPercentage: 25 },
					{ code: 'SOCKS-3942', quantity: 2, unitPrice: 149, vatPercentage: 25 },
				],
			},
			skippedLines: [
				{
					line: 1,
					title: 'Winter Kit',
					reason: 'bundle: its parts are shipped as their own lines',
				},
			],
			notes: [],
		});
	});
});

describe('mapMagentoOrder: options and store specifics', () => {
	it('uses entity_id as reference with "Reference From: ID"', () => {
		expect(
			mapMagentoOrder(loadFixture(AT_ORDER), fixtureOptions({ referenceFrom: 'id' })).order
				.reference,
		).toBe('123');
	});

	it("takes the configurable line's SKU from the child, quantity and price from the parent", () => {
		const raw = loadFixture(AT_ORDER);
		const items = raw.items as Item[];
		items[0].sku = 'MTS'; // some stores keep the parent's own SKU on the parent row
		const { order } = mapMagentoOrder(raw, fixtureOptions());
		expect(order.orderLines[0]).toStrictEqual({
			code: 'MTS-RED-M',
			quantity: 2,
			unitPrice: 29,
			vatPercentage: 20,
		});
	});

	it('uses the billing address when there is no shipping assignment', () => {
		const raw = loadFixture(AT_ORDER);
		(raw.extension_attributes as Item).shipping_assignments = [];
		const result = mapMagentoOrder(raw, fixtureOptions({ defaultShippingCode: 'POSTI_PAKETTI' }));
		expect(result.order.customer).toStrictEqual({
			name: 'Lena Hofstätter',
			company: 'Strickstudio Hofstätter e.U.',
			address1: 'Mariahilfer Straße 45/3',
			city: 'Wien',
			countryCode: 'AT',
			zip: '1060',
			phone: '+43 660 1234567',
			email: 'lena.hofstaetter@example.at',
		});
		// the method code sat in the assignment; the description is still there but not in the map
		expect(result.notes).toEqual([
			'the order has no shipping address: the billing address is used',
			'shipping method "Flat Rate - Fixed" is not in "Shipping Method Map": default shipping code POSTI_PAKETTI used',
		]);
	});

	it('reads the pickup point from the order extension attributes too', () => {
		const raw = loadFixture(AT_ORDER);
		(raw.extension_attributes as Item).smartpost_id = 'AT-778';
		expect(
			mapMagentoOrder(raw, fixtureOptions({ pickupPointField: 'smartpost_id' })).order
				.pickUpPointCode,
		).toBe('AT-778');
	});

	it('refuses a tax percent that is not a number', () => {
		const raw = loadFixture(AT_ORDER);
		(raw.items as Item[])[2].tax_percent = 'twenty';
		expect(thrownBy(() => mapMagentoOrder(raw, fixtureOptions())).message).toBe(
			'Order 000000123, line 2: tax percent "twenty" is not a number — fix the tax rate in the store',
		);
	});

	it('numbers lines as the admin shows them (children do not count)', () => {
		const raw = loadFixture(AT_ORDER);
		(raw.items as Item[])[2].qty_ordered = 0;
		expect(thrownBy(() => mapMagentoOrder(raw, fixtureOptions())).message).toBe(
			'Order 000000123, line 2: quantity 0 is not a positive whole number — fix the quantity in the store',
		);
	});
});
