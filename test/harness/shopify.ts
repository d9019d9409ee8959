/**
 * The Shopify fake (sandbox/shopify) for tests: start it, the n8n credential that points at it,
 * its control API, and a template's Shopify Trigger hosted against it.
 */
import { existsSync, readFileSync } from 'node:fs';

import axios, { type AxiosInstance } from 'axios';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { nodeOf, type Template } from './templates';
import { WebhookTrigger } from './webhook';
import { createMyOgoOrder } from './myOgoOrder';

// The fake is plain JavaScript, used exactly as its CLI uses it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startShopifyFake } = require('../../sandbox/shopify');

export interface RunningShopifyFake {
	/** `https://127.0.0.1:<port>` */
	url: string;
	port: number;
	/** What goes into n8n's Shopify credential "Shop Subdomain": `127.0.0.1:<port>/shop/`. */
	shopSubdomain: string;
	/** `https://127.0.0.1:<port>/shop/.myshopify.com/admin/api/2026-10` (the version the templates pin) */
	adminUrl: string;
	/** The legacy custom app's token (`shpat_…`), for the Shopify Access Token API credential. */
	accessToken: string;
	/** The app's client secret: the webhook HMAC key, and the OAuth2 credential's Client Secret. */
	appSecret: string;
	/** The app's client ID, for the Shopify OAuth2 API credential. */
	clientId: string;
	/** The token the fake's OAuth flow issues. */
	oauthAccessToken: string;
	/** The self-signed certificate, which NODE_EXTRA_CA_CERTS must name. */
	caCertPath: string;
	/** Resolves when every webhook delivery queued so far has been attempted. */
	settle(): Promise<void>;
	close(): Promise<void>;
}

/**
 * Whether this process trusts the fake's certificate. Node reads NODE_EXTRA_CA_CERTS only at
 * start, so a test process started without it cannot reach the fake over HTTPS.
 */
function trustsCertificate(caCertPath: string): boolean {
	const extra = process.env.NODE_EXTRA_CA_CERTS;
	if (!extra || !existsSync(extra)) return false;
	return readFileSync(extra, 'utf8').includes(readFileSync(caCertPath, 'utf8').trim());
}

/** Starts the fake on a free port; `secrets` replaces its demo access token and app secret. */
export async function startTestShopify(
	secrets: { accessToken?: string; appSecret?: string } = {},
): Promise<RunningShopifyFake> {
	const fake = (await startShopifyFake({ port: 0, ...secrets })) as RunningShopifyFake;
	if (!trustsCertificate(fake.caCertPath)) {
		await fake.close();
		throw new Error(
			`This test process does not trust the Shopify fake's certificate. Run the tests with ` +
				`"node tools/run-tests.js <files>" (or set NODE_EXTRA_CA_CERTS=${fake.caCertPath} before starting Jest).`,
		);
	}
	return fake;
}

/** The n8n "Shopify Access Token API" credential a merchant with a legacy custom app would fill in for the fake. */
export function shopifyCredentials(fake: RunningShopifyFake): ICredentialDataDecryptedObject {
	return {
		shopSubdomain: fake.shopSubdomain,
		accessToken: fake.accessToken,
		appSecretKey: fake.appSecret,
	};
}

/**
 * The n8n "Shopify OAuth2 API" credential after "Connect my account" went through the fake's OAuth
 * flow (a Dev Dashboard app): what n8n stores, with the token the flow issued.
 */
/** What the OAuth2 credential needs of a Shopify fake (the running fake, or a benchmark's address of one). */
export type ShopifyOAuth2App = Pick<
	RunningShopifyFake,
	'shopSubdomain' | 'clientId' | 'appSecret' | 'oauthAccessToken'
>;

export function shopifyOAuth2Credentials(fake: ShopifyOAuth2App): ICredentialDataDecryptedObject {
	const shop = `https://${fake.shopSubdomain}.myshopify.com/admin/oauth`;
	return {
		shopSubdomain: fake.shopSubdomain,
		clientId: fake.clientId,
		clientSecret: fake.appSecret,
		grantType: 'authorizationCode',
		authUrl: `${shop}/authorize`,
		accessTokenUrl: `${shop}/access_token`,
		scope: 'write_orders read_orders write_products read_products',
		authQueryParameters: 'access_mode=value',
		authentication: 'body',
		oauthTokenData: { access_token: fake.oauthAccessToken, scope: 'read_orders,read_products' },
	};
}

