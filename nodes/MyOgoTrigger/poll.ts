import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { readChanges } from './cursor/changes';
import {
	advance,
	alreadySeen,
	cursorChanged,
	identityOf,
	newCursor,
	parseTime,
	queryFrom,
	readCursor,
	writeCursor,
} from './cursor/cursor';
import type { EventSettings, PollEvent } from './events';
import { EVENTS } from './events';

export type StockOutput = 'perProduct' | 'batch';

export interface PollSettings extends EventSettings {
	event: PollEvent;
	stockOutput: StockOutput;
	/** The Start From option as the user typed it; '' = the first activation's "now". */
	startFrom: string;
}

function toItems(settings: PollSettings, rows: IDataObject[]): INodeExecutionData[] {
	const definition = EVENTS[settings.event];
	const tidy = rows.map((row) => definition.tidy(row));
	if (settings.event === 'stockChanged' && settings.stockOutput === 'batch') {
		return [{ json: { stock: tidy, count: tidy.length } }];
	}
	return tidy.map((json) => ({ json }));
}

/** Start From as ms: an offset in the text wins, else the workflow's time zone (as n8n's date picker means it). */
function startTime(this: IPollFunctions, startFrom: string): number {
	if (startFrom === '') return Date.now();
	const ms = DateTime.fromISO(startFrom.trim(), { zone: this.getTimezone() }).toMillis();
	if (!Number.isFinite(ms)) {
		throw new NodeOperationError(
			this.getNode(),
			`Start From "${startFrom}" is not a date and time`,
			{
				description:
					'Use an ISO 8601 time such as 2026-11-26T08:00:00Z, or leave it empty to start from now.',
			},
		);
	}
	return ms;
}

/**
 * One poll: every change since the cursor, each emitted once. The cursor is computed on a copy and
 * written to the static data only at the very end, right before the items go to n8n (which saves
 * the static data when a poll returns items). A failure halfway leaves the stored cursor as it was,
 * so the next poll reads the same changes again.
 */
export async function pollChanges(
	this: IPollFunctions,
	settings: PollSettings,
): Promise<INodeExecutionData[][] | null> {
	const staticData = this.getWorkflowStaticData('node');
	const definition = EVENTS[settings.event];
	const stored = readCursor(staticData, settings.event, settings.startFrom);
	const cursor =
		stored ??
		newCursor(settings.event, settings.startFrom, startTime.call(this, settings.startFrom));

	const handled = new Map<string, number>();
	const emit: IDataObject[] = [];
	for await (const page of readChanges.call(this, definition, queryFrom(cursor))) {
		for (const row of page) {
			const time = parseTime(row[definition.timeField]);
			// A row without a usable time cannot be placed against the cursor; myOGO always sends one.
			if (!Number.isFinite(time) || time <= cursor.start) continue;
			const identity = identityOf(definition.key(row), time);
			if (alreadySeen(cursor, identity) || handled.has(identity)) continue;
			handled.set(identity, time);
			if (definition.matches(row, settings)) emit.push(row);
		}
	}

	const next = advance(cursor, handled);
	// Moving forward over changes that matched nothing is safe without n8n saving it: should n8n
	// restart first, the saved cursor is older and those changes are read (and skipped) again.
	if (cursorChanged(stored, next)) writeCursor(staticData, next);
	if (emit.length === 0) return null;
	return [toItems(settings, emit)];
}

/** How far back a manual "Fetch Test Event" looks, widening until it finds something. */
const SAMPLE_WINDOWS_MS = [1, 24, 7 * 24, 30 * 24, 365 * 24].map((hours) => hours * 60 * 60 * 1000);

/**
 * Manual mode ("Fetch Test Event"): the most recent matching record, so the user sees the item's
 * shape. The cursor is neither read nor written. myOGO lists oldest first, so it reads a recent
 * window to its end and widens the window only when nothing in it matches.
 */
export async function sampleLatest(
	this: IPollFunctions,
	settings: PollSettings,
): Promise<INodeExecutionData[][]> {
	const definition = EVENTS[settings.event];
	const now = Date.now();
	for (const windowMs of SAMPLE_WINDOWS_MS) {
		let latest: IDataObject | undefined;
		for await (const page of readChanges.call(this, definition, now - windowMs)) {
			for (const row of page) if (definition.matches(row, settings)) latest = row;
		}
		if (latest) return [toItems(settings, [latest])];
	}
	throw new NodeOperationError(
		this.getNode(),
		`No ${definition.noun} found in myOGO in the last year`,
		{
			description:
				'A test event shows the most recent matching record. Make a change in myOGO (or pick another event or status) and fetch again.',
		},
	);
}
