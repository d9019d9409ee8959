import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { myOgoRequest } from '../transport';

/** Rows per page of a "From list" dropdown; n8n asks for the next page as the user scrolls. */
const LIST_PAGE_SIZE = 100;

/**
 * Products for "From list" pickers. myOGO has no name search, so a filter is matched against code
 * and name within each page as the user scrolls; "By Code" takes a code that is not listed yet.
 */
export async function searchProducts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1);
	const rows = (await myOgoRequest.call(this, {
		method: 'GET',
		path: '/products',
		qs: { limit: LIST_PAGE_SIZE, page },
	})) as IDataObject[];
	const needle = filter?.trim().toLowerCase();
	const matching = needle
		? rows.filter(
				(row) =>
					String(row.code ?? '')
						.toLowerCase()
						.includes(needle) ||
					String(row.name ?? '')
						.toLowerCase()
						.includes(needle),
			)
		: rows;
	return {
		results: matching.map((row) => ({
			name: row.name ? `${String(row.code)} — ${String(row.name)}` : String(row.code),
			value: String(row.code),
		})),
		paginationToken: rows.length === LIST_PAGE_SIZE ? String(page + 1) : undefined,
	};
}

export const listSearch = { searchProducts };
