/**
 * The live poll's window (#20) follows whatever poll the merchant sets on the myOGO Trigger: two
 * poll periods, for every Poll Times mode n8n offers and for a custom cron; and the three tracking
 * templates check it the same way.
 */
import type { INodeParameters } from 'n8n-workflow';

import { createMyOgoOrder } from '../harness/myOgoOrder';
import { withN8nClockAhead } from '../harness/n8nClock';
import { itemsOf, loadTemplate, nodeOf, runFromTrigger, type Template } from '../harness/templates';
import { useWooCommerceTrackingEnvironment } from './setup';
import { LEFT_TO_LIVE_POLL } from './trackingWindow';

const env = useWooCommerceTrackingEnvironment();
const CHECK = "Shipped Before the Live Poll's Window?";

test('the three tracking templates check the window with the same condition', () => {
	const conditions = ['woocommerce', 'shopify', 'magento2'].map(
		(store) => nodeOf(loadTemplate(`${store}-tracking-from-myogo.json`), CHECK).parameters,
	);
	expect(conditions[1]).toEqual(conditions[0]);
	expect(conditions[2]).toEqual(conditions[0]);
});

/** The template with the myOGO Trigger polling at `pollTimes`. */
function pollingAt(pollTimes: INodeParameters): Template {
	const copy = JSON.parse(JSON.stringify(env.template)) as Template;
	nodeOf(copy, 'myOGO Trigger').parameters.pollTimes = { item: [pollTimes] };
	return copy;
}

test.each([
	[{ mode: 'everyMinute' }, 2 * 60],
	[{ mode: 'everyX', value: 2, unit: 'hours' }, 4 * 3600],
	[{ mode: 'everyHour' }, 2 * 3600],
	[{ mode: 'custom', cronExpression: '0 */5 * * * *' }, 10 * 60],
	[{ mode: 'custom', cronExpression: '*/30 * * * *' }, 60 * 60],
	[{ mode: 'custom', cronExpression: '0,15,30,45 * * * * *' }, 30],
])('poll %j: a shipped order is left for %i s, then repaired', async (pollTimes, windowSeconds) => {
	const template = pollingAt(pollTimes);
	await env.woo.post('/seed', { orders: [{ id: 1201, number: '1201', status: 'processing' }] });
	await createMyOgoOrder(await env.bed.api(), '1201', 'MUG');
	await env.bed.control.post('/orders/1201/advance', { status: 'shipped', trackingNumber: 'X1' });
	const repairAt = (seconds: number) =>
		withN8nClockAhead(seconds * 1000, () =>
			runFromTrigger(template, 'Repair Every 4 Hours', [{}], env.credentials()),
		);

	const inside = await repairAt(windowSeconds * 0.8);
	expect(itemsOf(inside, LEFT_TO_LIVE_POLL).map((order) => order.reference)).toEqual(['1201']);
	const past = await repairAt(windowSeconds * 1.2 + 5);
	expect(itemsOf(past, LEFT_TO_LIVE_POLL)).toEqual([]);
	expect(itemsOf(past, 'Tracking Sent')).toHaveLength(1);
});
