import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { myOgoList, myOgoPages, myOgoRequest } from '../transport';

// The myOGO calls several operations make the same way, and how their failures are told apart.

/**
 * A Get Many: honours Return All / Limit, pages through myOGO (250 rows a page), and applies an
 * optional filter myOGO cannot do itself, reading only as many pages as the limit needs.
 */
export async function listRows(
	context: IExecuteFunctions,
	itemIndex: number,
	path: string,
	qs: IDataObject,
	keep?: (row: IDataObject) => boolean,
): Promise<IDataObject[]> {
	const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll
		? undefined
		: Math.max(1, Number(context.getNodeParameter('limit', itemIndex, 50)));
	if (!keep) return await myOgoList.call(context, { path, qs, limit, itemIndex });
	const rows: IDataObject[] = [];
	for await (const page of myOgoPages.call(context, { path, qs, itemIndex })) {
		for (const row of page) {
			if (!keep(row)) continue;
			rows.push(row);
			if (limit !== undefined && rows.length >= limit) return rows;
		}
	}
	return rows;
}

/**
 * The first row a list endpoint gives for a key (e.g. `/orders?reference=1042`), or undefined when
 * it lists none. The Get operations, Create or Update's product lookup and the status read after a
 * refused order write all find one record this way, so the query and the empty case live here.
 */
export async function firstRow(
	context: IExecuteFunctions,
	path: string,
	key: IDataObject,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const rows = (await myOgoRequest.call(context, {
		method: 'GET',
		path,
		qs: { ...key, limit: 1 },
		itemIndex,
	})) as IDataObject[];
	return Array.isArray(rows) && rows.length > 0 ? rows[0] : undefined;
}

/** True for an HTTP error from the transport with this status. */
export function hasStatus(error: unknown, status: number): boolean {
	return String((error as { httpCode?: unknown })?.httpCode ?? '') === String(status);
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: Error };

/** A call's value, or the error it failed with (the transport's NodeApiError), to branch on its status. */
export async function settle<T>(call: Promise<T>): Promise<Settled<T>> {
	return await call.then(
		(value): Settled<T> => ({ ok: true, value }),
		(error: Error): Settled<T> => ({ ok: false, error }),
	);
}
