/**
 * One real n8n instance per test file: a fresh user folder under `.data/e2e/` (`.data/compat/e2e/` on the
 * compat n8n), free ports (never 5678, so `npm start` can run alongside), our package installed as a
 * community package.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import {
	executionErrors,
	importWorkflows,
	installPackage,
	N8N_DATA_DIR,
	n8nEnvironment,
	packageProblems,
	publishWorkflow,
	runN8nCommandOk,
	setupOwner,
	signIn,
	startN8n,
} from '../../tools/n8n';
import type { ExecutionSummary } from '../../tools/n8n/executions';
import type { RunningN8n } from '../../tools/n8n/server';
import type { TemplateWorkflow } from '../../tools/n8n/templates';

export interface E2eInstance {
	env: Record<string, string>;
	folder: string;
	port: number;
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

/** A fresh n8n user folder with the package installed (dist must be built: `npm run test:e2e` builds). */
export async function createInstance(
	name: string,
	options: { extraCaCerts?: string } = {},
): Promise<E2eInstance> {
	const folder = join(N8N_DATA_DIR, 'e2e', name);
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	installPackage(folder);
	const port = await freePort();
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	return {
		env: n8nEnvironment({
			userFolder: folder,
			port,
			brokerPort,
			extraCaCerts: options.extraCaCerts,
		}),
		folder,
		port,
	};
}

/** Fails with the offending lines when n8n's output shows a load error, an unknown type or a missing credential. */
export function expectNoPackageProblems(output: string): void {
	expect(packageProblems(output)).toEqual([]);
}

/**
 * Imports `templates` (credentials already imported), publishes them, checks n8n lists every one
 * as active, then starts n8n and signs in as its owner. `onSpawn` gets the stop function as soon as
 * the process exists, so that an afterAll can stop it even when the start timed out.
 */
export async function publishAndStart(
	n8n: E2eInstance,
	templates: TemplateWorkflow[],
	onSpawn: (stop: () => Promise<void>) => void,
): Promise<{ server: RunningN8n; cookie: string }> {
	await importWorkflows(n8n.env, templates);
	for (const t of templates) await publishWorkflow(n8n.env, t.id);
	const active = (await runN8nCommandOk(n8n.env, ['list:workflow', '--active=true', '--onlyId']))
		.stdout;
	for (const t of templates) expect(active).toContain(t.id);
	const server = await startN8n(n8n.env, { onSpawn });
	await setupOwner(server.url);
	return { server, cookie: await signIn(server.url) };
}

/** Why each finished execution that did not succeed failed, as `workflow: its error messages`. */
export async function failureReasons(
	url: string,
	cookie: string,
	executions: ExecutionSummary[],
): Promise<string[]> {
	const failed = executions.filter(
		(e) => e.status !== 'success' && e.status !== 'running' && e.status !== 'new',
	);
	return await Promise.all(
		failed.map(
			async (e) => `${e.workflowName}: ${(await executionErrors(url, cookie, e.id)).join(' | ')}`,
		),
	);
}
