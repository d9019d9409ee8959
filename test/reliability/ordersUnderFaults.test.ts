/**
 * Every paid WooCommerce order ends in myOGO exactly once, whatever myOGO and WooCommerce do on a bad
 * day: workflows/woocommerce-orders-to-myogo.json run in-process (webhook path + hourly catch-up),
 * with faults injected through the sandbox's and the fake's control APIs, and through the proxy for
 * answers lost after myOGO stored the order.
 */
import type { IDataObject } from 'n8n-workflow';

import { newCredentialsHelper } from '../harness/runWorkflow';
import { itemsOf } from '../harness/templates';
import {
	ORDER_CALL_FAULT_STORM,
	SUITE_TIMEOUT_MS,
	problems,
	useReliabilityEnvironment,
} from './support/environment';
import { ORDER_SKUS, orderNamedIn, paidOrders, referencesOf, wooOrder } from './support/wooOrders';

const env = useReliabilityEnvironment({
	template: 'woocommerce-orders-to-myogo.json',
	products: ORDER_SKUS,
});

const CATCH_UP = 'Catch-up Every Hour';
const ORDER_UPDATED = 'WooCommerce Trigger (order updated)';
const ORDER_CREATED = 'WooCommerce Trigger (order created)';

async function catchUp() {
	const result = await env.run(CATCH_UP, [{ timestamp: new Date().toISOString() }]);
	expect(result.error).toBeUndefined();
	return result;
}

