// @ts-check
'use strict';

/**
 * The store side of the demo shop that `npm start` runs: the same Nordic Merch Co. catalog as the
 * myOGO sandbox's demo (sandbox/myogo/seed/demoShop.js), as a WooCommerce shop and as a Shopify shop, with
 * the T-shirts and hoodies as products with variants, store stock that differs a little from the
 * warehouse's (so the stock template has something to correct), and a few paid orders that have not
 * reached myOGO yet (so the orders templates have something to send).
 */

const { demoShop } = require('../../sandbox/myogo/seed/demoShop');

/** @param {string} code */
function warehouseProduct(code) {
	const product = demoShop.products.find((p) => p.code === code);
	if (!product) throw new Error(`the sandbox's demo shop has no product ${code}`);
	return product;
}

/** The catalog as the store shows it: variable products group the warehouse's variant SKUs. */
const CATALOG = [
	{
		title: 'Logo T-shirt',
		option: 'Colour / size',
		variants: [
			['TSHIRT-BLUE-S', 'Blue / S'],
			['TSHIRT-BLUE-M', 'Blue / M'],
			['TSHIRT-BLUE-L', 'Blue / L'],
			['TSHIRT-BLACK-M', 'Black / M'],
			['TSHIRT-BLACK-L', 'Black / L'],
		],
	},
	{
		title: 'Zip hoodie',
		option: 'Size',
		variants: [
			['HOODIE-GREY-M', 'Grey / M'],
			['HOODIE-GREY-L', 'Grey / L'],
		],
	},
	{ title: 'Baseball cap, navy', variants: [['CAP-NAVY']] },
	{ title: 'Knitted beanie, black', variants: [['BEANIE-BLACK']] },
	{ title: 'Sports socks, 3 pairs', variants: [['SOCKS-3PACK']] },
	{ title: 'Canvas tote bag', variants: [['TOTE-NATURAL']] },
	{ title: 'Enamel mug with logo', variants: [['MUG-LOGO']] },
];

/** What the store believes it has: the warehouse's count plus a drift the stock template corrects. */
const STORE_STOCK = /** @type {Record<string, number>} */ ({
	'TSHIRT-BLUE-S': 40,
	'TSHIRT-BLUE-M': 20,
	'TSHIRT-BLUE-L': 2,
	'TSHIRT-BLACK-M': 8,
	'TSHIRT-BLACK-L': 5,
	'HOODIE-GREY-M': 12,
	'HOODIE-GREY-L': 4,
	'CAP-NAVY': 60,
	'BEANIE-BLACK': 1,
	'SOCKS-3PACK': 118,
	'TOTE-NATURAL': 33,
	'MUG-LOGO': 25,
});

/** Customers of the paid demo orders, with the lines they bought. */
const BUYERS = [
	{
		first: 'Liisa',
		last: 'Korhonen',
		street: 'Aleksanterinkatu 21',
		city: 'Helsinki',
		zip: '00100',
		country: 'FI',
		email: 'liisa.korhonen@example.com',
		lines: [
			['HOODIE-GREY-L', 1],
			['SOCKS-3PACK', 2],
		],
		method: ['Posti parcel', 'flat_rate'],
	},
	{
		first: 'Mikko',
		last: 'Nieminen',
		street: 'Kauppakatu 8',
		city: 'Jyväskylä',
		zip: '40100',
		country: 'FI',
		email: 'mikko.nieminen@example.com',
		lines: [
			['TSHIRT-BLUE-S', 1],
			['MUG-LOGO', 1],
		],
		method: ['Matkahuolto pickup', 'local_pickup'],
	},
	{
		first: 'Sara',
		last: 'Berg',
		street: 'Drottninggatan 45',
		city: 'Stockholm',
		zip: '11121',
		country: 'SE',
		email: 'sara.berg@example.com',
		lines: [
			['TOTE-NATURAL', 1],
			['CAP-NAVY', 1],
		],
		method: ['Posti parcel', 'flat_rate'],
	},
];

/** @param {number} hoursAgo */
function isoHoursAgo(hoursAgo) {
	return new Date(Date.now() - hoursAgo * 3600_000).toISOString().replace(/\.\d{3}Z$/, '');
}

/** @param {number} value */
const money = (value) => value.toFixed(2);

