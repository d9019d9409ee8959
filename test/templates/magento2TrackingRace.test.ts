/**
 * workflows/magento2-tracking-from-myogo.json, the live poll and the repair at the same moment (#20):
 * both used to look the order up before either shipped it, and both asked Magento to ship (the second
 * refused). The repair now leaves orders shipped within two poll periods to the live run.
 */
import { itemsOf, runFromTrigger } from '../harness/templates';
import { runWorkflow } from '../harness/runWorkflow';
import { sendMyOgoOrder, useMagentoEnvironment } from './magento2Setup';
import { expectLeftThenRepaired, LEFT_TO_LIVE_POLL, shipAndPollOne } from './trackingWindow';

const env = useMagentoEnvironment('magento2-tracking-from-myogo.json');
const REFERENCE = '000000301';

/** A Magento order and its myOGO twin, shipped now; returns its entity id and the live poll's items. */
async function shipOne() {
	await env.bed.control.post('/seed', {
		products: [{ code: 'MUG', languageCode: 'en', name: 'Mug' }],
	});
	const order = (
		await env.magento.post('/orders', {
			increment_id: REFERENCE,
			items: [{ sku: 'MUG', product_type: 'simple', qty_ordered: 1 }],
		})
	).data as { entity_id: number };
	await sendMyOgoOrder(env.bed, REFERENCE);
	const items = await shipAndPollOne(env.bed, env.template, env.credentials(), REFERENCE);
	await env.magento.delete('/requests');
	return { entityId: order.entity_id, items };
}

/** The ship calls Magento got for the order so far (refused ones too). */
async function shipCalls(entityId: number): Promise<unknown[]> {
	const calls = (await env.magento.get('/requests')).data as Array<{
		method: string;
		path: string;
	}>;
	return calls.filter(
		(call) => call.method === 'POST' && call.path.endsWith(`/order/${entityId}/ship`),
	);
}

const repairRun = () =>
	runWorkflow(
		{ nodes: env.template.nodes, connections: env.template.connections },
		{ credentials: env.credentials(), startNode: 'Repair Every 4 Hours' },
	);

test('the live run and a repair run at once on a just-shipped order: Magento is asked to ship it once', async () => {
	const { entityId, items } = await shipOne();
	// Every Magento call takes a second: on the old template both lookups found the order still to
	// ship before either ship call landed.
	await env.magento.post('/latency', { ms: 1000 });
	const [live, repair] = await Promise.all([
		runFromTrigger(env.template, 'myOGO Trigger', items, env.credentials()),
		repairRun(),
	]);
	await env.magento.post('/latency', { ms: 0 });

	expect(await shipCalls(entityId)).toHaveLength(1);
	expect(itemsOf(live, 'Tracking Sent')).toHaveLength(1);
	expect(itemsOf(repair, LEFT_TO_LIVE_POLL).map((order) => order.reference)).toEqual([REFERENCE]);
	expect([live, repair].flatMap((run) => itemsOf(run, 'Failed Tracking Updates'))).toEqual([]);
	expect(itemsOf(repair, 'Already Shipped')).toEqual([]);
});

test('an order the live run lost: left to the live poll for two poll periods, then shipped once by the repair', async () => {
	const { entityId, items } = await shipOne();
	await env.magento.post('/faults', { status: 503, path: `/order/${entityId}/ship` });
	const live = await runFromTrigger(env.template, 'myOGO Trigger', items, env.credentials());
	expect(itemsOf(live, 'Failed Tracking Updates')).toHaveLength(1);
	await env.magento.delete('/requests');

	await expectLeftThenRepaired(REFERENCE, repairRun, () => shipCalls(entityId));
	expect(await shipCalls(entityId)).toHaveLength(1);
});
