import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	checkedCountryOfOrigin,
	checkedHsCode,
	describeValue,
	MappingError,
	parseDecimal,
} from '../../mapping';
import { myOgoRequest } from '../../transport';
import { lineProductCodeField, writeOptions } from '../descriptions';
import { filled, isoTimestamp, requiredText } from '../parameters';
import type { EntryList } from '../entryList';
import { entryListProperties, entryListValues } from '../entryList';
import type { MyOgoOperation } from '../operation';

const productValues: INodeProperties[] = [
	lineProductCodeField,
	{
		displayName: 'Expected Quantity',
		name: 'expectedQuantity',
		type: 'number',
		required: true,
		typeOptions: { minValue: 0, maxValue: 1000000, numberPrecision: 0 },
		default: 1,
		description: 'Units on their way (a whole number from 0 to 1,000,000)',
	},
	{
		displayName: 'Country of Origin',
		name: 'countryOfOrigin',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. FI',
		description:
			'ISO 3166 alpha-2 code of where the product was made; country names are understood',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{ displayName: 'EAN Code', name: 'eanCode', type: 'string', default: '' },
	{
		displayName: 'Supply Price',
		name: 'supplyPrice',
		type: 'string',
		default: '',
		placeholder: 'e.g. 7.50',
		description: 'Purchase price of one unit. Leave empty to send none.',
	},
	{
		displayName: 'Customs Description',
		name: 'customsDescription',
		type: 'string',
		default: '',
		description: 'At most 50 characters',
	},
	{
		displayName: 'HS Code',
		name: 'hsCode',
		type: 'string',
		default: '',
		description: 'Customs tariff code, 8 digits',
	},
];

/** The products of the notice: entered one by one, or a list from an expression. */
const productsList: EntryList = {
	mode: {
		displayName: 'Products Input',
		name: 'productsInput',
		type: 'options',
		options: [
			{ name: 'Define Below', value: 'defineBelow', description: 'Enter each product below' },
			{
				name: 'From JSON',
				value: 'json',
				description: 'A list of {code, expectedQuantity, countryOfOrigin, …} from an expression',
			},
		],
		default: 'defineBelow',
	},
	listName: 'products',
	listDisplayName: 'Products',
	listPlaceholder: 'Add Product',
	entryName: 'product',
	entryDisplayName: 'Product',
	entryValues: productValues,
	json: {
		displayName: 'Products (JSON)',
		name: 'productsJson',
		type: 'json',
		default: '[\n  { "code": "SKU-1", "expectedQuantity": 100, "countryOfOrigin": "FI" }\n]',
		description:
			'A list of products, each with code, expectedQuantity and countryOfOrigin, optionally name, eanCode, supplyPrice, customsDescription, hsCode',
	},
};

const properties: INodeProperties[] = [
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. PO-2026-118',
		description:
			'Your reference for this delivery, e.g. the purchase order number; unique per merchant',
	},
	{
		displayName: 'Supplier',
		name: 'supplier',
		type: 'string',
		required: true,
		default: '',
		description: 'Who sends the goods',
	},
	{
		displayName: 'Receive Date',
		name: 'receiveDate',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the delivery is expected at the warehouse',
	},
	...entryListProperties(productsList),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Containers',
				name: 'containers',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
			},
			{
				displayName: 'Delivered By',
				name: 'deliveredBy',
				type: 'string',
				default: '',
				description: 'Carrier or forwarder',
			},
			{
				displayName: 'Merchant Comments',
				name: 'merchantComments',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '',
			},
			{
				displayName: 'Pallets',
				name: 'pallets',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
			},
			{
				displayName: 'Parcels',
				name: 'parcels',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
			},
			{
				displayName: 'Special Action',
				name: 'specialAction',
				type: 'string',
				default: '',
				description: 'What the warehouse does on arrival, such as labelling',
			},
			{
				displayName: 'Tracking Codes',
				name: 'trackingCodes',
				type: 'string',
				default: '',
				description: 'Comma-separated tracking codes of the shipment',
			},
			{
				displayName: 'Warehouse Code',
				name: 'warehouseCode',
				type: 'string',
				default: '',
				description: 'Which warehouse receives it',
			},
		],
	},
	writeOptions(),
];

