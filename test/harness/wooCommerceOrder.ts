import type { IDataObject } from 'n8n-workflow';

import type { TestBed } from '../trigger/helpers';

/** A WooCommerce order as the REST API and webhooks carry it (two lines, German address). */
export function wooOrder(number: string, status: string, extra: IDataObject = {}): IDataObject {
	return {
		number,
		status,
		currency: 'EUR',
		total: '104.80',
		prices_include_tax: true,
		billing: {
			first_name: 'Jürgen',
			last_name: 'Weiß',
			email: 'j@example.de',
			phone: '+4930123',
			country: 'DE',
		},
		shipping: {
			first_name: 'Jürgen',
			last_name: 'Weiß',
			address_1: 'Hauptstraße 5',
			city: 'Berlin',
			postcode: '10115',
			country: 'DE',
		},
		line_items: [
			{
				id: 1,
				name: 'Hoodie - Blue, L',
				quantity: 2,
				sku: 'HOODIE-BLUE-L',
				price: 42.016807,
				subtotal: '84.03',
				subtotal_tax: '15.97',
				total: '84.03',
				total_tax: '15.97',
				product_id: 40,
				variation_id: 45,
			},
			{
				id: 2,
				name: 'Mütze',
				quantity: 1,
				sku: 'WOO-BEANIE',
				price: 15.12605,
				subtotal: '15.13',
				subtotal_tax: '2.87',
				total: '15.13',
				total_tax: '2.87',
				product_id: 52,
				variation_id: 0,
			},
		],
		shipping_lines: [
			{
				id: 3,
				method_title: 'Flat rate',
				method_id: 'flat_rate',
				instance_id: '1',
				total: '4.87',
				total_tax: '0.93',
			},
		],
		...extra,
	};
}

/** Seeds myOGO with the products of `wooOrder`'s two lines, so orders built from it are accepted. */
export function seedWooOrderProducts(bed: TestBed): Promise<unknown> {
	return bed.control.post('/seed', {
		products: ['HOODIE-BLUE-L', 'WOO-BEANIE'].map((code) => ({
			code,
			languageCode: 'en',
			name: code,
		})),
	});
}
