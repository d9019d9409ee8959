/** The cursor's pure parts: time parsing, advancing, pruning, and when a stored cursor is reused. */
import type { IDataObject } from 'n8n-workflow';

import {
	advance,
	alreadySeen,
	identityOf,
	newCursor,
	OVERLAP_MS,
	parseTime,
	queryFrom,
	readCursor,
	writeCursor,
} from '../../nodes/MyOgoTrigger/cursor/cursor';

const T = Date.parse('2026-11-26T17:00:00.000Z');

test('times: milliseconds, 7-digit .NET fractions, offsets, and no offset meaning UTC', () => {
	expect(parseTime('2026-11-26T17:00:00.123Z')).toBe(T + 123);
	expect(parseTime('2026-11-26T17:00:00.1234567Z')).toBe(T + 123);
	expect(parseTime('2026-11-26T17:00:00.123')).toBe(T + 123);
	expect(parseTime('2026-11-26T19:00:00+02:00')).toBe(T);
	expect(parseTime('')).toBeNaN();
	expect(parseTime(null)).toBeNaN();
});

test('queries from the mark minus the overlap, never before the start', () => {
	const cursor = newCursor('stockChanged', '', T);
	expect(queryFrom(cursor)).toBe(T);
	expect(queryFrom({ ...cursor, mark: T + 10 * OVERLAP_MS })).toBe(T + 9 * OVERLAP_MS);
});

test('advancing moves the mark forward only and forgets identities no query can return', () => {
	const start = newCursor('stockChanged', '', T);
	const first = advance(
		start,
		new Map([
			['A@1', T + 6000],
			['B@2', T + OVERLAP_MS + 5000],
		]),
	);
	expect(first.mark).toBe(T + OVERLAP_MS + 5000);
	expect(first.seen).toEqual({ 'A@1': T + 6000, 'B@2': T + OVERLAP_MS + 5000 });
	const second = advance(first, new Map([['C@3', T + 2 * OVERLAP_MS + 2000]]));
	// A is now at or below mark - overlap: a query strictly after that can never return it.
	expect(second.seen).toEqual({ 'B@2': T + OVERLAP_MS + 5000, 'C@3': T + 2 * OVERLAP_MS + 2000 });
	expect(alreadySeen(second, 'B@2')).toBe(true);
	// A late row below the mark does not move the mark back.
	expect(advance(second, new Map([['D@4', T + 2 * OVERLAP_MS]])).mark).toBe(second.mark);
});

test('a stored cursor is used only for the same event and Start From, and is copied', () => {
	const staticData = {};
	const cursor = advance(
		newCursor('orderShipped', '', T),
		new Map([[identityOf('x#shipped', T + 1), T + 1]]),
	);
	writeCursor(staticData, cursor);
	const read = readCursor(staticData, 'orderShipped', '')!;
	expect(read).toEqual(cursor);
	read.seen.y = 1;
	expect(readCursor(staticData, 'orderShipped', '')!.seen).not.toHaveProperty('y');
	expect(readCursor(staticData, 'stockChanged', '')).toBeUndefined();
	expect(readCursor(staticData, 'orderShipped', '2026-01-01T00:00:00Z')).toBeUndefined();
	expect(readCursor({ cursor: { v: 99 } }, 'orderShipped', '')).toBeUndefined();
});

test('identities are stored grouped by time, so a burst sharing a timestamp stays small', () => {
	const staticData: IDataObject = {};
	const handled = new Map<string, number>();
	for (let i = 0; i < 1000; i++) handled.set(identityOf(`SKU-${i}`, T + (i % 2)), T + (i % 2));
	const cursor = advance(newCursor('stockChanged', '', T - 1), handled);
	writeCursor(staticData, cursor);
	const stored = staticData.cursor as { seen: Record<string, string[]> };
	expect(Object.keys(stored.seen)).toEqual([String(T), String(T + 1)]);
	expect(stored.seen[String(T)]).toHaveLength(500);
	expect(stored.seen[String(T)][0]).toBe('SKU-0');
	expect(JSON.stringify(staticData).length).toBeLessThan(12_000);
	expect(readCursor(staticData, 'stockChanged', '')).toEqual(cursor);
});
