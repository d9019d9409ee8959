import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_PICKUP_POINT_FIELD } from '../../mapping';
import { lineProductCodeField } from '../descriptions';
import type { EntryList } from '../entryList';
import { entryListProperties } from '../entryList';

export type OrderInputFormat =
	'myOgoFields' | 'shopifyOrder' | 'wooCommerceOrder' | 'magento2Order';

export const STORE_ORDER_FORMATS: OrderInputFormat[] = [
	'shopifyOrder',
	'wooCommerceOrder',
	'magento2Order',
];

/** The order reference of Update, Cancel and Get. */
export const referenceField: INodeProperties = {
	displayName: 'Order Reference',
	name: 'reference',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1042',
	description: "The store's order number the order was sent to myOGO with",
};

const shippingCodeDescription =
	'A delivery type code enabled for your merchant in myOGO, e.g. POSTI_PAKETTI. Required when more than one delivery type is enabled.';

/** The fields of one order line, for the "Order Lines" fixed collection. */
export const orderLineValues: INodeProperties[] = [
	lineProductCodeField,
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description: 'A positive whole number',
	},
	{
		displayName: 'Unit Price',
		name: 'unitPrice',
		type: 'string',
		default: '',
		placeholder: 'e.g. 24.90',
		description:
			'Price of one unit, VAT included, in the order currency. Leave empty to send none.',
	},
	{
		displayName: 'VAT %',
		name: 'vatPercentage',
		type: 'string',
		default: '',
		placeholder: 'e.g. 25.5',
		description: 'VAT percentage of the line. Leave empty to send none.',
	},
	{ displayName: 'Product Info URL', name: 'productInfoUrl', type: 'string', default: '' },
	{ displayName: 'Product Picture URL', name: 'productPictureUrl', type: 'string', default: '' },
];

const defineBelowLines = {
	name: 'Define Below',
	value: 'defineBelow',
	description: 'Enter each line below',
};
const linesFromJson = {
	name: 'From JSON',
	value: 'json',
	description: 'A list of lines {code, quantity, unitPrice, vatPercentage} from an expression',
};

/** How Create and Create or Update take the order lines. */
const linesInputMode: INodeProperties = {
	displayName: 'Order Lines Input',
	name: 'linesInput',
	type: 'options',
	options: [defineBelowLines, linesFromJson],
	default: 'defineBelow',
	description: 'How the order lines are given',
};

/** Update's: the same choices after "Keep As They Are", which it starts on. */
const linesUpdateMode: INodeProperties = {
	displayName: 'Order Lines',
	name: 'linesInput',
	type: 'options',
	options: [
		{ name: 'Keep As They Are', value: 'keep', description: 'Do not change the order lines' },
		defineBelowLines,
		linesFromJson,
	],
	default: 'keep',
	description: 'Sending lines replaces all lines of the order',
};

/**
 * Order lines: entered one by one, or taken as a list from the item (e.g. `{{ $json.lines }}`).
 * `withKeep` adds "Keep As They Are" for Update.
 */
export function orderLinesList(withKeep: boolean): EntryList {
	return {
		mode: withKeep ? linesUpdateMode : linesInputMode,
		listName: 'orderLines',
		listDisplayName: 'Order Lines',
		listPlaceholder: 'Add Order Line',
		entryName: 'line',
		entryDisplayName: 'Line',
		entryValues: orderLineValues,
		json: {
			displayName: 'Order Lines (JSON)',
			name: 'orderLinesJson',
			type: 'json',
			default:
				'[\n  { "code": "SKU-1", "quantity": 1, "unitPrice": 24.9, "vatPercentage": 25.5 }\n]',
			description:
				'A list of lines, each with code and quantity, optionally unitPrice, vatPercentage, productInfoUrl, productPictureUrl',
		},
		required: true,
	};
}

/** The order line fields of Create, Upsert and Update. */
export function orderLinesProperties(withKeep: boolean): INodeProperties[] {
	return entryListProperties(orderLinesList(withKeep));
}

/** Customer fields that are not required, as the options of a collection. */
const customerOptionalFields: INodeProperties[] = [
	{ displayName: 'Company', name: 'company', type: 'string', default: '' },
	{ displayName: 'Address Line 2', name: 'address2', type: 'string', default: '' },
	{ displayName: 'Postal Code', name: 'zip', type: 'string', default: '' },
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		default: '',
		description: 'Carriers text the recipient here',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description: 'Carriers mail tracking updates here',
	},
];

const customerFieldList: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Recipient name' },
	{ displayName: 'Address Line 1', name: 'address1', type: 'string', default: '' },
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{
		displayName: 'Country Code',
		name: 'countryCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. FI',
		description: 'ISO 3166 alpha-2 code; country names and lowercase codes are understood',
	},
	...customerOptionalFields,
];

