/**
 * Queue mode with the package installed on main and the webhook processor but not on the only
 * worker (the package installed from main's editor, the worker's own folder forgotten): the editor
 * shows the nodes and the store webhooks are registered and answered, but every run fails on the
 * worker with "Unrecognized node type" and no order reaches myOGO. docs/deployment.md says so.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import * as n8n from '../../tools/n8n';
import { prepareQueueCluster, type QueueCluster } from '../../tools/queue/cluster';
import { credentialsFor, startServices, templatesFor, type E2eServices } from '../e2e/services';
import { placePaidOrders } from '../e2e/storeFlows';
import { myOgoOrderCount } from './burst';
import { workerRecord } from './workerRecords';

let services: E2eServices;
let cluster: QueueCluster | undefined;

afterAll(async () => {
	await cluster?.stop();
	await services?.close();
});

test('a worker without the package fails every run with "Unrecognized node type"; no order reaches myOGO', async () => {
	services = await startServices();
	cluster = await prepareQueueCluster({
		name: 'missing-package',
		workers: 1,
		extraCaCerts: services.shopify.caCertPath,
	});
	const nodes = join(cluster.workerEnvs[0]!.N8N_USER_FOLDER, '.n8n', 'nodes');
	rmSync(join(nodes, 'node_modules', 'n8n-nodes-myogo'), { recursive: true, force: true });
	writeFileSync(
		join(nodes, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }),
	);
	const orders = templatesFor(services).filter(
		(t) => t.file === 'woocommerce-orders-to-myogo.json',
	);
	await n8n.importCredentials(cluster.cliEnv, credentialsFor(services));
	await n8n.importWorkflows(cluster.cliEnv, orders);
	await n8n.publishWorkflow(cluster.cliEnv, orders[0]!.id);
	await cluster.start();
	await n8n.setupOwner(cluster.mainUrl);
	const cookie = await n8n.signIn(cluster.mainUrl);
	const before = await myOgoOrderCount(services.bed);

	await placePaidOrders(services);
	// Judge the runs that ended (at most 3 minutes on a loaded machine): at least the two webhook runs.
	const ended = async () =>
		(await n8n.listExecutions(cluster!.mainUrl, cookie)).filter(
			(e) => e.status !== 'running' && e.status !== 'new',
		);
	let executions = await ended();
	for (let i = 0; i < 360 && executions.length < 2; i++) {
		await new Promise((resolve) => setTimeout(resolve, 500));
		executions = await ended();
	}
	expect(executions.length).toBeGreaterThanOrEqual(2);
	for (const execution of executions) {
		expect(execution.status).toBe('error');
		expect((await n8n.executionErrors(cluster.mainUrl, cookie, execution.id)).join('\n')).toContain(
			'Unrecognized node type: n8n-nodes-myogo.myOgo',
		);
	}
	expect(workerRecord(cluster.workers[0]!.log()).started.size).toBeGreaterThanOrEqual(
		executions.length,
	);
	expect(await myOgoOrderCount(services.bed)).toBe(before);
});
