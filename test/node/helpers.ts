import type { AxiosInstance } from 'axios';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../harness/runNode';
import type { RunningSandbox } from '../harness/sandbox';
import { apiClient, controlClient, sandboxCredentials, startTestSandbox } from '../harness/sandbox';

export interface SandboxContext {
	sandbox: RunningSandbox;
	url: string;
	control: AxiosInstance;
	api: AxiosInstance;
}

/**
 * Starts one sandbox for the test file (port 0), resets it before each test, and closes it after.
 * `api` talks to myOGO outside n8n, to arrange and check what the node did.
 */
export function useSandbox(): SandboxContext {
	const context = {} as SandboxContext;
	beforeAll(async () => {
		context.sandbox = await startTestSandbox();
		context.url = context.sandbox.url;
		context.control = controlClient(context.url);
	});
	beforeEach(async () => {
		await context.control.post('/reset');
		context.api = await apiClient(context.url);
	});
	afterAll(async () => {
		await context.sandbox?.close();
	});
	return context;
}

/** A resource locator value "By Code". */
export function byCode(code: string) {
	return { __rl: true, mode: 'id', value: code };
}

export interface RunOptions {
	continueOnFail?: boolean;
}

/** Runs the myOGO node once against the sandbox. */
export async function runMyOgo(
	context: SandboxContext,
	parameters: INodeParameters | IDataObject,
	input: Array<IDataObject | INodeExecutionData> = [{}],
	options: RunOptions = {},
) {
	return await runNode({
		type: 'myOgo',
		parameters: parameters as INodeParameters,
		input,
		credentials: { myOgoApi: sandboxCredentials(context.url) },
		continueOnFail: options.continueOnFail,
	});
}

/** Every output item is paired with an input item that exists. */
export function expectPaired(items: INodeExecutionData[], inputCount: number) {
	for (const item of items) {
		const paired = item.pairedItem as { item: number } | undefined;
		expect(paired).toBeDefined();
		expect(typeof paired!.item).toBe('number');
		expect(paired!.item).toBeGreaterThanOrEqual(0);
		expect(paired!.item).toBeLessThan(inputCount);
	}
}

export function pairedIndexes(items: INodeExecutionData[]): number[] {
	return items.map((item) => (item.pairedItem as { item: number }).item);
}

/** Products the sandbox should hold before a test, straight through the control API. */
export async function seed(context: SandboxContext, data: IDataObject) {
	await context.control.post('/seed', data);
}

export function product(code: string, extra: IDataObject = {}): IDataObject {
	return { code, languageCode: 'en', name: `Product ${code}`, ...extra };
}

export async function allRows(
	api: AxiosInstance,
	path: string,
	query: IDataObject = {},
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const { data } = await api.get(path, { params: { ...query, limit: 250, page } });
		rows.push(...(data as IDataObject[]));
		if ((data as IDataObject[]).length < 250) return rows;
	}
}

export async function productIn(
	api: AxiosInstance,
	code: string,
): Promise<IDataObject | undefined> {
	const { data } = await api.get('/products', { params: { code } });
	return (data as IDataObject[])[0];
}

export async function orderIn(
	api: AxiosInstance,
	reference: string,
): Promise<IDataObject | undefined> {
	const { data } = await api.get('/orders', { params: { reference } });
	return (data as IDataObject[])[0];
}

export interface LoggedRequest {
	method: string;
	path: string;
	query: IDataObject;
	status: number;
	time: string;
}

export async function requestLog(context: SandboxContext): Promise<LoggedRequest[]> {
	const { data } = await context.control.get('/requests');
	return (data as LoggedRequest[]).filter((entry) => entry.path.toLowerCase().startsWith('/api/'));
}

export async function clearRequestLog(context: SandboxContext) {
	await context.control.delete('/requests');
}

/** The error message a failed run stopped with, or of an error item. */
export function errorText(result: { error?: Error }): string {
	return result.error?.message ?? '';
}

const FIXTURES = `${__dirname}/../fixtures`;

/** A fresh copy of a store fixture from test/fixtures (written by the mapping tests' author). */
export function fixture(relativePath: string): IDataObject {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { readFileSync } = require('node:fs') as typeof import('node:fs');
	return JSON.parse(readFileSync(`${FIXTURES}/${relativePath}`, 'utf8')) as IDataObject;
}

/** Drops nulls, empty lists and `test: false` recursively: what a request that left them out stores. */
export function withoutEmpty(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(withoutEmpty);
	if (value === null || typeof value !== 'object') return value;
	const result: IDataObject = {};
	for (const [key, inner] of Object.entries(value as IDataObject)) {
		if (inner === null || inner === undefined) continue;
		if (Array.isArray(inner) && inner.length === 0) continue;
		if (key === 'test' && inner === false) continue;
		result[key] = withoutEmpty(inner) as IDataObject;
	}
	return result;
}

const ORDER_REPLY_ONLY = [
	'id',
	'status',
	'trackingNumber',
	'trackingUrl',
	'warehouseComments',
	'editTime',
];

/** The request fields of a stored order, to compare with the payload the node should have sent. */
export function orderRequestFields(stored: IDataObject | undefined): IDataObject {
	const fields = withoutEmpty(stored ?? {}) as IDataObject;
	for (const key of ORDER_REPLY_ONLY) delete fields[key];
	return fields;
}

/** Every product code an order fixture needs in myOGO before it can be sent. */
export const FIXTURE_SKUS = [
	'BEANIE-GREY',
	'BEANIE-BLACK',
	'SOCKS-3942',
	'TOWEL-LINEN',
	'HOODIE-NAVY-M',
	'HOODIE-BLUE-L',
	'WOO-BEANIE',
	'MUG-BLUE',
	'BAG-TOTE',
	'MTS-RED-M',
	'CAP-GREY',
	'MITTENS-L',
	'SCARF-GREY',
];

/** Delivery types enabled in the sandbox for the fixture tests. */
export const FIXTURE_SHIPPING_CODES = [
	'POSTI_PAKETTI',
	'POSTI_SMARTPOST',
	'DHL_EXPRESS',
	'POSTNORD_MYPACK',
	'BRING_SERVICEPAKKE',
];

/** The node's Shipping Method Map for the fixtures' store methods. */
export const FIXTURE_SHIPPING_MAP = [
	{ storeMethod: 'Posti Parcel Locker', shippingCode: 'POSTI_SMARTPOST' },
	{ storeMethod: 'Standard', shippingCode: 'DHL_EXPRESS' },
	{ storeMethod: 'flat_rate:3', shippingCode: 'DHL_EXPRESS' },
	{ storeMethod: 'PostNord Ombud', shippingCode: 'POSTNORD_MYPACK' },
	{ storeMethod: 'flatrate_flatrate', shippingCode: 'POSTI_PAKETTI' },
	{ storeMethod: 'Bring - Pakke til hentested', shippingCode: 'BRING_SERVICEPAKKE' },
];

export async function seedFixtureCatalog(context: SandboxContext) {
	await context.control.put('/shipping-codes', FIXTURE_SHIPPING_CODES);
	await seed(context, { products: FIXTURE_SKUS.map((code) => product(code)) });
}

/** A Shopify order fixture renumbered, so one fixture gives many distinct orders. */
export function shopifyOrderNumbered(number: number): IDataObject {
	const raw = fixture('shopify/order-paid-fi-eur-taxes-included.json');
	raw.name = `#${number}`;
	raw.order_number = number;
	raw.number = number - 1000;
	raw.id = 5894712300000 + number;
	return raw;
}
