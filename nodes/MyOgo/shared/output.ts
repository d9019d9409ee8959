import type { IDataObject } from 'n8n-workflow';

/** Splits myOGO's comma-joined parcel codes into a clean list. */
export function trackingNumbersOf(raw: unknown): string[] {
	if (typeof raw !== 'string') return [];
	return raw
		.split(',')
		.map((code) => code.trim())
		.filter((code) => code.length > 0);
}

/** An order as our nodes put it out: myOGO's reply, plus tracking numbers as a list. */
export function tidyOrder(order: IDataObject): IDataObject {
	return { ...order, trackingNumbers: trackingNumbersOf(order.trackingNumber) };
}

/** A product as our nodes put it out: myOGO's reply as it is (timestamps are ISO strings already). */
export function tidyProduct(product: IDataObject): IDataObject {
	return { ...product };
}
