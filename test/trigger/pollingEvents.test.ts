/**
 * What each polling event emits, manual mode ("Fetch Test Event"), and the cursor's start.
 */
import type { AxiosInstance } from 'axios';
import type { INodeParameters } from 'n8n-workflow';

import { PollingTrigger } from '../harness/poll';
import { freezeAt, iso, seedProducts, setStock, startTestBed, type TestBed } from './helpers';

let bed: TestBed;
let api: AxiosInstance;
beforeAll(async () => {
	bed = await startTestBed();
});
afterAll(async () => bed.close());
beforeEach(async () => {
	await bed.reset();
	api = await bed.api();
	await seedProducts(bed.control, ['TEE-S', 'TEE-M', 'MUG']);
});

const CUSTOMER = {
	name: 'Aino Virtanen',
	address1: 'Mannerheimintie 1',
	city: 'Helsinki',
	countryCode: 'FI',
	zip: '00100',
};

async function createOrder(reference: string) {
	await api.post('/orders', {
		reference,
		shippingCode: 'POSTI_PAKETTI',
		customer: CUSTOMER,
		orderLines: [
			{ code: 'TEE-S', quantity: 2, unitPrice: 19.9 },
			{ code: 'MUG', quantity: 1 },
		],
	});
}

async function advance(reference: string, body: Record<string, unknown>) {
	await bed.control.post(`/orders/${reference}/advance`, body);
}

function trigger(parameters: INodeParameters, timezone?: string) {
	return new PollingTrigger({ credentials: bed.credentials as never, parameters, timezone });
}

/** Lets the real clock move past the activation's "now" so later changes are strictly after it. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A trigger activated a moment ago: what changes from now on is after its start. */
async function activeTrigger(parameters: INodeParameters) {
	const node = trigger(parameters);
	await node.activate();
	await tick();
	return node;
}

describe('Order Shipped', () => {
	test('emits shipped orders with everything a tracking sync needs, once', async () => {
		await createOrder('1001');
		await createOrder('1002');
		const shipped = trigger({ event: 'orderShipped' });
		expect(await shipped.activate()).toBeNull();
		await tick();

		await advance('1001', { status: 'collecting' });
		await advance('1002', { status: 'shipped', trackingNumber: 'JJFI600001, JJFI600002' });
		const items = await shipped.poll();
		expect(items).toHaveLength(1);
		expect(items![0]).toMatchObject({
			reference: '1002',
			status: 'shipped',
			trackingNumber: 'JJFI600001, JJFI600002',
			trackingNumbers: ['JJFI600001', 'JJFI600002'],
			trackingUrl: expect.stringContaining('JJFI600001'),
			orderLines: [
				expect.objectContaining({ code: 'TEE-S', quantity: 2 }),
				expect.objectContaining({ code: 'MUG', quantity: 1 }),
			],
			customer: expect.objectContaining({ name: 'Aino Virtanen' }),
		});
		expect(await shipped.poll()).toBeNull();

		await advance('1001', { status: 'shipped' });
		const later = await shipped.poll();
		expect(later?.map((o) => o.reference)).toEqual(['1001']);
		expect(later![0].trackingNumbers).toEqual([later![0].trackingNumber]);
	});
});

