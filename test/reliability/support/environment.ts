/**
 * The reliability suite's environment: the myOGO sandbox and the WooCommerce fake with the suite's
 * own credentials, the answer-withholding proxy in front of the sandbox, a short transport timeout,
 * and `observe()`, which reads the outcome of a test from the services' state, scans everything the
 * test produced for secrets, and records the figures (support/observations.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import axios, { type AxiosInstance } from 'axios';
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { RETRY_POLICY } from '../../../nodes/MyOgo/transport';
import type { HarnessCredentialsHelper } from '../../harness/credentialsHelper';
import {
	controlClient,
	sandboxCredentials,
	startTestSandbox,
	type RunningSandbox,
} from '../../harness/sandbox';
import { runWorkflow, type RunResult } from '../../harness/runWorkflow';
import {
	configure,
	loadTemplate,
	wooCommerceCredentials,
	wooCommerceWebhookTrigger,
	wooControl,
	type RunningWooCommerceFake,
	type Template,
} from '../../harness/templates';
import type { WebhookTrigger } from '../../harness/webhook';
import { currentTestName, record, type Observation } from './observations';
import { RELIABILITY_DATA } from './paths';
import { MyOgoProxy } from './proxy';
import {
	MYOGO_SECRETS,
	STATIC_SECRETS,
	WOO_SECRETS,
	rememberFingerprints,
	scanForSecrets,
	type SecretHit,
} from './secrets';

// The WooCommerce fake is plain JavaScript, started here with the suite's own keys.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startWooCommerceFake } = require('../../../sandbox/woocommerce');

/** The transport's per-call timeout in this suite, so "stalls past the timeout" take a second, not 30. */
export const SUITE_TIMEOUT_MS = 1500;

/**
 * myOGO faults on the order writes, in order: a 429 with Retry-After (waited out and repeated, also
 * for a POST), a burst of 503/502/500, a dropped connection and a stall past the timeout. They hit
 * POSTs only (the templates read an order before writing it; reads are retried, writes never
 * repeated blindly): those orders must come out as visible failures.
 */
export const ORDER_CALL_FAULT_STORM = [
	{ status: 429, retryAfter: 1, path: '/api/v1/orders', method: 'POST' },
	{ status: 503, path: '/api/v1/orders', method: 'POST' },
	{ status: 502, path: '/api/v1/orders', method: 'POST' },
	{ status: 500, path: '/api/v1/orders', method: 'POST' },
	{ status: 'reset', path: '/api/v1/orders', method: 'POST' },
	{ status: 503, delayMs: SUITE_TIMEOUT_MS + 500, path: '/api/v1/orders', method: 'POST' },
];

export interface SandboxLogEntry {
	method: string;
	path: string;
	status: number | null;
	fault?: boolean;
}

type WooFake = RunningWooCommerceFake & { state: { webhooks: Map<number, { secret: string }> } };

export interface ObserveOptions {
	/** References that must be in myOGO exactly once when the test ends. */
	expectedReferences: string[];
	/** Stale stock writes the test counted (stock tests). */
	staleStockWrites?: number;
	/** Orders the test sent in (default: the expected ones). */
	ordersSent?: number;
	/**
	 * Tracking tests: the references myOGO shipped with a tracking code, and the references whose code
	 * the store holds (read from the store's state by the test), so the suite counts delivered vs shipped.
	 */
	tracking?: { shipped: string[]; delivered: string[] };
}

export interface Outcome extends Observation {
	references: string[];
	/** Orders in myOGO that the test did not expect (an unpaid or refused order got through). */
	unexpected: string[];
	leaks: SecretHit[];
}

export interface ReliabilityEnvironment {
	sandbox: RunningSandbox;
	control: AxiosInstance;
	proxy: MyOgoProxy;
	fake: WooFake;
	woo: AxiosInstance;
	template: Template;
	hooks: WebhookTrigger[];
	/** Faults a test injected outside the services' control APIs (e.g. forged deliveries), counted by the receiver. */
	extraFaults: number;
	/** Run-time secrets a test handled (e.g. a myOGO webhook signing key), to scan for. */
	extraSecrets: Record<string, string>;
	/** More things a test produced (e.g. another store fake's request log), scanned and saved by observe(). */
	extraProduced: Record<string, unknown>;
	credentials(): Record<string, ICredentialDataDecryptedObject>;
	/** A direct myOGO API client (outside n8n) to arrange and check state. */
	api(): Promise<AxiosInstance>;
	/** Runs the template from one of its triggers with these items; the run is kept for the secret scan. */
	run(
		triggerName: string,
		items: IDataObject[],
		credentialsHelper?: HarnessCredentialsHelper,
	): Promise<RunResult>;
	/** Activates both WooCommerce Trigger nodes of the orders template against the fake. */
	activateWooTriggers(): Promise<{ created: WebhookTrigger; updated: WebhookTrigger }>;
	myOgoOrders(): Promise<IDataObject[]>;
	sandboxLog(): Promise<SandboxLogEntry[]>;
	observe(options: ObserveOptions): Promise<Outcome>;
}

