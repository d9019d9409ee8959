/**
 * The fewest API calls the day needs, per API, written out with the reason for each term. A
 * template that does its job with no wasted call reaches exactly this; `calls / minimum` is how far
 * a store's four templates are from it (target ≤ 1.1).
 *
 * What the day does is known (orders placed, edited, cancelled, shipped; stock counts; product
 * edits). What the schedules require follows from the compressed periods and the time n8n was up:
 * a poll or schedule fires at every multiple of its period (the crons of tools/day/compressTime.js
 * divide the minute, hour or day evenly), and one that fires must read at least once. Pages: the day
 * never holds more than 250 rows of one kind in one read (200 orders, 12 SKUs), so one read each.
 */

/** Compressed periods in seconds, by what the trigger does. */
export interface DayPeriods {
	stockPoll: number;
	shippedPoll: number;
	ordersCatchUp: number;
	trackingRepair: number;
	stockReconcile: number;
	productsResync: number;
}

export interface MinimumInput {
	store: 'Shopify' | 'WooCommerce';
	periods: DayPeriods;
	/** When n8n was up, as [from, to) in ms since the epoch (the restart splits the day in two). */
	upIntervals: Array<[number, number]>;
	/** Paid orders that reached myOGO (an order cancelled before it did is never sent). */
	paidOrders: number;
	editedOrders: number;
	/** Cancels of orders myOGO holds. */
	cancelledOrders: number;
	/** Paid orders cancelled before they reached myOGO: one current-order read each, no myOGO call. */
	neverSent: number;
	shippedOrders: number;
	productEdits: number;
	/** When each shipment and stock count happened (ms), and the SKUs counted. */
	shipmentTimes: number[];
	stockChanges: Array<{ time: number; sku: string }>;
	/** WooCommerce: the parent product of each variation SKU (simple products are absent). */
	parentOf: Record<string, string>;
	/** The store's webhook trigger nodes: n8n checks each one's webhook when it activates again. */
	storeWebhookTriggers: number;
	restarts: number;
}

export interface Minimum {
	api: string;
	minimum: number;
	reasons: string[];
}

/** How many times a cron of `periodSeconds` fires while n8n is up (at each multiple of the period in [from, to)). */
export function firesWhileUp(periodSeconds: number, upIntervals: Array<[number, number]>): number {
	const periodMs = periodSeconds * 1000;
	return upIntervals.reduce(
		(sum, [from, to]) => sum + Math.ceil(to / periodMs) - Math.ceil(from / periodMs),
		0,
	);
}

/**
 * The poll windows (by index) that hold at least one of `times`: each needs one run of its own. What
 * happened while n8n was down is seen by the first poll after it is up again.
 */
function windowsHolding(
	times: number[],
	periodSeconds: number,
	upIntervals: Array<[number, number]>,
): Map<number, number[]> {
	const windows = new Map<number, number[]>();
	const seenFrom = (time: number) =>
		upIntervals.find(([from, to]) => time < to && time >= from)
			? time
			: (upIntervals.find(([from]) => from > time)?.[0] ?? time);
	times.forEach((time, i) => {
		const window = Math.ceil(seenFrom(time) / (periodSeconds * 1000));
		windows.set(window, [...(windows.get(window) ?? []), i]);
	});
	return windows;
}