/** One incoming product, checked as myOGO would check it. */
function incomingProduct(raw: unknown, position: number, label: string): IDataObject {
	const where = `${label}, product ${position}`;
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		throw new MappingError(`${where}: not a product (${describeValue(raw)})`, {
			field: 'products',
		});
	}
	const entry = filled(raw as IDataObject);
	const code = entry.code === undefined ? '' : String(entry.code).trim();
	if (code === '')
		throw new MappingError(`${where}: no product code (SKU)`, { field: 'products.code' });
	const quantity = parseDecimal(entry.expectedQuantity);
	if (
		quantity === undefined ||
		!Number.isInteger(quantity) ||
		quantity < 0 ||
		quantity > 1_000_000
	) {
		throw new MappingError(
			`${where} (${code}): expected quantity ${describeValue(entry.expectedQuantity)} is not a whole number from 0 to 1,000,000`,
			{ field: 'products.expectedQuantity' },
		);
	}
	const country = checkedCountryOfOrigin(
		entry.countryOfOrigin,
		`${where} (${code})`,
		'products.countryOfOrigin',
	);
	const product: IDataObject = { code, expectedQuantity: quantity, countryOfOrigin: country };
	for (const field of ['name', 'eanCode'])
		if (entry[field] !== undefined) product[field] = String(entry[field]).trim();
	if (entry.supplyPrice !== undefined) {
		const price = parseDecimal(entry.supplyPrice);
		if (price === undefined) {
			throw new MappingError(
				`${where} (${code}): supply price ${describeValue(entry.supplyPrice)} is not a number`,
				{
					field: 'products.supplyPrice',
				},
			);
		}
		product.supplyPrice = price;
	}
	if (entry.customsDescription !== undefined) {
		const description = String(entry.customsDescription).trim();
		if (Array.from(description).length > 50) {
			throw new MappingError(
				`${where} (${code}): customs description is longer than 50 characters`,
				{
					field: 'products.customsDescription',
				},
			);
		}
		product.customsDescription = description;
	}
	if (entry.hsCode !== undefined)
		product.hsCode = checkedHsCode(entry.hsCode, `${where} (${code})`, 'products.hsCode');
	return product;
}

/** How the merchant knows a notice in messages: `Incoming stock PO-2026-118`. */
function incomingStockLabel(reference: string): string {
	return `Incoming stock ${reference}`;
}

export const createIncomingStock: MyOgoOperation<undefined, IDataObject> = {
	value: 'create',
	properties,
	parallel: true,
	label: (input) => incomingStockLabel(String(input.reference)),
	build({ itemIndex }) {
		const reference = requiredText(this, 'reference', 'Reference', itemIndex);
		const label = incomingStockLabel(reference);
		const supplier = requiredText(this, 'supplier', 'Supplier', itemIndex);
		const receiveDate = isoTimestamp(
			this,
			this.getNodeParameter('receiveDate', itemIndex, ''),
			'Receive Date',
			itemIndex,
		);
		if (receiveDate === undefined) {
			throw new NodeOperationError(
				this.getNode(),
				`${label}: "Receive Date" is empty — pick the expected arrival date`,
				{
					itemIndex,
				},
			);
		}
		const rawProducts = entryListValues(this, productsList, itemIndex, label) ?? [];
		const products = rawProducts.map((raw, index) => incomingProduct(raw, index + 1, label));

		const additional = filled(
			this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
		);
		const body: IDataObject = { reference, supplier, receiveDate, ...additional, products };
		if (typeof additional.trackingCodes === 'string') {
			body.trackingCodes = additional.trackingCodes
				.split(',')
				.map((code) => code.trim())
				.filter((code) => code !== '');
		}
		return body;
	},
	async execute({ itemIndex, input }) {
		return await myOgoRequest.call(this, {
			method: 'POST',
			path: '/stockupdate',
			body: input,
			itemIndex,
		});
	},
};
