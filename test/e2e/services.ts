/**
 * The services real n8n talks to in the end-to-end tests: the store fakes and, as a merchant has, one
 * myOGO account per store (a sandbox each), all seeded with the demo shop `npm start` shows, on free ports.
 */
import type { AxiosInstance } from 'axios';

import {
	localCredentials,
	localWiring,
	readTemplate,
	templateFiles,
	wireTemplate,
} from '../../tools/n8n';
import type { TemplateWorkflow } from '../../tools/n8n/templates';
import { shopifyDemoShop, wooCommerceDemoShop } from '../../tools/demo/demoStores';
import { magentoDemoShop } from '../../tools/demo/magentoDemoShop';
import { magentoControl, startTestMagento, type RunningMagentoFake } from '../harness/magento2';
import { shopifyControl, startTestShopify, type RunningShopifyFake } from '../harness/shopify';
import {
	startTestWooCommerce,
	wooControl,
	type RunningWooCommerceFake,
} from '../harness/templates';
import { startTestBed, type TestBed } from '../trigger/helpers';
import { startTogether } from './startTogether';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { demoShop } = require('../../sandbox/myogo/seed/demoShop');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEFAULT_CREDENTIALS } = require('../../sandbox/myogo/defaults');

/** The Shopify templates' myOGO credential (the WooCommerce templates use tools/n8n's default one). */
const SHOPIFY_MERCHANT_CREDENTIAL = {
	id: 'localMyOgoShopifyShop',
	name: 'myOGO sandbox for the Shopify shop',
};
/** The Magento templates' myOGO credential: the Magento shop ships through a myOGO account of its own. */
const MAGENTO_MERCHANT_CREDENTIAL = {
	id: 'localMyOgoMagentoShop',
	name: 'myOGO sandbox for the Magento shop',
};

export interface E2eServices {
	/** The myOGO account the WooCommerce shop ships through. */
	bed: TestBed;
	/** The myOGO account the Shopify shop ships through. */
	shopBed: TestBed;
	/** The myOGO account the Magento shop ships through. */
	magentoBed: TestBed;
	magento2: RunningMagentoFake;
	/** The Magento fake's control API. */
	magento: AxiosInstance;
	wooCommerce: RunningWooCommerceFake;
	woo: AxiosInstance;
	shopify: RunningShopifyFake;
	shop: AxiosInstance;
	close(): Promise<void>;
}

export async function startServices(): Promise<E2eServices> {
	return await startTogether(async (keep) => {
		const bed = keep(await startTestBed());
		const shopBed = keep(await startTestBed());
		const wooCommerce = keep(await startTestWooCommerce());
		const shopify = keep(await startTestShopify());
		const magentoBed = keep(await startTestBed());
		const magento2 = keep(await startTestMagento());
		const services = {
			bed,
			shopBed,
			wooCommerce,
			woo: wooControl(wooCommerce),
			shopify,
			shop: shopifyControl(shopify),
			magentoBed,
			magento2,
			magento: magentoControl(magento2),
		};
		await bed.control.post('/seed', demoShop);
		await shopBed.control.post('/seed', demoShop);
		await services.woo.post('/seed', wooCommerceDemoShop());
		await services.shop.post('/seed', shopifyDemoShop());
		await magentoBed.control.post('/seed', demoShop);
		await services.magento.post('/seed', magentoDemoShop());
		return services;
	});
}

function described(services: E2eServices, bed: TestBed) {
	return {
		sandbox: { url: bed.sandbox.url, credentials: DEFAULT_CREDENTIALS },
		wooCommerce: services.wooCommerce,
		shopify: services.shopify,
		magento2: services.magento2,
	};
}

/** The credentials to import into n8n for these services. */
export function credentialsFor(services: E2eServices) {
	const merchantOf = (bed: TestBed) =>
		localCredentials(described(services, bed)).filter((c) => c.type === 'myOgoApi')[0]!;
	return [
		...localCredentials(described(services, services.bed)),
		{ ...merchantOf(services.shopBed), ...SHOPIFY_MERCHANT_CREDENTIAL },
		{ ...merchantOf(services.magentoBed), ...MAGENTO_MERCHANT_CREDENTIAL },
	];
}

/** Every template, wired to the imported credentials (each store to its own myOGO account) and with its Settings filled. */
export function templatesFor(services: E2eServices): TemplateWorkflow[] {
	const wiring = localWiring(described(services, services.bed));
	const shopifyWiring = {
		...wiring,
		credentials: { ...wiring.credentials, myOgoApi: SHOPIFY_MERCHANT_CREDENTIAL },
	};
	const magentoWiring = {
		...wiring,
		credentials: { ...wiring.credentials, myOgoApi: MAGENTO_MERCHANT_CREDENTIAL },
	};
	const wiringOf = (file: string) =>
		file.startsWith('shopify-')
			? shopifyWiring
			: file.startsWith('magento2-')
				? magentoWiring
				: wiring;
	return templateFiles().map((file) => wireTemplate(readTemplate(file), wiringOf(file)));
}
