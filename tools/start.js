#!/usr/bin/env node
// @ts-check
'use strict';

/**
 * `npm start`: the whole product on this machine. Builds the package, starts the myOGO sandbox and the
 * store fakes with a small demo shop, installs the package into the pinned real n8n as a community
 * package, imports credentials for the local services and every template wired to them, starts n8n on
 * 127.0.0.1:5678, signs up the demo owner, and prints where to go. Ctrl-C stops everything.
 * Everything it writes lives under `.data/start/`; `npm start -- --fresh` starts from an empty n8n.
 * `npm run start:queue` (`--queue`) runs the same demo on n8n in queue mode (tools/queue/cluster.js).
 * With MYOGO_N8N=compat it runs n8n 2.40 instead, on 127.0.0.1:5778, from `.data/compat/start/`.
 * MYOGO_START_PORT=<port> serves n8n there instead (the broker, sandbox and fakes on the ports after
 * it, as below), for a second stack beside one already running.
 */

const { spawnSync } = require('node:child_process');
const { mkdirSync, readFileSync, rmSync } = require('node:fs');
const { request } = require('node:https');
const path = require('node:path');

const n8n = require('./n8n');
const { wooCommerceDemoShop, shopifyDemoShop } = require('./demo/demoStores');
const { prepareQueueCluster } = require('./queue/cluster');
const { startSandbox } = require('../sandbox/myogo');
const { demoShop } = require('../sandbox/myogo/seed/demoShop');
const { startShopifyFake } = require('../sandbox/shopify');
const { startWooCommerceFake } = require('../sandbox/woocommerce');
const { startMagentoFake } = require('../sandbox/magento2');
const { magentoDemoShop } = require('./demo/magentoDemoShop');

const BASE = Number(process.env.MYOGO_START_PORT) || n8n.PINNED.startPort;
const PORTS = {
	n8n: BASE,
	broker: BASE + 1,
	sandbox: BASE + 12,
	shopify: BASE + 13,
	wooCommerce: BASE + 14,
	magento2: BASE + 15,
};
const START_DIR = path.join(n8n.N8N_DATA_DIR, 'start');
const USER_FOLDER = path.join(START_DIR, 'n8n');

/** @param {string} text */
const say = (text) => console.log(text);

/** @param {string} script */
function runNpm(script) {
	const result = spawnSync(
		process.platform === 'win32' ? 'npm.cmd' : 'npm',
		['run', '--silent', script],
		{
			cwd: n8n.REPO_ROOT,
			env: n8n.NPM_ENV,
			stdio: 'inherit',
		},
	);
	if (result.status !== 0) throw new Error(`npm run ${script} failed`);
}

/**
 * @param {string} url
 * @param {unknown} body
 */
async function postJson(url, body) {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	if (!response.ok) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
	return await response.json();
}

/** @type {Array<() => Promise<unknown>>} what to stop, newest first */
const stops = [];
let stopping = false;

/**
 * @param {string} reason
 * @param {number} [exitCode]
 */
async function stopAll(reason, exitCode = 0) {
	if (stopping) return;
	stopping = true;
	if (stops.length) say(`\n${reason}: stopping n8n, the fakes and the sandbox…`);
	for (const stop of stops) await stop().catch((error) => console.error(String(error)));
	process.exit(exitCode);
}

