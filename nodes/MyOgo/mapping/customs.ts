import { normalizeCountry } from './countries';
import { describeValue, MappingError } from './MappingError';

/**
 * The customs fields of a product, checked the same way wherever they are entered (a product's
 * fields, an incoming stock line): a country of origin myOGO knows, an HS code of 8 digits.
 * `where` names the record (e.g. `Product TSHIRT-BLUE-M`), `field` the parameter path.
 */
export function checkedCountryOfOrigin(value: unknown, where: string, field: string): string {
	const country = normalizeCountry(typeof value === 'string' ? value : undefined);
	if (country !== undefined) return country;
	throw new MappingError(
		value === undefined || value === ''
			? `${where}: no country of origin — enter a two-letter code such as FI`
			: `${where}: country of origin ${describeValue(value)} is not a known country — enter a two-letter code such as FI`,
		{ field },
	);
}

/** An HS code without its spaces and dots; a MappingError when it is not 8 digits. */
export function checkedHsCode(value: unknown, where: string, field: string): string {
	const hsCode = String(value).replace(/[\s.]/g, '');
	if (/^\d{8}$/.test(hsCode)) return hsCode;
	throw new MappingError(`${where}: HS code ${describeValue(value)} is not 8 digits`, { field });
}