/** Every customer field, for collections where none is required (Update, Override Fields). */
export const customerAllFields: INodeProperties[] = customerFieldList.sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);

/** Customer fields as flat "Customer …" entries (`customerName`, `customerCity`…) of Override Fields. */
export const customerOverrideFields: INodeProperties[] = customerAllFields.map((field) => ({
	...field,
	displayName: `Customer ${field.displayName}`,
	name: `customer${field.name.charAt(0).toUpperCase()}${field.name.slice(1)}`,
}));

const cashOnDeliveryField: INodeProperties = {
	displayName: 'Cash on Delivery',
	name: 'cashOnDelivery',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Cash on Delivery',
	options: [
		{
			displayName: 'Cash on Delivery',
			name: 'values',
			values: [
				{
					displayName: 'Amount',
					name: 'amount',
					type: 'number',
					typeOptions: { numberPrecision: 2 },
					default: 0,
				},
				{ displayName: 'Currency Code', name: 'currencyCode', type: 'string', default: 'EUR' },
				{
					displayName: 'Reference',
					name: 'reference',
					type: 'string',
					default: '',
					description: 'Payment reference',
				},
			],
		},
	],
};

const documentsField: INodeProperties = {
	displayName: 'Documents',
	name: 'documents',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Document',
	typeOptions: { multipleValues: true },
	description: 'Sending documents replaces those stored with the order',
	options: [
		{
			displayName: 'Document',
			name: 'document',
			values: [
				{
					displayName: 'Type',
					name: 'type',
					type: 'string',
					default: 'receipt',
					description: 'A "receipt" is printed and packed with the parcel',
				},
				{
					displayName: 'URL',
					name: 'url',
					type: 'string',
					default: '',
					description: 'Where myOGO downloads the document',
				},
				{
					displayName: 'Base64 Content',
					name: 'base64Content',
					type: 'string',
					default: '',
					description: 'The document itself, base64-encoded (instead of a URL)',
				},
			],
		},
	],
};

