/**
 * A merchant's tweaks to workflows/woocommerce-orders-to-myogo.json (issue #15), applied as a person
 * applies them in the editor: a Filter dropped at "Your Rules (one item per order)", or a Settings
 * value. Checked in myOGO (the sandbox) after the hourly catch-up.
 */
import type { IDataObject } from 'n8n-workflow';

import { filterNode, insertAtRulesSpot } from '../harness/templateRules';
import {
	configure,
	itemsOf,
	loadTemplate,
	runFromTrigger,
	type Template,
} from '../harness/templates';
import { seedWooOrderProducts, wooOrder } from '../harness/wooCommerceOrder';
import { useTemplateEnvironment } from './setup';

const FILE = 'woocommerce-orders-to-myogo.json';
const SPOT = 'Your Rules (one item per order)';

const env = useTemplateEnvironment({
	seed: seedWooOrderProducts,
});

function ordersTemplate(settings: Record<string, unknown> = {}): Template {
	return configure(loadTemplate(FILE), settings);
}

async function catchUp(template: Template) {
	const result = await runFromTrigger(template, 'Catch-up Every Hour', [{}], env.credentials());
	expect(result.error).toBeUndefined();
	expect(itemsOf(result, 'Failed Orders')).toEqual([]);
	return result;
}

async function myOgoOrders(): Promise<IDataObject[]> {
	return (await (await env.bed.api()).get('/orders', { params: { limit: 250 } }))
		.data as IDataObject[];
}

/** The template with a Filter at the rules spot keeping orders whose `field` is not `value`. */
function withOrdersWhere(name: string, field: string, value: string): Template {
	return insertAtRulesSpot(
		ordersTemplate(),
		filterNode(name, `={{ $json.${field} }}`, { type: 'string', operation: 'notEquals' }, value),
	);
}

const pickup = {
	shipping_lines: [
		{ id: 7, method_title: 'Pickup in the shop', method_id: 'local_pickup', total: '0.00' },
	],
};

describe('WooCommerce orders: the tweaks a merchant makes', () => {
	test('the rules spot sees one item per paid order, with its plain fields', async () => {
		await env.woo.post('/seed', {
			orders: [
				wooOrder('7001', 'processing', { payment_method: 'cod' }),
				wooOrder('7002', 'processing', { ...pickup, payment_method: 'bacs' }),
				wooOrder('7003', 'pending'),
			],
		});
		const atSpot = itemsOf(await catchUp(ordersTemplate()), SPOT);
		const byNumber = (a: unknown[], b: unknown[]) => (String(a[0]) < String(b[0]) ? -1 : 1);
		expect(
			atSpot.map((o) => [o.number, o.shippingMethod, o.paymentGateway]).sort(byNumber),
		).toEqual([
			['7001', 'flat_rate', 'cod'],
			['7002', 'local_pickup', 'bacs'],
		]);
	});

	test('3. a Filter on a meta value holds the orders carrying it; the others reach myOGO', async () => {
		await env.woo.post('/seed', {
			orders: [
				wooOrder('7101', 'processing', { meta_data: [{ id: 1, key: '_hold', value: 'yes' }] }),
				wooOrder('7102', 'processing', { meta_data: [{ id: 2, key: '_hold', value: 'no' }] }),
				wooOrder('7103', 'processing'),
			],
		});
		const template = withOrdersWhere('Hold Orders Marked _hold', 'meta._hold', 'yes');
		await catchUp(template);
		expect((await myOgoOrders()).map((o) => o.reference).sort()).toEqual(['7102', '7103']);
	});

	test('4. a Filter on shippingMethod keeps pickup-in-the-shop orders away from the warehouse', async () => {
		await env.woo.post('/seed', {
			orders: [wooOrder('7201', 'processing', pickup), wooOrder('7202', 'processing')],
		});
		const template = withOrdersWhere('Not Picked Up in the Shop', 'shippingMethod', 'local_pickup');
		await catchUp(template);
		expect((await myOgoOrders()).map((o) => o.reference)).toEqual(['7202']);
	});

	test('7. settings.testPaymentGateways: orders paid with a listed gateway reach myOGO as test orders', async () => {
		await env.woo.post('/seed', {
			orders: [
				wooOrder('7301', 'processing', { payment_method: 'cheque' }),
				wooOrder('7302', 'processing', { payment_method: 'stripe' }),
			],
		});
		await catchUp(ordersTemplate({ 'settings.testPaymentGateways': 'bogus, cheque' }));
		expect(
			(await myOgoOrders())
				.map((o) => [o.reference, o.test])
				.sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
		).toEqual([
			['7301', true],
			['7302', false],
		]);
	});
});