/** The OAuth2 credential after the merchant uninstalled the app (its token no longer works). */
export function revokedShopifyOAuth2Credentials(
	fake: RunningShopifyFake,
): ICredentialDataDecryptedObject {
	return { ...shopifyOAuth2Credentials(fake), oauthTokenData: { access_token: 'revoked_token' } };
}

/** Both Shopify credentials a merchant could select, by n8n credential type. */
export function allShopifyCredentials(
	fake: RunningShopifyFake,
): Record<string, ICredentialDataDecryptedObject> {
	return {
		shopifyOAuth2Api: shopifyOAuth2Credentials(fake),
		shopifyAccessTokenApi: shopifyCredentials(fake),
	};
}

/**
 * What a merchant with a legacy custom app (a permanent `shpat_` token) does to a template that ships
 * set up for the Shopify OAuth2 API credential: every Shopify node and trigger on Authentication
 * "Access Token", every Shopify HTTP Request node on the credential type "Shopify Access Token API".
 */
export function withLegacyShopifyToken(template: Template): Template {
	return {
		...template,
		nodes: template.nodes.map((node) => {
			if (!node.credentials?.shopifyAccessTokenApi) return node;
			const parameters =
				node.type === 'n8n-nodes-base.httpRequest'
					? { ...node.parameters, nodeCredentialType: 'shopifyAccessTokenApi' }
					: { ...node.parameters, authentication: 'accessToken' };
			return { ...node, parameters };
		}),
	};
}

/** The fake's control API (`/_fake/...`). */
export function shopifyControl(fake: RunningShopifyFake): AxiosInstance {
	return axios.create({ baseURL: `${fake.url}/_fake`, timeout: 30_000 });
}

/**
 * One of the template's Shopify Trigger nodes, hosted like n8n hosts it (the real node's
 * checkExists/create/delete and webhook(), over HTTP on 127.0.0.1): activation registers a webhook
 * in the fake; the fake's HMAC-signed deliveries land in `calls`, checked by the node's own test.
 * `credentials` must hold the credential type the node uses (e.g. `shopifyAccessTokenApi`).
 */
export async function shopifyWebhookTrigger(
	template: Template,
	triggerName: string,
	credentials: Record<string, ICredentialDataDecryptedObject>,
): Promise<WebhookTrigger> {
	const templateNode = nodeOf(template, triggerName);
	const trigger = new WebhookTrigger({ credentials, parameters: templateNode.parameters });
	trigger.node.type = templateNode.type;
	const types = Object.keys(templateNode.credentials ?? { shopifyAccessTokenApi: null });
	trigger.node.credentials = Object.fromEntries(
		types.map((type) => [type, { id: `test-${type}`, name: `test ${type}` }]),
	);
	await trigger.listen();
	await trigger.activate();
	return trigger;
}

/** A paid checkout of one line, as the fake's `/orders` and `/seed` take it (Standard shipping to Helsinki). */
export function paidCheckout(sku: string, quantity = 1, price = '15.00'): Record<string, unknown> {
	return {
		financial_status: 'paid',
		email: 'aino@example.fi',
		line_items: [{ sku, quantity, price }],
		shipping_address: {
			name: 'Aino Virtanen',
			address1: 'Mannerheimintie 1',
			city: 'Helsinki',
			zip: '00100',
			country_code: 'FI',
		},
		shipping_lines: [{ title: 'Standard', code: 'STANDARD', price: '4.90' }],
	};
}

/** The Settings value every Shopify template test needs: the fake's shop, for the HTTP Request nodes. */
export function fakeShopSettings(
	_woo: unknown,
	{ shopifyFake }: { shopifyFake: RunningShopifyFake },
): Record<string, unknown> {
	return { 'settings.shopSubdomain': shopifyFake.shopSubdomain };
}

/**
 * A paid order placed in the Shopify fake, and the same order already in myOGO (reference = its
 * name without "#"), as the orders template would have sent it: what the tracking tests start from.
 */
export async function paidOrderInBoth(
	shopify: AxiosInstance,
	myOgoApi: AxiosInstance,
	{ sku, shippingCode = 'POSTI_PAKETTI' }: { sku: string; shippingCode?: string },
): Promise<{ id: unknown; reference: string }> {
	const order = (await shopify.post('/orders', paidCheckout(sku, 2, '9.90'))).data as {
		id: unknown;
		name: unknown;
	};
	const reference = String(order.name).replace(/^#/, '');
	await createMyOgoOrder(myOgoApi, reference, sku, 2, shippingCode);
	return { id: order.id, reference };
}
