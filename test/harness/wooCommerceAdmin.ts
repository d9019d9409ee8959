/**
 * An order changed in the WooCommerce fake through its REST API (`PUT /orders/{id}`), as a clerk in
 * the admin or the tracking template changes it: the fake fires order.updated like WooCommerce.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import type { RunningWooCommerceFake } from './templates';

/** The order after the change, as WooCommerce answers the PUT. */
export async function updateWooOrder(
	fake: RunningWooCommerceFake,
	orderId: unknown,
	body: IDataObject,
): Promise<IDataObject> {
	const response = await axios.put(`${fake.url}/wp-json/wc/v3/orders/${String(orderId)}`, body, {
		auth: { username: fake.consumerKey, password: fake.consumerSecret },
	});
	return response.data as IDataObject;
}

/** The buyer's shipping address changed (merged into the one the order has). */
export async function changeWooShipping(
	fake: RunningWooCommerceFake,
	orderId: unknown,
	shipping: IDataObject,
): Promise<IDataObject> {
	const current = (
		await axios.get(`${fake.url}/wp-json/wc/v3/orders/${String(orderId)}`, {
			auth: { username: fake.consumerKey, password: fake.consumerSecret },
		})
	).data as IDataObject;
	return await updateWooOrder(fake, orderId, {
		shipping: { ...(current.shipping as IDataObject), ...shipping },
	});
}
