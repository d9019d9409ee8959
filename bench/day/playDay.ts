/**
 * A day in the shop (issue 20): one store's four sync templates published in real n8n (the pinned
 * n8n with our package, tools/n8n), time-compressed (tools/day/compressTime.js), against the myOGO
 * sandbox and the store fake; the day's events played on schedule, a store outage and an n8n restart
 * in the middle; then the end state checked on both sides, the calls per API against the minimum,
 * and the runs per workflow. Used by `npm run bench:day` (full size) and the end-to-end tier (short).
 */
import type { IDataObject } from 'n8n-workflow';

import { importCredentials, signIn, startN8n } from '../../tools/n8n';
import type { RunningN8n } from '../../tools/n8n/server';
import type { TemplateWorkflow } from '../../tools/n8n/templates';
import { createInstance, publishAndStart } from '../../test/e2e/instance';
import {
	credentialsFor,
	startServices,
	templatesFor,
	type E2eServices,
} from '../../test/e2e/services';
import { dayEvents, orderRoles, type DayEvent, type DaySize } from './dayPlan';
import { callKind, editedDescription, editedStreet, type DayStore } from './dayStore';
import { checkLine, endStateChecks, type Check, type DayFacts } from './endState';
import { minimumCalls, type DayPeriods } from './minimumCalls';
import { runLines, workflowRuns } from './workflowRuns';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { compressTime } = require('../../tools/day/compressTime');

const SYNC_TEMPLATES = [
	'orders-to-myogo',
	'products-to-myogo',
	'stock-from-myogo',
	'tracking-from-myogo',
];
const STORE_TRIGGER_TYPES = ['n8n-nodes-base.shopifyTrigger', 'n8n-nodes-base.wooCommerceTrigger'];
const DAY_MS = 86_400_000;

export interface DayOptions {
	size: DaySize;
	/** How long the compressed day lasts in real time. */
	dayMs: number;
	/** How long after the day the end state may take to arrive (catch-ups, repairs, resyncs). */
	settleMs: number;
	log?: (line: string) => void;
	/**
	 * Read every run to find its trigger and whether it had nothing to do (default); false counts runs
	 * per workflow only (a list read instead of one read per run: the end-to-end tier's time budget).
	 */
	classifyRuns?: boolean;
	/** The n8n user folder's name before the store's prefix (`.data/e2e/<name>-shopify-`), so the
	 * benchmark and the end-to-end day can run side by side. */
	instanceName?: string;
}

export interface CallRatio {
	api: string;
	calls: number;
	minimum: number;
	ratio: number;
	reasons: string[];
}

export interface DayReport {
	store: string;
	checks: Check[];
	ratios: CallRatio[];
	/** Runs started by another template's writes that had nothing to do. */
	flaggedRuns: number;
	lines: string[];
	/** How long the whole day took, n8n start to the last figure, in seconds. */
	seconds: number;
	/** n8n's output, to look for package problems. */
	n8nLog: string;
}

/** The tracking code the warehouse gives the `order`-th order: `JJFI` + 17 digits, as myOGO's. */
const trackingCode = (order: number) => `JJFI${String(order + 1).padStart(17, '0')}`;

