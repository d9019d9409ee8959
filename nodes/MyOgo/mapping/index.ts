/**
 * Pure store → myOGO mapping: the action node's "Input Format" options for
 * orders (Shopify / WooCommerce / Magento 2) and products (Shopify / WooCommerce / Magento 2).
 * No I/O here; every function takes the item JSON as n8n's own store nodes emit it.
 */
export type {
	MyOgoCashOnDelivery,
	MyOgoCustomer,
	MyOgoDocument,
	MyOgoOrder,
	MyOgoOrderLine,
	MyOgoProduct,
	OrderMappingOptions,
	OrderMappingResult,
	ProductMappingOptions,
	ProductMappingResult,
	ShippingMethodMapping,
	SkippedOrderLine,
	SkippedVariant,
} from './types';
export { describeValue, MappingError } from './MappingError';
export { normalizeCountry } from './countries';
export { checkedCountryOfOrigin, checkedHsCode } from './customs';
export { parseDecimal, parseQuantity } from './numbers';
export { htmlToText } from './html';
export { ADDRESS_LINE_LIMIT } from './customer';
export { DEFAULT_PICKUP_POINT_FIELD } from './orderCommon';
export { mapShopifyOrder } from './shopifyOrder';
export { mapWooCommerceOrder } from './wooCommerceOrder';
export { mapMagentoOrder } from './magentoOrder';
export { mapShopifyProduct } from './shopifyProduct';
export { mapWooCommerceProduct } from './wooCommerceProduct';
export { mapMagentoProduct } from './magentoProduct';
