/**
 * The Shopify products template's guard (#20) in real n8n: the stock and products templates are
 * active together, as a merchant runs them. Every stock write the stock template makes to Shopify
 * comes back as a `products/update` delivery (sandbox/README.md, "An inventory write"), which starts
 * the products template; *Send Products to myOGO*'s *Skip Products Sent Unchanged* (what it sent per
 * SKU, in n8n's processed data, its own database) must end those runs without a myOGO product call,
 * while a real product edit still reaches myOGO once per changed SKU, without a read. The template
 * remembers what it sent from its daily full resync on: the test copy's resync runs once, two
 * minutes after publishing, instead of at 03:00.
 *
 * What this test first found: n8n 2.8.4 stores Remove Duplicates' processed data as one database
 * row per workflow, read and written back by every run without a lock. Ten deliveries at once for
 * products it had never sent raced to create that row (SQLITE_CONSTRAINT on all but one: hence the
 * node's Retry On Fail then; the myOGO node now asks again itself, sentProducts.ts) and overwrote
 * each other's additions (hence the resync remembers every product in one run, and a lost entry
 * costs one more myOGO call, never a lost write).
 */
import type { IDataObject } from 'n8n-workflow';

import { executionOutput, importCredentials, listExecutions } from '../../tools/n8n';
import type { RunningN8n } from '../../tools/n8n/server';
import type { TemplateWorkflow } from '../../tools/n8n/templates';
import { createInstance, failureReasons, publishAndStart, type E2eInstance } from './instance';
import { credentialsFor, startServices, templatesFor, type E2eServices } from './services';
import { waitFor as waitForEndState } from './waitFor';

const PRODUCTS = 'shopify-products-to-myogo.json';
const STOCK = 'shopify-stock-from-myogo.json';
/** n8n's shortest poll interval (1 minute) plus the runs themselves. */
const WAIT_LIMIT_MS = 60_000 + 60_000;
/** When the products template's resync runs, after publishing: n8n must have started by then. */
const RESYNC_AFTER_MS = 120_000;

/** 10 products of 5 sizes: 50 SKUs the stock template writes. */
const POSTERS = Array.from({ length: 10 }, (_, p) => ({
	title: `Poster ${p}`,
	vendor: 'Studio',
	sizes: ['XS', 'S', 'M', 'L', 'XL'],
}));
const SKUS = POSTERS.flatMap((poster, p) => poster.sizes.map((size) => `POSTER-${p}-${size}`));

let services: E2eServices;
let n8n: E2eInstance;
let server: RunningN8n | undefined;
let stopN8n: (() => Promise<void>) | undefined;
let cookie: string;
let productsWorkflowId: string;
const figures: string[] = [];

/**
 * The test copies: the stock template polls every minute, n8n's shortest interval; the products
 * template's daily resync runs once, at `resyncAt` (a cron of that second, minute and hour in UTC, n8n's time zone in the tests).
 */
function testCopy(template: TemplateWorkflow, resyncAt: Date): TemplateWorkflow {
	for (const node of template.nodes) {
		if (node.type === 'n8n-nodes-myogo.myOgoTrigger')
			node.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
		if (node.type === 'n8n-nodes-base.scheduleTrigger') {
			const cron = `${resyncAt.getUTCSeconds()} ${resyncAt.getUTCMinutes()} ${resyncAt.getUTCHours()} * * *`;
			node.parameters.rule = { interval: [{ field: 'cronExpression', expression: cron }] };
		}
	}
	return template;
}

async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined>,
	limitMs = WAIT_LIMIT_MS,
) {
	return await waitForEndState(what, check, limitMs, () => server?.log());
}

