// @ts-check
'use strict';

/**
 * The n8n credentials and template Settings that point at the local services: the myOGO sandbox,
 * the WooCommerce fake and (when running) the Shopify and Magento 2 fakes. Demo values of local fakes, not secrets.
 */

/**
 * @typedef {object} LocalServices
 * @property {{ url: string, credentials: { merchantId: string, secretToken: string, clientId: string, clientSecret: string } }} sandbox
 * @property {{ url: string, consumerKey: string, consumerSecret: string }} wooCommerce
 * @property {{ url: string, shopSubdomain: string, accessToken: string, appSecret: string, clientId: string, oauthAccessToken: string } | undefined} [shopify]
 * @property {{ url: string, accessToken: string } | undefined} [magento2]
 */

/** Credential ids and names as imported; the templates are wired to them by type. */
const LOCAL_CREDENTIALS = Object.freeze({
	myOgoApi: { id: 'localMyOgoSandbox', name: 'myOGO sandbox (local)' },
	wooCommerceApi: { id: 'localWooCommerceFake', name: 'WooCommerce fake (local)' },
	shopifyAccessTokenApi: { id: 'localShopifyFake', name: 'Shopify fake (local)' },
	shopifyOAuth2Api: { id: 'localShopifyFakeOAuth2', name: 'Shopify fake (local, OAuth2)' },
	magento2Api: { id: 'localMagentoFake', name: 'Magento 2 fake (local)' },
});

/**
 * The credentials to import (`n8n import:credentials`), data in plain text.
 * @param {LocalServices} services
 */
function localCredentials(services) {
	const c = services.sandbox.credentials;
	/** @type {Array<{ id: string, name: string, type: string, data: Record<string, unknown> }>} */
	const list = [
		{
			...LOCAL_CREDENTIALS.myOgoApi,
			type: 'myOgoApi',
			data: {
				merchantId: c.merchantId,
				secretToken: c.secretToken,
				clientId: c.clientId,
				clientSecret: c.clientSecret,
				environment: 'custom',
				tokenBaseUrl: services.sandbox.url,
				apiBaseUrl: services.sandbox.url,
			},
		},
		{
			...LOCAL_CREDENTIALS.wooCommerceApi,
			type: 'wooCommerceApi',
			data: {
				url: services.wooCommerce.url,
				consumerKey: services.wooCommerce.consumerKey,
				consumerSecret: services.wooCommerce.consumerSecret,
				includeCredentialsInQuery: false,
			},
		},
	];
	if (services.shopify) {
		list.push({
			...LOCAL_CREDENTIALS.shopifyAccessTokenApi,
			type: 'shopifyAccessTokenApi',
			data: {
				shopSubdomain: services.shopify.shopSubdomain,
				accessToken: services.shopify.accessToken,
				appSecretKey: services.shopify.appSecret,
			},
		});
		// What n8n stores once "Connect my account" went through the fake's OAuth flow (the templates' default).
		list.push({
			...LOCAL_CREDENTIALS.shopifyOAuth2Api,
			type: 'shopifyOAuth2Api',
			data: {
				shopSubdomain: services.shopify.shopSubdomain,
				clientId: services.shopify.clientId,
				clientSecret: services.shopify.appSecret,
				oauthTokenData: { access_token: services.shopify.oauthAccessToken },
			},
		});
	}
	if (services.magento2) {
		list.push({
			...LOCAL_CREDENTIALS.magento2Api,
			type: 'magento2Api',
			data: { host: services.magento2.url, accessToken: services.magento2.accessToken },
		});
	}
	return list;
}

/**
 * Settings-node values for the templates (each template uses the fields it has).
 * @param {LocalServices} services
 * @returns {Record<string, unknown>}
 */
function localSettings(services) {
	return {
		'settings.wooCommerceUrl': services.wooCommerce.url,
		// The fake's first location ("Main Warehouse"), where the warehouse's stock belongs.
		...(services.shopify
			? { 'settings.shopSubdomain': services.shopify.shopSubdomain, 'settings.locationId': '1' }
			: {}),
		...(services.magento2
			? {
					'settings.magentoUrl': services.magento2.url,
					'settings.mediaBaseUrl': `${services.magento2.url}/media/catalog/product`,
				}
			: {}),
	};
}

/**
 * The wiring for wireTemplate(): credentials by type, Settings values.
 * @param {LocalServices} services
 */
function localWiring(services) {
	/** @type {Record<string, { id: string, name: string }>} */
	const credentials = {};
	for (const credential of localCredentials(services))
		credentials[credential.type] = { id: credential.id, name: credential.name };
	return { credentials, settings: localSettings(services) };
}

module.exports = { LOCAL_CREDENTIALS, localCredentials, localSettings, localWiring };
