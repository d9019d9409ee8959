// @ts-check
'use strict';

const { GraphQLError } = require('graphql');

/**
 * Relay connections as Shopify serves them: `first` or `last` is required and at most 250;
 * cursors are opaque (here base64 of the row's id) and `after`/`before` find rows by id, so
 * rows added meanwhile do not shift a page.
 */

const MAX_PAGE = 250;

/** @param {number} id */
const cursorOf = (id) => Buffer.from(JSON.stringify({ last_id: id }), 'utf8').toString('base64');

/** @param {string} cursor */
function idOfCursor(cursor) {
	try {
		const id = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8')).last_id;
		if (Number.isInteger(id)) return id;
	} catch {
		// answered below
	}
	throw new GraphQLError(`Invalid cursor for current pagination sort.`, {
		extensions: { code: 'BAD_REQUEST' },
	});
}

/**
 * @typedef {object} PageArgs
 * @property {number | null} [first]
 * @property {number | null} [last]
 * @property {string | null} [after]
 * @property {string | null} [before]
 */

/**
 * @template {Record<string, any>} R rows with a numeric `id`
 * @template N
 * @param {R[]} rows every matching row, in order
 * @param {PageArgs} args
 * @param {(row: R) => N} toNode
 */
function connection(rows, args, toNode) {
	const { first, last, after, before } = args;
	if ((first === undefined || first === null) && (last === undefined || last === null)) {
		throw new GraphQLError('you must provide one of first or last', {
			extensions: { code: 'BAD_REQUEST' },
		});
	}
	for (const [name, value] of /** @type {[string, number | null | undefined][]} */ ([
		['first', first],
		['last', last],
	])) {
		if (value !== undefined && value !== null && (value < 0 || value > MAX_PAGE)) {
			throw new GraphQLError(`The ${name} argument must be between 0 and ${MAX_PAGE}.`, {
				extensions: { code: 'BAD_REQUEST' },
			});
		}
	}
	let start = 0;
	let end = rows.length;
	if (after) {
		const id = idOfCursor(after);
		const at = rows.findIndex((row) => row.id === id);
		start =
			at >= 0
				? at + 1
				: rows.findIndex((row) => row.id > id) < 0
					? rows.length
					: rows.findIndex((row) => row.id > id);
	}
	if (before) {
		const id = idOfCursor(before);
		const at = rows.findIndex((row) => row.id === id);
		end = at >= 0 ? at : end;
	}
	if (first !== undefined && first !== null) end = Math.min(end, start + first);
	if (last !== undefined && last !== null) start = Math.max(start, end - last);
	const page = rows.slice(start, end);
	const edges = page.map((row) => ({ cursor: cursorOf(row.id), node: toNode(row) }));
	return {
		nodes: edges.map((edge) => edge.node),
		edges,
		pageInfo: {
			hasNextPage: end < rows.length,
			hasPreviousPage: start > 0,
			startCursor: edges.length ? edges[0].cursor : null,
			endCursor: edges.length ? edges[edges.length - 1].cursor : null,
		},
	};
}

module.exports = { connection, MAX_PAGE };
