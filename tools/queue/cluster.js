// @ts-check
'use strict';

/**
 * n8n in queue mode on this machine: Redis and PostgreSQL (children of this process), then n8n main,
 * one webhook processor and N workers, each with its own user folder, task-runner broker port and a
 * copy of our package installed the way the community-nodes screen installs it. Everything listens
 * on 127.0.0.1 on free ports; everything it writes lives under `.data/queue/<name>/`.
 *
 * Two steps, so that credentials and workflows can be imported with n8n's CLI in between:
 * `prepareQueueCluster()` starts Redis and PostgreSQL and installs the package; `cluster.start()`
 * starts the n8n processes. `cluster.stop()` stops every process started, also after a failure.
 */

const { mkdirSync, rmSync } = require('node:fs');
const path = require('node:path');

const n8n = require('../n8n');
const { freePorts } = require('./ports');
const { startPostgres } = require('./postgres');
const { startRedis } = require('./redis');

/**
 * @typedef {import('../n8n/server').RunningN8n} RunningN8n
 * @typedef {object} QueueCluster
 * @property {string} folder
 * @property {Record<string, string>} mainEnv
 * @property {Record<string, string>} cliEnv       n8n's CLI (import, publish, execute): main's, with its own broker port
 * @property {Record<string, string>} webhookEnv
 * @property {Array<Record<string, string>>} workerEnvs
 * @property {string} mainUrl      editor and REST API
 * @property {string} webhookUrl   the webhook processor: where the stores deliver
 * @property {RunningN8n | undefined} main
 * @property {RunningN8n | undefined} webhook
 * @property {Array<RunningN8n | undefined>} workers
 * @property {() => Promise<void>} start          main first (it runs migrations and registers webhooks), then the others
 * @property {() => Promise<RunningN8n>} restartMain
 * @property {(index: number) => Promise<void>} killWorker   SIGKILL, as a crashed machine would
 * @property {() => Promise<void>} stop
 */

/**
 * @param {{ name: string, workers?: number, concurrency?: number, extraCaCerts?: string, echo?: (text: string) => void, ports?: Partial<Record<'main' | 'webhook' | 'redis' | 'postgres', number>> }} options
 * @returns {Promise<QueueCluster>}
 */
async function prepareQueueCluster(options) {
	const folder = path.join(n8n.DATA_DIR, 'queue', options.name);
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	const workerCount = options.workers ?? 2;
	// main, webhook, CLI: a broker port each; main, webhook: an HTTP port; every worker: a health and a broker port.
	const free = await freePorts(7 + workerCount * 2);
	const port = (/** @type {'main' | 'webhook' | 'redis' | 'postgres'} */ name) =>
		options.ports?.[name] ?? /** @type {number} */ (free.shift());
	const ports = {
		main: port('main'),
		webhook: port('webhook'),
		redis: port('redis'),
		postgres: port('postgres'),
	};

	/** @type {Array<() => Promise<void>>} newest first */
	const stops = [];
	const stopAll = async () => {
		for (const stop of stops.splice(0)) await stop().catch((error) => console.error(String(error)));
	};
	try {
		const redis = await startRedis({ port: ports.redis, folder: path.join(folder, 'redis') });
		stops.unshift(redis.stop);
		const postgres = await startPostgres({
			port: ports.postgres,
			folder: path.join(folder, 'postgres'),
		});
		stops.unshift(postgres.stop);

		const webhookUrl = `http://127.0.0.1:${ports.webhook}`;
		const queue = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: redis.host,
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: postgres.host,
			DB_POSTGRESDB_PORT: String(postgres.port),
			DB_POSTGRESDB_DATABASE: postgres.database,
			DB_POSTGRESDB_USER: postgres.user,
			DB_POSTGRESDB_PASSWORD: postgres.password,
			// The stores' webhooks are registered at the webhook processor, which alone answers them.
			WEBHOOK_URL: `${webhookUrl}/`,
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		};
		const environment = (
			/** @type {string} */ role,
			/** @type {number} */ httpPort,
			/** @type {Record<string, string>} */ extra = {},
		) =>
			n8n.n8nEnvironment({
				userFolder: path.join(folder, role),
				port: httpPort,
				brokerPort: /** @type {number} */ (free.shift()),
				extraCaCerts: options.extraCaCerts,
				extra: { ...queue, ...extra },
			});
		const mainEnv = environment('main', ports.main);
		// `n8n execute` starts a task broker too: it must not take main's port while main runs.
		const cliEnv = { ...mainEnv, N8N_RUNNERS_BROKER_PORT: String(free.shift()) };
		const webhookEnv = environment('webhook', ports.webhook);
		const workerEnvs = Array.from({ length: workerCount }, (_, i) => {
			const healthPort = /** @type {number} */ (free.shift());
			// A worker's health server defaults to 5678 (main's port): each gets its own.
			return environment(`worker-${i + 1}`, healthPort, {
				QUEUE_HEALTH_CHECK_ACTIVE: 'true',
				QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			});
		});

		// Every process loads the package from its own user folder: one tarball, installed into each.
		const tarball = n8n.packRepo(path.join(folder, 'pack'));
		for (const env of [mainEnv, webhookEnv, ...workerEnvs])
			n8n.installTarball(tarball, env.N8N_USER_FOLDER);
		rmSync(tarball, { force: true });

		const concurrency = String(options.concurrency ?? 10);
		const launch = async (
			/** @type {Record<string, string>} */ env,
			/** @type {'start' | 'webhook' | 'worker'} */ command,
		) => {
			/** @type {(() => Promise<void>) | undefined} */
			let stopEarly;
			const stopThis = async () => stopEarly?.();
			stops.unshift(stopThis);
			const running = await n8n.startN8n(env, {
				command,
				args: command === 'worker' ? [`--concurrency=${concurrency}`] : [],
				timeoutMs: 180_000,
				echo: options.echo,
				onSpawn: (stop) => (stopEarly = stop),
			});
			return running;
		};

		/** @type {QueueCluster} */
		const cluster = {
			folder,
			mainEnv,
			cliEnv,
			webhookEnv,
			workerEnvs,
			mainUrl: `http://127.0.0.1:${ports.main}`,
			webhookUrl,
			main: undefined,
			webhook: undefined,
			workers: [],
			async start() {
				cluster.main = await launch(mainEnv, 'start');
				[cluster.webhook, ...cluster.workers] = await Promise.all([
					launch(webhookEnv, 'webhook'),
					...workerEnvs.map((env) => launch(env, 'worker')),
				]);
			},
			async restartMain() {
				await cluster.main?.stop();
				cluster.main = await launch(mainEnv, 'start');
				return cluster.main;
			},
			async killWorker(index) {
				const worker = cluster.workers[index];
				if (!worker) throw new Error(`no worker ${index + 1}`);
				process.kill(worker.pid, 'SIGKILL');
				await worker.exited;
			},
			stop: stopAll,
		};
		return cluster;
	} catch (error) {
		await stopAll();
		throw error;
	}
}

module.exports = { prepareQueueCluster };
