/**
 * Security, run LAST by tools/run-reliability.js (it scans what the other tests left):
 * - no credential value (secret token, client secret, API key, access and refresh tokens, webhook
 *   keys, WooCommerce keys) in any file the test tiers produced;
 * - webhook signatures are compared in constant time, and an unsigned or badly signed call does nothing;
 * - the sandbox's control API refuses a caller whose address is not loopback.
 */
import crypto, { createHmac } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';

import axios from 'axios';
import type { IDataObject } from 'n8n-workflow';

import { isValidSignature } from '../../nodes/MyOgoWebhookTrigger/signature';
import { WebhookTrigger } from '../harness/webhook';
import { problems, useReliabilityEnvironment } from './support/environment';
import { record } from './support/observations';
import { RELIABILITY_DATA } from './support/paths';
import {
	FINGERPRINTS_FILE,
	JWT_PATTERN,
	STATIC_SECRETS,
	scanForSecrets,
	sha256,
} from './support/secrets';

const env = useReliabilityEnvironment({
	template: 'woocommerce-orders-to-myogo.json',
	products: ['TEE-S'],
});

const JEST_RESULTS = join(RELIABILITY_DATA, '..', 'jest-results.json');
/** The end-to-end tier's instances, on the pinned n8n and on the compat one (`npm run test:compat`). */
const E2E_DATA = [
	join(RELIABILITY_DATA, '..', 'e2e'),
	join(RELIABILITY_DATA, '..', 'compat', 'e2e'),
];

/** Files below `dir` that `keep` accepts (n8n's installed packages and caches skipped). */
function filesBelow(dir: string, keep: (path: string) => boolean): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (name === 'node_modules' || name === '.cache') return [];
		if (statSync(path).isDirectory()) return filesBelow(path, keep);
		return keep(path) ? [path] : [];
	});
}

/**
 * Every file the tiers left: the unit tiers' Jest results, everything this suite wrote (run outputs
 * and errors, request logs, answers to nodes, Jest's output) and the end-to-end tiers' n8n logs (both
 * n8n versions), when present. (The e2e tiers' other files hold the credentials they import into n8n
 * on purpose.)
 */
function producedFiles(): string[] {
	return [
		...(existsSync(JEST_RESULTS) ? [JEST_RESULTS] : []),
		...filesBelow(RELIABILITY_DATA, (path) => path !== FINGERPRINTS_FILE),
		...E2E_DATA.flatMap((dir) => filesBelow(dir, (path) => path.endsWith('.log'))),
	];
}

interface Fingerprint {
	name: string;
	length: number;
	sha256: string;
}

/** Run-time secrets found by fingerprint: every token-shaped run of the right length is hashed and compared. */
function fingerprintHits(where: string, text: string, fingerprints: Fingerprint[]) {
	const hits: Array<{ secret: string; where: string }> = [];
	const byLength = new Map<number, Map<string, string>>();
	for (const f of fingerprints)
		byLength.set(f.length, (byLength.get(f.length) ?? new Map()).set(f.sha256, f.name));
	for (const [length, hashes] of byLength) {
		const pattern = new RegExp(
			`(?<![A-Za-z0-9_.-])[A-Za-z0-9_.-]{${length}}(?![A-Za-z0-9_.-])`,
			'g',
		);
		for (const candidate of text.match(pattern) ?? []) {
			const name = hashes.get(sha256(candidate));
			if (name) hits.push({ secret: name, where });
		}
	}
	return hits;
}

function readFingerprints(): Fingerprint[] {
	if (!existsSync(FINGERPRINTS_FILE)) return [];
	return readFileSync(FINGERPRINTS_FILE, 'utf8')
		.split('\n')
		.filter(Boolean)
		.map((line) => JSON.parse(line) as Fingerprint);
}

describe('no secret in anything the tiers produced', () => {
	test('the scan finds a planted secret, a token and a JWT (so a clean result means something)', () => {
		const token = crypto.randomBytes(32).toString('base64url');
		const text = `ok ${STATIC_SECRETS['myOGO client secret']} "${token}" eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4eHh4In0.c2lnbmF0dXJlc2ln`;
		expect(
			scanForSecrets([{ where: 'planted', text }], STATIC_SECRETS).map((hit) => hit.secret),
		).toEqual(['myOGO client secret', 'a JWT access token']);
		expect(
			fingerprintHits('planted', text, [
				{ name: 'token', length: token.length, sha256: sha256(token) },
			]),
		).toEqual([{ secret: 'token', where: 'planted' }]);
	});

	test('Jest results, run outputs, errors, request logs, answers to nodes and logs hold no credential value', () => {
		const files = producedFiles();
		const fingerprints = readFingerprints();
		// The other reliability tests ran first and left their runs and the secrets' fingerprints.
		expect(files.some((file) => file.includes(`${join('reliability', 'runs')}`))).toBe(true);
		expect(fingerprints.length).toBeGreaterThan(0);
		const hits = files.flatMap((file) => {
			const text = readFileSync(file, 'utf8');
			const where = file.slice(file.indexOf('.data'));
			return [
				...scanForSecrets([{ where, text }], STATIC_SECRETS),
				...fingerprintHits(where, text, fingerprints),
			];
		});
		record({
			test: 'security: files on disk',
			faultsInjected: 0,
			ordersSent: 0,
			ordersInMyOgo: 0,
			lost: 0,
			duplicated: 0,
			staleStockWrites: 0,
			secretLeaks: hits.length,
			trackingShipped: 0,
			trackingDelivered: 0,
		});
		expect(hits).toEqual([]);
		expect(JWT_PATTERN.test(files.map((file) => readFileSync(file, 'utf8')).join('\n'))).toBe(
			false,
		);
	});
});

