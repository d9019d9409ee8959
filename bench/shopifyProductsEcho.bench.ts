/**
 * The Shopify products template's guard (#20), measured: 2,000 stock writes (400 products of 5
 * variants, written 250 levels a call as the stock template writes them) come back from Shopify as
 * one `products/update` per product and call. Each delivery runs the products template in-process
 * (n8n's processed data in the harness's in-memory fake), once with the template as shipped and
 * once with *Send Products to myOGO*'s *Skip Products Sent Unchanged* off and *Only Write Changes*
 * on (the template before #20: every delivery compared with myOGO). Both start after
 * one daily resync (which sent every product). Prints runs, where they ended and the myOGO calls
 * they made, then the calls of one edit of one variant's price; asserts nothing about time:
 * `npm run bench:products-echo`.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import {
	allShopifyCredentials,
	shopifyControl,
	shopifyWebhookTrigger,
	startTestShopify,
	type RunningShopifyFake,
} from '../test/harness/shopify';
import { writeStockToEveryVariant } from '../test/harness/shopifyStockWrite';
import { forgetProcessedData } from '../test/harness/processedData';
import {
	configure,
	itemsOf,
	loadTemplate,
	runFromTrigger,
	type Template,
} from '../test/harness/templates';
import { startTestBed, type TestBed } from '../test/trigger/helpers';

const PRODUCTS = 400;
const SIZES = ['XS', 'S', 'M', 'L', 'XL'];
const SEND = 'Send Products to myOGO';
const ENDS = ['Sent to myOGO', 'Unchanged Since Last Sent', 'Failed Products'];

let bed: TestBed;
let shopify: RunningShopifyFake;
const lines: string[] = [];

beforeAll(async () => {
	bed = await startTestBed();
	shopify = await startTestShopify();
});
afterAll(async () => {
	await bed?.close();
	await shopify?.close();
	console.log(
		`Shopify products template, ${PRODUCTS * SIZES.length} stock levels written (${PRODUCTS} products × ${SIZES.length} variants):\n  ${lines.join('\n  ')}`,
	);
});

/** The template before #20: each delivery's products compared with myOGO, nothing remembered. */
function withoutGuard(template: Template): Template {
	const copy = JSON.parse(JSON.stringify(template)) as Template;
	const send = copy.nodes.find((node) => node.name === SEND)!;
	send.parameters = { ...send.parameters, skipSentUnchanged: false, onlyWriteChanges: true };
	return copy;
}

/** The myOGO API calls the sandbox logged (token calls left out). */
async function myOgoCalls(): Promise<IDataObject[]> {
	return ((await bed.control.get('/requests')).data as IDataObject[]).filter((call) =>
		String(call.path).startsWith('/api/'),
	);
}

async function measure(label: string, template: Template) {
	await bed.reset();
	forgetProcessedData();
	const control = shopifyControl(shopify);
	await control.post('/reset', { webhooks: true });
	await control.post('/seed', {
		products: Array.from({ length: PRODUCTS }, (_, p) => ({
			title: `Poster ${p}`,
			variants: SIZES.map((size) => ({
				sku: `POSTER-${p}-${size}`,
				price: '12.00',
				option1: size,
			})),
		})),
	});
	const credentials = {
		...bed.credentials,
		...allShopifyCredentials(shopify),
	} as Record<string, ICredentialDataDecryptedObject>;
	const resync = await runFromTrigger(template, 'Full Resync Daily', [{}], credentials);
	expect(itemsOf(resync, 'Sent to myOGO')).toHaveLength(PRODUCTS * SIZES.length);

	const updated = await shopifyWebhookTrigger(
		template,
		'Shopify Trigger (product updated)',
		credentials,
	);
	try {
		const writes = await writeStockToEveryVariant(shopify, 7);
		await shopify.settle();
		await bed.control.delete('/requests');
		const ends = new Map<string, number>();
		for (const delivery of updated.items) {
			const run = await runFromTrigger(
				template,
				'Shopify Trigger (product updated)',
				delivery,
				credentials,
			);
			expect(run.error).toBeUndefined();
			for (const end of ENDS) {
				if (run.run.data.resultData.runData[end]) ends.set(end, (ends.get(end) ?? 0) + 1);
			}
		}
		const calls = await myOgoCalls();
		const writesToMyOgo = calls.filter((call) => call.method !== 'GET').length;
		lines.push(
			`${label}: ${PRODUCTS * SIZES.length} levels in ${writes} stock writes to Shopify → ${updated.items.length} products/update → ${updated.items.length} products runs (${[...ends].map(([end, n]) => `${n} on "${end}"`).join(', ')}); myOGO calls ${calls.length} (${calls.length - writesToMyOgo} reads, ${writesToMyOgo} writes); minimum 0`,
		);

		// A merchant changes the price of one size of one poster: one myOGO product changed.
		const poster = ((await control.get('/state')).data as { products: IDataObject[] }).products[0]!;
		await control.put(`/products/${poster.id}`, {
			variants: (poster.variants as IDataObject[]).map((v, i) =>
				i === 2 ? { id: v.id, price: '15.00' } : { id: v.id },
			),
		});
		await shopify.settle();
		await bed.control.delete('/requests');
		const edit = await runFromTrigger(
			template,
			'Shopify Trigger (product updated)',
			updated.items.at(-1)!,
			credentials,
		);
		expect(edit.error).toBeUndefined();
		const editCalls = (await myOgoCalls()).map((call) => String(call.method));
		lines.push(
			`${label}: one variant's price edited (1 of ${SIZES.length} SKUs changed): myOGO calls ${editCalls.length} (${editCalls.filter((m) => m === 'GET').length} reads, ${editCalls.filter((m) => m !== 'GET').length} writes); minimum 1`,
		);
		return calls.length;
	} finally {
		await updated.close();
	}
}

test('products runs and myOGO calls for 2,000 stock writes, without and with the guard', async () => {
	const template = configure(loadTemplate('shopify-products-to-myogo.json'), {
		'settings.shopSubdomain': shopify.shopSubdomain,
		'settings.secondsBetweenPages': 0,
	});
	const before = await measure(
		'every delivery compared with myOGO (the template before #20, with this node: first catalog page + a read per code not on it)',
		withoutGuard(template),
	);
	const after = await measure('Skip Products Sent Unchanged (as shipped)', template);
	expect(before).toBeGreaterThan(0);
	expect(after).toBe(0);
});
