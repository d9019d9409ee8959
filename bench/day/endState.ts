/**
 * The end of the day, checked on both sides: myOGO as the sandbox holds it (read in process, so the
 * checks add no call to the request log that the call counts come from) against the store fake.
 */
import type { IDataObject } from 'n8n-workflow';

import { changedProductFields } from '../../nodes/MyOgo/actions/product/compare';
import type { OrderRoles } from './dayPlan';
import type { DayStore, PlacedOrder } from './dayStore';

/** The sandbox's live state (sandbox/myogo/store.js), the parts the checks read. */
interface MyOgoState {
	orders: {
		rows: Map<string, { status: string; fields: IDataObject; trackingNumber: string | null }>;
	};
	products: { rows: Map<string, IDataObject> };
	stock: { rows: Map<string, { stockAvailable: number }> };
}

export interface Check {
	name: string;
	ok: boolean;
	/** What is wrong, at most a few examples. */
	detail: string;
}

export interface DayFacts {
	placed: Map<number, PlacedOrder>;
	roles: OrderRoles;
	/** The street each edited order moved to, by order number. */
	streets: Map<number, string>;
	/** The tracking code the warehouse gave each shipped order, by order number. */
	tracking: Map<number, string>;
}

const examples = (wrong: string[]) =>
	wrong.length ? `${wrong.length} wrong: ${wrong.slice(0, 4).join('; ')}` : '';

const check = (name: string, wrong: string[]): Check => ({
	name,
	ok: wrong.length === 0,
	detail: examples(wrong),
});

export async function endStateChecks(
	store: DayStore,
	myOgoState: unknown,
	facts: DayFacts,
): Promise<Check[]> {
	const myOgo = myOgoState as MyOgoState;
	const orders = myOgo.orders.rows;
	const placed = [...facts.placed.entries()];
	const referenceOf = (order: number) => facts.placed.get(order)!.reference;

	// A paid order cancelled before it reached myOGO is never sent (the orders templates read the
	// current order first): absent is right for it, active would be wrong.
	const cancelled = new Set(
		[...facts.roles.cancelled].filter((n) => facts.placed.has(n)).map(referenceOf),
	);
	const neverSent = [...cancelled].filter((reference) => !orders.has(reference)).length;
	const missing = placed
		.filter(([, p]) => !cancelled.has(p.reference) && !orders.has(p.reference))
		.map(([, p]) => `${p.reference} not in myOGO`);
	const extra = [...orders.keys()]
		.filter((reference) => !placed.some(([, p]) => p.reference === reference))
		.map((reference) => `${reference} in myOGO, not a paid order of the day`);

	const notCancelled = [...cancelled]
		.filter((reference) => orders.has(reference) && orders.get(reference)!.status !== 'cancelled')
		.map((reference) => `${reference} is ${orders.get(reference)!.status} in myOGO`);

	const notEdited = [...facts.streets.entries()]
		.filter(
			([n, street]) =>
				(orders.get(referenceOf(n))?.fields.customer as IDataObject)?.address1 !== street,
		)
		.map(
			([n, street]) =>
				`${referenceOf(n)} has "${(orders.get(referenceOf(n))?.fields.customer as IDataObject)?.address1}", not "${street}"`,
		);

	const linesWrong = [...facts.roles.lineLeftOut]
		.filter((n) => facts.placed.has(n))
		.filter(
			(n) =>
				(orders.get(referenceOf(n))?.fields.orderLines as IDataObject[] | undefined)?.length !== 1,
		)
		.map(
			(n) =>
				`${referenceOf(n)} holds ${(orders.get(referenceOf(n))?.fields.orderLines as IDataObject[] | undefined)?.length ?? 0} lines, not the 1 with a SKU`,
		);

	const storeLevels = await store.levels();
	const levelsWrong = store.skus
		.filter((sku) => storeLevels[sku] !== myOgo.stock.rows.get(sku)?.stockAvailable)
		.map(
			(sku) =>
				`${sku}: shop ${storeLevels[sku]}, myOGO ${myOgo.stock.rows.get(sku)?.stockAvailable}`,
		);

	const productsWrong: string[] = [];
	for (const wanted of await store.productsForMyOgo()) {
		const stored = myOgo.products.rows.get(String(wanted.code));
		if (!stored) productsWrong.push(`${wanted.code} not in myOGO`);
		else {
			const fields = changedProductFields(wanted, stored);
			if (fields.length) productsWrong.push(`${wanted.code}: ${fields.join(', ')} differ`);
		}
	}

	const trackingWrong: string[] = [];
	for (const [n, code] of facts.tracking) {
		const codes = await store.trackingCodes(facts.placed.get(n)!);
		if (!codes.includes(code))
			trackingWrong.push(`${referenceOf(n)} shows [${codes.join(', ')}], not ${code}`);
	}

	return [
		check(
			`every paid order once in myOGO, by the shop's own number (${placed.length - cancelled.size} not cancelled)`,
			[...missing, ...extra],
		),
		check(
			`cancels applied (${cancelled.size}, ${neverSent} of them cancelled before they reached myOGO: never sent)`,
			notCancelled,
		),
		check(`edits applied (${facts.streets.size})`, notEdited),
		check(
			`orders with a line left out hold their other lines (${facts.roles.lineLeftOut.size})`,
			linesWrong,
		),
		check(`levels equal, shop vs myOGO (${store.skus.length} SKUs)`, levelsWrong),
		check(
			`products equal, myOGO = the shop's data (${myOgo.products.rows.size} products)`,
			productsWrong,
		),
		check(
			`every shipped order's tracking code in the shop (${facts.tracking.size})`,
			trackingWrong,
		),
	];
}

export const checkLine = (c: Check) =>
	`${c.ok ? '✓' : '✗'} ${c.name}${c.ok ? '' : `: ${c.detail}`}`;
