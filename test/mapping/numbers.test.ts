import { MappingError, parseDecimal, parseQuantity } from '../../nodes/MyOgo/mapping';
import { describeValue } from '../../nodes/MyOgo/mapping/MappingError';
import { parseMoney, roundTo, toCents } from '../../nodes/MyOgo/mapping/numbers';
import { thrownBy } from './helpers';

describe('parseDecimal', () => {
	it.each<[unknown, number]>([
		[12, 12],
		[12.5, 12.5],
		[-3, -3],
		['12', 12],
		['12.50', 12.5],
		['12,50', 12.5],
		['12,5', 12.5],
		['1 234,50', 1234.5],
		['1\u00a0234,50', 1234.5],
		['1\u202f234,50', 1234.5],
		['1,234.50', 1234.5],
		['1.234,50', 1234.5],
		["1'234.50", 1234.5],
		['1.234.567', 1234567],
		['1,234,567.89', 1234567.89],
		['12 345 678', 12345678],
		['-1', -1],
		['-12,50', -12.5],
		['+3', 3],
		['  7  ', 7],
		['.5', 0.5],
		['0', 0],
		['0,00', 0],
		// A single separator is a decimal separator (documented): Nordic stores write "1,234" for 1.234.
		['1,234', 1.234],
	])('%j → %d', (input, expected) => {
		expect(parseDecimal(input)).toBe(expected);
	});

	it.each<[unknown]>([
		['abc'],
		[''],
		['   '],
		['12 50'],
		['1234 567'],
		['1,2,3'],
		['1.2.3'],
		['1,,5'],
		['1e3'],
		['12 €'],
		['€12'],
		['5.'],
		['-'],
		['1.234,5.6'],
		[Number.NaN],
		[Number.POSITIVE_INFINITY],
		[null],
		[undefined],
		[true],
		[{}],
		[[]],
	])('%j is not a number', (input) => {
		expect(parseDecimal(input)).toBeUndefined();
	});
});

describe('parseQuantity', () => {
	const where = { orderLabel: '1042', line: 2 };

	it.each<[unknown, number]>([
		[1, 1],
		[3, 3],
		['2', 2],
		[' 5 ', 5],
		[2.0, 2],
		['4.0000', 4],
		['1 000', 1000],
	])('%j → %d', (input, expected) => {
		expect(parseQuantity(input, where)).toBe(expected);
	});

	it.each<[unknown, string]>([
		[
			0,
			'Order 1042, line 2: quantity 0 is not a positive whole number — fix the quantity in the store',
		],
		[
			'0',
			'Order 1042, line 2: quantity "0" is not a positive whole number — fix the quantity in the store',
		],
		[
			-1,
			'Order 1042, line 2: quantity -1 is not a positive whole number — fix the quantity in the store',
		],
		[
			'-1',
			'Order 1042, line 2: quantity "-1" is not a positive whole number — fix the quantity in the store',
		],
		[
			1.5,
			'Order 1042, line 2: quantity 1.5 is not a positive whole number — fix the quantity in the store',
		],
		[
			'1.5',
			'Order 1042, line 2: quantity "1.5" is not a positive whole number — fix the quantity in the store',
		],
		[
			'1,5',
			'Order 1042, line 2: quantity "1,5" is not a positive whole number — fix the quantity in the store',
		],
		[
			'abc',
			'Order 1042, line 2: quantity "abc" is not a positive whole number — fix the quantity in the store',
		],
		[
			{ value: 2 },
			'Order 1042, line 2: quantity {"value":2} is not a positive whole number — fix the quantity in the store',
		],
		[null, 'Order 1042, line 2: no quantity — fix the quantity in the store'],
		[undefined, 'Order 1042, line 2: no quantity — fix the quantity in the store'],
		['', 'Order 1042, line 2: no quantity — fix the quantity in the store'],
	])('%j is refused', (input, message) => {
		const error = thrownBy(() => parseQuantity(input, where));
		expect(error).toBeInstanceOf(MappingError);
		expect(error.message).toBe(message);
		expect(error).toMatchObject({
			name: 'MappingError',
			field: 'orderLines.quantity',
			orderLabel: '1042',
			line: 2,
		});
	});
});

describe('parseMoney', () => {
	const where = { orderLabel: '1042', line: 3 };

	it('returns undefined for an absent amount and the number for a present one', () => {
		expect(parseMoney(undefined, where, 'unit price', 'orderLines.unitPrice')).toBeUndefined();
		expect(parseMoney(null, where, 'unit price', 'orderLines.unitPrice')).toBeUndefined();
		expect(parseMoney('', where, 'unit price', 'orderLines.unitPrice')).toBeUndefined();
		expect(parseMoney('1 234,50', where, 'unit price', 'orderLines.unitPrice')).toBe(1234.5);
	});

	it('refuses an amount that is not a number, naming the line and the value', () => {
		const error = thrownBy(() => parseMoney('abc', where, 'unit price', 'orderLines.unitPrice'));
		expect(error.message).toBe(
			'Order 1042, line 3: unit price "abc" is not a number — fix the price in the store',
		);
		expect(error).toMatchObject({ field: 'orderLines.unitPrice', line: 3 });
	});

	it('names order-level amounts without a line', () => {
		const error = thrownBy(() =>
			parseMoney('n/a', { orderLabel: '7' }, 'order total', 'priceTotal'),
		);
		expect(error.message).toBe(
			'Order 7: order total "n/a" is not a number — fix the price in the store',
		);
		expect((error as MappingError).line).toBeUndefined();
	});
});

describe('cents and rounding', () => {
	it('keeps binary noise out of cents', () => {
		expect(toCents(0.29)).toBe(29);
		expect(toCents(1.15)).toBe(115);
		expect(toCents(114.52)).toBe(11452);
	});

	it('rounds half up', () => {
		expect(roundTo(8.875, 2)).toBe(8.88);
		expect(roundTo(25.500000000000004, 4)).toBe(25.5);
		expect(roundTo(1.005, 2)).toBe(1.01);
	});
});

describe('describeValue', () => {
	it('never prints [object Object]', () => {
		expect(describeValue({ a: 1 })).toBe('{"a":1}');
		expect(describeValue([1, 2])).toBe('[1,2]');
		expect(describeValue('x'.repeat(80))).toBe(`"${'x'.repeat(57)}..."`);
		expect(describeValue(undefined)).toBe('nothing');
		const circular: Record<string, unknown> = {};
		circular.self = circular;
		expect(describeValue(circular)).toBe('a object');
	});
});
