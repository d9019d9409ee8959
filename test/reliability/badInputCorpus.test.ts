/**
 * The bad-input corpus (test/reliability/corpus/*.json), all in ONE run of
 * workflows/woocommerce-orders-to-myogo.json as paid WooCommerce orders: each case gets a clear
 * per-order error naming the order ("Order 9110, line 2: …") on "Failed Orders", or a documented normalisation
 * on "Sent to myOGO" — the run never crashes, and myOGO never holds a half-written order.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject } from 'n8n-workflow';

import { itemsOf } from '../harness/templates';
import { problems, useReliabilityEnvironment } from './support/environment';
import { ORDER_SKUS, wooOrder } from './support/wooOrders';

interface CorpusCase {
	file: string;
	about: string;
	order: IDataObject;
	generateLines?: { count: number; skuPrefix: string };
	expect: {
		outcome: 'sent' | 'refused';
		messageIncludes?: string[];
		lines?: IDataObject[];
		lineCount?: number;
		skippedLines?: number;
		notesInclude?: string[];
		customer?: Record<string, string | boolean>;
	};
}

const CORPUS_DIR = join(__dirname, 'corpus');
const corpus: CorpusCase[] = readdirSync(CORPUS_DIR)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => ({
		file,
		...(JSON.parse(readFileSync(join(CORPUS_DIR, file), 'utf8')) as Omit<CorpusCase, 'file'>),
	}));

const BULK_SKUS = Array.from({ length: 500 }, (_, i) => `BULK-${String(i).padStart(3, '0')}`);

const env = useReliabilityEnvironment({
	template: 'woocommerce-orders-to-myogo.json',
	products: [...ORDER_SKUS, ...BULK_SKUS],
});

/** The case as a paid WooCommerce order, numbered 9100, 9101… in file order. */
function orderOf(testCase: CorpusCase, index: number): IDataObject {
	const number = String(9100 + index);
	const order = wooOrder(number, 'processing', {
		id: 99100 + index,
		date_paid: '2026-11-26T10:00:00',
		...testCase.order,
	});
	if (testCase.generateLines) {
		const { count, skuPrefix } = testCase.generateLines;
		order.line_items = Array.from({ length: count }, (_, i) => ({
			id: i + 1,
			name: `Bulk item ${i}`,
			quantity: 1 + (i % 3),
			sku: `${skuPrefix}${String(i).padStart(3, '0')}`,
			total: '1.00',
			total_tax: '0.24',
		}));
	}
	return order;
}

describe('bad input corpus through the orders template', () => {
	test(`${corpus.length} cases in one run: a clear error per order or a documented normalisation, nothing half-written`, async () => {
		expect(corpus.length).toBeGreaterThanOrEqual(15);
		const orders = corpus.map(orderOf);
		// The template reads each delivered order back from WooCommerce: the shop holds them as delivered.
		await env.woo.post('/seed', { orders });
		const result = await env.run('WooCommerce Trigger (order updated)', orders);
		expect(result.error).toBeUndefined();
		const failed = itemsOf(result, 'Failed Orders');
		const sent = [
			...itemsOf(result, 'Sent to myOGO'),
			...itemsOf(result, 'Sent Without Some Lines'),
		];
		const inMyOgo = new Map(
			(await env.myOgoOrders()).map((order) => [String(order.reference), order]),
		);

		const report: string[] = [];
		corpus.forEach((testCase, index) => {
			const number = String(orders[index].number);
			const what = `${testCase.file} (order ${number})`;
			const failures = failed.filter((item) => String(item.number) === number);
			const outputs = sent.filter((item) => String(item.reference) === number);
			const stored = inMyOgo.get(number);
			if (testCase.expect.outcome === 'refused') {
				if (failures.length !== 1 || outputs.length || stored) {
					report.push(
						`${what}: expected one refusal, got ${failures.length} errors, ${outputs.length} sent, stored ${Boolean(stored)}`,
					);
					return;
				}
				const message = String(failures[0].error);
				for (const part of [number, ...(testCase.expect.messageIncludes ?? [])]) {
					if (!message.toLowerCase().includes(part.toLowerCase()))
						report.push(`${what}: the error does not say "${part}": ${message}`);
				}
				return;
			}
			if (failures.length || outputs.length !== 1 || !stored) {
				report.push(
					`${what}: expected it sent, got ${failures.map((f) => f.error).join(' | ') || 'no error'}, ${outputs.length} sent`,
				);
				return;
			}
			const lines = stored.orderLines as IDataObject[];
			if (testCase.expect.lines) {
				const shown = lines.map((line) =>
					Object.fromEntries(Object.keys(testCase.expect.lines![0]).map((k) => [k, line[k]])),
				);
				if (JSON.stringify(shown) !== JSON.stringify(testCase.expect.lines))
					report.push(`${what}: lines ${JSON.stringify(shown)}`);
			}
			if (testCase.expect.lineCount !== undefined && lines.length !== testCase.expect.lineCount)
				report.push(`${what}: ${lines.length} lines`);
			const output = outputs[0];
			if (
				testCase.expect.skippedLines !== undefined &&
				(output.skippedLines as unknown[]).length !== testCase.expect.skippedLines
			) {
				report.push(`${what}: skipped ${JSON.stringify(output.skippedLines)}`);
			}
			for (const part of testCase.expect.notesInclude ?? []) {
				if (!JSON.stringify(output.notes).toLowerCase().includes(part))
					report.push(`${what}: notes ${JSON.stringify(output.notes)} lack "${part}"`);
			}
			const customer = stored.customer as IDataObject;
			for (const [field, value] of Object.entries(testCase.expect.customer ?? {})) {
				const ok = value === true ? Boolean(customer[field]) : customer[field] === value;
				if (!ok) report.push(`${what}: customer.${field} is ${JSON.stringify(customer[field])}`);
			}
		});
		expect(report).toEqual([]);
		// Every item came out once, on one branch or the other: none was dropped by the run.
		expect(failed.length + sent.length).toBe(corpus.length);

		const expected = corpus
			.filter((c) => c.expect.outcome === 'sent')
			.map((_, i, all) => String(orders[corpus.indexOf(all[i])].number));
		const outcome = await env.observe({ expectedReferences: expected });
		expect(problems(outcome)).toEqual([]);
	});
});
