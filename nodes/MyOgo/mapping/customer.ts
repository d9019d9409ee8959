/**
 * The myOGO `customer` (the parcel's recipient) from a store address, with the
 * checks myOGO would otherwise answer with a 400: name, street, city and a
 * known country are required.
 */
import { normalizeCountry } from './countries';
import { MappingError, describeValue } from './MappingError';
import type { MyOgoCustomer } from './types';

/**
 * myOGO does not publish field lengths. 100 characters per street line is what
 * carriers' label formats take comfortably, so a longer street line has its
 * overflow (from the last space before the limit) moved to address line 2 when
 * that line is empty; when address line 2 is already used — or the overflow
 * itself is too long — the order is refused rather than sent cut short.
 */
export const ADDRESS_LINE_LIMIT = 100;

/** A store address already read into plain strings (each store mapper knows its own field names). */
export interface StoreAddress {
	name?: string;
	company?: string;
	address1?: string;
	address2?: string;
	city?: string;
	zip?: string;
	/** Alpha-2, alpha-3 or a country name, as the store gave it. */
	country?: string;
	phone?: string;
}

export interface CustomerContext {
	/** `#1042` — for messages. */
	orderLabel: string;
	/** `shipping address` or `billing address`: which address the customer comes from. */
	addressKind: string;
	/** Fallbacks when the address itself has none. */
	phone?: string;
	email?: string;
	notes: string[];
}

export function buildCustomer(address: StoreAddress, context: CustomerContext): MyOgoCustomer {
	const { orderLabel, addressKind } = context;
	const missing = (what: string, field: string): MappingError =>
		new MappingError(
			`Order ${orderLabel}: the ${addressKind} has no ${what} — add the ${what} to the order in the store`,
			{ field, orderLabel },
		);

	if (address.name === undefined) throw missing('name', 'customer.name');
	if (address.address1 === undefined) throw missing('street address', 'customer.address1');
	if (address.city === undefined) throw missing('city', 'customer.city');
	if (address.country === undefined) throw missing('country', 'customer.countryCode');

	const countryCode = normalizeCountry(address.country);
	if (countryCode === undefined) {
		throw new MappingError(
			`Order ${orderLabel}: country ${describeValue(address.country)} in the ${addressKind} is not a known country — use a two-letter ISO code such as FI or SE, or the country's English, Finnish, Swedish or German name`,
			{ field: 'customer.countryCode', orderLabel },
		);
	}
	if (countryCode !== address.country) {
		context.notes.push(`country ${describeValue(address.country)} read as ${countryCode}`);
	}

	let address1 = address.address1;
	let address2 = address.address2;
	if (address1.length > ADDRESS_LINE_LIMIT) {
		[address1, address2] = fitStreetLines(address1, address2, context);
	}

	// Keys in the contract's order: name, company, address1, address2, city, countryCode, zip, phone, email.
	const customer = { name: address.name } as MyOgoCustomer;
	if (address.company !== undefined) customer.company = address.company;
	customer.address1 = address1;
	if (address2 !== undefined) customer.address2 = address2;
	customer.city = address.city;
	customer.countryCode = countryCode;
	if (address.zip !== undefined) customer.zip = address.zip;
	const phone = address.phone ?? context.phone;
	if (phone !== undefined) customer.phone = phone;
	if (context.email !== undefined) customer.email = context.email;
	return customer;
}

function fitStreetLines(
	address1: string,
	address2: string | undefined,
	context: CustomerContext,
): [string, string | undefined] {
	// Count characters, not UTF-16 units: "Ø" and "ß" are one each, and so is an emoji.
	const characters = Array.from(address1);
	if (characters.length <= ADDRESS_LINE_LIMIT) return [address1, address2];

	const { orderLabel, addressKind } = context;
	if (address2 !== undefined) {
		throw new MappingError(
			`Order ${orderLabel}: the street address in the ${addressKind} is ${characters.length} characters long, more than the ${ADDRESS_LINE_LIMIT} myOGO takes, and address line 2 is already used — shorten the street address in the store`,
			{ field: 'customer.address1', orderLabel },
		);
	}
	let cut = characters.lastIndexOf(' ', ADDRESS_LINE_LIMIT);
	if (cut <= 0) cut = ADDRESS_LINE_LIMIT;
	const first = characters.slice(0, cut).join('').trimEnd();
	const rest = characters.slice(cut).join('').trim();
	if (Array.from(rest).length > ADDRESS_LINE_LIMIT) {
		throw new MappingError(
			`Order ${orderLabel}: the street address in the ${addressKind} is ${characters.length} characters long, too long for myOGO's two address lines of ${ADDRESS_LINE_LIMIT} — shorten the street address in the store`,
			{ field: 'customer.address1', orderLabel },
		);
	}
	context.notes.push(
		`street address longer than ${ADDRESS_LINE_LIMIT} characters: ${describeValue(rest)} moved to address line 2`,
	);
	return [first, rest];
}
