import type { IDataObject } from 'n8n-workflow';

import { wooOrder } from '../../harness/wooCommerceOrder';

export { wooOrder };

/** The product codes the suite's WooCommerce orders use; myOGO must know them. */
export const ORDER_SKUS = ['HOODIE-BLUE-L', 'WOO-BEANIE'];

/** `count` orders numbered from `first`, as the customer pays them (processing, paid now). */
export function paidOrders(first: number, count: number): IDataObject[] {
	const paidAt = new Date().toISOString().slice(0, 19);
	return Array.from({ length: count }, (_, i) =>
		wooOrder(String(first + i), 'processing', { date_paid_gmt: paidAt }),
	);
}

/** The references of the orders the template sends from a node's items. */
export const referencesOf = (items: IDataObject[]) =>
	items.map((item) => String(item.reference)).sort();

/** The order number an error item names ("Order 1042: ..."), or undefined. */
export function orderNamedIn(item: IDataObject): string | undefined {
	return /Order (\S+?):/.exec(String(item.error ?? ''))?.[1];
}
