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
	listExecutions,
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
	return await startSignedIn(n8n, onSpawn);
}

/** Starts n8n and signs in as its owner (set up on first start). */
async function startSignedIn(
	n8n: E2eInstance,
	onSpawn: (stop: () => Promise<void>) => void,
): Promise<{ server: RunningN8n; cookie: string }> {
	const server = await startN8n(n8n.env, { onSpawn });
	await setupOwner(server.url);
	return { server, cookie: await signIn(server.url) };
}

/**
 * Imports `templates` (credentials already imported), starts n8n, signs in as its owner, and
 * publishes each template the way the editor's Publish button does (`POST
 * /rest/workflows/<id>/activate`): one request each, where `publishAndStart` starts the n8n CLI once
 * per workflow (~8 s each on the loaded CI machine), for files that publish many workflows. n8n
 * activates each in the running instance and answers with it: a refused activation fails here,
 * naming the workflow and n8n's reason.
 */
export async function startAndPublish(
	n8n: E2eInstance,
	templates: TemplateWorkflow[],
	onSpawn: (stop: () => Promise<void>) => void,
): Promise<{ server: RunningN8n; cookie: string }> {
	await importWorkflows(n8n.env, templates);
	const { server, cookie } = await startSignedIn(n8n, onSpawn);
	for (const t of templates) {
		// The editor publishes the version it shows.
		const stored = (await (
			await fetch(`${server.url}/rest/workflows/${t.id}`, { headers: { cookie } })
		).json()) as { data: { versionId: string } };
		const answer = await fetch(`${server.url}/rest/workflows/${t.id}/activate`, {
			method: 'POST',
			headers: { cookie, 'Content-Type': 'application/json' },
			body: JSON.stringify({ versionId: stored.data.versionId }),
		});
		const body = (await answer.json()) as { data?: { activeVersionId?: string | null } };
		if (!answer.ok || !body.data?.activeVersionId)
			throw new Error(
				`publishing "${t.name}" (${t.id}): n8n answered ${answer.status} ${JSON.stringify(body)}`,
			);
	}
	return { server, cookie };
}

/**
 * The executions n8n recorded, once none is running or waiting to start (at most 60 s): a live test
 * judges finished runs only, and runs may still be going when it ends (a store answering a write with
 * a webhook, a trigger polling again).
 */
export async function settledExecutions(url: string, cookie: string): Promise<ExecutionSummary[]> {
	let executions = await listExecutions(url, cookie);
	for (
		let i = 0;
		i < 120 && executions.some((e) => e.status === 'running' || e.status === 'new');
		i++
	) {
		await new Promise((resolve) => setTimeout(resolve, 500));
		executions = await listExecutions(url, cookie);
	}
	return executions;
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
