import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OrderMappingOptions, OrderMappingResult, ShippingMethodMapping } from '../../mapping';
import {
	describeValue,
	MappingError,
	mapMagentoOrder,
	mapShopifyOrder,
	mapWooCommerceOrder,
	normalizeCountry,
	parseDecimal,
} from '../../mapping';
import { filled, requiredText } from '../parameters';
import { entryListValues } from '../entryList';
import type { OrderInputFormat } from './fields';
import { orderLinesList } from './fields';

/** One item turned into a myOGO order request, with what the mapping left out or changed. */
export interface OrderOfItem {
	order: IDataObject;
	skippedLines: IDataObject[];
	notes: string[];
}

/** How the merchant knows an order in messages: `Order 1042` (its reference, as in every order error). */
export function referenceLabel(reference: string): string {
	return `Order ${reference}`;
}

/** The label of an order built from an item, once it has a reference. */
export function orderLabel(input: OrderOfItem | undefined): string | undefined {
	const reference = input?.order?.reference;
	return reference === undefined || reference === ''
		? undefined
		: referenceLabel(String(reference));
}

function textOf(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value !== 'string') return undefined;
	const trimmed = value.trim();
	return trimmed === '' ? undefined : trimmed;
}

/** A known country as its alpha-2 code, or a MappingError naming the value (`label` names the order). */
export function countryCode(value: unknown, label: string): string {
	const code = normalizeCountry(typeof value === 'number' ? String(value) : value);
	if (code !== undefined) return code;
	throw new MappingError(
		`${label}: country ${describeValue(value)} is not a known country — use a two-letter ISO code such as FI or SE, or the country's English name`,
		{ field: 'customer.countryCode' },
	);
}

function requiredCustomerField(value: unknown, label: string, what: string, field: string): string {
	const text = textOf(value);
	if (text !== undefined) return text;
	throw new MappingError(
		`${label}: the customer has no ${what} — fill in "Customer ${what.replace(/^./, (c) => c.toUpperCase())}"`,
		{
			field,
		},
	);
}

/**
 * One order line from the fields or JSON the user gave, checked as myOGO would check it:
 * a product code, a positive whole quantity, numbers where numbers belong.
 */
export function orderLineOf(raw: unknown, lineNumber: number, label: string): IDataObject {
	const where = `${label}, line ${lineNumber}`;
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		throw new MappingError(
			`${where}: not an order line (${describeValue(raw)}) — give an object with code and quantity`,
			{
				field: 'orderLines',
			},
		);
	}
	const entry = raw as IDataObject;
	const code = textOf(entry.code ?? entry.sku);
	if (code === undefined) {
		throw new MappingError(`${where}: no SKU — enter the product code of the line`, {
			field: 'orderLines.code',
		});
	}
	const quantity = parseDecimal(entry.quantity);
	if (quantity === undefined || quantity <= 0 || !Number.isInteger(quantity)) {
		const problem =
			entry.quantity === undefined || entry.quantity === null || entry.quantity === ''
				? 'has no quantity'
				: `quantity ${describeValue(entry.quantity)} is not a positive whole number`;
		throw new MappingError(`${where}: ${problem}`, { field: 'orderLines.quantity' });
	}
	const line: IDataObject = { code, quantity };
	for (const [field, what] of [
		['unitPrice', 'unit price'],
		['vatPercentage', 'VAT %'],
	] as const) {
		const value = entry[field];
		if (value === undefined || value === null || value === '') continue;
		const number = parseDecimal(value);
		if (number === undefined) {
			throw new MappingError(`${where}: ${what} ${describeValue(value)} is not a number`, {
				field: `orderLines.${field}`,
			});
		}
		line[field] = number;
	}
	for (const field of ['productInfoUrl', 'productPictureUrl']) {
		const value = textOf(entry[field]);
		if (value !== undefined) line[field] = value;
	}
	return line;
}

/** The order lines of "Define Below" or "From JSON"; undefined for "Keep As They Are". */
export function orderLinesOf(
	context: IExecuteFunctions,
	itemIndex: number,
	label: string,
): IDataObject[] | undefined {
	// With "Keep As They Are" listed, so that mode reads as undefined whichever operation sets it.
	const rawLines = entryListValues(context, orderLinesList(true), itemIndex, label);
	if (rawLines === undefined) return undefined;
	const lines = rawLines.map((raw, index) => orderLineOf(raw, index + 1, label));
	if (lines.length === 0) {
		throw new MappingError(`${label}: the order has no lines — add at least one order line`, {
			field: 'orderLines',
		});
	}
	return lines;
}

/**
 * The optional order fields of a collection (Additional Fields, Update Fields, Override Fields)
 * as myOGO fields: fixed collections unwrapped, empty values left out.
 */
export function optionalOrderFields(collection: IDataObject, label: string): IDataObject {
	const fields = filled(collection);
	const body: IDataObject = {};
	for (const [name, value] of Object.entries(fields)) {
		if (name === 'cashOnDelivery') {
			const values = (value as IDataObject).values as IDataObject | undefined;
			if (values) body.cashOnDelivery = filled(values);
		} else if (name === 'documents') {
			const documents = ((value as IDataObject).document as IDataObject[] | undefined) ?? [];
			body.documents = documents.map((document, index) => {
				const entry = filled(document);
				if (!entry.type) {
					throw new MappingError(
						`${label}: document ${index + 1} has no type — enter e.g. receipt`,
						{ field: 'documents.type' },
					);
				}
				if (!entry.url && !entry.base64Content) {
					throw new MappingError(
						`${label}: document ${index + 1} has neither a URL nor base64 content`,
						{
							field: 'documents.url',
						},
					);
				}
				return entry;
			});
		} else if (name === 'shippingCode' || name === 'pickUpPointCode' || name === 'reference') {
			body[name] = String(value).trim();
		} else if (name === 'priceCurrency') {
			body[name] = String(value).trim().toUpperCase();
		} else if (name.startsWith('customer')) {
			continue;
		} else {
			body[name] = value;
		}
	}
	return body;
}

