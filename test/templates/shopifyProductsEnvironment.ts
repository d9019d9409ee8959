/** The environment of the Shopify products template's tests: myOGO sandbox + Shopify fake, no pause between pages. */
import { useTemplateEnvironment } from './setup';

/** The template with the fake's shop in Settings; `settings` adds or replaces Settings values. */
export function useShopifyProductsEnvironment(settings: Record<string, unknown> = {}) {
	return useTemplateEnvironment({
		stores: ['shopify'],
		template: 'shopify-products-to-myogo.json',
		settings: (_woo, { shopifyFake }) => ({
			'settings.shopSubdomain': shopifyFake.shopSubdomain,
			'settings.secondsBetweenPages': 0,
			...settings,
		}),
	});
}
