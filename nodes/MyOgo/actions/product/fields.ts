import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { checkedCountryOfOrigin, checkedHsCode } from '../../mapping';
import { filled } from '../parameters';

/** Optional myOGO product fields, shared by Create, Update and Create or Update. */
export const productOptionalFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Product name shown to the warehouse',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
	},
	{
		displayName: 'EAN Code',
		name: 'eanCode',
		type: 'string',
		default: '',
		description: 'Barcode. myOGO never overwrites an EAN it already holds.',
	},
	{
		displayName: 'Sales Price',
		name: 'salesPrice',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
	},
	{
		displayName: 'Supply Price',
		name: 'supplyPrice',
		type: 'number',
		typeOptions: { numberPrecision: 2 },
		default: 0,
	},
	{
		displayName: 'Currency Code',
		name: 'currencyCode',
		type: 'string',
		default: 'EUR',
		description: 'ISO 4217 code of the prices, e.g. EUR or SEK',
	},
	{ displayName: 'Supplier', name: 'supplier', type: 'string', default: '' },
	{ displayName: 'Supplier Code', name: 'supplierCode', type: 'string', default: '' },
	{
		displayName: 'Group',
		name: 'group',
		type: 'string',
		default: '',
		description: 'Product group in myOGO',
	},
	{
		displayName: 'Info URL',
		name: 'infoUrl',
		type: 'string',
		default: '',
		description: 'Product page in the store',
	},
	{ displayName: 'Picture URL', name: 'pictureUrl', type: 'string', default: '' },
	{
		displayName: 'Country of Origin',
		name: 'countryOfOrigin',
		type: 'string',
		default: '',
		description: 'ISO 3166 alpha-2 code, e.g. FI',
	},
	{ displayName: 'Customs Description', name: 'customsDescription', type: 'string', default: '' },
	{
		displayName: 'HS Code',
		name: 'hsCode',
		type: 'string',
		default: '',
		description: 'Customs tariff code, 8 digits',
	},
];

/**
 * A product's filled-in fields, with the customs fields checked as incoming stock's are (a known
 * country of origin, stored as its two-letter code; an 8-digit HS code). `where` names the product.
 */
export function checkedProductFields(fields: IDataObject, where: string): IDataObject {
	// Empty fields are left out, so a partial update keeps what myOGO stores.
	const result = filled(fields);
	if (result.countryOfOrigin !== undefined) {
		result.countryOfOrigin = checkedCountryOfOrigin(
			result.countryOfOrigin,
			where,
			'countryOfOrigin',
		);
	}
	if (result.hsCode !== undefined) result.hsCode = checkedHsCode(result.hsCode, where, 'hsCode');
	return result;
}
