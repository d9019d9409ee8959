import type { IDataObject } from 'n8n-workflow';

/**
 * The polling cursor, kept in the workflow's static data (`getWorkflowStaticData('node')`).
 *
 * myOGO answers `modifiedAfter` with rows modified STRICTLY later, oldest first; several rows can
 * share one timestamp, and a row can become visible a little after its timestamp. So a bare
 * "last time seen" either repeats (>=) or misses (>) rows. The cursor therefore keeps:
 *
 * - `mark`: the high-water mark, the latest modification time seen in myOGO's own clock;
 * - `seen`: the identities (record key + modification time, see events.ts) already handled whose
 *   time is inside the overlap window below the mark;
 * - `start`: the floor: the time of the first activation, or the user's Start From.
 *
 * Each poll asks for `modifiedAfter = max(start, mark - OVERLAP_MS)`, drops identities in
 * `seen`, emits the rest, then moves `mark` to the newest time seen and forgets identities at or
 * below the new `mark - OVERLAP_MS` (no later query can return them). A row that shows up late,
 * with a timestamp at most OVERLAP_MS before the mark, is still caught by the next poll.
 */

/**
 * How far below the high-water mark each poll looks again: covers clock skew between myOGO's
 * servers and rows committed after their timestamp. Two minutes is far more than either should
 * ever take, and costs only re-reading (and de-duplicating) the last two minutes of changes.
 */
export const OVERLAP_MS = 2 * 60 * 1000;

const CURSOR_VERSION = 1;

export interface Cursor {
	v: typeof CURSOR_VERSION;
	/** The event this cursor follows; a different event starts afresh. */
	event: string;
	/** The Start From option the cursor was made with ('' = "now"); changing it starts afresh. */
	origin: string;
	/** Floor: nothing at or before this time (ms since epoch) is ever emitted. */
	start: number;
	/** High-water mark: newest modification time seen (ms since epoch, myOGO's clock). */
	mark: number;
	/** Identity → modification time (ms) of rows already handled inside the overlap window. */
	seen: Record<string, number>;
}

/** Where in the node's static data the cursor lives. */
const KEY = 'cursor';

/**
 * How the cursor is stored: like `Cursor`, but `seen` grouped by time, `{ "<ms>": ["<key>", …] }`
 * (identities are `<key>@<ms>`), so a burst of thousands of changes in one window stays small.
 */
interface StoredCursor extends Omit<Cursor, 'seen'> {
	seen: Record<string, string[]>;
}

function isStoredCursor(value: unknown): value is StoredCursor {
	if (!value || typeof value !== 'object') return false;
	const c = value as Record<string, unknown>;
	return (
		c.v === CURSOR_VERSION &&
		typeof c.event === 'string' &&
		typeof c.origin === 'string' &&
		Number.isFinite(c.start) &&
		Number.isFinite(c.mark) &&
		!!c.seen &&
		typeof c.seen === 'object'
	);
}

/** The identity of one change: the record's key (id, plus status for order events) and its time. */
export function identityOf(key: string, timeMs: number): string {
	return `${key}@${timeMs}`;
}

/**
 * The stored cursor for this event and Start From, or undefined when there is none yet (first
 * activation), it is damaged, or the user changed the event or Start From since it was made.
 * Returns a copy: nothing may change the stored cursor before the poll hands its items over.
 */
export function readCursor(
	staticData: IDataObject,
	event: string,
	origin: string,
): Cursor | undefined {
	const stored = staticData[KEY];
	if (!isStoredCursor(stored) || stored.event !== event || stored.origin !== origin)
		return undefined;
	const seen: Record<string, number> = {};
	for (const [time, keys] of Object.entries(stored.seen)) {
		const ms = Number(time);
		if (!Number.isFinite(ms) || !Array.isArray(keys)) continue;
		for (const key of keys) seen[identityOf(String(key), ms)] = ms;
	}
	return { v: CURSOR_VERSION, event, origin, start: stored.start, mark: stored.mark, seen };
}

/** A cursor that starts at `startMs`: the first poll emits rows modified strictly later. */
export function newCursor(event: string, origin: string, startMs: number): Cursor {
	return { v: CURSOR_VERSION, event, origin, start: startMs, mark: startMs, seen: {} };
}

/** The `modifiedAfter` a poll asks for. */
export function queryFrom(cursor: Cursor): number {
	return Math.max(cursor.start, cursor.mark - OVERLAP_MS);
}

/** True when this identity was already handled by an earlier poll. */
export function alreadySeen(cursor: Cursor, identity: string): boolean {
	return Object.prototype.hasOwnProperty.call(cursor.seen, identity);
}

/**
 * The cursor after a poll that handled `handled` (identity → time): the mark moves forward only,
 * and identities that no later query can return again are forgotten.
 */
export function advance(cursor: Cursor, handled: Map<string, number>): Cursor {
	let mark = cursor.mark;
	for (const time of handled.values()) if (time > mark) mark = time;
	const floor = Math.max(cursor.start, mark - OVERLAP_MS);
	const seen: Record<string, number> = {};
	for (const [identity, time] of Object.entries(cursor.seen))
		if (time > floor) seen[identity] = time;
	for (const [identity, time] of handled) if (time > floor) seen[identity] = time;
	return { ...cursor, mark, seen };
}

/** True when two cursors differ (so the static data needs writing). */
export function cursorChanged(before: Cursor | undefined, after: Cursor): boolean {
	if (!before) return true;
	if (before.mark !== after.mark || before.start !== after.start) return true;
	const a = Object.keys(before.seen);
	const b = Object.keys(after.seen);
	return (
		a.length !== b.length || b.some((identity) => before.seen[identity] !== after.seen[identity])
	);
}

/** Stores the cursor: call only right before the poll returns its items to n8n. */
export function writeCursor(staticData: IDataObject, cursor: Cursor): void {
	const seen: Record<string, string[]> = {};
	for (const [identity, ms] of Object.entries(cursor.seen)) {
		const suffix = `@${ms}`;
		const key = identity.endsWith(suffix) ? identity.slice(0, -suffix.length) : identity;
		(seen[String(ms)] ??= []).push(key);
	}
	const stored: StoredCursor = { ...cursor, seen };
	staticData[KEY] = stored as unknown as IDataObject;
}

/** Parses an ISO-8601 time from myOGO to ms since the epoch (no offset = UTC); NaN when unusable. */
export function parseTime(value: unknown): number {
	if (typeof value !== 'string' || value.trim() === '') return Number.NaN;
	let text = value.trim();
	// A time without an offset is UTC (contract); Date.parse would read it as local time.
	if (/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) text += 'Z';
	// Date.parse takes at most millisecond precision reliably: cut longer fractions (.NET sends 7 digits).
	text = text.replace(/(\.\d{3})\d+/, '$1');
	return Date.parse(text);
}

export function toIso(ms: number): string {
	return new Date(ms).toISOString();
}