/** The compressed period (s) of the trigger of `type` in the template whose file ends with `file`. */
function periodsOf(changes: Array<{ file: string; type: string; toSeconds: number }>): DayPeriods {
	const period = (file: string, type: string) => {
		const change = changes.find((c) => c.file.endsWith(`${file}.json`) && c.type === type);
		if (!change) throw new Error(`no compressed ${type} in ${file}`);
		return change.toSeconds;
	};
	const poll = 'n8n-nodes-myogo.myOgoTrigger';
	const schedule = 'n8n-nodes-base.scheduleTrigger';
	return {
		stockPoll: period('stock-from-myogo', poll),
		shippedPoll: period('tracking-from-myogo', poll),
		ordersCatchUp: period('orders-to-myogo', schedule),
		trackingRepair: period('tracking-from-myogo', schedule),
		stockReconcile: period('stock-from-myogo', schedule),
		productsResync: period('products-to-myogo', schedule),
	};
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function playDay(
	makeStore: (services: E2eServices) => DayStore,
	options: DayOptions,
): Promise<DayReport> {
	const started = Date.now();
	const log = (line: string) =>
		options.log?.(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
	const services = await startServices();
	let server: RunningN8n | undefined;
	let stopN8n: (() => Promise<void>) | undefined;
	try {
		const store = makeStore(services);
		const bed = store.name === 'Shopify' ? services.shopBed : services.bed;

		// Both sides start in sync: myOGO holds the shop's products as the template maps them, and its levels.
		const { products, levels } = await store.seed();
		await bed.reset();
		await bed.control.post('/seed', {
			products,
			stock: Object.entries(levels).map(([code, stockAvailable]) => ({
				code,
				stockAvailable,
				reserved: 0,
			})),
		});

		const factor = DAY_MS / options.dayMs;
		const compressed = templatesFor(services)
			.filter((t) =>
				SYNC_TEMPLATES.some((name) => t.file === `${store.templatePrefix}${name}.json`),
			)
			.map(
				(t) =>
					compressTime(t, factor) as {
						template: TemplateWorkflow;
						changes: Array<{ file: string; type: string; toSeconds: number }>;
					},
			);
		if (compressed.length !== 4)
			throw new Error(`${store.name}: ${compressed.length} sync templates, not 4`);
		const templates = compressed.map((c) => c.template);
		const periods = periodsOf(compressed.flatMap((c) => c.changes));
		const storeWebhookTriggers = templates
			.flatMap((t) => t.nodes)
			.filter((n) => STORE_TRIGGER_TYPES.includes(String(n.type))).length;

		const n8n = await createInstance(`${options.instanceName ?? 'day'}-${store.templatePrefix}`, {
			extraCaCerts: services.shopify.caCertPath,
		});
		await importCredentials(n8n.env, credentialsFor(services));
		let cookie: string;
		({ server, cookie } = await publishAndStart(n8n, templates, (stop) => (stopN8n = stop)));
		await storeWebhooksRegistered(store, services, storeWebhookTriggers);
		await bed.control.delete('/requests');
		await store.clearApiCalls();
		log(
			`${store.name}: n8n up with the four templates at ${Math.round(factor)} × (periods ${JSON.stringify(periods)}); the day starts`,
		);

		// The day.
		const roles = orderRoles(options.size);
		const facts: DayFacts = { placed: new Map(), roles, streets: new Map(), tracking: new Map() };
		const shipmentTimes: number[] = [];
		const stockChanges: Array<{ time: number; sku: string }> = [];
		const waitingToShip: number[] = [];
		const problems: string[] = [];
		const dayStart = Date.now();
		let downFrom = 0;
		let upFrom = 0;
		let restart: Promise<void> = Promise.resolve();

		// A real restart lasts minutes, hours of a compressed day: the warehouse would not have shipped
		// in that time, so shipments wait until n8n is up again and two catch-ups have run (an order
		// edited while n8n was down reaches myOGO by the catch-up before the warehouse ships it).
		const shipmentsOnHold = () =>
			(downFrom > 0 && upFrom === 0) ||
			Date.now() < upFrom + 2 * periods.ordersCatchUp * 1000 + 2000;
		const ship = async (order: number) => {
			if (shipmentsOnHold()) return false;
			const placed = facts.placed.get(order);
			const answer = placed
				? await bed.control.post(
						`/orders/${encodeURIComponent(placed.reference)}/advance`,
						{ status: 'shipped', trackingNumber: trackingCode(order) },
						{ validateStatus: () => true },
					)
				: { status: 404 };
			// The warehouse ships only what it has: an order not in myOGO yet is shipped once it is.
			if (answer.status === 404) return false;
			if (answer.status >= 300)
				throw new Error(`shipping order ${placed?.reference}: ${answer.status}`);
			facts.tracking.set(order, trackingCode(order));
			shipmentTimes.push(Date.now());
			return true;
		};
		const play = async (event: DayEvent) => {
			switch (event.kind) {
				case 'order':
					facts.placed.set(
						event.order,
						await store.placePaidOrder(event.order, roles.lineLeftOut.has(event.order)),
					);
					return;
				case 'editOrder':
					await store.editOrder(facts.placed.get(event.order)!, editedStreet(event.order));
					facts.streets.set(event.order, editedStreet(event.order));
					return;
				case 'cancelOrder':
					return await store.cancelOrder(facts.placed.get(event.order)!);
				case 'ship':
					if (!(await ship(event.order))) waitingToShip.push(event.order);
					return;
				case 'stock':
					await bed.control.put(`/stock/${encodeURIComponent(event.sku)}`, {
						stockAvailable: event.level,
					});
					stockChanges.push({ time: Date.now(), sku: event.sku });
					return;
				case 'editProduct':
					return await store.editProduct(event.product, editedDescription(event.edit));
				case 'outageStarts':
					log(`${store.name}: the store is down (503) for 15 compressed minutes`);
					return await store.startOutage();
				case 'outageEnds':
					return await store.endOutage();
				case 'restartN8n':
					restart = (async () => {
						downFrom = Date.now();
						log(`${store.name}: n8n stops (SIGTERM) and starts again on the same database`);
						// A clean stop: n8n finishes what it runs within its own shutdown timeout (30 s)
						// and exits; SIGKILL only if it has not exited 15 s after that.
						await server!.stop(45_000);
						server = undefined;
						server = await startN8n(n8n.env, { onSpawn: (stop) => (stopN8n = stop) });
						cookie = await signIn(server.url);
						upFrom = Date.now();
						log(`${store.name}: n8n up again after ${((upFrom - downFrom) / 1000).toFixed(1)} s`);
					})();
					return;
			}
		};
		for (const event of dayEvents(options.size, store.skus, store.editableProducts)) {
			await sleep(dayStart + event.at * options.dayMs - Date.now());
			try {
				await play(event);
			} catch (error) {
				problems.push(`${event.kind} at ${event.at.toFixed(3)}: ${(error as Error).message}`);
			}
			for (const order of waitingToShip.splice(0))
				if (!(await ship(order))) waitingToShip.push(order);
		}
		await sleep(dayStart + options.dayMs - Date.now());
		await restart;
		log(
			`${store.name}: the day is over (${((Date.now() - dayStart) / 1000).toFixed(0)} s); waiting for the end state`,
		);

		// The end state may take a catch-up, a repair or a resync to arrive: check until it holds.
		let checks: Check[] = [];
		const settleUntil = Date.now() + options.settleMs;
		for (;;) {
			for (const order of waitingToShip.splice(0))
				if (!(await ship(order))) waitingToShip.push(order);
			checks = await endStateChecks(store, bed.sandbox.store, facts);
			if ((checks.every((c) => c.ok) && waitingToShip.length === 0) || Date.now() > settleUntil)
				break;
			await sleep(3000);
		}
		const settled = Date.now();
		if (waitingToShip.length)
			problems.push(`${waitingToShip.length} orders never reached myOGO to be shipped`);

		// Calls per API against the minimum.
		const myOgoLog = (await bed.control.get('/requests')).data as IDataObject[];
		const calls = [
			...myOgoLog
				.filter((c) => /^\/api\//i.test(String(c.path)))
				.map((c) => ({ api: 'myOGO', kind: callKind(c) })),
			...(await store.apiCalls()),
		];
		const held = (bed.sandbox.store as { orders: { rows: Map<string, unknown> } }).orders.rows;
		const cancelledPlaced = [...roles.cancelled].filter((n) => facts.placed.has(n));
		const neverSent = cancelledPlaced.filter(
			(n) => !held.has(facts.placed.get(n)!.reference),
		).length;
		const minimums = minimumCalls({
			store: store.name as 'Shopify' | 'WooCommerce',
			periods,
			upIntervals: downFrom
				? [
						[dayStart, downFrom],
						[upFrom, settled],
					]
				: [[dayStart, settled]],
			paidOrders: facts.placed.size - neverSent,
			editedOrders: facts.streets.size,
			cancelledOrders: cancelledPlaced.length - neverSent,
			neverSent,
			shippedOrders: facts.tracking.size,
			productEdits: options.size.productEdits,
			shipmentTimes,
			stockChanges,
			parentOf: store.parentOf,
			storeWebhookTriggers,
			restarts: downFrom ? 1 : 0,
		});
		const ratios: CallRatio[] = minimums.map((m) => {
			const count = calls.filter((c) => c.api === m.api).length;
			return {
				api: m.api,
				calls: count,
				minimum: m.minimum,
				ratio: count / m.minimum,
				reasons: m.reasons,
			};
		});

		log(
			`${store.name}: end state ${checks.every((c) => c.ok) ? 'reached' : 'not reached'}; counting calls and runs`,
		);
		// Runs per workflow.
		const deliveries = await store.deliveriesByTopic();
		const topicOf = new Map(
			templates.flatMap((t) =>
				t.nodes
					.filter((n) => STORE_TRIGGER_TYPES.includes(String(n.type)))
					.map(
						(n) =>
							[
								`${t.name}\u0000${n.name}`,
								String(n.parameters.topic ?? n.parameters.event),
							] as const,
					),
			),
		);
		const runs = await workflowRuns(
			server!.url,
			cookie!,
			templates,
			(workflow, trigger) => {
				const topic = topicOf.get(`${workflow}\u0000${trigger}`);
				return topic === undefined
					? undefined
					: store.ownDeliveries(topic, {
							orders: facts.placed.size,
							edits: facts.streets.size,
							cancels: cancelledPlaced.length,
							productEdits: options.size.productEdits,
						});
			},
			options.classifyRuns ?? true,
		);
		const { lines: runText, flagged } = runLines(runs);

		const lines = [
			`A day in the shop, ${store.name}: ${options.size.orders} paid orders (${options.size.editedOrders} edited, ${options.size.cancelledOrders} cancelled, ${options.size.ordersWithLineLeftOut} with a line left out), ${options.size.stockChanges} stock changes, ${options.size.productEdits} product edits, ${facts.tracking.size} shipments; a day of ${options.dayMs / 1000} s (${Math.round(factor)} ×), the end state after ${((settled - dayStart - options.dayMs) / 1000).toFixed(0)} s more`,
			'end state:',
			...checks.map((c) => `  ${checkLine(c)}`),
			'calls per API (from the fakes\u2019 request logs; token calls not counted) / minimum for the day:',
			...ratios.map(
				(r) =>
					`  ${r.ratio <= 1.1 ? '✓' : '✗'} ${r.api}: ${r.calls} / ${r.minimum} = ${r.ratio.toFixed(2)}`,
			),
			'  the calls, by kind:',
			...ratios.flatMap((r) =>
				kindsOf(calls.filter((c) => c.api === r.api)).map((k) => `    ${r.api}: ${k}`),
			),
			'  the minimum, term by term:',
			...ratios.flatMap((r) => r.reasons.map((reason) => `    ${r.api}: ${reason}`)),
			'runs per workflow (n8n executions, by trigger):',
			...runText.map((line) => `  ${line}`),
			`webhook deliveries by topic: ${JSON.stringify(deliveries)}`,
			...problems.map((p) => `problem: ${p}`),
		];
		return {
			store: store.name,
			checks,
			ratios,
			flaggedRuns: flagged,
			lines,
			seconds: Math.round((Date.now() - started) / 1000),
			n8nLog: server!.log(),
		};
	} finally {
		await (server ? server.stop() : stopN8n?.());
		await services.close();
	}
}

/** Call kinds with their counts, most first. */
function kindsOf(calls: Array<{ kind: string }>): string[] {
	const counts = new Map<string, number>();
	for (const c of calls) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
	return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n} × ${kind}`);
}

/** Waits (60 s at most) until n8n registered every store webhook trigger's webhook in the store. */
async function storeWebhooksRegistered(store: DayStore, services: E2eServices, count: number) {
	const control = store.name === 'Shopify' ? services.shop : services.woo;
	const deadline = Date.now() + 60_000;
	for (;;) {
		const { webhooks } = (await control.get('/state')).data as { webhooks: unknown[] };
		if (webhooks.length >= count) return;
		if (Date.now() > deadline)
			throw new Error(`${store.name}: ${webhooks.length} of ${count} webhooks registered`);
		await sleep(500);
	}
}