describe('webhook signatures', () => {
	test('our trigger compares signatures with crypto.timingSafeEqual, for good and bad ones alike', () => {
		const spy = jest.spyOn(crypto, 'timingSafeEqual');
		const body = Buffer.from('{"type":"OrderShipped"}');
		const good = createHmac('sha256', 'key-1').update(body).digest('base64');
		const bad = createHmac('sha256', 'key-2').update(body).digest('base64');
		expect(isValidSignature('key-1', body, good)).toBe(true);
		expect(isValidSignature('key-1', body, bad)).toBe(false);
		expect(spy).toHaveBeenCalledTimes(2);
		spy.mockRestore();
	});

	test('an unsigned or badly signed call to the myOGO Webhook Trigger is refused and starts nothing', async () => {
		const trigger = new WebhookTrigger({
			credentials: env.credentials(),
			parameters: { event: 'orderShipped' },
		});
		env.hooks.push(trigger);
		await trigger.listen();
		await trigger.activate();
		const key = String((trigger.persisted['node:myOGO Webhook Trigger'] as IDataObject).signingKey);
		env.extraSecrets['myOGO webhook signing key'] = key;
		const body = JSON.stringify({
			type: 'OrderShipped',
			occurred: '2026-11-26T17:00:00.000Z',
			order: { reference: '1', status: 'shipped' },
		});
		const post = (headers: Record<string, string>) =>
			axios.post(trigger.url, body, {
				headers: { 'Content-Type': 'application/json', ...headers },
				validateStatus: () => true,
				transformRequest: [(d) => d],
			});
		const sign = (k: string) => createHmac('sha256', k).update(body).digest('base64');
		const refused = [
			await post({}),
			await post({ 'X-OGOship-Hmac-SHA256': sign('guessed-key') }),
			await post({ 'X-OGOship-Hmac-SHA256': sign(key).slice(0, -4) + 'AAA=' }),
		];
		expect(refused.map((r) => r.status)).toEqual([401, 401, 401]);
		expect(trigger.items).toEqual([]);
		env.extraFaults += refused.length;
		// The genuine signature does start it (so the refusals above are about the signature).
		expect((await post({ 'X-OGOship-Hmac-SHA256': sign(key) })).status).toBe(200);
		expect(trigger.items).toHaveLength(1);
		const outcome = await env.observe({ expectedReferences: [], ordersSent: 0 });
		expect(problems(outcome)).toEqual([]);
	});
});

describe('the sandbox control API', () => {
	/** This machine's first non-loopback IPv4 address (the source of a "remote" call to 127.0.0.1). */
	function outsideAddress(): string {
		for (const list of Object.values(networkInterfaces())) {
			const found = list?.find((a) => a.family === 'IPv4' && !a.internal);
			if (found) return found.address;
		}
		throw new Error('this machine has no non-loopback IPv4 address to call the sandbox from');
	}

	function call(method: string, path: string, localAddress?: string): Promise<number> {
		const url = new URL(env.sandbox.url);
		return new Promise((resolve, reject) => {
			const request = http.request(
				{
					host: url.hostname,
					port: url.port,
					method,
					path,
					localAddress,
					headers: { 'Content-Type': 'application/json' },
				},
				(res) => {
					res.resume();
					res.on('end', () => resolve(res.statusCode ?? 0));
				},
			);
			request.on('error', reject);
			request.end(method === 'POST' ? '{"status": 503, "count": 1}' : undefined);
		});
	}

	test('refuses a caller whose remote address is not loopback (403) and does nothing; loopback is served', async () => {
		const outside = outsideAddress();
		expect([
			await call('GET', '/_sandbox', outside),
			await call('POST', '/_sandbox/faults', outside),
			await call('POST', '/_sandbox/reset', outside),
		]).toEqual([403, 403, 403]);
		// Nothing happened: no fault queued, the product still there.
		expect((await env.control.get('/faults')).data).toEqual([]);
		expect((await env.control.get('/')).data.counts.products).toBe(1);
		expect(await call('GET', '/_sandbox')).toBe(200);
	});
});
