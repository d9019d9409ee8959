/**
 * Store shipping method → myOGO `shippingCode` (a delivery type the merchant
 * enabled in myOGO), through the "Shipping Method Map" option.
 *
 * - Each store exposes a title and a code for the chosen method; the mapper
 *   passes them as candidates, and the first candidate found in the map wins.
 *   Matching trims and ignores case.
 * - No match → "Default Shipping Code" when set.
 * - No match and no default → an error naming the store method — except when the
 *   map is empty as well: then the merchant has configured no shipping at all,
 *   which is right when only one delivery type is enabled in myOGO, so the
 *   order goes without `shippingCode` (myOGO answers 400 naming its codes if
 *   that was a mistake).
 */
import { MappingError, describeValue } from './MappingError';
import type { OrderMappingOptions, ShippingMethodMapping } from './types';

// The node passes the same options object for every item; lower-casing the map once per execution keeps
// 10,000-order runs cheap.
const lookupCache = new WeakMap<ShippingMethodMapping[], Map<string, string>>();

function lookupFor(map: ShippingMethodMapping[]): Map<string, string> {
	let lookup = lookupCache.get(map);
	if (lookup !== undefined) return lookup;
	lookup = new Map<string, string>();
	for (const row of map) {
		const storeMethod = typeof row?.storeMethod === 'string' ? row.storeMethod.trim() : '';
		const shippingCode = typeof row?.shippingCode === 'string' ? row.shippingCode.trim() : '';
		if (storeMethod === '' && shippingCode === '') continue; // an empty row left in the UI
		if (shippingCode === '') {
			throw new MappingError(
				`"Shipping Method Map": the row for store method ${describeValue(storeMethod)} has no shipping code — enter the myOGO shipping code or remove the row`,
				{ field: 'shippingMethodMap' },
			);
		}
		if (storeMethod === '') {
			throw new MappingError(
				`"Shipping Method Map": the row for shipping code ${describeValue(shippingCode)} has no store method — enter the store's shipping method title or code, or remove the row`,
				{ field: 'shippingMethodMap' },
			);
		}
		const key = storeMethod.toLowerCase();
		if (!lookup.has(key)) lookup.set(key, shippingCode);
	}
	lookupCache.set(map, lookup);
	return lookup;
}

/**
 * @param candidates the store method's title and code (either may be absent), most specific first
 */
export function resolveShippingCode(
	candidates: ReadonlyArray<string | undefined>,
	options: OrderMappingOptions,
	orderLabel: string,
	notes: string[],
): string | undefined {
	const map = Array.isArray(options.shippingMethodMap) ? options.shippingMethodMap : [];
	const lookup = lookupFor(map);
	let storeMethod: string | undefined;
	let alsoKnownAs: string | undefined;
	for (const candidate of candidates) {
		if (candidate === undefined) continue;
		const found = lookup.get(candidate.toLowerCase());
		if (found !== undefined) return found;
		if (storeMethod === undefined) storeMethod = candidate;
		else if (alsoKnownAs === undefined && candidate.toLowerCase() !== storeMethod.toLowerCase())
			alsoKnownAs = candidate;
	}

	const fallback =
		typeof options.defaultShippingCode === 'string' ? options.defaultShippingCode.trim() : '';
	const method =
		storeMethod === undefined
			? undefined
			: `shipping method ${describeValue(storeMethod)}${alsoKnownAs === undefined ? '' : ` (code ${describeValue(alsoKnownAs)})`}`;
	if (fallback !== '') {
		if (lookup.size > 0 && method !== undefined) {
			notes.push(
				`${method} is not in "Shipping Method Map": default shipping code ${fallback} used`,
			);
		}
		return fallback;
	}
	if (lookup.size === 0) return undefined;
	if (method === undefined) {
		throw new MappingError(
			`Order ${orderLabel}: the order has no shipping method — set "Default Shipping Code"`,
			{ field: 'shippingCode', orderLabel },
		);
	}
	throw new MappingError(
		`Order ${orderLabel}: ${method} is not in "Shipping Method Map" — add it there with its myOGO shipping code, or set "Default Shipping Code"`,
		{ field: 'shippingCode', orderLabel },
	);
}
