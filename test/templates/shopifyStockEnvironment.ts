/** The environment of the Shopify stock template's tests: myOGO sandbox + Shopify fake, location 1. */
import { useTemplateEnvironment } from './setup';

export const MAIN_WAREHOUSE = 'gid://shopify/Location/1';

/** The template with the fake's shop and location 1 in Settings; `resetEachTest: false` for one big seed. */
export function useShopifyStockEnvironment(options: { resetEachTest?: boolean } = {}) {
	return useTemplateEnvironment({
		stores: ['shopify'],
		template: 'shopify-stock-from-myogo.json',
		settings: (_woo, { shopifyFake }) => ({
			'settings.shopSubdomain': shopifyFake.shopSubdomain,
			'settings.locationId': '1',
		}),
		...options,
	});
}
