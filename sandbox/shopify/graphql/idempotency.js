// @ts-check
'use strict';

const { GraphQLError, getDirectiveValues } = require('graphql');

/**
 * The `@idempotent(key: "…")` directive, required on inventory mutations from 2026-04. The first
 * call with a key is carried out and its answer kept; a later call with the same key and the same
 * arguments gets that first answer again and changes nothing (so a retry after a lost answer does
 * not write twice); the same key with other arguments is refused with
 * IDEMPOTENCY_KEY_PARAMETER_MISMATCH. Keys live until `/_fake/reset`.
 */

/** @typedef {import('../context').FakeContext} FakeContext */
/** @typedef {{ idempotentReplay?: boolean }} IdempotencyState */

/**
 * Wraps a mutation's resolver so that it demands and honours the directive.
 * @template {{ userErrors: unknown[] }} Result
 * @param {FakeContext} ctx
 * @param {IdempotencyState} state marks the request as a replay, for the request log
 * @param {string} mutation
 * @param {(args: any) => Result} resolve
 * @returns {(args: any, context: unknown, info: import('graphql').GraphQLResolveInfo) => Result | { userErrors: { field: string[], message: string, code: string }[] }}
 */
function idempotent(ctx, state, mutation, resolve) {
	return (args, _context, info) => {
		const directive = /** @type {import('graphql').GraphQLDirective} */ (
			info.schema.getDirective('idempotent')
		);
		const key = getDirectiveValues(directive, info.fieldNodes[0], info.variableValues)?.key;
		if (typeof key !== 'string' || !key) {
			throw new GraphQLError(
				`The ${mutation} mutation requires the @idempotent(key: "…") directive: one key per write, the same when the write is retried.`,
				{
					extensions: { code: 'BAD_REQUEST' },
				},
			);
		}
		const fingerprint = JSON.stringify(args);
		const earlier = ctx.idempotencyKeys.get(`${mutation}:${key}`);
		if (earlier) {
			state.idempotentReplay = true;
			if (earlier.fingerprint === fingerprint) return /** @type {Result} */ (earlier.result);
			return {
				userErrors: [
					{
						field: ['idempotent', 'key'],
						message: 'The same idempotency key cannot be used with different operation parameters.',
						code: 'IDEMPOTENCY_KEY_PARAMETER_MISMATCH',
					},
				],
			};
		}
		const result = resolve(args);
		ctx.idempotencyKeys.set(`${mutation}:${key}`, { fingerprint, result });
		return result;
	};
}

module.exports = { idempotent };
