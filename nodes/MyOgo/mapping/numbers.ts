/**
 * Money and quantity parsing for values that come from stores and spreadsheets:
 * JSON numbers, numeric strings, a decimal comma ("12,50") and thousands
 * separators ("1 234,50", "1,234.50", "1.234,50", "1'234.50").
 *
 * Rules (documented in the README):
 * - When both `,` and `.` appear, the one that comes last is the decimal separator.
 * - A single `,` or a single `.` is a decimal separator ("1,234" is 1.234, as the
 *   Nordic stores this package serves write it); two or more of the same are
 *   thousands separators ("1.234.567").
 * - Spaces (also no-break and thin spaces) and apostrophes are thousands separators.
 * - Thousands groups must have exactly three digits, so "12 50" or "1,2,3" are not numbers.
 * - Exponents, currency symbols and other text make the value unparseable.
 */
import { MappingError, describeValue, messagePrefix, type Whereabouts } from './MappingError';

// Compiled once: this module runs per order line, thousands of times per execution.
const PLAIN_DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
const DIGITS = /^\d+$/;
const GROUP_SEPARATORS = /[\s\u00a0\u202f\u2009'’]/;

/** A finite number from a number or a numeric string, or `undefined` when it is not one. */
export function parseDecimal(value: unknown): number | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text === '') return undefined;
	if (PLAIN_DECIMAL.test(text)) return Number(text);
	return parseLocalised(text);
}

function parseLocalised(text: string): number | undefined {
	let body = text;
	let sign = 1;
	const first = body.charCodeAt(0);
	if (first === 45 /* - */ || first === 43 /* + */) {
		sign = first === 45 ? -1 : 1;
		body = body.slice(1).trimStart();
	}

	const lastComma = body.lastIndexOf(',');
	const lastDot = body.lastIndexOf('.');
	let decimalSeparator: string | undefined;
	let groupSeparator: string | undefined;
	if (lastComma >= 0 && lastDot >= 0) {
		decimalSeparator = lastComma > lastDot ? ',' : '.';
		groupSeparator = lastComma > lastDot ? '.' : ',';
	} else if (lastComma >= 0) {
		if (body.indexOf(',') === lastComma) decimalSeparator = ',';
		else groupSeparator = ',';
	} else if (lastDot >= 0) {
		if (body.indexOf('.') === lastDot) decimalSeparator = '.';
		else groupSeparator = '.';
	}

	let integerPart = body;
	let fraction = '';
	if (decimalSeparator !== undefined) {
		const at = body.lastIndexOf(decimalSeparator);
		if (body.indexOf(decimalSeparator) !== at) return undefined;
		integerPart = body.slice(0, at);
		fraction = body.slice(at + 1);
		if (!DIGITS.test(fraction)) return undefined;
	}

	let digits = '';
	if (integerPart !== '') {
		const groups = splitGroups(integerPart, groupSeparator);
		if (groups === undefined) return undefined;
		digits = groups;
	} else if (fraction === '') {
		return undefined;
	}

	const result = Number(`${digits === '' ? '0' : digits}${fraction === '' ? '' : `.${fraction}`}`);
	return Number.isFinite(result) ? sign * result : undefined;
}

/** Joins "1 234 567" / "1.234.567" into "1234567", insisting on groups of three digits. */
function splitGroups(integerPart: string, groupSeparator: string | undefined): string | undefined {
	if (DIGITS.test(integerPart)) return integerPart;
	let digits = '';
	let group = '';
	let groupCount = 0;
	for (let i = 0; i < integerPart.length; i++) {
		const ch = integerPart[i];
		if (ch >= '0' && ch <= '9') {
			group += ch;
			continue;
		}
		if (ch !== groupSeparator && !GROUP_SEPARATORS.test(ch)) return undefined;
		if (group === '' || (groupCount === 0 ? group.length > 3 : group.length !== 3))
			return undefined;
		digits += group;
		group = '';
		groupCount++;
	}
	if (group.length !== 3) return undefined;
	return digits + group;
}

/**
 * A line quantity: a positive whole number (also when given as "2" or 2.0).
 * Zero, negative, fractional or non-numeric quantities throw, naming the line.
 */
export function parseQuantity(value: unknown, where: Whereabouts): number {
	const quantity = parseDecimal(value);
	if (quantity !== undefined && quantity > 0 && Number.isInteger(quantity)) return quantity;
	const problem =
		value === undefined || value === null || value === ''
			? 'no quantity'
			: `quantity ${describeValue(value)} is not a positive whole number`;
	throw new MappingError(`${messagePrefix(where)}: ${problem} — fix the quantity in the store`, {
		field: 'orderLines.quantity',
		...where,
	});
}

/**
 * A money amount that may be absent (`undefined` is returned then) but must be
 * a number when present. `what` names it in the message ("unit price", "order total").
 */
export function parseMoney(
	value: unknown,
	where: Whereabouts,
	what: string,
	field: string,
): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const amount = parseDecimal(value);
	if (amount !== undefined) return amount;
	throw new MappingError(
		`${messagePrefix(where)}: ${what} ${describeValue(value)} is not a number — fix the price in the store`,
		{ field, ...where },
	);
}

/** Whole cents of an amount (2 decimals), free of binary floating-point noise such as 0.29 * 100. */
export function toCents(amount: number): number {
	return Math.round(amount * 100);
}

/** Rounds to `decimals` places (half away from zero for the amounts seen here). */
export function roundTo(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	return Math.round(value * factor + (value >= 0 ? 1e-9 : -1e-9)) / factor;
}
