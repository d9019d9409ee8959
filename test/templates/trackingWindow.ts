/**
 * The live poll's window of the tracking templates (#20), for the per-store tests: the repair leaves
 * to the live poll the orders shipped within two of the myOGO Trigger's poll periods (20 minutes with
 * the shipped 10-minute poll), and takes them once they are older.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { withN8nClockAhead } from '../harness/n8nClock';
import { itemsOf, templatePollingTrigger, type Template } from '../harness/templates';
import type { RunResult } from '../harness/runWorkflow';
import type { TestBed } from '../trigger/helpers';

export const LEFT_TO_LIVE_POLL = 'Left to the Live Poll';
const MINUTE_MS = 60_000;

/**
 * Ships `reference` in myOGO now, after the template's myOGO Trigger was activated, and polls it once:
 * returns the live poll's items (the one shipped order).
 */
export async function shipAndPollOne(
	bed: TestBed,
	template: Template,
	credentials: Record<string, ICredentialDataDecryptedObject>,
	reference: string,
): Promise<IDataObject[]> {
	const trigger = templatePollingTrigger(template, credentials);
	await trigger.activate();
	await new Promise((resolve) => setTimeout(resolve, 5));
	await bed.control.post(`/orders/${reference}/advance`, {
		status: 'shipped',
		trackingNumber: `JJFI${reference}`,
	});
	const items = (await trigger.poll()) ?? [];
	expect(items.map((item) => item.reference)).toEqual([reference]);
	return items;
}

/**
 * An order the live run lost (`reference`, shipped just now): repair runs now and 15 minutes later
 * leave it to the live poll and write nothing to the store; one 25 minutes later sends its tracking
 * (one item on "Tracking Sent": the store's answer).
 * `repair` runs the template's repair schedule; `storeWrites` lists the store's write calls so far.
 */
export async function expectLeftThenRepaired(
	reference: string,
	repair: () => Promise<RunResult>,
	storeWrites: () => Promise<unknown[]>,
): Promise<RunResult> {
	for (const minutesLater of [0, 15]) {
		const early = await withN8nClockAhead(minutesLater * MINUTE_MS, repair);
		expect([minutesLater, itemsOf(early, LEFT_TO_LIVE_POLL).map((o) => o.reference)]).toEqual([
			minutesLater,
			[reference],
		]);
		expect(itemsOf(early, 'Failed Tracking Updates')).toEqual([]);
	}
	expect(await storeWrites()).toEqual([]);

	const later = await withN8nClockAhead(25 * MINUTE_MS, repair);
	expect(itemsOf(later, LEFT_TO_LIVE_POLL)).toEqual([]);
	expect(itemsOf(later, 'Failed Tracking Updates')).toEqual([]);
	expect(itemsOf(later, 'Tracking Sent')).toHaveLength(1);
	return later;
}
