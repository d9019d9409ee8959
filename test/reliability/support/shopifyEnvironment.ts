/**
 * The reliability environment for the Shopify templates: everything of `useReliabilityEnvironment`
 * (the myOGO sandbox with the suite's credentials, the answer-withholding proxy, observe()) plus the
 * Shopify fake started with the suite's own access token and app secret. observe() also counts the
 * Shopify fake's injected faults, and scans and saves its request and delivery logs.
 */
import type { AxiosInstance } from 'axios';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import {
	allShopifyCredentials,
	shopifyControl,
	shopifyWebhookTrigger,
	startTestShopify,
	type RunningShopifyFake,
} from '../../harness/shopify';
import { configure, loadTemplate } from '../../harness/templates';
import type { WebhookTrigger } from '../../harness/webhook';
import {
	useReliabilityEnvironment,
	type ObserveOptions,
	type Outcome,
	type ReliabilityEnvironment,
} from './environment';
import { SHOPIFY_SECRETS } from './secrets';

export interface ShopifyReliabilityEnvironment extends ReliabilityEnvironment {
	shopifyFake: RunningShopifyFake;
	/** The Shopify fake's control API (`/_fake/…`). */
	shopify: AxiosInstance;
	/** Activates the named Shopify Trigger nodes of the template against the fake (kept in `hooks`). */
	activateShopifyTriggers(...names: string[]): Promise<WebhookTrigger[]>;
}

export interface ShopifyEnvironmentOptions {
	template: string;
	settings?: (fake: RunningShopifyFake) => Record<string, unknown>;
	/** Product codes myOGO knows after each reset. */
	products?: string[];
}

interface ShopifyLogEntry {
	fault?: boolean;
}

export function useShopifyReliabilityEnvironment(
	options: ShopifyEnvironmentOptions,
): ShopifyReliabilityEnvironment {
	const env = useReliabilityEnvironment({
		template: options.template,
		products: options.products,
	}) as ShopifyReliabilityEnvironment;
	const baseCredentials = env.credentials;
	const baseObserve = env.observe;

	Object.assign(env, {
		credentials: (): Record<string, ICredentialDataDecryptedObject> => ({
			...baseCredentials(),
			...allShopifyCredentials(env.shopifyFake),
		}),
		async activateShopifyTriggers(...names: string[]) {
			const triggers: WebhookTrigger[] = [];
			for (const name of names)
				triggers.push(await shopifyWebhookTrigger(env.template, name, env.credentials()));
			env.hooks.push(...triggers);
			return triggers;
		},
		async observe(observeOptions: ObserveOptions): Promise<Outcome> {
			const requests = (await env.shopify.get('/requests')).data as ShopifyLogEntry[];
			const deliveries = (await env.shopify.get('/deliveries')).data as unknown[];
			env.extraFaults += requests.filter((entry) => entry.fault).length;
			Object.assign(env.extraProduced, {
				shopifyRequests: requests,
				shopifyDeliveries: deliveries,
			});
			return await baseObserve(observeOptions);
		},
	});

	// Runs after the base environment's beforeAll (registered first): the template needs the fake's address.
	beforeAll(async () => {
		env.shopifyFake = await startTestShopify(SHOPIFY_SECRETS);
		env.shopify = shopifyControl(env.shopifyFake);
		env.template = configure(
			loadTemplate(options.template),
			options.settings?.(env.shopifyFake) ?? {},
		);
	});
	afterAll(async () => {
		await env.shopifyFake?.close();
	});
	beforeEach(async () => {
		await env.shopify.post('/reset', { webhooks: true });
	});
	return env;
}