beforeAll(async () => {
	services = await startServices();
	await services.shop.post('/reset');
	await services.shop.post('/seed', {
		products: POSTERS.map((poster, p) => ({
			title: poster.title,
			vendor: poster.vendor,
			variants: poster.sizes.map((size) => ({
				sku: `POSTER-${p}-${size}`,
				price: '12.00',
				option1: size,
				inventory_quantity: 1,
			})),
		})),
	});
	await services.shopBed.control.post('/seed', {
		products: SKUS.map((code) => ({ code, name: code, languageCode: 'en', salesPrice: 12 })),
		stock: SKUS.map((code) => ({ code, stockAvailable: 1 })),
	});
	n8n = await createInstance('products-guard', { extraCaCerts: services.shopify.caCertPath });
	await importCredentials(n8n.env, credentialsFor(services));
	const resyncAt = new Date(Date.now() + RESYNC_AFTER_MS);
	const live = templatesFor(services)
		.filter((t) => t.file === PRODUCTS || t.file === STOCK)
		.map((t) => testCopy(t, resyncAt));
	productsWorkflowId = live.find((t) => t.file === PRODUCTS)!.id;
	({ server, cookie } = await publishAndStart(n8n, live, (stop) => (stopN8n = stop)));
});

afterAll(async () => {
	await (server ? server.stop() : stopN8n?.());
	await services?.close();
	if (figures.length) console.log(`the products guard in real n8n:\n  ${figures.join('\n  ')}`);
});

/** The products template's finished executions started by `mode` ('webhook', 'trigger'), newest first. */
async function productRuns(mode: string) {
	return (await listExecutions(server!.url, cookie)).filter(
		(e) =>
			e.workflowId === productsWorkflowId &&
			e.mode === mode &&
			e.status !== 'running' &&
			e.status !== 'new',
	);
}

/** How many products/update deliveries the Shopify fake has made. */
async function productUpdates(): Promise<number> {
	const deliveries = (await services.shop.get('/deliveries')).data as IDataObject[];
	return deliveries.filter((d) => d.topic === 'products/update').length;
}

/** The myOGO product calls (reads and writes) logged since `after` (a request-log length). */
async function productCallsSince(after: number): Promise<string[]> {
	const log = (await services.shopBed.control.get('/requests')).data as IDataObject[];
	return log
		.slice(after)
		.filter((call) => String(call.path).startsWith('/api/v1/products'))
		.map((call) => `${call.method} ${call.path}`);
}

const requestLogLength = async () =>
	((await services.shopBed.control.get('/requests')).data as unknown[]).length;

/**
 * Waits until the products template has finished a webhook run for every products/update delivery
 * since `updatesBefore` (and at least `atLeast` of them); returns those runs.
 */
async function productsRunsFor(updatesBefore: number, runsBefore: number, atLeast: number) {
	return (
		await waitFor('a products run for every products/update delivery', async () => {
			const updates = (await productUpdates()) - updatesBefore;
			const runs = await productRuns('webhook');
			const running = (await listExecutions(server!.url, cookie)).some(
				(e) => e.status === 'running' || e.status === 'new',
			);
			return updates >= atLeast && runs.length - runsBefore === updates && !running
				? runs.slice(0, updates)
				: undefined;
		})
	).value;
}

/**
 * The warehouse counts every poster again: the stock template writes 50 levels to Shopify, which
 * sends a products/update per poster written; waits until the products template ran for each.
 */
async function countEveryPoster(stockAvailable: number) {
	const updatesBefore = await productUpdates();
	const runsBefore = (await productRuns('webhook')).length;
	const logBefore = await requestLogLength();
	for (const code of SKUS) await services.shopBed.control.put(`/stock/${code}`, { stockAvailable });
	await waitFor(`stock ${stockAvailable} on every poster in Shopify`, async () => {
		const state = (await services.shop.get('/state')).data as {
			inventory: Record<string, Record<string, number>>;
		};
		return SKUS.every(
			(sku) => state.inventory[sku]?.['gid://shopify/Location/1'] === stockAvailable,
		)
			? true
			: undefined;
	});
	const runs = await productsRunsFor(updatesBefore, runsBefore, POSTERS.length);
	return { runs, calls: await productCallsSince(logBefore) };
}

