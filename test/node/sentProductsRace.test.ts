/**
 * sentProducts.ts against a store that behaves as n8n 2.8's processed-data helper does: each call
 * reads the workflow's row, waits for the database, and writes the row back whole, so two calls at
 * the same moment lose one another's entries unless they take turns.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { forgetSent, recordSent } from '../../nodes/MyOgo/actions/product/sentProducts';

/** A read-change-write store with a database pause between the read and the write. */
function racyStore() {
	let row: string[] = [];
	const pause = async () => await new Promise((resolve) => setTimeout(resolve, 5));
	const helpers = {
		async checkProcessedAndRecord(items: string[]) {
			const read = [...row];
			await pause();
			const processed = items.filter((item) => read.includes(item));
			row = [...read, ...items.filter((item) => !read.includes(item))];
			return { new: items.filter((item) => !processed.includes(item)), processed };
		},
		async removeProcessed(items: string[]) {
			const read = [...row];
			await pause();
			row = read.filter((entry) => !items.includes(entry));
		},
	};
	return { context: { helpers } as unknown as IExecuteFunctions, entries: () => row };
}

test('runs at the same moment keep every entry: they take turns with the store', async () => {
	const store = racyStore();
	const runs = ['A', 'B', 'C', 'D'].map((sku) => recordSent(store.context, [sku]));
	expect(await Promise.all(runs)).toEqual([new Set(), new Set(), new Set(), new Set()]);
	expect([...store.entries()].sort()).toEqual(['A', 'B', 'C', 'D']);

	// The next delivery of each is "sent before"; forgetting at the same time as recording loses nothing.
	const [again] = await Promise.all([
		recordSent(store.context, ['A', 'B', 'E']),
		forgetSent(store.context, ['C']),
	]);
	expect(again).toEqual(new Set(['A', 'B']));
	expect([...store.entries()].sort()).toEqual(['A', 'B', 'D', 'E']);
});

test('a store that keeps failing counts nothing as sent before, so every product is sent', async () => {
	let calls = 0;
	const context = {
		helpers: {
			async checkProcessedAndRecord() {
				calls++;
				throw new Error('SQLITE_CONSTRAINT: UNIQUE constraint failed');
			},
		},
	} as unknown as IExecuteFunctions;
	expect(await recordSent(context, ['A'])).toEqual(new Set());
	expect(calls).toBe(3);
});