describe('Order Status Changed', () => {
	test('emits orders in the watched statuses only; defaults to Shipped', async () => {
		await createOrder('2001');
		await createOrder('2002');
		await createOrder('2003');
		const watched = trigger({ event: 'orderStatusChanged', statuses: ['collecting', 'cancelled'] });
		const byDefault = trigger({ event: 'orderStatusChanged' });
		await watched.activate();
		await byDefault.activate();
		await tick();

		await advance('2001', { status: 'collecting' });
		await api.put('/orders/2002', { status: 'cancelled' });
		await advance('2003', { status: 'shipped' });
		const items = await watched.poll();
		expect(items?.map((o) => [o.reference, o.status])).toEqual([
			['2001', 'collecting'],
			['2002', 'cancelled'],
		]);
		expect((await byDefault.poll())?.map((o) => [o.reference, o.status])).toEqual([
			['2003', 'shipped'],
		]);
		expect(await watched.poll()).toBeNull();
	});

	test('a poll that only skips unwatched changes moves the cursor in memory; n8n does not save it, and a restart repeats nothing', async () => {
		await createOrder('3001');
		await createOrder('3002');
		const watched = await activeTrigger({ event: 'orderStatusChanged', statuses: ['shipped'] });
		await advance('3001', { status: 'collecting' });
		await advance('3002', { status: 'collecting' });
		const saved = watched.persisted;
		expect(await watched.poll()).toBeNull();
		expect(watched.persisted).toEqual(saved);
		expect(watched.live).not.toEqual(saved); // moved forward in memory only

		watched.restart();
		expect(watched.live).toEqual(saved);
		expect(await watched.poll()).toBeNull();
		await advance('3002', { status: 'shipped' });
		expect((await watched.poll())?.map((o) => o.reference)).toEqual(['3002']);
		watched.restart();
		expect(await watched.poll()).toBeNull();
	});
});

describe('Stock Changed', () => {
	test('one item per product code by default', async () => {
		const stock = await activeTrigger({ event: 'stockChanged' });
		await setStock(bed.control, [
			['TEE-S', 5],
			['MUG', 0],
		]);
		const items = await stock.poll();
		expect(items).toEqual([
			expect.objectContaining({
				productCode: 'TEE-S',
				stockAvailable: 5,
				modified: expect.any(String),
			}),
			expect.objectContaining({ productCode: 'MUG', stockAvailable: 0 }),
		]);
	});

	test('or the whole batch as one item', async () => {
		const stock = await activeTrigger({ event: 'stockChanged', stockOutput: 'batch' });
		await setStock(bed.control, [
			['TEE-S', 5],
			['TEE-M', 6],
			['MUG', 7],
		]);
		const items = await stock.poll();
		expect(items).toHaveLength(1);
		expect(items![0].count).toBe(3);
		expect((items![0].stock as Array<{ productCode: string }>).map((r) => r.productCode)).toEqual([
			'TEE-S',
			'TEE-M',
			'MUG',
		]);
		expect(await stock.poll()).toBeNull();
	});
});

describe('Product Changed and Incoming Stock Changed', () => {
	test('product creates and edits are emitted; a stock change is not a product change', async () => {
		const products = await activeTrigger({ event: 'productChanged' });
		await api.post('/products', { code: 'CAP', languageCode: 'en', name: 'Cap' });
		expect((await products.poll())?.map((p) => [p.code, p.name])).toEqual([['CAP', 'Cap']]);
		await tick();
		await api.put('/products/CAP', { name: 'Blue cap' });
		await setStock(bed.control, [['CAP', 9]]);
		expect((await products.poll())?.map((p) => [p.code, p.name])).toEqual([['CAP', 'Blue cap']]);
		expect(await products.poll()).toBeNull();
	});

	test('incoming stock notices are emitted when created', async () => {
		const incoming = await activeTrigger({ event: 'incomingStockChanged' });
		await api.post('/stockupdate', {
			reference: 'ASN-1',
			supplier: 'Tee Factory',
			receiveDate: '2026-12-01T00:00:00Z',
			products: [{ code: 'TEE-S', expectedQuantity: 100, countryOfOrigin: 'PT' }],
		});
		const items = await incoming.poll();
		expect(items?.map((n) => [n.reference, n.status])).toEqual([['ASN-1', 'new']]);
		expect(await incoming.poll()).toBeNull();
	});
});

