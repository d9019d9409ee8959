/**
 * n8n's clock, for the in-process harness. The templates' expressions read the time through luxon
 * (`$now`, `DateTime.now()`), and luxon reads `Settings.now`: moving it moves "now" for the
 * workflow's expressions, while the fakes keep real time (as another server's clock would). No fake
 * reaches n8n's own clock, so this is the one place a test sets it.
 */
import { Settings } from 'luxon';

/** How often the tracking templates' repair runs, as shipped (*Repair Every 4 Hours*). */
export const REPAIR_PERIOD_MS = 4 * 60 * 60 * 1000;

/** Runs `work` with n8n's clock `aheadMs` ahead of real time, and puts the clock back after. */
export async function withN8nClockAhead<T>(aheadMs: number, work: () => Promise<T>): Promise<T> {
	const realNow = Settings.now;
	Settings.now = () => Date.now() + aheadMs;
	try {
		return await work();
	} finally {
		Settings.now = realNow;
	}
}

/**
 * Runs `work` (a tracking repair run) when the next scheduled repair comes: one repair period from
 * now, so the orders shipped now are past the live poll's window and the repair takes them.
 */
export async function atTheNextRepair<T>(work: () => Promise<T>): Promise<T> {
	return await withN8nClockAhead(REPAIR_PERIOD_MS, work);
}
