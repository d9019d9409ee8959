// @ts-check
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { buildSchema, parse, validate, execute, getOperationAST } = require('graphql');

const { createQueryRoot } = require('./queries');
const { inventorySetQuantities } = require('./inventorySetQuantities');
const { fulfillmentCreate } = require('./fulfillmentCreate');
const { idempotent } = require('./idempotency');
const { ShopifyError } = require('../errors');
const { requestedCost, actualCost } = require('./cost');
const { charge, settle } = require('../costBudget');

/**
 * `POST /admin/api/<version>/graphql.json`, run by the `graphql` reference implementation against
 * schema.graphql. As at Shopify, the HTTP status is 200 whenever a query arrived, even when it
 * does not parse or validate (the reasons are in `errors`); a missing query is 400.
 */

/** @typedef {import('../context').FakeContext} FakeContext */

const schema = buildSchema(fs.readFileSync(path.join(__dirname, 'schema.graphql'), 'utf8'));

/** Shopify reports a query's cost; with the cost budget off the fake reports a fixed one and a full bucket. */
const COST = {
	requestedQueryCost: 1,
	actualQueryCost: 1,
	throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 1999, restoreRate: 100 },
};

/**
 * The request body: JSON `{ query, variables, operationName }`, or the bare query with
 * `Content-Type: application/graphql`.
 * @param {Buffer} raw
 * @param {string | undefined} contentType
 */
function readGraphqlRequest(raw, contentType) {
	if ((contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/graphql')
		return { query: raw.toString('utf8') };
	let body;
	try {
		body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
	} catch {
		throw new ShopifyError(400, { query: 'Required parameter missing or invalid' });
	}
	if (!body || typeof body.query !== 'string' || !body.query.trim())
		throw new ShopifyError(400, { query: 'Required parameter missing or invalid' });
	return {
		query: body.query,
		variables: body.variables ?? undefined,
		operationName: body.operationName ?? undefined,
	};
}

/**
 * The operation's name (or its root fields when unnamed), for the request log and fault rules.
 * @param {import('graphql').DocumentNode} document
 * @param {string | undefined} operationName
 */
function describeOperation(document, operationName) {
	const operationAst = getOperationAST(document, operationName);
	const rootFields =
		operationAst?.selectionSet.selections.flatMap((s) =>
			s.kind === 'Field' ? [s.name.value] : [],
		) ?? [];
	return {
		operation: operationAst?.name?.value ?? (rootFields.join(',') || undefined),
		rootFields,
	};
}

/**
 * The request's operation name without running it; undefined when the query does not parse.
 * @param {{ query: string, operationName?: string }} request
 */
function operationNameOf({ query, operationName }) {
	try {
		return describeOperation(parse(query), operationName).operation;
	} catch {
		return undefined;
	}
}

/**
 * @param {import('graphql').GraphQLError} error
 */
function formatError(error) {
	const formatted = error.toJSON();
	return { ...formatted, extensions: { code: 'BAD_REQUEST', ...formatted.extensions } };
}

/**
 * Runs one GraphQL request. Returns the answer body and, for the request log, the operation's
 * name (or its root fields when unnamed).
 * @param {FakeContext} ctx
 * @param {{ query: string, variables?: Record<string, unknown>, operationName?: string }} request
 */
async function runGraphql(ctx, { query, variables, operationName }) {
	let document;
	try {
		document = parse(query);
	} catch (error) {
		return {
			body: { errors: [formatError(/** @type {import('graphql').GraphQLError} */ (error))] },
			operation: undefined,
		};
	}
	const { operation, rootFields } = describeOperation(document, operationName);
	const validationErrors = validate(schema, document);
	if (validationErrors.length)
		return { body: { errors: validationErrors.map(formatError) }, operation, rootFields };
	const requested = ctx.costBudget
		? requestedCost(schema, document, operationName, variables)
		: COST.requestedQueryCost;
	const charged = ctx.costBudget ? charge(ctx.costBudget, requested, ctx.now()) : {};
	if (charged.refused)
		return { body: charged.refused, operation, rootFields, throttled: charged.throttled };

	/** @type {import('./queries').RequestState & import('./idempotency').IdempotencyState} */
	const state = { searchWarnings: [] };
	const rootValue = {
		...createQueryRoot(ctx, state),
		inventorySetQuantities: idempotent(ctx, state, 'inventorySetQuantities', (args) =>
			inventorySetQuantities(ctx, args),
		),
		/** @param {any} args */
		fulfillmentCreate: (args) => fulfillmentCreate(ctx, args),
		/** @param {any} args */
		fulfillmentCreateV2: (args) => fulfillmentCreate(ctx, args),
	};
	const result = await execute({
		schema,
		document,
		rootValue,
		variableValues: variables,
		operationName,
	});
	/** @type {Record<string, unknown>} */
	const body = {};
	if (result.errors) body.errors = result.errors.map(formatError);
	if (result.data !== undefined) body.data = result.data;
	body.extensions = {
		cost: ctx.costBudget
			? settle(
					ctx.costBudget,
					requested,
					actualCost(schema, document, operationName, result.data, variables),
					ctx.now(),
				)
			: COST,
		...(state.searchWarnings.length ? { search: state.searchWarnings } : {}),
	};
	return { body, operation, rootFields, idempotentReplay: state.idempotentReplay };
}

module.exports = { runGraphql, readGraphqlRequest, operationNameOf, schema };
