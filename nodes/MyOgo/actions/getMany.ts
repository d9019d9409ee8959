import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from './descriptions';
import { filled, isoTimestamp } from './parameters';
import { listRows } from './requests';
import type { MyOgoOperation } from './operation';

/** What differs between the Get Many operations of the resources. */
export interface GetManySpec {
	/** The myOGO list endpoint, e.g. `/orders`. */
	path: string;
	/** The options of the "Filters" collection; each resource includes the Modified After filter. */
	filters: INodeProperties[];
	/** Query parameters from the filled-in filters other than Modified After, which is added after them. */
	query?: (filters: IDataObject) => IDataObject;
	/** A row filter for what myOGO cannot filter itself; undefined when no such filter is set. */
	keep?: (filters: IDataObject) => ((row: IDataObject) => boolean) | undefined;
	/** Turns a myOGO row into the item's JSON; rows are returned as they are without it. */
	tidy?: (row: IDataObject) => IDataObject;
}

/**
 * A Get Many operation: Return All / Limit, a "Filters" collection, and a paged list call. Every
 * resource lists the same way, so only the endpoint, the filters and the output shape differ.
 */
export function getManyOperation(spec: GetManySpec): MyOgoOperation {
	return {
		value: 'getAll',
		properties: [
			...returnAllAndLimit,
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: spec.filters,
			},
		],
		async execute({ itemIndex }) {
			const filters = filled(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
			const qs: IDataObject = spec.query ? spec.query(filters) : {};
			const modifiedAfter = isoTimestamp(this, filters.modifiedAfter, 'Modified After', itemIndex);
			if (modifiedAfter !== undefined) qs.modifiedAfter = modifiedAfter;
			const rows = await listRows(this, itemIndex, spec.path, qs, spec.keep?.(filters));
			return spec.tidy ? rows.map(spec.tidy) : rows;
		},
	};
}
