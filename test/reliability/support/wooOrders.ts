import type { IDataObject } from 'n8n-workflow';

/** The product codes the suite's WooCommerce orders use; myOGO must know them. */
export const ORDER_SKUS = ['HOODIE-BLUE-L', 'WOO-BEANIE'];

/** A WooCommerce order as the REST API and webhooks carry it (two lines, German address). */
export function wooOrder(number: string, status: string, extra: IDataObject = {}): IDataObject {
	return {
		number,
		status,
		currency: 'EUR',
		total: '104.80',
		prices_include_tax: true,
		billing: { first_name: 'Jürgen', last_name: 'Weiß', email: 'j@example.de', phone: '+4930123', country: 'DE' },
		shipping: { first_name: 'Jürgen', last_name: 'Weiß', address_1: 'Hauptstraße 5', city: 'Berlin', postcode: '10115', country: 'DE' },
		line_items: [
			{ id: 1, name: 'Hoodie - Blue, L', quantity: 2, sku: 'HOODIE-BLUE-L', price: 42.016807, subtotal: '84.03', subtotal_tax: '15.97', total: '84.03', total_tax: '15.97', product_id: 40, variation_id: 45 },
			{ id: 2, name: 'Mütze', quantity: 1, sku: 'WOO-BEANIE', price: 15.12605, subtotal: '15.13', subtotal_tax: '2.87', total: '15.13', total_tax: '2.87', product_id: 52, variation_id: 0 },
		],
		shipping_lines: [{ id: 3, method_title: 'Flat rate', method_id: 'flat_rate', instance_id: '1', total: '4.87', total_tax: '0.93' }],
		...extra,
	};
}

/** `count` orders numbered from `first`, as the customer pays them (processing, paid now). */
export function paidOrders(first: number, count: number): IDataObject[] {
	const paidAt = new Date().toISOString().slice(0, 19);
	return Array.from({ length: count }, (_, i) => wooOrder(String(first + i), 'processing', { date_paid_gmt: paidAt }));
}

/** The references of the orders the template sends from a node's items. */
export const referencesOf = (items: IDataObject[]) => items.map((item) => String(item.reference)).sort();

/** The order number an error item names ("Order 1042: ..."), or undefined. */
export function orderNamedIn(item: IDataObject): string | undefined {
	return /Order (\S+?):/.exec(String(item.error ?? ''))?.[1];
}
