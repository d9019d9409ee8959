import type { IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { jsonList } from './common';

/**
 * A list that is either entered entry by entry ("Define Below", a fixed collection) or taken as
 * JSON from an expression ("From JSON"), e.g. order lines or the products of an incoming stock
 * notice. The names are stored in workflows, so each list keeps its own.
 */
export interface EntryList {
	/** The options parameter that says how the list is given. */
	modeName: string;
	modeDisplayName: string;
	modeDescription?: string;
	modeDefault: string;
	/** Modes listed before "Define Below" and "From JSON", e.g. Update's "Keep As They Are". */
	otherModes?: INodePropertyOptions[];
	defineBelowDescription: string;
	fromJsonDescription: string;
	/** The fixed collection of "Define Below" and its one group of values (read as `listName.entryName`). */
	listName: string;
	listDisplayName: string;
	listPlaceholder: string;
	entryName: string;
	entryDisplayName: string;
	entryValues: INodeProperties[];
	/** The JSON parameter of "From JSON"; its displayed name also names it in error messages. */
	jsonName: string;
	jsonDisplayName: string;
	jsonDefault: string;
	jsonDescription: string;
	/** Whether the fixed collection and the JSON field are marked required. */
	required?: boolean;
}

/** The mode picker, the fixed collection and the JSON field of a list, each shown for its mode. */
export function entryListProperties(list: EntryList): INodeProperties[] {
	const required = list.required ? { required: true } : {};
	return [
		{
			displayName: list.modeDisplayName,
			name: list.modeName,
			type: 'options',
			options: [
				...(list.otherModes ?? []),
				{ name: 'Define Below', value: 'defineBelow', description: list.defineBelowDescription },
				{ name: 'From JSON', value: 'json', description: list.fromJsonDescription },
			],
			default: list.modeDefault,
			...(list.modeDescription === undefined ? {} : { description: list.modeDescription }),
		},
		{
			displayName: list.listDisplayName,
			name: list.listName,
			type: 'fixedCollection',
			...required,
			placeholder: list.listPlaceholder,
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			options: [{ displayName: list.entryDisplayName, name: list.entryName, values: list.entryValues }],
			displayOptions: { show: { [list.modeName]: ['defineBelow'] } },
		},
		{
			displayName: list.jsonDisplayName,
			name: list.jsonName,
			type: 'json',
			...required,
			default: list.jsonDefault,
			description: list.jsonDescription,
			displayOptions: { show: { [list.modeName]: ['json'] } },
		},
	];
}

/**
 * The raw entries of one item's list, as entered or parsed from JSON (not yet checked); undefined
 * for one of `otherModes` (e.g. "Keep As They Are"). `label` names the record in messages.
 */
export function entryListValues(
	context: IExecuteFunctions,
	list: EntryList,
	itemIndex: number,
	label: string,
): unknown[] | undefined {
	const mode = context.getNodeParameter(list.modeName, itemIndex, 'defineBelow') as string;
	if (list.otherModes?.some((option) => option.value === mode)) return undefined;
	if (mode === 'json') {
		const raw = context.getNodeParameter(list.jsonName, itemIndex, '[]');
		return jsonList(context, raw, `"${list.jsonDisplayName}" of ${label}`, itemIndex);
	}
	return context.getNodeParameter(`${list.listName}.${list.entryName}`, itemIndex, []) as unknown[];
}
