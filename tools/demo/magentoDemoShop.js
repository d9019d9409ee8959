// @ts-check
'use strict';

/**
 * The demo shop of `npm start` as a Magento 2 shop (the body of the Magento fake's `POST /_fake/seed`):
 * the same catalog as the WooCommerce and Shopify demo shops, the T-shirts and hoodies as configurable
 * products whose options are simple products, the store's drifted stock in the `default` source, and
 * the same buyers' paid orders (state processing) that have not reached myOGO yet.
 */

const { CATALOG, STORE_STOCK, BUYERS, warehouseProduct } = require('./demoStores');

/** The simple product of a warehouse SKU, as Magento holds it. @param {string} code */
function simpleProduct(code) {
	const product = warehouseProduct(code);
	return {
		sku: code,
		name: product.name,
		price: product.salesPrice,
		quantity: STORE_STOCK[code],
		visibility: 1,
		custom_attributes: { ean: product.eanCode, description: product.description },
	};
}

function magentoDemoShop() {
	const products = CATALOG.map((entry) =>
		entry.variants.length === 1
			? { ...simpleProduct(entry.variants[0][0]), name: entry.title, visibility: 4 }
			: {
					sku: entry.variants[0][0].replace(/-[^-]+-[^-]+$/, ''),
					name: entry.title,
					type_id: 'configurable',
					children: entry.variants.map(([code]) => simpleProduct(code)),
				},
	);
	const orders = BUYERS.map((buyer) => ({
		state: 'processing',
		customer_email: buyer.email,
		shipping_method: 'flatrate_flatrate',
		payment_method: 'checkmo',
		address: {
			firstname: buyer.first,
			lastname: buyer.last,
			street: [buyer.street],
			city: buyer.city,
			postcode: buyer.zip,
			country_id: buyer.country,
			telephone: '+358401112233',
			email: buyer.email,
		},
		items: buyer.lines.map(([code, quantity]) => ({
			sku: String(code),
			name: warehouseProduct(String(code)).name,
			qty_ordered: Number(quantity),
			price: warehouseProduct(String(code)).salesPrice,
		})),
	}));
	return { products, orders };
}

module.exports = { magentoDemoShop };
