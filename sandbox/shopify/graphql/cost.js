// @ts-check
'use strict';

const {
	getNamedType,
	getOperationAST,
	isCompositeType,
	isObjectType,
	isInterfaceType,
	Kind,
} = require('graphql');

/**
 * A GraphQL call's *requested* cost, modelled (simply) on Shopify's calculated query cost
 * (shopify.dev/docs/api/usage/rate-limits), used only when the cost budget is on (sandbox/README.md):
 * - a scalar or enum field costs 0;
 * - an object field costs 1 plus the fields selected inside it;
 * - a connection (a type named `…Connection`) costs 2 plus `first` (or `last`) times one node,
 *   where one node is its `nodes { … }` or `edges { node { … } }` selection priced as an object
 *   (`pageInfo`, `cursor` are free); a connection without `first`/`last` counts as 1 node;
 * - a mutation costs 10, whatever it selects.
 * Fragments are added to the fields beside them (Shopify takes the dearest type condition instead).
 * After the call Shopify refunds the difference to the *actual* cost (actualCost below): the same
 * prices applied to what the answer holds — a connection's nodes really returned, 0 for an object
 * that came back null.
 */

const MUTATION_COST = 10;
const CONNECTION_COST = 2;
const OBJECT_COST = 1;

/**
 * @param {import('graphql').GraphQLSchema} schema
 * @param {import('graphql').DocumentNode} document
 * @param {string | undefined} operationName
 * @param {Record<string, unknown> | undefined} variables
 * @returns {number}
 */
function requestedCost(schema, document, operationName, variables) {
	const operation = getOperationAST(document, operationName);
	if (!operation) return 0;
	if (operation.operation === 'mutation')
		return MUTATION_COST * fieldsOf(operation.selectionSet, fragmentsOf(document)).length;
	const root = schema.getQueryType();
	if (!root) return 0;
	return selectionCost(root, operation.selectionSet, {
		fragments: fragmentsOf(document),
		variables: variables ?? {},
	});
}

/** @param {import('graphql').DocumentNode} document */
function fragmentsOf(document) {
	/** @type {Map<string, import('graphql').FragmentDefinitionNode>} */
	const fragments = new Map();
	for (const d of document.definitions)
		if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
	return fragments;
}

/**
 * The fields of a selection set, with inline fragments and fragment spreads flattened in.
 * @param {import('graphql').SelectionSetNode} selectionSet
 * @param {Map<string, import('graphql').FragmentDefinitionNode>} fragments
 * @returns {import('graphql').FieldNode[]}
 */
function fieldsOf(selectionSet, fragments) {
	return selectionSet.selections.flatMap((s) => {
		if (s.kind === Kind.FIELD) return [s];
		if (s.kind === Kind.INLINE_FRAGMENT) return fieldsOf(s.selectionSet, fragments);
		const fragment = fragments.get(s.name.value);
		return fragment ? fieldsOf(fragment.selectionSet, fragments) : [];
	});
}

/**
 * @typedef {{ fragments: Map<string, import('graphql').FragmentDefinitionNode>, variables: Record<string, unknown> }} CostScope
 * @param {import('graphql').GraphQLCompositeType} parentType
 * @param {import('graphql').SelectionSetNode} selectionSet
 * @param {CostScope} scope
 */
function selectionCost(parentType, selectionSet, scope) {
	let cost = 0;
	for (const field of fieldsOf(selectionSet, scope.fragments))
		cost += fieldCost(parentType, field, scope);
	return cost;
}

/**
 * @param {import('graphql').GraphQLCompositeType} parentType
 * @param {import('graphql').FieldNode} field
 * @param {CostScope} scope
 */
function fieldCost(parentType, field, scope) {
	if (!(isObjectType(parentType) || isInterfaceType(parentType)) || !field.selectionSet) return 0;
	const definition = parentType.getFields()[field.name.value];
	const type = definition && getNamedType(definition.type);
	if (!type || !isCompositeType(type)) return 0;
	if (!type.name.endsWith('Connection'))
		return OBJECT_COST + selectionCost(type, field.selectionSet, scope);
	return (
		CONNECTION_COST + pageSize(field, scope.variables) * nodeCost(type, field.selectionSet, scope)
	);
}

/**
 * One node of a connection: its `nodes { … }` or `edges { node { … } }`, whichever costs more.
 * @param {import('graphql').GraphQLCompositeType} connection
 * @param {import('graphql').SelectionSetNode} selectionSet
 * @param {CostScope} scope
 */