/** Optional order fields (not customer, not lines), shared by Create, Create or Update and Update. */
export function orderOptionalFields(
	statusOptions: Array<{ name: string; value: string; description: string }>,
): INodeProperties[] {
	const fields: INodeProperties[] = [
		cashOnDeliveryField,
		{
			displayName: 'Comments',
			name: 'comments',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: "The buyer's note to the warehouse",
		},
		documentsField,
		{
			displayName: 'Pickup Point Code',
			name: 'pickUpPointCode',
			type: 'string',
			default: '',
			description: 'Parcel locker or pickup point ID, for delivery types that need one',
		},
		{
			displayName: 'Price Currency',
			name: 'priceCurrency',
			type: 'string',
			default: 'EUR',
			description: 'ISO 4217 currency of the prices, e.g. EUR or SEK',
		},
		{
			displayName: 'Price Total',
			name: 'priceTotal',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			default: 0,
		},
		{
			displayName: 'Shipping Code',
			name: 'shippingCode',
			type: 'string',
			default: '',
			description: shippingCodeDescription,
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: statusOptions,
			default: 'new',
		},
		{
			displayName: 'Test Order',
			name: 'test',
			type: 'boolean',
			default: false,
			description: 'Whether the warehouse should ignore this order',
		},
	];
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export const NEW_ORDER_STATUSES = [
	{ name: 'New', value: 'new', description: 'The warehouse picks and ships it' },
	{
		name: 'Draft',
		value: 'draft',
		description: 'Stored in myOGO; the warehouse ignores it until it is released',
	},
];

function overrideOptions(): INodeProperties[] {
	const options: INodeProperties[] = [
		{
			displayName: 'Order Reference',
			name: 'reference',
			type: 'string',
			default: '',
			description: 'Replaces the reference read from the store',
		},
		...customerOverrideFields,
		...orderOptionalFields(NEW_ORDER_STATUSES),
	];
	return options.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/** Where a new order comes from, and the fields of each input format (Create, Create or Update). */
export function orderInputProperties(): INodeProperties[] {
	const myOgo = { show: { inputFormat: ['myOgoFields'] } };
	const store = { show: { inputFormat: STORE_ORDER_FORMATS } };
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
					description: 'Enter the order below (expressions work per item)',
				},
				{
					name: 'Shopify Order',
					value: 'shopifyOrder',
					description: "The item is an order as n8n's Shopify node or trigger outputs it",
				},
				{
					name: 'WooCommerce Order',
					value: 'wooCommerceOrder',
					description: "The item is an order as n8n's WooCommerce node or trigger outputs it",
				},
				{
					name: 'Magento 2 Order',
					value: 'magento2Order',
					description: "The item is an order as n8n's Magento 2 node outputs it",
				},
			],
			default: 'myOgoFields',
			description:
				'What the input item is. With a store format the node builds the myOGO order itself.',
		},

		// myOGO fields
		{
			displayName: 'Order Reference',
			name: 'reference',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 1042',
			description:
				"The store's order number; unique per merchant, and the key to update or cancel the order later",
			displayOptions: myOgo,
		},
		{
			displayName: 'Shipping Code',
			name: 'shippingCode',
			type: 'string',
			default: '',
			placeholder: 'e.g. POSTI_PAKETTI',
			description: shippingCodeDescription,
			displayOptions: myOgo,
		},
		{
			displayName: 'Customer Name',
			name: 'customerName',
			type: 'string',
			required: true,
			default: '',
			description: 'Recipient name',
			displayOptions: myOgo,
		},
		{
			displayName: 'Customer Address Line 1',
			name: 'customerAddress1',
			type: 'string',
			required: true,
			default: '',
			displayOptions: myOgo,
		},
		{
			displayName: 'Customer City',
			name: 'customerCity',
			type: 'string',
			required: true,
			default: '',
			displayOptions: myOgo,
		},
		{
			displayName: 'Customer Country Code',
			name: 'customerCountryCode',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. FI',
			description: 'ISO 3166 alpha-2 code; country names and lowercase codes are understood',
			displayOptions: myOgo,
		},
		{
			displayName: 'Customer Details',
			name: 'customerDetails',
			type: 'collection',
			placeholder: 'Add Customer Field',
			default: {},
			options: customerOptionalFields,
			displayOptions: myOgo,
		},
		...orderLinesProperties(false).map((property) => ({
			...property,
			displayOptions: { show: { ...property.displayOptions?.show, inputFormat: ['myOgoFields'] } },
		})),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: orderOptionalFields(NEW_ORDER_STATUSES).filter(
				(field) => field.name !== 'shippingCode',
			),
			displayOptions: myOgo,
		},

		// store formats
		{
			displayName: 'Reference From',
			name: 'referenceFrom',
			type: 'options',
			options: [
				{
					name: 'Order Number',
					value: 'number',
					description:
						'What the shop and the buyer see: Shopify name, WooCommerce number, Magento increment ID',
				},
				{ name: 'Order ID', value: 'id', description: "The store's internal order ID" },
			],
			default: 'number',
			description:
				'Which store value becomes the myOGO order reference. Keep it the same for every later update.',
			displayOptions: store,
		},
		{
			displayName: 'Shipping Method Map',
			name: 'shippingMethodMap',
			type: 'fixedCollection',
			placeholder: 'Add Shipping Method',
			typeOptions: { multipleValues: true },
			default: {},
			description:
				"Which myOGO shipping code each of the store's shipping methods becomes. The store method is matched by its title or code, ignoring case.",
			options: [
				{
					displayName: 'Mapping',
					name: 'mapping',
					values: [
						{
							displayName: 'Store Shipping Method',
							name: 'storeMethod',
							type: 'string',
							default: '',
							placeholder: 'e.g. Posti Parcel',
							description: 'The title or code of the shipping method in the store',
						},
						{
							displayName: 'myOGO Shipping Code',
							name: 'shippingCode',
							type: 'string',
							default: '',
							placeholder: 'e.g. POSTI_PAKETTI',
							description: 'A delivery type code enabled for your merchant in myOGO',
						},
					],
				},
			],
			displayOptions: store,
		},
		{
			displayName: 'Default Shipping Code',
			name: 'defaultShippingCode',
			type: 'string',
			default: '',
			placeholder: 'e.g. POSTI_PAKETTI',
			description:
				"Used when the order's shipping method is not in the map. Empty: such an order is refused (unless the map is empty too, for merchants with a single delivery type).",
			displayOptions: store,
		},
		{
			displayName: 'Lines Without SKU',
			name: 'linesWithoutSku',
			type: 'options',
			options: [
				{
					name: 'Skip and Report',
					value: 'skip',
					description:
						'The order is sent without such lines; the output lists them under linesLeftOut (with what to do). Route those orders to an end of their own.',
				},
				{
					name: 'Fail the Order',
					value: 'error',
					description:
						'An order with such a line is refused with an error naming the line, so nobody ships it short',
				},
			],
			default: 'skip',
			description:
				'What to do with shippable order lines that have no SKU. Gift cards and lines that need no shipping are always skipped (listed under skippedLines).',
			displayOptions: store,
		},
		{
			displayName: 'Pickup Point Field',
			name: 'pickupPointField',
			type: 'string',
			default: DEFAULT_PICKUP_POINT_FIELD,
			description:
				'Where the store keeps the parcel locker / pickup point ID: a Shopify note attribute, a WooCommerce order or shipping-line meta key, or a Magento extension attribute',
			displayOptions: store,
		},
		{
			displayName: 'Override Fields',
			name: 'overrideFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'Values that replace what is read from the store order',
			options: overrideOptions(),
			displayOptions: store,
		},
	];
}
