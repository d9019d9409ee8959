/**
 * One store as the day plays it: what its customers and staff do (through the fake's control API or
 * its admin API, as a person would), how it goes down, and what it holds at the end.
 */
import type { IDataObject } from 'n8n-workflow';

/** One API call from a request log: which API, and what kind of call (method, path, the query's names). */
export interface ApiCall {
	api: string;
	kind: string;
}

/** A call's kind: method and path with ids as `{id}`, plus the query's parameter names (or GraphQL operation). */
export function callKind(call: {
	method?: unknown;
	path?: unknown;
	query?: unknown;
	graphqlOperation?: unknown;
}): string {
	const path = String(call.path)
		.replace(/\/admin\/api\/[^/]+/, '')
		.replace(/\/\d+(?=\/|\.json|$)/g, '/{id}');
	const names = Object.keys((call.query as object | null) ?? {}).sort();
	const detail = call.graphqlOperation
		? ` ${String(call.graphqlOperation)}`
		: names.length
			? ` ?${names.join('&')}`
			: '';
	return `${String(call.method)} ${path}${detail}`;
}

/** An order the day placed, as both sides know it. */
export interface PlacedOrder {
	/** The store's id (what its API addresses). */
	id: string;
	/** What myOGO files it under: the store's order number, no prefix. */
	reference: string;
}

export interface DayStore {
	/** `Shopify` or `WooCommerce`. */
	name: string;
	/** The template files of this store (`shopify-` or `woocommerce-`). */
	templatePrefix: string;
	/** Every SKU the store sells (each is a myOGO product). */
	skus: string[];
	/** How many products `editProduct` cycles over (products with exactly one SKU). */
	editableProducts: number;
	/** The parent product of each variation SKU, where the store writes variations per parent. */
	parentOf: Record<string, string>;
	/**
	 * How many deliveries of a webhook `topic` the day's own store events fire (each paid order,
	 * edit, cancel, product edit); undefined for topics the day does not count.
	 */
	ownDeliveries(
		topic: string,
		day: { orders: number; edits: number; cancels: number; productEdits: number },
	): number | undefined;
	/** Empties the store and seeds its catalog; answers the products as myOGO should hold them. */
	seed(): Promise<{ products: IDataObject[]; levels: Record<string, number> }>;
	placePaidOrder(order: number, withLineLeftOut: boolean): Promise<PlacedOrder>;
	/** The shop changes the shipping street after payment (as a clerk would in the admin). */
	editOrder(order: PlacedOrder, street: string): Promise<void>;
	cancelOrder(order: PlacedOrder): Promise<void>;
	/** A new description for the `product`-th editable product. */
	editProduct(product: number, description: string): Promise<void>;
	/** The store's API answers 503 to every call until `endOutage`. */
	startOutage(): Promise<void>;
	endOutage(): Promise<void>;
	/** The level of every SKU at the location the stock template writes. */
	levels(): Promise<Record<string, number>>;
	/** Every SKU's product as the products template maps it for myOGO (myOGO's fields). */
	productsForMyOgo(): Promise<IDataObject[]>;
	/** The tracking codes the store shows on an order (empty when none). */
	trackingCodes(order: PlacedOrder): Promise<string[]>;
	/** The store's API calls so far, each with the API it belongs to (e.g. `Shopify GraphQL`) and its kind. */
	apiCalls(): Promise<ApiCall[]>;
	clearApiCalls(): Promise<void>;
	/** Webhook deliveries so far, by topic. */
	deliveriesByTopic(): Promise<Record<string, number>>;
}

/** Deliveries counted by their `topic`. */
export function countByTopic(deliveries: Array<{ topic?: unknown }>): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const d of deliveries) counts[String(d.topic)] = (counts[String(d.topic)] ?? 0) + 1;
	return counts;
}

/** The buyer of the `order`-th order of the day, and the street an edit moves it to. */
export function buyer(order: number) {
	return {
		first: 'Asiakas',
		last: `Numero ${order + 1}`,
		email: `asiakas${order + 1}@example.com`,
		street: `Kauppakatu ${order + 1}`,
		city: 'Tampere',
		zip: '33100',
		country: 'FI',
	};
}

/** The street an edited order moves to. */
export const editedStreet = (order: number) => `Hämeenkatu ${order + 1}`;

/** The description an edit gives a product. */
export const editedDescription = (edit: number) => `Edited on the day, edit ${edit + 1}.`;