/** The sandbox's POSTs to `path`, once every call (a stalled one too) has been answered. */
async function postsTo(path: string) {
	for (;;) {
		const log = await env.sandboxLog();
		if (log.every((e) => e.status !== null))
			return log.filter((e) => e.method === 'POST' && e.path.toLowerCase() === path);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describe('every paid order ends in myOGO exactly once', () => {
	test('webhooks under a storm of myOGO faults, duplicate deliveries, then the catch-up', async () => {
		const { created, updated } = await env.activateWooTriggers();
		// myOGO faults on the order calls (see ORDER_CALL_FAULT_STORM).
		for (const fault of ORDER_CALL_FAULT_STORM) await env.control.post('/faults', fault);

		// Eight customers check out (pending, then paid); a ninth never pays.
		const paid: string[] = [];
		for (let n = 7001; n <= 7008; n++) {
			const order = (await env.woo.post('/orders', wooOrder(String(n), 'pending')))
				.data as IDataObject;
			await env.woo.post(`/orders/${order.id}/status`, { status: 'processing' });
			paid.push(String(n));
		}
		const unpaid = (await env.woo.post('/orders', wooOrder('7009', 'pending'))).data as IDataObject;
		// WooCommerce delivers the paid update of 7008 again (as after a slow answer).
		const last = (await env.woo.get('/state')).data.orders.find(
			(o: IDataObject) => o.number === '7008',
		);
		await env.woo.post(`/orders/${last.id}/status`, { status: 'processing' });
		expect(unpaid.status).toBe('pending');

		const failed: IDataObject[] = [];
		const sent: IDataObject[] = [];
		for (const [trigger, name] of [
			[created, ORDER_CREATED],
			[updated, ORDER_UPDATED],
		] as const) {
			for (const items of trigger.items) {
				const result = await env.run(name, items);
				expect(result.error).toBeUndefined();
				failed.push(...itemsOf(result, 'Failed Orders'));
				sent.push(...itemsOf(result, 'Sent to myOGO'), ...itemsOf(result, 'Nothing to Send'));
			}
		}
		expect((await env.control.get('/faults')).data).toEqual([]);
		// Each POST fault left one order visibly failed, named in its error; none was sent twice.
		expect(failed).toHaveLength(5);
		for (const item of failed) expect(paid).toContain(orderNamedIn(item));
		const failedRefs = failed.map(orderNamedIn).sort();
		expect(new Set(failedRefs).size).toBe(5);
		const posts = await postsTo('/api/v1/orders');
		expect(
			posts
				.filter((e) => e.fault)
				.map((e) => Number(e.status))
				.sort((x, y) => x - y),
		).toEqual([0, 429, 500, 502, 503, 503]);

		// Only the payment's delivery sends an order (a checkout's deliveries of the pending order end on
		// "Not Paid Yet"), so the webhooks created exactly the orders whose POST did not fail, each once;
		// 7008's repeated delivery found it unchanged.
		const sentByWebhook = paid.filter((reference) => !failedRefs.includes(reference));
		expect(referencesOf(sent.filter((o) => o.result === 'created'))).toEqual(sentByWebhook);
		expect(referencesOf(sent.filter((o) => o.result === 'unchanged'))).toEqual(['7008']);
		// The catch-up sends the five the faults left out, once, and finds the others unchanged.
		const repair = await catchUp();
		expect(itemsOf(repair, 'Failed Orders')).toEqual([]);
		const repaired = itemsOf(repair, 'Sent to myOGO');
		expect(repaired.map((o) => o.result)).toEqual(failedRefs.map(() => 'created'));
		expect(referencesOf(repaired)).toEqual(failedRefs);
		expect(referencesOf(itemsOf(repair, 'Nothing to Send'))).toEqual(sentByWebhook);

		const outcome = await env.observe({ expectedReferences: paid });
		expect(problems(outcome)).toEqual([]);
		expect(outcome.references.sort()).toEqual(paid);
	});

	test('a POST that reached myOGO but whose answer was lost is not repeated: the catch-up finds it there', async () => {
		await env.woo.post('/seed', { orders: paidOrders(7101, 3) });
		// myOGO stores the order, then the answer is lost: one connection dropped, one held past the timeout.
		env.proxy.withholdAnswer({ method: 'POST', path: '/api/v1/orders', mode: 'drop', count: 1 });
		env.proxy.withholdAnswer({
			method: 'POST',
			path: '/api/v1/orders',
			mode: 'stall',
			stallMs: SUITE_TIMEOUT_MS + 800,
			count: 1,
		});

		const first = await catchUp();
		const failed = itemsOf(first, 'Failed Orders');
		expect(failed).toHaveLength(2);
		expect(failed.map((item) => String(item.error)).join('\n')).toMatch(
			/Could not reach myOGO for POST \/orders/,
		);
		// Three orders, three POSTs: none repeated, although myOGO stored all three.
		expect(await postsTo('/api/v1/orders')).toHaveLength(3);
		expect((await env.myOgoOrders()).map((o) => o.reference).sort()).toEqual([
			'7101',
			'7102',
			'7103',
		]);

		const second = await catchUp();
		expect(itemsOf(second, 'Failed Orders')).toEqual([]);
		expect(itemsOf(second, 'Nothing to Send').map((o) => o.result)).toEqual([
			'unchanged',
			'unchanged',
			'unchanged',
		]);

		const outcome = await env.observe({ expectedReferences: ['7101', '7102', '7103'] });
		expect(problems(outcome)).toEqual([]);
		expect(outcome.faultsInjected).toBe(2);
	});

	test('the access token expires mid-run while two runs share it: logins again, no failure, every order once', async () => {
		const orders = paidOrders(7201, 40);
		await env.woo.post('/seed', { orders });
		let expired = 0;
		env.proxy.beforeForward = async (call) => {
			if (
				call.method === 'POST' &&
				call.path === '/api/v1/orders' &&
				(call.seq === 10 || call.seq === 50)
			) {
				await env.control.post('/tokens/expire');
				expired++;
			}
		};
		// Two overlapping catch-ups with one credential: both hold the same token when it dies.
		const shared = newCredentialsHelper(env.credentials());
		const [a, b] = await Promise.all([
			env.run(CATCH_UP, [{}], shared),
			env.run(CATCH_UP, [{}], shared),
		]);
		for (const result of [a, b]) {
			expect(result.error).toBeUndefined();
			expect(itemsOf(result, 'Failed Orders')).toEqual([]);
			expect([
				...itemsOf(result, 'Sent to myOGO'),
				...itemsOf(result, 'Nothing to Send'),
			]).toHaveLength(40);
		}
		expect(expired).toBe(2);
		const log = await env.sandboxLog();
		expect(log.filter((e) => e.status === 401).length).toBeGreaterThan(0);
		expect(shared.preAuthenticationRuns.get('myOgoApi')).toBeGreaterThanOrEqual(2);
		// Each new token came from a fresh login: the credential never redeems a refresh token, so one
		// cannot be used twice (the sandbox refuses a second use: test/sandbox/auth.test.ts).
		expect(env.proxy.grants.length).toBeGreaterThanOrEqual(3);
		expect(new Set(env.proxy.grants)).toEqual(new Set(['password']));

		const outcome = await env.observe({ expectedReferences: orders.map((o) => String(o.number)) });
		expect(problems(outcome)).toEqual([]);
	});

	test('WooCommerce failing mid-read: the catch-up fails visibly and sends nothing; the next one sends all', async () => {
		const orders = paidOrders(7301, 150);
		await env.woo.post('/seed', { orders });
		// Page 1 of the order list answers; page 2 fails.
		await env.woo.post('/faults', { status: 503, method: 'GET', path: '/orders', after: 1 });

		const broken = await catchUp();
		expect(itemsOf(broken, 'Failed Orders')).toHaveLength(1);
		expect(itemsOf(broken, 'Sent to myOGO')).toEqual([]);
		expect(await env.myOgoOrders()).toEqual([]);

		const repair = await catchUp();
		expect(itemsOf(repair, 'Failed Orders')).toEqual([]);
		expect(itemsOf(repair, 'Sent to myOGO')).toHaveLength(150);

		const outcome = await env.observe({ expectedReferences: orders.map((o) => String(o.number)) });
		expect(problems(outcome)).toEqual([]);
		expect(outcome.faultsInjected).toBe(1);
	});

	test('a WooCommerce connection reset and a 5xx burst while reading: visible, then caught up', async () => {
		const orders = paidOrders(7401, 5);
		await env.woo.post('/seed', { orders });
		await env.woo.post('/faults', { status: 'reset', method: 'GET', path: '/orders' });
		await env.woo.post('/faults', { status: 502, method: 'GET', path: '/orders', count: 2 });
		for (let attempt = 0; attempt < 3; attempt++) {
			const broken = await catchUp();
			expect(itemsOf(broken, 'Failed Orders')).toHaveLength(1);
		}
		const repair = await catchUp();
		expect(referencesOf(itemsOf(repair, 'Sent to myOGO'))).toEqual(
			orders.map((o) => String(o.number)),
		);
		const outcome = await env.observe({ expectedReferences: orders.map((o) => String(o.number)) });
		expect(problems(outcome)).toEqual([]);
		expect(outcome.faultsInjected).toBe(3);
	});
});
