// @ts-check
'use strict';

/**
 * A small, believable demo shop for `node sandbox/cli.js --seed`: a Finnish
 * merch store with a dozen products (T-shirts and hoodies in variant SKUs),
 * stock levels, two orders (one waiting, one shipped) and one delivery on
 * its way in. In the body format of `POST /_sandbox/seed`.
 */

/**
 * @param {string} code
 * @param {string} name
 * @param {string} group
 * @param {string} ean
 * @param {number} salesPrice
 * @param {number} supplyPrice
 * @param {string} hsCode
 */
const product = (code, name, group, ean, salesPrice, supplyPrice, hsCode) => ({
	code,
	languageCode: 'en',
	name,
	description: `${name}, from the Nordic Merch Co. collection.`,
	supplier: 'Nordic Textiles Oy',
	supplierCode: `NT-${code}`,
	group,
	eanCode: ean,
	supplyPrice,
	salesPrice,
	currencyCode: 'EUR',
	infoUrl: `https://shop.example.com/products/${code.toLowerCase()}`,
	pictureUrl: `https://shop.example.com/images/${code.toLowerCase()}.jpg`,
	countryOfOrigin: 'PT',
	customsDescription: `${group} of cotton`,
	hsCode,
});

const demoShop = {
	products: [
		product(
			'TSHIRT-BLUE-S',
			'Logo T-shirt, blue, S',
			'T-shirts',
			'6430012345012',
			24.9,
			7.2,
			'61091000',
		),
		product(
			'TSHIRT-BLUE-M',
			'Logo T-shirt, blue, M',
			'T-shirts',
			'6430012345029',
			24.9,
			7.2,
			'61091000',
		),
		product(
			'TSHIRT-BLUE-L',
			'Logo T-shirt, blue, L',
			'T-shirts',
			'6430012345036',
			24.9,
			7.2,
			'61091000',
		),
		product(
			'TSHIRT-BLACK-M',
			'Logo T-shirt, black, M',
			'T-shirts',
			'6430012345043',
			24.9,
			7.2,
			'61091000',
		),
		product(
			'TSHIRT-BLACK-L',
			'Logo T-shirt, black, L',
			'T-shirts',
			'6430012345050',
			24.9,
			7.2,
			'61091000',
		),
		product(
			'HOODIE-GREY-M',
			'Zip hoodie, grey, M',
			'Hoodies',
			'6430012345067',
			59.0,
			19.5,
			'61102090',
		),
		product(
			'HOODIE-GREY-L',
			'Zip hoodie, grey, L',
			'Hoodies',
			'6430012345074',
			59.0,
			19.5,
			'61102090',
		),
		product(
			'CAP-NAVY',
			'Baseball cap, navy',
			'Accessories',
			'6430012345081',
			19.9,
			4.1,
			'65050090',
		),
		product(
			'BEANIE-BLACK',
			'Knitted beanie, black',
			'Accessories',
			'6430012345098',
			17.5,
			3.8,
			'65050090',
		),
		product(
			'SOCKS-3PACK',
			'Sports socks, 3 pairs',
			'Accessories',
			'6430012345104',
			12.9,
			2.9,
			'61159500',
		),
		product('TOTE-NATURAL', 'Canvas tote bag', 'Bags', '6430012345111', 14.9, 3.1, '42022290'),
		product('MUG-LOGO', 'Enamel mug with logo', 'Home', '6430012345128', 16.0, 4.4, '73239100'),
	],
	stock: [
		{ code: 'TSHIRT-BLUE-S', stockAvailable: 42, reserved: 1 },
		{ code: 'TSHIRT-BLUE-M', stockAvailable: 17, reserved: 2 },
		{ code: 'TSHIRT-BLUE-L', stockAvailable: 0, reserved: 0 },
		{ code: 'TSHIRT-BLACK-M', stockAvailable: 8, reserved: 0 },
		{ code: 'TSHIRT-BLACK-L', stockAvailable: 3, reserved: 1 },
		{ code: 'HOODIE-GREY-M', stockAvailable: 12, reserved: 0 },
		{ code: 'HOODIE-GREY-L', stockAvailable: 5, reserved: 0 },
		{ code: 'CAP-NAVY', stockAvailable: 64, reserved: 0 },
		{ code: 'BEANIE-BLACK', stockAvailable: 0, reserved: 0 },
		{ code: 'SOCKS-3PACK', stockAvailable: 120, reserved: 0 },
		{ code: 'TOTE-NATURAL', stockAvailable: 33, reserved: 0 },
		{ code: 'MUG-LOGO', stockAvailable: 21, reserved: 0 },
	],
	orders: [
		{
			reference: 'WEB-1001',
			shippingCode: 'POSTI_SMARTPOST',
			pickUpPointCode: '0015500',
			comments: 'Gift wrap, please.',
			priceTotal: 74.7,
			priceCurrency: 'EUR',
			customer: {
				name: 'Aino Virtanen',
				address1: 'Mannerheimintie 12 B 7',
				city: 'Helsinki',
				countryCode: 'FI',
				zip: '00100',
				phone: '+358401234567',
				email: 'aino.virtanen@example.com',
			},
			orderLines: [
				{ code: 'TSHIRT-BLUE-M', quantity: 2, unitPrice: 24.9, vatPercentage: 25.5 },
				{ code: 'TSHIRT-BLACK-L', quantity: 1, unitPrice: 24.9, vatPercentage: 25.5 },
			],
		},
		{
			reference: 'WEB-1000',
			status: 'shipped',
			shippingCode: 'POSTI_PAKETTI',
			priceTotal: 78.9,
			priceCurrency: 'EUR',
			customer: {
				name: 'Erik Lindqvist',
				address1: 'Hämeenkatu 5',
				city: 'Tampere',
				countryCode: 'FI',
				zip: '33100',
				email: 'erik.lindqvist@example.com',
			},
			orderLines: [
				{ code: 'HOODIE-GREY-M', quantity: 1, unitPrice: 59.0, vatPercentage: 25.5 },
				{ code: 'CAP-NAVY', quantity: 1, unitPrice: 19.9, vatPercentage: 25.5 },
			],
			trackingNumber: 'JJFI64512300012345678',
			trackingUrl: 'https://www.posti.fi/fi/seuranta#/lahetys/JJFI64512300012345678',
			warehouseComments: 'Packed in one parcel.',
		},
	],
	incomingStock: [
		{
			reference: 'PO-2026-031',
			supplier: 'Nordic Textiles Oy',
			receiveDate: '2026-12-10T08:00:00Z',
			parcels: 3,
			deliveredBy: 'DB Schenker',
			trackingCodes: ['SCH123456789'],
			products: [
				{
					code: 'TSHIRT-BLUE-L',
					name: 'Logo T-shirt, blue, L',
					expectedQuantity: 60,
					countryOfOrigin: 'PT',
					hsCode: '61091000',
				},
				{
					code: 'BEANIE-BLACK',
					name: 'Knitted beanie, black',
					expectedQuantity: 40,
					countryOfOrigin: 'PT',
					hsCode: '65050090',
				},
			],
		},
	],
};

module.exports = { demoShop };