test('the daily resync sends every poster to myOGO (and remembers each)', async () => {
	const resync = await waitFor(
		'the products template’s resync',
		async () => {
			const runs = await productRuns('trigger');
			return runs.length ? runs : undefined;
		},
		RESYNC_AFTER_MS + WAIT_LIMIT_MS,
	);
	expect(resync.value.map((run) => run.status)).toEqual(['success']);
	// Deliveries from the stock template's first poll (before the resync) are finished too.
	await productsRunsFor(0, 0, 0);
	const rows = (
		await (await services.shopBed.api()).get('/products', { params: { code: 'POSTER-3-M' } })
	).data as IDataObject[];
	expect(rows[0]?.name).toBe('Poster 3 - M');
});

test('the stock template writes 50 SKUs; the products/update deliveries Shopify sends back cost the products template no myOGO product call', async () => {
	for (const stockAvailable of [20, 30]) {
		const count = await countEveryPoster(stockAvailable);
		expect(count.runs.length).toBeGreaterThanOrEqual(POSTERS.length);
		expect(count.calls).toEqual([]);
		for (const run of count.runs) {
			expect(
				await executionOutput(server!.url, cookie, run.id, 'Unchanged Since Last Sent'),
			).toEqual(
				POSTERS[0].sizes.map(() =>
					expect.objectContaining({
						code: expect.stringMatching(/^POSTER-\d-/),
						result: 'alreadySent',
					}),
				),
			);
		}
		figures.push(
			`stock count of 50 SKUs (10 products): ${count.runs.length} products runs, ${count.calls.length} myOGO product calls`,
		);
	}
});

/**
 * A merchant edits the poster titled `title` in Shopify (`change` made from its current state);
 * waits for the one products run the edit starts, and answers the myOGO product calls it made.
 */
async function editPoster(title: string, change: (poster: IDataObject) => IDataObject) {
	const state = (await services.shop.get('/state')).data as { products: IDataObject[] };
	const poster = state.products.find((p) => p.title === title)!;
	const updatesBefore = await productUpdates();
	const runsBefore = (await productRuns('webhook')).length;
	const logBefore = await requestLogLength();
	await services.shop.put(`/products/${poster.id}`, change(poster));
	expect(await productsRunsFor(updatesBefore, runsBefore, 1)).toHaveLength(1);
	return await productCallsSince(logBefore);
}

test('a product edited in Shopify still reaches myOGO once: one run, one write per SKU and no read', async () => {
	const calls = await editPoster('Poster 0', () => ({ title: 'Poster 0 (matte)' }));
	expect([...calls].sort()).toEqual(
		POSTERS[0].sizes.map((size) => `PUT /api/v1/products/POSTER-0-${size}`).sort(),
	);
	const rows = (
		await (await services.shopBed.api()).get('/products', { params: { code: 'POSTER-0-M' } })
	).data as IDataObject[];
	expect(rows[0]?.name).toBe('Poster 0 (matte) - M');
	figures.push(`one product edit (5 SKUs): 1 products run, ${calls.length} myOGO product calls`);
});

test('a price change of one variant costs one myOGO call, that SKU’s write', async () => {
	const calls = await editPoster('Poster 1', (poster) => ({
		variants: (poster.variants as IDataObject[]).map((v) =>
			v.sku === 'POSTER-1-M' ? { id: v.id, price: '29.00' } : { id: v.id },
		),
	}));
	expect(calls).toEqual(['PUT /api/v1/products/POSTER-1-M']);
	figures.push(`one variant's price changed: 1 products run, ${calls.length} myOGO product calls`);
});

test('every products and stock run succeeded', async () => {
	const executions = await listExecutions(server!.url, cookie);
	expect(await failureReasons(server!.url, cookie, executions)).toEqual([]);
});
