/**
 * The fakes of a benchmark file, in a child process of their own (bench/sandboxProcess.js): the
 * myOGO sandbox, plus the store fakes the file names. Only the n8n side runs in the jest process.
 */
import type { AxiosInstance } from 'axios';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

import { controlClient } from '../test/harness/sandbox';
import type { RunningWooCommerceFake } from '../test/harness/templates';

/** The WooCommerce fake in the child process: what the n8n credential needs. */
export type WooCommerceFakeAddress = Pick<
	RunningWooCommerceFake,
	'url' | 'port' | 'consumerKey' | 'consumerSecret'
>;

/** The Shopify fake behind bench/latencyProxy.js: n8n calls the proxy, the benchmark the fake's control API. */
export interface ShopifyFakeAddress {
	/** The fake's own control API (`https://127.0.0.1:<fake port>/_fake`), no latency. */
	controlUrl: string;
	/** The proxy's Shop Subdomain for n8n's Shopify credential: `127.0.0.1:<proxy port>/shop/`. */
	shopSubdomain: string;
	accessToken: string;
	appSecret: string;
	/** The OAuth2 credential's side: the app's client ID and the token the fake's OAuth flow issues. */
	clientId: string;
	oauthAccessToken: string;
	/** The proxy's fixed wait before each call it forwards. */
	latencyMs: number;
}

/** The Magento 2 fake in the child process: what the n8n credential needs. */
export interface MagentoFakeAddress {
	url: string;
	port: number;
	accessToken: string;
}

export interface BenchFakes {
	/** The myOGO sandbox's base URL. */
	url: string;
	/** The sandbox's control API, with limits raised for seeding big catalogs. */
	control: AxiosInstance;
	wooCommerce?: WooCommerceFakeAddress;
	shopify?: ShopifyFakeAddress;
	magento2?: MagentoFakeAddress;
	close(): void;
}

export async function startFakes(
	stores: Array<'woocommerce' | 'shopify' | 'magento2'> = [],
): Promise<BenchFakes> {
	const child: ChildProcess = fork(path.join(__dirname, 'sandboxProcess.js'), stores, {
		stdio: 'inherit',
	});
	const message = await new Promise<{
		url: string;
		wooCommerce?: WooCommerceFakeAddress;
		shopify?: ShopifyFakeAddress;
		magento2?: MagentoFakeAddress;
	}>((resolve, reject) => {
		child.once('message', (received) => resolve(received as { url: string }));
		child.once('error', reject);
	});
	const control = controlClient(message.url);
	control.defaults.timeout = 120_000;
	control.defaults.maxBodyLength = Infinity;
	control.defaults.maxContentLength = Infinity;
	return { ...message, control, close: () => child.send('close') };
}

export interface LogEntry {
	method: string;
	path: string;
	status: number | null;
	/** Shopify fake: a GraphQL call answered THROTTLED (its cost budget on). */
	throttled?: boolean;
}

/** The sandbox's API calls (not the token endpoint) since the log was last cleared. */
export async function myOgoApiCalls(control: AxiosInstance): Promise<LogEntry[]> {
	const { data } = await control.get('/requests');
	return (data as LogEntry[]).filter((entry) => entry.path.toLowerCase().startsWith('/api/'));
}

/** The sandbox's token calls (`/OAuth/Token`) since the log was last cleared. */
export async function myOgoTokenCalls(control: AxiosInstance): Promise<LogEntry[]> {
	const { data } = await control.get('/requests');
	return (data as LogEntry[]).filter((entry) => entry.path.toLowerCase().startsWith('/oauth/'));
}
