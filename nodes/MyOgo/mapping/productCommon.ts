/**
 * Steps the store product mappers share: option checks, price parsing with a
 * product-level message, and de-duplicating SKUs within one store product.
 */
import { MappingError, describeValue } from './MappingError';
import { parseDecimal } from './numbers';
import type { ProductMappingOptions, SkippedVariant } from './types';
import { text } from './values';

const LANGUAGE_CODE = /^[a-z]{2}$/;
const CURRENCY_CODE = /^[A-Z]{3}$/;

export interface ProductSettings {
	languageCode: string;
	currencyCode?: string;
}

/** Checked once per product: a bad option would otherwise be refused by myOGO for every product. */
export function productSettings(options: ProductMappingOptions): ProductSettings {
	const languageCode = text(options.languageCode)?.toLowerCase();
	if (languageCode === undefined || !LANGUAGE_CODE.test(languageCode)) {
		throw new MappingError(
			`"Language Code" ${describeValue(options.languageCode)} is not a two-letter ISO 639-1 code — use one your warehouse takes, such as fi, en or sv`,
			{ field: 'languageCode' },
		);
	}
	const currencyCode = text(options.currencyCode)?.toUpperCase();
	if (currencyCode !== undefined && !CURRENCY_CODE.test(currencyCode)) {
		throw new MappingError(
			`"Currency Code" ${describeValue(options.currencyCode)} is not a three-letter ISO 4217 code — use e.g. EUR, SEK or USD`,
			{ field: 'currencyCode' },
		);
	}
	return currencyCode === undefined ? { languageCode } : { languageCode, currencyCode };
}

/** A price that may be absent but must be a number when present. */
export function productPrice(
	value: unknown,
	productLabel: string,
	store: string,
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const price = parseDecimal(value);
	if (price !== undefined && price >= 0) return price;
	throw new MappingError(
		`${productLabel}: price ${describeValue(value)} is not a number of zero or more — fix the price in ${store}`,
		{ field: 'salesPrice' },
	);
}

/**
 * Remembers the SKUs already mapped for one store product. A second variant
 * with the same SKU is skipped (myOGO codes are unique; the first one wins).
 */
export class SkuRegister {
	private readonly seen = new Map<string, string>();

	/** `true` when the SKU is new; otherwise records the variant in `skipped`. */
	claim(code: string, variant: string, skipped: SkippedVariant[]): boolean {
		const owner = this.seen.get(code);
		if (owner === undefined) {
			this.seen.set(code, variant);
			return true;
		}
		skipped.push({
			variant,
			reason: `SKU ${describeValue(code)} is already used by ${describeValue(owner)}`,
		});
		return false;
	}
}
