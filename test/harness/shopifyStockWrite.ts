/**
 * A stock write to the Shopify fake as the stock template makes it (absolute quantities over
 * GraphQL's inventorySetQuantities), so that a test sees what Shopify sends back for it: one
 * `inventory_levels/update` per level and one `products/update` per product (sandbox/README.md,
 * "An inventory write"). Also finds a template's trigger by type and topic, so renamed nodes do
 * not matter.
 */
import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import type { RunningShopifyFake } from './shopify';
import type { Template } from './templates';

const SET_STOCK = `mutation($input: InventorySetQuantitiesInput!, $key: String!) {
	inventorySetQuantities(input: $input) @idempotent(key: $key) { userErrors { code } }
}`;

let writes = 0;

/**
 * Sets every variant's stock at Location 1 to `quantity`, 250 levels a write (the most one
 * inventorySetQuantities takes, and what the stock template sends); fails on a user error.
 * Answers the number of writes.
 */
export async function writeStockToEveryVariant(
	fake: RunningShopifyFake,
	quantity: number,
): Promise<number> {
	const admin = axios.create({
		baseURL: fake.adminUrl,
		headers: { 'X-Shopify-Access-Token': fake.accessToken },
	});
	let after: string | null = null;
	let count = 0;
	for (;;) {
		const page = (
			await admin.post('/graphql.json', {
				query: `query($after: String) { productVariants(first: 250, after: $after) {
					pageInfo { hasNextPage endCursor } nodes { inventoryItem { id } } } }`,
				variables: { after },
			})
		).data.data.productVariants as {
			pageInfo: { hasNextPage: boolean; endCursor: string };
			nodes: Array<{ inventoryItem: IDataObject }>;
		};
		const write = await admin.post('/graphql.json', {
			query: SET_STOCK,
			variables: {
				key: `stock-write-${++writes}`,
				input: {
					name: 'available',
					reason: 'correction',
					quantities: page.nodes.map((v) => ({
						inventoryItemId: v.inventoryItem.id,
						locationId: 'gid://shopify/Location/1',
						quantity,
						changeFromQuantity: null,
					})),
				},
			},
		});
		const errors = write.data.data?.inventorySetQuantities?.userErrors;
		if (!Array.isArray(errors) || errors.length)
			throw new Error(`the stock write failed: ${JSON.stringify(write.data)}`);
		count++;
		if (!page.pageInfo.hasNextPage) return count;
		after = page.pageInfo.endCursor;
	}
}

/** The name of the template's trigger node of `type` (and, for Shopify, `topic`). */
export function triggerName(template: Template, type: string, topic?: string): string {
	const node = template.nodes.find(
		(n) => n.type === type && (topic === undefined || n.parameters?.topic === topic),
	);
	if (!node) throw new Error(`no ${type} ${topic ?? ''} trigger in the template`);
	return node.name;
}
