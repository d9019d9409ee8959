/**
 * A merchant's tweaks, applied to a template the way a person applies them in the editor: a standard
 * node (Filter, If, Edit Fields) dropped into the marked "Your rules" spot, or a Settings value changed
 * (that one is `configure` in ./templates).
 */
import type { INode, IConnection } from 'n8n-workflow';

import type { Template } from './templates';

/** The pass-through (No Operation) nodes that mark where a merchant's rules go. */
export function rulesSpots(template: Template): INode[] {
	return template.nodes.filter(
		(node) => node.type === 'n8n-nodes-base.noOp' && node.name.startsWith('Your Rules'),
	);
}

/**
 * Drops `node` right after the rules spot (the one named `spot`, or the only one): the spot feeds the
 * new node, and the new node's first output feeds what the spot fed before, as when a person drags a
 * node onto the spot's outgoing connection. Items the new node puts on another output (If's false)
 * go nowhere, as in the editor. Returns a copy; the template is not changed.
 */
export function insertAtRulesSpot(
	template: Template,
	node: Omit<INode, 'id' | 'position'>,
	spot?: string,
): Template {
	const copy = JSON.parse(JSON.stringify(template)) as Template;
	const spots = rulesSpots(copy).filter(
		(candidate) => spot === undefined || candidate.name === spot,
	);
	if (spots.length !== 1) {
		throw new Error(
			`template "${template.name}" has ${spots.length} rules spot(s) named ${spot ?? '"Your Rules …"'}; expected exactly one`,
		);
	}
	const at = spots[0]!;
	if (copy.nodes.some((existing) => existing.name === node.name)) {
		throw new Error(`template "${template.name}" already has a node named "${node.name}"`);
	}
	const downstream: IConnection[] = copy.connections[at.name]?.main?.[0] ?? [];
	copy.nodes.push({
		...node,
		id: `rule-${copy.nodes.length}`,
		position: [at.position[0] + 110, at.position[1] + 120],
	} as INode);
	copy.connections[at.name] = { main: [[{ node: node.name, type: 'main' as never, index: 0 }]] };
	copy.connections[node.name] = { main: [downstream] };
	return copy;
}

/** A Filter node (v2.2) keeping items where `left` (an expression) passes `operation` against `right`. */
export function filterNode(
	name: string,
	left: string,
	operation: { type: 'string' | 'number' | 'boolean' | 'array'; operation: string },
	right?: string | number,
): Omit<INode, 'id' | 'position'> {
	return {
		name,
		type: 'n8n-nodes-base.filter',
		typeVersion: 2.2,
		parameters: {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
				combinator: 'and',
				conditions: [
					{
						id: `${name}-condition`,
						leftValue: left,
						rightValue: right ?? '',
						operator: { ...operation, ...(right === undefined ? { singleValue: true } : {}) },
					},
				],
			},
			options: {},
		},
	};
}