async function main() {
	const fresh = process.argv.includes('--fresh');
	const queueMode = process.argv.includes('--queue');
	process.on('SIGINT', () => void stopAll('SIGINT'));
	process.on('SIGTERM', () => void stopAll('SIGTERM'));

	runNpm(n8n.PINNED.setupScript);
	say('Building the package…');
	runNpm('build');
	if (fresh) rmSync(START_DIR, { recursive: true, force: true });
	mkdirSync(USER_FOLDER, { recursive: true });

	const sandbox = await startSandbox({ port: PORTS.sandbox });
	stops.unshift(() => sandbox.close());
	await postJson(`${sandbox.url}/_sandbox/seed`, demoShop);

	const wooCommerce = await startWooCommerceFake({ port: PORTS.wooCommerce });
	stops.unshift(() => wooCommerce.close());
	await postJson(`${wooCommerce.url}/_fake/seed`, wooCommerceDemoShop());

	const shopify = await startShopifyFake({ port: PORTS.shopify });
	stops.unshift(() => shopify.close());
	await seedShopify(shopify);

	const magento2 = await startMagentoFake({ port: PORTS.magento2 });
	stops.unshift(() => magento2.close());
	await postJson(`${magento2.url}/_fake/seed`, magentoDemoShop());

	const services = { sandbox, wooCommerce, shopify, magento2 };
	const templates = n8n.templateFiles().map((file) => n8n.readTemplate(file));
	const wiring = n8n.localWiring(services);
	/** @param {Record<string, string>} env */
	const importAll = async (env) => {
		say('Importing credentials and templates…');
		await n8n.importCredentials(env, n8n.localCredentials(services));
		await n8n.importWorkflows(
			env,
			templates.map((t) => n8n.wireTemplate(t, wiring)),
		);
	};
	const server = queueMode
		? await startQueueMode(shopify.caCertPath, importAll)
		: await startSingle(shopify.caCertPath, importAll);
	void server.exited.then((code) => {
		if (!stopping) void stopAll(`n8n exited (code ${code}); see ${server.logFile}`, 1);
	});
	await n8n.setupOwner(server.url);

	const problems = n8n.packageProblems(server.log());
	const c = sandbox.credentials;
	say('');
	say(`n8n editor:        ${server.url}`);
	say(
		`  login:           ${n8n.DEMO_LOGIN.email} / ${n8n.DEMO_LOGIN.password}  (local demo owner)`,
	);
	say(
		`  workflows:       ${templates.length} templates from workflows/, wired to the credentials below`,
	);
	say(`myOGO sandbox:     ${sandbox.url}   control API ${sandbox.url}/_sandbox`);
	say(
		`  credential:      "${n8n.LOCAL_CREDENTIALS.myOgoApi.name}" (Merchant ID ${c.merchantId}, Environment Custom)`,
	);
	say(`WooCommerce fake:  ${wooCommerce.url}   control API ${wooCommerce.url}/_fake/`);
	say(`  credential:      "${n8n.LOCAL_CREDENTIALS.wooCommerceApi.name}"`);
	say(`Shopify fake:      ${shopify.url}   control API ${shopify.url}/_fake/`);
	say(
		`  credentials:     "${n8n.LOCAL_CREDENTIALS.shopifyOAuth2Api.name}" (the templates' default), "${n8n.LOCAL_CREDENTIALS.shopifyAccessTokenApi.name}" (legacy token)`,
	);
	say(`Magento 2 fake:    ${magento2.url}   control API ${magento2.url}/_fake/`);
	say(`  credential:      "${n8n.LOCAL_CREDENTIALS.magento2Api.name}"`);
	say(`n8n log:           ${path.relative(n8n.REPO_ROOT, server.logFile)}`);
	if (problems.length) say(`\nn8n reported problems with the package:\n  ${problems.join('\n  ')}`);
	say('\nStop with Ctrl-C.');
}

/**
 * One n8n process (`n8n start`) on 127.0.0.1:5678 with SQLite in `.data/start/n8n`.
 * @param {string} caCertPath
 * @param {(env: Record<string, string>) => Promise<void>} importAll
 */
async function startSingle(caCertPath, importAll) {
	const env = n8n.n8nEnvironment({
		userFolder: USER_FOLDER,
		port: PORTS.n8n,
		brokerPort: PORTS.broker,
		extraCaCerts: caCertPath,
	});
	say('Installing the package into n8n as a community package…');
	n8n.installPackage(USER_FOLDER);
	await importAll(env);
	say('Starting n8n…');
	return await n8n.startN8n(env, {
		logFile: path.join(START_DIR, 'n8n.log'),
		onSpawn: (stop) => stops.unshift(stop),
	});
}

/**
 * `npm run start:queue`: n8n in queue mode (tools/queue/): Redis, PostgreSQL, main on 127.0.0.1:5678,
 * a webhook processor and two workers, each with the package installed; data in `.data/queue/start`.
 * @param {string} caCertPath
 * @param {(env: Record<string, string>) => Promise<void>} importAll
 */
async function startQueueMode(caCertPath, importAll) {
	say(
		'Starting Redis and PostgreSQL, installing the package for main, the webhook processor and two workers…',
	);
	const cluster = await prepareQueueCluster({
		name: 'start',
		extraCaCerts: caCertPath,
		ports: { main: PORTS.n8n },
	});
	stops.unshift(cluster.stop);
	await importAll(cluster.cliEnv);
	say('Starting n8n main, the webhook processor and two workers…');
	await cluster.start();
	say(
		`queue mode:        webhook processor ${cluster.webhookUrl} (the stores deliver here), workers' health ${cluster.workers.map((w) => w?.url).join(', ')}`,
	);
	say(
		`  process logs:    ${path.relative(n8n.REPO_ROOT, cluster.folder)}/<main|webhook|worker-N>/n8n.log`,
	);
	return /** @type {import('./n8n/server').RunningN8n} */ (cluster.main);
}

/** @param {{ url: string, caCertPath: string }} shopify */
async function seedShopify(shopify) {
	// The fake's control API is on the same self-signed HTTPS port; this process trusts it through its CA.
	const body = JSON.stringify(shopifyDemoShop());
	const ca = readFileSync(shopify.caCertPath);
	await new Promise((resolve, reject) => {
		const req = request(
			`${shopify.url}/_fake/seed`,
			{ method: 'POST', ca, headers: { 'Content-Type': 'application/json' } },
			(res) => {
				let text = '';
				res.setEncoding('utf8').on('data', (chunk) => (text += chunk));
				res.on('end', () =>
					(res.statusCode ?? 500) < 300
						? resolve(text)
						: reject(new Error(`Shopify fake seed answered ${res.statusCode}: ${text}`)),
				);
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

main().catch((error) => {
	console.error(`npm start failed: ${error.message}`);
	void stopAll('npm start failed', 1);
});