/** The body of the WooCommerce fake's `POST /_fake/seed`. */
function wooCommerceDemoShop() {
	const products = CATALOG.map((entry) => {
		const first = warehouseProduct(entry.variants[0][0]);
		if (entry.variants.length === 1) {
			return {
				name: entry.title,
				type: 'simple',
				sku: first.code,
				regular_price: money(first.salesPrice),
				description: first.description,
				manage_stock: true,
				stock_quantity: STORE_STOCK[first.code],
				meta_data: [{ key: '_ean', value: first.eanCode }],
			};
		}
		return {
			name: entry.title,
			type: 'variable',
			description: first.description,
			attributes: [
				{ name: entry.option, variation: true, options: entry.variants.map(([, label]) => label) },
			],
			variations: entry.variants.map(([code, label]) => ({
				sku: code,
				regular_price: money(warehouseProduct(code).salesPrice),
				manage_stock: true,
				stock_quantity: STORE_STOCK[code],
				attributes: [{ name: entry.option, option: label }],
				meta_data: [{ key: '_ean', value: warehouseProduct(code).eanCode }],
			})),
		};
	});
	const orders = BUYERS.map((buyer, index) => {
		const lines = buyer.lines.map(([code, quantity], lineIndex) => {
			const product = warehouseProduct(String(code));
			const gross = product.salesPrice * Number(quantity);
			const net = gross / 1.255;
			return {
				id: 100 + index * 10 + lineIndex,
				name: product.name,
				sku: product.code,
				quantity,
				price: Number((product.salesPrice / 1.255).toFixed(6)),
				subtotal: money(net),
				subtotal_tax: money(gross - net),
				total: money(net),
				total_tax: money(gross - net),
			};
		});
		const total = buyer.lines.reduce(
			(sum, [code, quantity]) => sum + warehouseProduct(String(code)).salesPrice * Number(quantity),
			5.9,
		);
		const address = {
			first_name: buyer.first,
			last_name: buyer.last,
			address_1: buyer.street,
			city: buyer.city,
			postcode: buyer.zip,
			country: buyer.country,
		};
		return {
			status: 'processing',
			currency: 'EUR',
			total: money(total),
			prices_include_tax: true,
			billing: { ...address, email: buyer.email, phone: '+358401112233' },
			shipping: address,
			line_items: lines,
			shipping_lines: [
				{
					id: 900 + index,
					method_title: buyer.method[0],
					method_id: buyer.method[1],
					total: '4.70',
					total_tax: '1.20',
				},
			],
			payment_method: 'stripe',
			date_created_gmt: isoHoursAgo(3 - index),
			date_paid_gmt: isoHoursAgo(3 - index),
		};
	});
	return { products, orders };
}

/** The body of the Shopify fake's `POST /_fake/seed`. */
function shopifyDemoShop() {
	const products = CATALOG.map((entry) => ({
		title: entry.title,
		body_html: `<p>${warehouseProduct(entry.variants[0][0]).description}</p>`,
		vendor: 'Nordic Merch Co.',
		product_type: warehouseProduct(entry.variants[0][0]).group,
		status: 'active',
		variants: entry.variants.map(([code, label]) => ({
			sku: code,
			price: money(warehouseProduct(code).salesPrice),
			barcode: warehouseProduct(code).eanCode,
			weight: 0.3,
			weight_unit: 'kg',
			inventory_quantity: STORE_STOCK[code],
			option1: label ?? 'Default Title',
		})),
	}));
	const orders = BUYERS.map((buyer) => ({
		email: buyer.email,
		financial_status: 'paid',
		line_items: buyer.lines.map(([code, quantity]) => ({
			sku: code,
			quantity,
			price: money(warehouseProduct(String(code)).salesPrice),
		})),
		shipping_address: {
			first_name: buyer.first,
			last_name: buyer.last,
			address1: buyer.street,
			city: buyer.city,
			zip: buyer.zip,
			country_code: buyer.country,
		},
		shipping_lines: [
			{
				title: buyer.method[1] === 'local_pickup' ? 'Express' : 'Standard',
				code: buyer.method[1] === 'local_pickup' ? 'express' : 'standard',
				price: '5.90',
			},
		],
	}));
	return { products, orders };
}

module.exports = {
	wooCommerceDemoShop,
	shopifyDemoShop,
	CATALOG,
	STORE_STOCK,
	BUYERS,
	warehouseProduct,
};