describe('manual mode ("Fetch Test Event")', () => {
	test('returns the most recent matching record and leaves the cursor alone', async () => {
		await createOrder('4001');
		await createOrder('4002');
		await createOrder('4003');
		await advance('4001', { status: 'shipped' });
		await tick();
		await advance('4002', { status: 'shipped' });
		await tick();
		await advance('4003', { status: 'collecting' });

		const fresh = trigger({ event: 'orderShipped' });
		expect((await fresh.manual())?.map((o) => o.reference)).toEqual(['4002']);
		expect(fresh.live).toEqual({});
		expect(fresh.persisted).toEqual({});

		const active = trigger({ event: 'orderShipped' });
		await active.activate();
		const live = active.live;
		const persisted = active.persisted;
		expect((await active.manual())?.map((o) => o.reference)).toEqual(['4002']);
		expect(active.live).toEqual(live);
		expect(active.persisted).toEqual(persisted);
		// The record shown as a test event is not emitted by the active trigger.
		expect(await active.poll()).toBeNull();
	});

	test('says so when nothing matches', async () => {
		await expect(trigger({ event: 'orderShipped' }).manual()).rejects.toThrow(
			'No shipped order with a tracking number found in myOGO in the last year',
		);
	});

	test('Stock Changed in batch mode returns the latest row as a batch', async () => {
		await setStock(bed.control, [['MUG', 3]]);
		const items = await trigger({ event: 'stockChanged', stockOutput: 'batch' }).manual();
		expect(items).toEqual([
			{ stock: [expect.objectContaining({ productCode: 'MUG', stockAvailable: 3 })], count: 1 },
		]);
	});
});

describe('where the cursor starts', () => {
	test('first activation starts from now: earlier changes are not emitted', async () => {
		await setStock(bed.control, [['MUG', 1]]);
		const stock = trigger({ event: 'stockChanged' });
		expect(await stock.activate()).toBeNull();
		expect(await stock.poll()).toBeNull();
		await tick();
		await setStock(bed.control, [['MUG', 2]]);
		expect((await stock.poll())?.map((r) => r.stockAvailable)).toEqual([2]);
	});

	test('Start From emits changes after it, read in the workflow time zone; changing it starts over', async () => {
		// 10:00 in Helsinki in June is 07:00 UTC.
		await freezeAt(bed.control, Date.parse('2026-06-01T06:30:00Z'));
		await setStock(bed.control, [
			['TEE-S', 1],
			['MUG', 1],
		]);
		await freezeAt(bed.control, Date.parse('2026-06-01T07:30:00Z'));
		await setStock(bed.control, [['TEE-M', 2]]);
		const stock = trigger(
			{ event: 'stockChanged', options: { startFrom: '2026-06-01T10:00:00' } },
			'Europe/Helsinki',
		);
		expect((await stock.activate())?.map((r) => r.productCode)).toEqual(['TEE-M']);
		expect(await stock.poll()).toBeNull();

		stock.setParameters({ event: 'stockChanged', options: { startFrom: '2026-06-01T06:00:00Z' } });
		expect((await stock.poll())?.map((r) => r.productCode)).toEqual(['TEE-S', 'MUG', 'TEE-M']);
		expect(await stock.poll()).toBeNull();
	});

	test('switching the event starts a new cursor for the new event', async () => {
		const node = trigger({
			event: 'stockChanged',
			options: { startFrom: iso(Date.now() - 60_000) },
		});
		await setStock(bed.control, [['MUG', 4]]);
		// TEE-S and TEE-M as created, MUG as just changed.
		expect((await node.activate())?.map((r) => r.productCode)).toEqual(['TEE-S', 'TEE-M', 'MUG']);
		node.setParameters({
			event: 'productChanged',
			options: { startFrom: iso(Date.now() - 60_000) },
		});
		expect((await node.poll())?.map((p) => p.code)).toEqual(['TEE-S', 'TEE-M', 'MUG']);
	});

	test('an impossible Start From is a clear error', async () => {
		await expect(
			trigger({ event: 'stockChanged', options: { startFrom: 'next tuesday' } }).activate(),
		).rejects.toThrow('Start From "next tuesday" is not a date and time');
	});
});
