/**
 * Changes made to an order in the Shopify fake through its Admin APIs, as a clerk or another app
 * makes them: each fires the webhooks real Shopify fires (orders/updated). Not counted as the
 * template's calls by tests that clear the request log afterwards.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import type { RunningShopifyFake } from './shopify';

function admin(fake: RunningShopifyFake) {
	return axios.create({
		baseURL: fake.adminUrl,
		headers: { 'X-Shopify-Access-Token': fake.accessToken },
	});
}

/** The buyer's street corrected in Shopify's admin (REST `PUT /orders/{id}.json`). */
export async function editShopifyAddress(
	fake: RunningShopifyFake,
	orderId: unknown,
	address1: string,
): Promise<void> {
	const api = admin(fake);
	const { order } = (await api.get(`/orders/${String(orderId)}.json`)).data as {
		order: IDataObject;
	};
	await api.put(`/orders/${String(orderId)}.json`, {
		order: { shipping_address: { ...(order.shipping_address as IDataObject), address1 } },
	});
}

/**
 * Every line of the order fulfilled with a tracking code, as the tracking template does once the
 * warehouse shipped it (GraphQL `fulfillmentCreate` on the order's fulfillment order).
 */
export async function fulfilShopifyOrder(
	fake: RunningShopifyFake,
	orderName: string,
	trackingNumber: string,
): Promise<void> {
	const api = admin(fake);
	const found = (
		await api.post('/graphql.json', {
			query: `query Find($query: String!) { orders(first: 1, query: $query) { nodes { fulfillmentOrders(first: 5) { nodes { id } } } } }`,
			variables: { query: `name:${orderName}` },
		})
	).data as { data: { orders: { nodes: Array<{ fulfillmentOrders: { nodes: IDataObject[] } }> } } };
	const [fulfillmentOrder] = found.data.orders.nodes[0]!.fulfillmentOrders.nodes;
	const reply = (
		await api.post('/graphql.json', {
			query: `mutation Fulfil($fulfillment: FulfillmentInput!) { fulfillmentCreate(fulfillment: $fulfillment) { userErrors { message } } }`,
			variables: {
				fulfillment: {
					lineItemsByFulfillmentOrder: [{ fulfillmentOrderId: fulfillmentOrder!.id }],
					notifyCustomer: true,
					trackingInfo: { company: 'Posti', numbers: [trackingNumber] },
				},
			},
		})
	).data as { data: { fulfillmentCreate: { userErrors: IDataObject[] } } };
	if (reply.data.fulfillmentCreate.userErrors.length > 0)
		throw new Error(`fulfillmentCreate refused: ${JSON.stringify(reply.data)}`);
}