function mappingOptions(context: IExecuteFunctions, itemIndex: number): OrderMappingOptions {
	const map = context.getNodeParameter('shippingMethodMap.mapping', itemIndex, []) as IDataObject[];
	const shippingMethodMap: ShippingMethodMapping[] = map.map((row) => ({
		storeMethod: String(row.storeMethod ?? ''),
		shippingCode: String(row.shippingCode ?? ''),
	}));
	return {
		referenceFrom: context.getNodeParameter('referenceFrom', itemIndex, 'number') as
			'number' | 'id',
		shippingMethodMap,
		defaultShippingCode:
			String(context.getNodeParameter('defaultShippingCode', itemIndex, '') ?? '').trim() ||
			undefined,
		linesWithoutSku: context.getNodeParameter('linesWithoutSku', itemIndex, 'skip') as
			'skip' | 'error',
		pickupPointField: String(context.getNodeParameter('pickupPointField', itemIndex, '') ?? ''),
		includeDocuments: context.getNodeParameter(
			'options.includeDocuments',
			itemIndex,
			false,
		) as boolean,
	};
}

const MAPPERS: Record<
	Exclude<OrderInputFormat, 'myOgoFields'>,
	(raw: IDataObject, options: OrderMappingOptions) => OrderMappingResult
> = {
	shopifyOrder: mapShopifyOrder,
	wooCommerceOrder: mapWooCommerceOrder,
	magento2Order: mapMagentoOrder,
};

/** Applies the user's Override Fields on a mapped order: any field set wins. */
function applyOverrides(order: IDataObject, overrides: IDataObject): IDataObject {
	const label = `Order ${String(overrides.reference ?? order.reference)}`;
	const result: IDataObject = { ...order, ...optionalOrderFields(overrides, label) };
	const customer: IDataObject = { ...(order.customer as IDataObject) };
	for (const [name, value] of Object.entries(filled(overrides))) {
		if (!name.startsWith('customer')) continue;
		const field = name.charAt(8).toLowerCase() + name.slice(9);
		customer[field] = field === 'countryCode' ? countryCode(value, label) : String(value).trim();
	}
	result.customer = customer;
	return result;
}

function orderFromFields(context: IExecuteFunctions, itemIndex: number): OrderOfItem {
	const reference = requiredText(context, 'reference', 'Order Reference', itemIndex);
	const label = `Order ${reference}`;
	const details = filled(context.getNodeParameter('customerDetails', itemIndex, {}) as IDataObject);
	const customer: IDataObject = {
		name: requiredCustomerField(
			context.getNodeParameter('customerName', itemIndex, ''),
			label,
			'name',
			'customer.name',
		),
		address1: requiredCustomerField(
			context.getNodeParameter('customerAddress1', itemIndex, ''),
			label,
			'address line 1',
			'customer.address1',
		),
		city: requiredCustomerField(
			context.getNodeParameter('customerCity', itemIndex, ''),
			label,
			'city',
			'customer.city',
		),
		countryCode: countryCode(
			requiredCustomerField(
				context.getNodeParameter('customerCountryCode', itemIndex, ''),
				label,
				'country code',
				'customer.countryCode',
			),
			label,
		),
	};
	for (const [name, value] of Object.entries(details)) customer[name] = String(value).trim();
	const orderLines = orderLinesOf(context, itemIndex, label) ?? [];
	const order: IDataObject = { reference, customer, orderLines };
	const shippingCode = textOf(context.getNodeParameter('shippingCode', itemIndex, ''));
	if (shippingCode !== undefined) order.shippingCode = shippingCode;
	Object.assign(
		order,
		optionalOrderFields(
			context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject,
			label,
		),
	);
	return { order, skippedLines: [], notes: [] };
}

/**
 * Reads one item into a myOGO order, checking everything myOGO would refuse before any call:
 * from the fields the user filled in, or from a store order via the mapping, then the overrides.
 */
export function orderOfItem(
	context: IExecuteFunctions,
	itemIndex: number,
	json: IDataObject,
): OrderOfItem {
	const format = context.getNodeParameter(
		'inputFormat',
		itemIndex,
		'myOgoFields',
	) as OrderInputFormat;
	if (format === 'myOgoFields') return orderFromFields(context, itemIndex);
	const mapper = MAPPERS[format];
	if (!mapper) {
		throw new NodeOperationError(context.getNode(), `Unknown input format "${String(format)}"`, {
			itemIndex,
		});
	}
	const mapped = mapper(json, mappingOptions(context, itemIndex));
	const overrides = context.getNodeParameter('overrideFields', itemIndex, {}) as IDataObject;
	return {
		order: applyOverrides(mapped.order as unknown as IDataObject, overrides),
		skippedLines: mapped.skippedLines as unknown as IDataObject[],
		notes: mapped.notes,
	};
}