export interface EnvironmentOptions {
	template: string;
	settings?: (fake: RunningWooCommerceFake) => Record<string, unknown>;
	/** Product codes myOGO knows after each reset. */
	products?: string[];
}

async function loginClient(url: string): Promise<AxiosInstance> {
	const form = new URLSearchParams({
		grant_type: 'password',
		client_id: MYOGO_SECRETS.clientId,
		client_secret: MYOGO_SECRETS.clientSecret,
		username: MYOGO_SECRETS.merchantId,
		password: MYOGO_SECRETS.secretToken,
		scope: 'read:order write:order read:product write:product read:webhook write:webhook',
	});
	const token = await axios.post(`${url}/OAuth/Token`, form.toString(), {
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	});
	return axios.create({
		baseURL: `${url}/api/v1`,
		headers: { Authorization: `Bearer ${token.data.access_token}` },
		timeout: 10_000,
	});
}

const slug = (text: string) =>
	text
		.replace(/[^A-Za-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 80);

/** Every text of a run a person could see: node outputs, and each error's message, description and stack. */
function runTexts(result: RunResult): string[] {
	const texts = [JSON.stringify(result.run.data.resultData)];
	const errors: unknown[] = [result.error];
	for (const runs of Object.values(result.run.data.resultData.runData))
		for (const run of runs) errors.push(run.error);
	for (const error of errors) {
		if (!error || typeof error !== 'object') continue;
		const e = error as {
			message?: string;
			description?: string;
			stack?: string;
			context?: unknown;
			cause?: unknown;
		};
		texts.push(
			[
				e.message,
				e.description,
				e.stack,
				safeJson(e.context),
				safeJson(e.cause),
				safeJson(error),
			].join('\n'),
		);
	}
	return texts;
}

function safeJson(value: unknown): string {
	try {
		return JSON.stringify(value) ?? '';
	} catch {
		return String(value);
	}
}

export function useReliabilityEnvironment(options: EnvironmentOptions): ReliabilityEnvironment {
	const sandboxLines: string[] = [];
	let runs: RunResult[] = [];
	let wooSecretsSeen: Record<string, string> = {};
	const savedPolicy = { ...RETRY_POLICY };

	// The services are filled in by beforeAll; the methods below only run in tests.
	const env: ReliabilityEnvironment = Object.assign({} as ReliabilityEnvironment, {
		hooks: [] as WebhookTrigger[],
		extraFaults: 0,
		extraSecrets: {} as Record<string, string>,
		extraProduced: {} as Record<string, unknown>,
		credentials: () => ({
			myOgoApi: sandboxCredentials(env.proxy.url, {
				merchantId: MYOGO_SECRETS.merchantId,
				secretToken: MYOGO_SECRETS.secretToken,
				clientId: MYOGO_SECRETS.clientId,
				clientSecret: MYOGO_SECRETS.clientSecret,
			}),
			wooCommerceApi: wooCommerceCredentials(env.fake),
		}),
		api: () => loginClient(env.sandbox.url),
		async run(
			triggerName: string,
			items: IDataObject[],
			credentialsHelper?: HarnessCredentialsHelper,
		) {
			const next = env.template.connections[triggerName]?.main?.[0] ?? [];
			if (next.length !== 1) throw new Error(`trigger "${triggerName}" must feed exactly one node`);
			const input: INodeExecutionData[] = items.map((json) => ({ json }));
			const result = await runWorkflow(
				{ nodes: env.template.nodes, connections: env.template.connections },
				{ credentials: env.credentials(), input, startNode: next[0]!.node, credentialsHelper },
			);
			runs.push(result);
			return result;
		},
		async activateWooTriggers() {
			const created = await wooCommerceWebhookTrigger(
				env.template,
				'WooCommerce Trigger (order created)',
				env.credentials(),
			);
			const updated = await wooCommerceWebhookTrigger(
				env.template,
				'WooCommerce Trigger (order updated)',
				env.credentials(),
			);
			env.hooks.push(created, updated);
			for (const [id, hook] of env.fake.state.webhooks)
				wooSecretsSeen[`WooCommerce webhook secret ${id}`] = hook.secret;
			return { created, updated };
		},
		async myOgoOrders() {
			const api = await env.api();
			const all: IDataObject[] = [];
			for (let page = 1; ; page++) {
				const rows = (await api.get('/orders', { params: { limit: 250, page } }))
					.data as IDataObject[];
				all.push(...rows);
				if (rows.length < 250) return all;
			}
		},
		async sandboxLog() {
			return (await env.control.get('/requests')).data as SandboxLogEntry[];
		},
		async observe(observeOptions: ObserveOptions): Promise<Outcome> {
			const name = currentTestName();
			const log = await env.sandboxLog();
			const wooRequests = (await env.woo.get('/requests')).data as Array<{ fault?: boolean }>;
			const wooDeliveries = (await env.woo.get('/deliveries')).data as unknown[];
			const orders = await env.myOgoOrders();
			const references = orders.map((order) => String(order.reference));
			const expected = new Set(observeOptions.expectedReferences);
			const creates = log.filter(
				(e) => e.method === 'POST' && e.path.toLowerCase() === '/api/v1/orders' && e.status === 201,
			).length;

			const faultsInjected =
				log.filter((e) => e.fault).length +
				log.filter((e) => e.status === 401).length +
				wooRequests.filter((r) => r.fault).length +
				env.proxy.faultsInjected +
				env.extraFaults;

			const dynamicSecrets: Record<string, string> = { ...wooSecretsSeen, ...env.extraSecrets };
			[...env.proxy.tokens].forEach(
				(token, i) => (dynamicSecrets[`myOGO access or refresh token ${i + 1}`] = token),
			);
			for (const [id, hook] of env.fake.state.webhooks)
				dynamicSecrets[`WooCommerce webhook secret ${id}`] = hook.secret;
			rememberFingerprints(dynamicSecrets);

			const produced = {
				sandboxLog: sandboxLines,
				sandboxRequests: log,
				wooRequests,
				wooDeliveries,
				answersToNodes: env.proxy.answers,
				receiverCalls: env.hooks.map((hook) => hook.calls),
				...env.extraProduced,
			};
			const texts = [
				...runs.flatMap((run, i) => runTexts(run).map((text) => ({ where: `run ${i + 1}`, text }))),
				...Object.entries(produced).map(([where, value]) => ({ where, text: safeJson(value) })),
			];
			const leaks = scanForSecrets(texts, { ...STATIC_SECRETS, ...dynamicSecrets });

			// Leave what the test produced on disk too, for the final scan over files.
			const dir = join(RELIABILITY_DATA, 'runs');
			mkdirSync(dir, { recursive: true });
			writeFileSync(
				join(dir, `${slug(name)}.json`),
				JSON.stringify({ runs: runs.map((run) => runTexts(run)), ...produced }, null, 1),
			);

			const observation = record({
				test: name,
				faultsInjected,
				ordersSent: observeOptions.ordersSent ?? expected.size,
				ordersInMyOgo: orders.length,
				lost: [...expected].filter((reference) => !references.includes(reference)).length,
				duplicated:
					references.length - new Set(references).size + Math.max(0, creates - orders.length),
				staleStockWrites: observeOptions.staleStockWrites ?? 0,
				secretLeaks: leaks.length,
				trackingShipped: observeOptions.tracking?.shipped.length ?? 0,
				trackingDelivered: new Set(
					observeOptions.tracking?.delivered.filter((r) =>
						observeOptions.tracking!.shipped.includes(r),
					),
				).size,
			});
			return {
				...observation,
				references,
				unexpected: references.filter((reference) => !expected.has(reference)),
				leaks,
			};
		},
	});

	beforeAll(async () => {
		env.sandbox = await startTestSandbox({
			credentials: MYOGO_SECRETS,
			log: (line: string) => sandboxLines.push(line),
		});
		env.control = controlClient(env.sandbox.url);
		env.proxy = new MyOgoProxy(env.sandbox.url);
		await env.proxy.start();
		env.fake = (await startWooCommerceFake({ port: 0, ...WOO_SECRETS })) as WooFake;
		env.woo = wooControl(env.fake);
		env.template = configure(loadTemplate(options.template), options.settings?.(env.fake) ?? {});
		// Short waits so fault storms take seconds; the policy's rules (what is retried) are unchanged.
		Object.assign(RETRY_POLICY, {
			backoffBaseMs: 20,
			backoffMaxMs: 200,
			timeoutMs: SUITE_TIMEOUT_MS,
		});
	});
	afterAll(async () => {
		Object.assign(RETRY_POLICY, savedPolicy);
		for (const hook of env.hooks) await hook.close();
		await env.proxy?.close();
		await env.sandbox?.close();
		await env.fake?.close();
	});
	beforeEach(async () => {
		for (const hook of env.hooks.splice(0)) await hook.close();
		await env.control.post('/reset');
		await env.woo.post('/reset');
		env.proxy.reset();
		sandboxLines.length = 0;
		runs = [];
		wooSecretsSeen = {};
		env.extraFaults = 0;
		env.extraSecrets = {};
		env.extraProduced = {};
		if (options.products?.length) {
			await env.control.post('/seed', {
				products: options.products.map((code) => ({ code, languageCode: 'en', name: code })),
			});
		}
	});
	return env;
}

/** The outcome's failures in words, so a failing test says what went wrong. */
export function problems(outcome: Outcome): string[] {
	const found: string[] = [];
	if (outcome.lost) found.push(`${outcome.lost} order(s) lost`);
	if (outcome.trackingDelivered < outcome.trackingShipped) {
		found.push(
			`${outcome.trackingShipped - outcome.trackingDelivered} tracking code(s) shipped but not in the store`,
		);
	}
	if (outcome.duplicated) found.push(`${outcome.duplicated} order(s) duplicated`);
	if (outcome.unexpected.length)
		found.push(`orders that should not be in myOGO: ${outcome.unexpected.join(', ')}`);
	if (outcome.staleStockWrites) found.push(`${outcome.staleStockWrites} stale stock write(s)`);
	for (const leak of outcome.leaks) found.push(`${leak.secret} found in ${leak.where}`);
	return found;
}
