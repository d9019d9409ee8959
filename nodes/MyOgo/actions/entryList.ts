import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { jsonList } from './parameters';

/**
 * A list that is either entered entry by entry ("Define Below", a fixed collection) or taken as
 * JSON from an expression ("From JSON"), e.g. order lines or the products of an incoming stock
 * notice. The names are stored in workflows, so each list keeps its own. The mode picker and the
 * JSON field are written out whole by each list, so n8n's linter sees their literal defaults.
 */
export interface EntryList {
	/** The options parameter that says how the list is given: "Define Below" (`defineBelow`), "From JSON" (`json`), and any modes of its own listed first (e.g. Update's "Keep As They Are"). */
	mode: INodeProperties;
	/** The fixed collection of "Define Below" and its one group of values (read as `listName.entryName`). */
	listName: string;
	listDisplayName: string;
	listPlaceholder: string;
	entryName: string;
	entryDisplayName: string;
	entryValues: INodeProperties[];
	/** The JSON parameter of "From JSON"; its displayed name also names it in error messages. */
	json: INodeProperties;
	/** Whether the fixed collection and the JSON field are marked required. */
	required?: boolean;
}

/** The mode picker, the fixed collection and the JSON field of a list, each shown for its mode. */
export function entryListProperties(list: EntryList): INodeProperties[] {
	const required = list.required ? { required: true } : {};
	const showFor = (mode: string) => ({ displayOptions: { show: { [list.mode.name]: [mode] } } });
	return [
		list.mode,
		{
			displayName: list.listDisplayName,
			name: list.listName,
			type: 'fixedCollection',
			...required,
			placeholder: list.listPlaceholder,
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			options: [
				{ displayName: list.entryDisplayName, name: list.entryName, values: list.entryValues },
			],
			...showFor('defineBelow'),
		},
		{ ...list.json, ...required, ...showFor('json') },
	];
}

/**
 * The raw entries of one item's list, as entered or parsed from JSON (not yet checked); undefined
 * for a mode of the list's own (e.g. "Keep As They Are"). `label` names the record in messages.
 */
export function entryListValues(
	context: IExecuteFunctions,
	list: EntryList,
	itemIndex: number,
	label: string,
): unknown[] | undefined {
	const mode = context.getNodeParameter(list.mode.name, itemIndex, 'defineBelow') as string;
	if (mode === 'json') {
		const raw = context.getNodeParameter(list.json.name, itemIndex, '[]');
		return jsonList(context, raw, `"${list.json.displayName}" of ${label}`, itemIndex);
	}
	if (mode !== 'defineBelow') return undefined;
	return context.getNodeParameter(`${list.listName}.${list.entryName}`, itemIndex, []) as unknown[];
}