function nodeCost(connection, selectionSet, scope) {
	let cost = 0;
	for (const field of fieldsOf(selectionSet, scope.fragments)) {
		if (field.name.value === 'nodes') cost = Math.max(cost, fieldCost(connection, field, scope));
		if (field.name.value !== 'edges' || !field.selectionSet || !isObjectType(connection)) continue;
		const edgeType = getNamedType(connection.getFields().edges.type);
		if (!isCompositeType(edgeType)) continue;
		for (const edgeField of fieldsOf(field.selectionSet, scope.fragments)) {
			if (edgeField.name.value === 'node')
				cost = Math.max(cost, fieldCost(edgeType, edgeField, scope));
		}
	}
	return cost;
}

/**
 * `first` or `last`, literal or from a variable; 1 when neither is given.
 * @param {import('graphql').FieldNode} field
 * @param {Record<string, unknown>} variables
 */
function pageSize(field, variables) {
	for (const arg of field.arguments ?? []) {
		if (arg.name.value !== 'first' && arg.name.value !== 'last') continue;
		const value =
			arg.value.kind === Kind.VARIABLE
				? variables[arg.value.name.value]
				: arg.value.kind === Kind.INT
					? Number(arg.value.value)
					: undefined;
		if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
	}
	return 1;
}

/**
 * A call's *actual* cost: the requested cost's prices applied to the answer's data.
 * @param {import('graphql').GraphQLSchema} schema
 * @param {import('graphql').DocumentNode} document
 * @param {string | undefined} operationName
 * @param {Record<string, unknown> | null | undefined} data
 * @param {Record<string, unknown> | undefined} variables
 * @returns {number}
 */
function actualCost(schema, document, operationName, data, variables) {
	const operation = getOperationAST(document, operationName);
	if (!operation) return 0;
	if (operation.operation === 'mutation')
		return requestedCost(schema, document, operationName, variables);
	const root = schema.getQueryType();
	if (!root || !data) return 0;
	return answeredSelectionCost(root, operation.selectionSet, data, fragmentsOf(document));
}

/**
 * @param {import('graphql').GraphQLCompositeType} parentType
 * @param {import('graphql').SelectionSetNode} selectionSet
 * @param {Record<string, any>} value the object the selection was answered with
 * @param {Map<string, import('graphql').FragmentDefinitionNode>} fragments
 */
function answeredSelectionCost(parentType, selectionSet, value, fragments) {
	let cost = 0;
	if (!(isObjectType(parentType) || isInterfaceType(parentType))) return 0;
	for (const field of fieldsOf(selectionSet, fragments)) {
		const answered = value[field.alias?.value ?? field.name.value];
		const definition = parentType.getFields()[field.name.value];
		const type = definition && getNamedType(definition.type);
		if (!field.selectionSet || !type || !isCompositeType(type) || answered == null) continue;
		if (!type.name.endsWith('Connection')) {
			const first = Array.isArray(answered) ? answered[0] : answered;
			cost +=
				OBJECT_COST +
				(first ? answeredSelectionCost(type, field.selectionSet, first, fragments) : 0);
			continue;
		}
		cost += CONNECTION_COST + answeredNodesCost(type, field.selectionSet, answered, fragments);
	}
	return cost;
}

/**
 * The nodes a connection returned, each priced as an object (its `nodes` or `edges { node }`).
 * @param {import('graphql').GraphQLCompositeType} connection
 * @param {import('graphql').SelectionSetNode} selectionSet
 * @param {Record<string, any>} answered
 * @param {Map<string, import('graphql').FragmentDefinitionNode>} fragments
 */
function answeredNodesCost(connection, selectionSet, answered, fragments) {
	if (!isObjectType(connection)) return 0;
	let cost = 0;
	for (const field of fieldsOf(selectionSet, fragments)) {
		const list = answered[field.alias?.value ?? field.name.value];
		const selection = field.selectionSet;
		if (!Array.isArray(list) || !selection) continue;
		if (field.name.value === 'nodes') {
			const nodeType = getNamedType(connection.getFields().nodes.type);
			if (!isCompositeType(nodeType)) continue;
			cost = Math.max(
				cost,
				list.reduce(
					(sum, node) =>
						sum + OBJECT_COST + answeredSelectionCost(nodeType, selection, node, fragments),
					0,
				),
			);
		}
		if (field.name.value === 'edges') {
			const edgeType = getNamedType(connection.getFields().edges.type);
			if (!isCompositeType(edgeType)) continue;
			cost = Math.max(
				cost,
				list.reduce(
					(sum, edge) => sum + answeredSelectionCost(edgeType, selection, edge, fragments),
					0,
				),
			);
		}
	}
	return cost;
}

module.exports = { requestedCost, actualCost };