export function minimumCalls(input: MinimumInput): Minimum[] {
	const fires = (seconds: number) => firesWhileUp(seconds, input.upIntervals);
	const stockPolls = fires(input.periods.stockPoll);
	const shippedPolls = fires(input.periods.shippedPoll);
	const catchUps = fires(input.periods.ordersCatchUp);
	const repairs = fires(input.periods.trackingRepair);
	const reconciles = fires(input.periods.stockReconcile);
	const resyncs = fires(input.periods.productsResync);
	const orderEvents =
		input.paidOrders + input.editedOrders + input.cancelledOrders + 2 * input.neverSent;
	const stockWindows = windowsHolding(
		input.stockChanges.map((c) => c.time),
		input.periods.stockPoll,
		input.upIntervals,
	);
	const shipmentWindows = windowsHolding(
		input.shipmentTimes,
		input.periods.shippedPoll,
		input.upIntervals,
	).size;

	const myOgo: Minimum = {
		api: 'myOGO',
		minimum: 0,
		reasons: [
			`${input.paidOrders} order creates (one POST per paid order; a repeat answers 409, so no read is needed first)`,
			`${input.editedOrders} order updates (one PUT per edit)`,
			`${input.cancelledOrders} cancels (one PUT per cancel)`,
			`${input.productEdits} product updates (one PUT per product edit, each changes one myOGO product)`,
			`${stockPolls} stock polls (every ${input.periods.stockPoll} s while n8n was up, one read each)`,
			`${shippedPolls} shipped-order polls (every ${input.periods.shippedPoll} s, one read each)`,
			`${catchUps} order catch-ups (every ${input.periods.ordersCatchUp} s): one read of myOGO's orders in the window each`,
			`${repairs} tracking repairs (every ${input.periods.trackingRepair} s): one read of shipped orders each`,
			`${reconciles} stock reconciles (every ${input.periods.stockReconcile} s): one read of all stock each`,
			`${resyncs} product resyncs (every ${input.periods.productsResync} s): one read of the catalog each`,
		],
	};
	myOgo.minimum =
		input.paidOrders +
		input.editedOrders +
		input.cancelledOrders +
		input.productEdits +
		stockPolls +
		shippedPolls +
		catchUps +
		repairs +
		reconciles +
		resyncs;

	const storeRest =
		// One read of the current order per order event: a delivery may be stale or out of order.
		orderEvents +
		// One read of the store's recent orders per catch-up, one of its open orders per repair.
		catchUps +
		repairs +
		// n8n checks each store webhook once when it activates the workflows again after a restart.
		input.storeWebhookTriggers * input.restarts;
	const restReasons = [
		`${orderEvents} current-order reads (one per paid order, edit and cancel: a delivery may be stale)`,
		`${catchUps} catch-up reads of recent orders and ${repairs} repair reads of open orders`,
		`${input.storeWebhookTriggers * input.restarts} webhook checks by n8n when it activated again after the restart`,
	];

	if (input.store === 'Shopify') {
		const graphql =
			// A stock window with changes: one lookup of the SKUs' variants and one inventorySetQuantities (≤ 250 each).
			2 * stockWindows.size +
			// A shipped poll with shipments: one order lookup (by name, ≤ 250), then one fulfillmentCreate per order.
			shipmentWindows +
			input.shippedOrders +
			// A product edit: one read of the product's variants (the webhook lists at most 100).
			input.productEdits +
			// A reconcile: one lookup and one set for all SKUs; a resync: one page of variants.
			2 * reconciles +
			resyncs;
		return [
			myOgo,
			{ api: 'Shopify REST', minimum: storeRest, reasons: restReasons },
			{
				api: 'Shopify GraphQL',
				minimum: graphql,
				reasons: [
					`${2 * stockWindows.size} stock calls (${stockWindows.size} poll windows with counts × one lookup + one set)`,
					`${shipmentWindows} order lookups (poll windows with shipments) + ${input.shippedOrders} fulfillmentCreate`,
					`${input.productEdits} variant reads (one per product edit)`,
					`${2 * reconciles} reconcile calls and ${resyncs} resync pages`,
				],
			},
		];
	}

	// WooCommerce: a stock window writes each simple product in one products/batch and each parent's
	// variations in one variations/batch, after one lookup of the SKUs (≤ 100).
	let stockCalls = 0;
	for (const indexes of stockWindows.values()) {
		const skus = new Set(indexes.map((i) => input.stockChanges[i]!.sku));
		const parents = new Set([...skus].map((sku) => input.parentOf[sku]).filter(Boolean));
		const simples = [...skus].some((sku) => !input.parentOf[sku]);
		stockCalls += 1 + parents.size + (simples ? 1 : 0);
	}
	const allParents = new Set(Object.values(input.parentOf)).size;
	const woo =
		storeRest +
		stockCalls +
		// A shipped order: complete it (meta + status in one PUT), then the customer note (one POST).
		2 * input.shippedOrders +
		// A product edit: the template notes the synced version on the product (one PUT).
		input.productEdits +
		// A reconcile: one lookup, one products/batch, one variations/batch per parent.
		reconciles * (2 + allParents) +
		// A resync: one page of products, one read of each variable product's variations.
		resyncs * (1 + allParents);
	return [
		myOgo,
		{
			api: 'WooCommerce',
			minimum: woo,
			reasons: [
				...restReasons,
				`${stockCalls} stock calls (${stockWindows.size} poll windows with counts: one lookup + one batch per simple-product group and per parent)`,
				`${2 * input.shippedOrders} tracking writes (complete + customer note per shipped order)`,
				`${input.productEdits} version notes (one per product edit)`,
				`${reconciles * (2 + allParents)} reconcile calls and ${resyncs * (1 + allParents)} resync reads`,
			],
		},
	];
}
