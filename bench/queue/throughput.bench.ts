/**
 * `npm run bench:queue`: orders per minute through the WooCommerce orders template, one regular n8n
 * instance (SQLite, the e2e tier's setup) against queue mode (main, a webhook processor, two workers
 * with --concurrency=10, Redis, PostgreSQL), measured in one run with the same burst
 * (MYOGO_QUEUE_BURST, 2,000 paid orders: 4,000 webhook runs). Orders per minute = orders ÷ time
 * from the first placement to the last new order in myOGO. Prints figures; asserts only that every
 * order arrived once, so a figure never comes from a run that lost orders.
 */
import { importCredentials, importWorkflows, publishWorkflow, startN8n } from '../../tools/n8n';
import type { TemplateWorkflow } from '../../tools/n8n/templates';
import { prepareQueueCluster, type QueueCluster } from '../../tools/queue/cluster';
import { createInstance } from '../../test/e2e/instance';
import {
	credentialsFor,
	startServices,
	templatesFor,
	type E2eServices,
} from '../../test/e2e/services';
import { burstThrough } from '../../test/queue/burst';

const BURST = Number(process.env.MYOGO_QUEUE_BURST ?? 2000);
const PARALLEL = 32;

function ordersTemplate(services: E2eServices): TemplateWorkflow {
	return templatesFor(services).find((t) => t.file === 'woocommerce-orders-to-myogo.json')!;
}

/** Waits (at most 60 s) until publishing registered the orders template's two WooCommerce webhooks: an order placed before would fire none. */
async function wooWebhooksRegistered(services: E2eServices): Promise<void> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const { webhooks } = (await services.woo.get('/state')).data as { webhooks: unknown[] };
		if (webhooks.length >= 2) return;
		if (Date.now() > deadline)
			throw new Error('the WooCommerce webhooks were not registered in 60 s');
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** Runs the burst and checks every order arrived exactly once; returns orders per minute. */
async function measure(label: string, services: E2eServices): Promise<number> {
	await wooWebhooksRegistered(services);
	const result = await burstThrough(services, BURST, 60_000, { parallel: PARALLEL });
	console.log(
		`${label}: ${BURST} orders delivered in ${result.deliveredInS} s, ${result.added} new in myOGO, ${result.perMinute} orders/min`,
	);
	expect(result.missing).toEqual([]);
	expect(result.duplicated).toBe(0);
	return result.perMinute;
}

test(`throughput: ${BURST} paid orders through one n8n instance, then through queue mode with two workers`, async () => {
	let single = 0;
	let services = await startServices();
	let stop: (() => Promise<void>) | undefined;
	try {
		const instance = await createInstance('bench-queue-single');
		const orders = ordersTemplate(services);
		await importCredentials(instance.env, credentialsFor(services));
		await importWorkflows(instance.env, [orders]);
		await publishWorkflow(instance.env, orders.id);
		await startN8n(instance.env, { onSpawn: (s) => (stop = s) });
		single = await measure('one n8n instance', services);
	} finally {
		await stop?.();
		await services.close();
	}

	let cluster: QueueCluster | undefined;
	services = await startServices();
	try {
		cluster = await prepareQueueCluster({
			name: 'bench',
			extraCaCerts: services.shopify.caCertPath,
		});
		const orders = ordersTemplate(services);
		await importCredentials(cluster.cliEnv, credentialsFor(services));
		await importWorkflows(cluster.cliEnv, [orders]);
		await publishWorkflow(cluster.cliEnv, orders.id);
		await cluster.start();
		const queue = await measure('queue mode, 2 workers', services);
		console.log(
			`throughput single ${single}/min, queue ${queue}/min: queue mode ${(queue / single).toFixed(2)}× one instance (burst ${BURST}, ${PARALLEL} customers at once, on this machine)`,
		);
	} finally {
		await cluster?.stop();
		await services.close();
	}
});
