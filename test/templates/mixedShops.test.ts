/**
 * A WooCommerce shop (prefix W1-) and a Magento 2 shop (prefix M1-) on one myOGO merchant (issue 17),
 * both with an order 1001: each order reaches myOGO once under its own prefix, and each store's
 * tracking template handles only its own shop's shipped order.
 */
import type { IDataObject } from 'n8n-workflow';

import { placeMagentoOrder } from '../harness/magento2';
import { runWorkflow } from '../harness/runWorkflow';
import { itemsOf, runFromTrigger } from '../harness/templates';
import { seedWooOrderProducts, wooOrder } from '../harness/wooCommerceOrder';
import {
	MAGENTO,
	WOOCOMMERCE,
	expectOnlyOwnOrderTracked,
	myOgoOrdersByReference,
	pollShippedOrders,
	useShops,
} from './twoShops';

const env = useShops([
	{ kind: WOOCOMMERCE, prefix: 'W1-' },
	{ kind: MAGENTO, prefix: 'M1-' },
]);

beforeEach(async () => {
	await seedWooOrderProducts(env.bed);
	await env.bed.control.post('/seed', {
		products: ['TEE-S', 'MUG', 'SPOON'].map((code) => ({ code, languageCode: 'en', name: code })),
	});
});

test('order 1001 in both shops: each reaches myOGO once under its prefix, and each tracking template handles only its own', async () => {
	const [woo, magento] = env.shops;
	await woo.control.post('/seed', {
		orders: [
			wooOrder('1001', 'processing', {
				id: 1001,
				date_paid_gmt: new Date().toISOString().slice(0, 19),
			}),
		],
	});
	const placed = await placeMagentoOrder(magento.control, { increment_id: '1001' });
	// Each shop's orders template twice (a webhook catch-up, an overlapping poll): nothing doubles.
	for (let run = 0; run < 2; run++) {
		const fromWoo = await runFromTrigger(
			woo.template('woocommerce-orders-to-myogo.json'),
			'Catch-up Every Hour',
			[{}],
			woo.credentials(),
		);
		const magentoTemplate = magento.template('magento2-orders-to-myogo.json');
		const fromMagento = await runWorkflow(
			{ nodes: magentoTemplate.nodes, connections: magentoTemplate.connections },
			{ credentials: magento.credentials(), startNode: 'Poll Every 5 Minutes' },
		);
		expect([
			...itemsOf(fromWoo, 'Failed Orders'),
			...itemsOf(fromMagento, 'Failed Orders'),
		]).toEqual([]);
	}
	const orders = await myOgoOrdersByReference(env.bed);
	expect([...orders.keys()].sort()).toEqual(['M1-1001', 'W1-1001']);
	expect((orders.get('W1-1001')?.customer as IDataObject).city).toBe('Berlin');
	expect((orders.get('M1-1001')?.customer as IDataObject).city).toBe('Helsinki');

	const shipped = await pollShippedOrders(
		env.bed,
		woo.template('woocommerce-tracking-from-myogo.json'),
		woo.credentials(),
		{ 'W1-1001': 'JJFI-WOO', 'M1-1001': 'JJFI-MAGENTO' },
	);
	await expectOnlyOwnOrderTracked(woo, 'woocommerce-tracking-from-myogo.json', shipped, 'M1-1001');
	const wooCalls = (await woo.control.get('/requests')).data as Array<{
		method: string;
		path: string;
	}>;
	expect(wooCalls.map((c) => `${c.method} ${c.path}`).sort()).toEqual([
		'POST /orders/1001/notes',
		'PUT /orders/1001',
	]);
	const wooOrderNow = (await woo.control.get('/orders/1001')).data as IDataObject;
	expect(wooOrderNow.meta_data).toContainEqual(
		expect.objectContaining({ key: '_myogo_tracking_numbers', value: 'JJFI-WOO' }),
	);

	await expectOnlyOwnOrderTracked(magento, 'magento2-tracking-from-myogo.json', shipped, 'W1-1001');
	const magentoCalls = (await magento.control.get('/requests')).data as Array<{
		method: string;
		path: string;
	}>;
	expect(magentoCalls.map((c) => `${c.method} ${c.path}`)).toEqual([
		'GET /orders',
		`POST /order/${placed.entity_id}/ship`,
	]);
	const magentoOrderNow = (await magento.control.get(`/orders/${placed.entity_id}`)).data as {
		shipments: Array<{ tracks: Array<{ track_number: string }> }>;
	};
	expect(magentoOrderNow.shipments.map((s) => s.tracks.map((t) => t.track_number))).toEqual([
		['JJFI-MAGENTO'],
	]);
});
