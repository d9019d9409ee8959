/** Shared test helpers for the mapping tests: fixture loading and default options. */
import { readFileSync } from 'fs';
import { join } from 'path';

import type { IDataObject } from 'n8n-workflow';

import type { OrderMappingOptions } from '../../nodes/MyOgo/mapping';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** A fresh, mutable copy of a fixture (tests edit them to build failing inputs). */
export function loadFixture(relativePath: string): IDataObject {
	return JSON.parse(readFileSync(join(FIXTURES, relativePath), 'utf8')) as IDataObject;
}

/** Freezes every nested object so a mapper that mutates its input throws. */
export function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const key of Object.keys(value as object))
			deepFreeze((value as Record<string, unknown>)[key]);
	}
	return value;
}

/** The shipping methods of all fixtures mapped to myOGO codes. */
export function fixtureOptions(overrides: Partial<OrderMappingOptions> = {}): OrderMappingOptions {
	return {
		referenceFrom: 'number',
		linesWithoutSku: 'skip',
		shippingMethodMap: [
			{ storeMethod: 'posti_smartpost', shippingCode: 'POSTI_SMARTPOST' },
			{ storeMethod: '  STANDARD shipping ', shippingCode: 'DHL_EXPRESS' },
			{ storeMethod: 'flat_rate:3', shippingCode: 'DHL_EXPRESS' },
			{ storeMethod: 'PostNord Ombud', shippingCode: 'POSTNORD_MYPACK' },
			{ storeMethod: 'flatrate_flatrate', shippingCode: 'POSTI_PAKETTI' },
			{ storeMethod: 'Bring - Pakke til hentested', shippingCode: 'BRING_SERVICEPAKKE' },
		],
		...overrides,
	};
}

/** Runs `fn` and returns what it threw (fails the test when nothing was thrown). */
export function thrownBy(fn: () => unknown): Error {
	try {
		fn();
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected a throw, but nothing was thrown');
}
