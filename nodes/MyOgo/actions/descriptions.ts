import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_PARALLEL_REQUESTS, MAX_PARALLEL_REQUESTS } from './runItems';

// Parameter descriptions several operations show.

/** The "Parallel Requests" option every writing operation shows (read once per run by `runItems`). */
export const parallelRequestsOption: INodeProperties = {
	displayName: 'Parallel Requests',
	name: 'parallelRequests',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_REQUESTS, numberPrecision: 0 },
	default: DEFAULT_PARALLEL_REQUESTS,
	description: `How many items are sent to myOGO at the same time (1–${MAX_PARALLEL_REQUESTS}). myOGO v1 has no bulk write, so each item is one call; more at once finishes big batches sooner.`,
	hint: 'If myOGO answers 429 (too many requests), the node waits as myOGO asks and retries; lower this number if that happens often',
};

/** The `options` collection of a writing operation: Parallel Requests plus any operation-specific options. */
export function writeOptions(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [...extra, parallelRequestsOption].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}

/** n8n's conventional Return All / Limit pair for Get Many operations. */
export const returnAllAndLimit: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

/** The "Modified After" filter: only what changed since. */
export const modifiedAfterFilter: INodeProperties = {
	displayName: 'Modified After',
	name: 'modifiedAfter',
	type: 'dateTime',
	default: '',
	description:
		'Only rows changed strictly after this time (a time without an offset is UTC). Use it to fetch only what changed since the last run.',
};

/** The product of an order line or an incoming stock line: the code of a product myOGO already has. */
export const lineProductCodeField: INodeProperties = {
	displayName: 'Product Code (SKU)',
	name: 'code',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. TSHIRT-BLUE-M',
	description: 'Code of a product that exists in myOGO',
};

/**
 * The product code parameter: "From List" (searchable, paged through Get Many) and "By Code", or
 * only "By Code" where the product need not exist yet (`forNewCode`, e.g. Create).
 */
export function productLocator(
	description: string,
	options: { required?: boolean; forNewCode?: boolean } = {},
): INodeProperties {
	const byCode = {
		displayName: 'By Code',
		name: 'id',
		type: 'string' as const,
		placeholder: 'e.g. TSHIRT-BLUE-M',
		validation: [
			{
				type: 'regex' as const,
				properties: { regex: '.*\\S.*', errorMessage: 'Enter a product code' },
			},
		],
	};
	const fromList = {
		displayName: 'From List',
		name: 'list',
		type: 'list' as const,
		placeholder: 'Select a product…',
		typeOptions: { searchListMethod: 'searchProducts', searchable: true },
	};
	return {
		// One name and label in every operation that takes a product code (messages: productCodeOf).
		displayName: 'Product Code (SKU)',
		name: 'productCode',
		type: 'resourceLocator',
		default: { mode: options.forNewCode ? 'id' : 'list', value: '' },
		required: options.required ?? true,
		description,
		modes: options.forNewCode ? [byCode] : [fromList, byCode],
	};
}
