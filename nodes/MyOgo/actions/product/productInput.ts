import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ProductMappingResult, SkippedVariant } from '../../mapping';
import { mapMagentoProduct, mapShopifyProduct, mapWooCommerceProduct } from '../../mapping';
import { productCodeOf } from '../parameters';
import { checkedProductFields, productOptionalFields } from './fields';

export type ProductInputFormat =
	'myOgoFields' | 'shopifyProduct' | 'wooCommerceProduct' | 'magento2Product';

const STORE_FORMATS: ProductInputFormat[] = [
	'shopifyProduct',
	'wooCommerceProduct',
	'magento2Product',
];

const STORE_NAMES: Record<string, string> = {
	shopifyProduct: 'Shopify',
	wooCommerceProduct: 'WooCommerce',
	magento2Product: 'Magento 2',
};

/**
 * The fields of Create and Create or Update: where the product comes from (myOGO fields, or the
 * item as n8n's Shopify / WooCommerce / Magento 2 nodes put it out), and how to fill in what the store lacks.
 * `codeField` is the operation's own product code parameter (shown for "myOGO fields" only).
 */
export function productInputProperties(codeField: INodeProperties): INodeProperties[] {
	return [
		{
			displayName: 'Input Format',
			name: 'inputFormat',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'myOGO Fields',
					value: 'myOgoFields',
					description: 'Enter the product code and fields below (expressions work per item)',
				},
				{
					name: 'Shopify Product',
					value: 'shopifyProduct',
					description:
						"The item is a product as n8n's Shopify node or trigger outputs it: one myOGO product per variant SKU",
				},
				{
					name: 'WooCommerce Product',
					value: 'wooCommerceProduct',
					description:
						"The item is a product as n8n's WooCommerce node or trigger outputs it: one myOGO product per SKU (variations too, when the item carries them)",
				},
				{
					name: 'Magento 2 Product',
					value: 'magento2Product',
					description:
						"The item is a product as n8n's Magento 2 node or the REST API (GET /V1/products) outputs it: simple products (a configurable's options are simple products of their own)",
				},
			],
			default: 'myOgoFields',
			description: 'What the input item is',
		},
		{ ...codeField, displayOptions: { show: { inputFormat: ['myOgoFields'] } } },
		{
			displayName: 'Language Code',
			name: 'languageCode',
			type: 'string',
			required: true,
			default: 'en',
			description:
				'ISO 639-1 language of the name and description, e.g. en or fi (ask your warehouse which it takes)',
		},
		{
			displayName: 'EAN Attribute Code',
			name: 'eanAttribute',
			type: 'string',
			default: 'ean',
			description:
				'The code of the Magento product attribute that holds the EAN (Stores → Attributes → Product); empty: no EAN',
			displayOptions: { show: { inputFormat: ['magento2Product'] } },
		},
		{
			displayName: 'Media Base URL',
			name: 'mediaBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'https://shop.example.com/media/catalog/product',
			description:
				"Where the shop serves product images: the picture URL is this plus the image's file path. Empty: no picture URL.",
			displayOptions: { show: { inputFormat: ['magento2Product'] } },
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: productOptionalFields,
			displayOptions: { show: { inputFormat: ['myOgoFields'] } },
		},
		{
			displayName: 'Override Fields',
			name: 'overrideFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description:
				'Values that replace what is read from the store product, for every variant (e.g. Supplier or Country of Origin). Currency Code is also the currency of the store prices.',
			options: productOptionalFields,
			displayOptions: { show: { inputFormat: STORE_FORMATS } },
		},
	];
}

/** The myOGO products one input item stands for, plus the store variants that were left out. */
export interface ProductsOfItem {
	products: IDataObject[];
	skipped: SkippedVariant[];
}

/** How the merchant knows the item in messages: `Product TSHIRT-BLUE-M` (a store product: its variants' codes). */
export function productsLabel(input: ProductsOfItem | undefined): string | undefined {
	const codes = (input?.products ?? [])
		.map((product) => product.code)
		.filter((code) => code !== undefined && code !== '');
	return codes.length === 0 ? undefined : `Product ${codes.join(', ')}`;
}

/** Reads one item into myOGO product payloads, checking them before any call. */
export function productsOfItem(
	context: IExecuteFunctions,
	itemIndex: number,
	json: IDataObject,
): ProductsOfItem {
	const format = context.getNodeParameter(
		'inputFormat',
		itemIndex,
		'myOgoFields',
	) as ProductInputFormat;
	const languageCode = String(context.getNodeParameter('languageCode', itemIndex, '') ?? '').trim();
	if (format === 'myOgoFields') {
		const code = productCodeOf(context, itemIndex);
		if (languageCode === '') {
			throw new NodeOperationError(
				context.getNode(),
				'"Language Code" is empty — enter e.g. en or fi',
				{ itemIndex },
			);
		}
		const additional = checkedProductFields(
			context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
			`Product ${code}`,
		);
		return { products: [{ code, languageCode, ...additional }], skipped: [] };
	}

	const storeName = STORE_NAMES[format] ?? format;
	const overrides = checkedProductFields(
		context.getNodeParameter('overrideFields', itemIndex, {}) as IDataObject,
		`${storeName} product ${describeProduct(json)}`,
	);
	const options = {
		languageCode,
		currencyCode: typeof overrides.currencyCode === 'string' ? overrides.currencyCode : undefined,
		...(format === 'magento2Product'
			? {
					eanAttribute: String(context.getNodeParameter('eanAttribute', itemIndex, '') ?? ''),
					mediaBaseUrl: String(context.getNodeParameter('mediaBaseUrl', itemIndex, '') ?? ''),
				}
			: {}),
	};
	let mapped: ProductMappingResult;
	if (format === 'shopifyProduct') mapped = mapShopifyProduct(json, options);
	else if (format === 'wooCommerceProduct') mapped = mapWooCommerceProduct(json, options);
	else if (format === 'magento2Product') mapped = mapMagentoProduct(json, options);
	else
		throw new NodeOperationError(context.getNode(), `Unknown input format "${String(format)}"`, {
			itemIndex,
		});

	if (mapped.products.length === 0) {
		const reasons = mapped.skipped
			.map((skipped) => `${skipped.variant}: ${skipped.reason}`)
			.join('; ');
		throw new NodeOperationError(
			context.getNode(),
			`${storeName} product ${describeProduct(json)}: nothing to send to myOGO${reasons ? ` (${reasons})` : ''}`,
			{
				itemIndex,
				description:
					'Every variant was skipped. Give the variants SKUs in the store, or check that the item is a product.',
			},
		);
	}
	const products = mapped.products.map((product) => ({
		...(product as unknown as IDataObject),
		...overrides,
	}));
	return { products, skipped: mapped.skipped };
}

function describeProduct(json: IDataObject): string {
	const title =
		typeof json.title === 'string'
			? json.title
			: typeof json.name === 'string'
				? json.name
				: undefined;
	if (title) return JSON.stringify(title);
	if (typeof json.sku === 'string') return json.sku;
	return json.id !== undefined ? `#${String(json.id)}` : '(no title)';
}

/** Adds the variants left out of an item to each of its outputs, so the output says what was skipped. */
export function withSkipped(output: IDataObject, skipped: SkippedVariant[]): IDataObject {
	return skipped.length > 0
		? { ...output, skippedVariants: skipped as unknown as IDataObject[] }
		: output;
}
