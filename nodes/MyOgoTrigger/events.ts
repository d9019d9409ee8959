import type { IDataObject } from 'n8n-workflow';

import { tidyOrder, tidyProduct, trackingNumbersOf } from '../MyOgo/shared/output';
import type { ChangeFeed } from './cursor/changes';

export type PollEvent =
	| 'orderStatusChanged'
	| 'orderShipped'
	| 'stockChanged'
	| 'productChanged'
	| 'incomingStockChanged';

export interface EventSettings {
	/** Order Status Changed: the statuses to emit (lowercase). */
	statuses: string[];
}

export interface EventDefinition extends ChangeFeed {
	/** What one record is called in messages. */
	noun: string;
	/**
	 * The record's part of a change's identity; the cursor adds the modification time, so the same
	 * record changed again later is a new change, while the same change read twice is not. Order
	 * events add the status, so a status change within the same millisecond still counts.
	 */
	key(row: IDataObject): string;
	/** Whether this change is one the user asked for. */
	matches(row: IDataObject, settings: EventSettings): boolean;
	/** The item's JSON. */
	tidy(row: IDataObject): IDataObject;
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

function statusOf(row: IDataObject): string {
	return text(row.status).toLowerCase();
}

const stockRecord = (row: IDataObject) => text(row.productCode);
const productRecord = (row: IDataObject) => text(row.id ?? row.code);
const incomingStockRecord = (row: IDataObject) =>
	text(row.id ?? row.reference ?? row.autoReference);
const orderRecord = (row: IDataObject) => text(row.id ?? row.reference);
const orderKey = (row: IDataObject) => `${orderRecord(row)}#${statusOf(row)}`;

export const EVENTS: Record<PollEvent, EventDefinition> = {
	orderStatusChanged: {
		path: '/orders',
		timeField: 'editTime',
		noun: 'order',
		record: orderRecord,
		key: orderKey,
		matches: (row, settings) => settings.statuses.includes(statusOf(row)),
		tidy: tidyOrder,
	},
	orderShipped: {
		path: '/orders',
		timeField: 'editTime',
		noun: 'shipped order with a tracking number',
		record: orderRecord,
		key: orderKey,
		matches: (row) =>
			statusOf(row) === 'shipped' && trackingNumbersOf(row.trackingNumber).length > 0,
		tidy: tidyOrder,
	},
	stockChanged: {
		path: '/stock',
		timeField: 'modified',
		noun: 'stock change',
		record: stockRecord,
		key: stockRecord,
		matches: () => true,
		tidy: (row) => ({ ...row }),
	},
	productChanged: {
		path: '/products',
		timeField: 'editTime',
		noun: 'product change',
		record: productRecord,
		key: productRecord,
		matches: () => true,
		tidy: tidyProduct,
	},
	incomingStockChanged: {
		path: '/stockupdate',
		timeField: 'modified',
		noun: 'incoming stock change',
		record: incomingStockRecord,
		key: incomingStockRecord,
		matches: () => true,
		tidy: (row) => ({ ...row }),
	},
};
