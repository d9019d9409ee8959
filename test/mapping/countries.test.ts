import { normalizeCountry } from '../../nodes/MyOgo/mapping';
import { KNOWN_COUNTRY_COUNT, foldCountryName } from '../../nodes/MyOgo/mapping/countries';

describe('normalizeCountry', () => {
	it('knows every ISO 3166-1 country', () => {
		expect(KNOWN_COUNTRY_COUNT).toBe(249);
	});

	it.each<[string, string]>([
		// alpha-2 in any case
		['FI', 'FI'],
		['fi', 'FI'],
		[' se ', 'SE'],
		['Ax', 'AX'],
		['uk', 'GB'],
		// alpha-3
		['FIN', 'FI'],
		['swe', 'SE'],
		['DEU', 'DE'],
		['USA', 'US'],
		['GBR', 'GB'],
		// English (ISO and everyday)
		['Finland', 'FI'],
		['SWEDEN', 'SE'],
		['germany', 'DE'],
		['Åland Islands', 'AX'],
		['The Netherlands', 'NL'],
		['United Kingdom', 'GB'],
		['United Kingdom of Great Britain and Northern Ireland', 'GB'],
		['Great Britain', 'GB'],
		['United States', 'US'],
		['U.S.A.', 'US'],
		["Côte d'Ivoire", 'CI'],
		['Cote d’Ivoire', 'CI'],
		['Congo, Democratic Republic of the', 'CD'],
		['Democratic Republic of the Congo', 'CD'],
		['Korea, Republic of', 'KR'],
		['South Korea', 'KR'],
		['Czech Republic', 'CZ'],
		['Czechia', 'CZ'],
		['Türkiye', 'TR'],
		['Turkey', 'TR'],
		['Russia', 'RU'],
		['Viet Nam', 'VN'],
		['Vietnam', 'VN'],
		['Bosnia and Herzegovina', 'BA'],
		['Guinea-Bissau', 'GW'],
		// Finnish
		['Suomi', 'FI'],
		['suomi', 'FI'],
		['Ruotsi', 'SE'],
		['Norja', 'NO'],
		['Tanska', 'DK'],
		['Islanti', 'IS'],
		['Ahvenanmaa', 'AX'],
		['Viro', 'EE'],
		['Latvia', 'LV'],
		['Liettua', 'LT'],
		['Saksa', 'DE'],
		['Itävalta', 'AT'],
		['Sveitsi', 'CH'],
		['Puola', 'PL'],
		['Venäjä', 'RU'],
		['Alankomaat', 'NL'],
		['Iso-Britannia', 'GB'],
		['Yhdysvallat', 'US'],
		['Tšekki', 'CZ'],
		['Ranska', 'FR'],
		// Swedish
		['Sverige', 'SE'],
		['Norge', 'NO'],
		['Danmark', 'DK'],
		['Island', 'IS'],
		['Åland', 'AX'],
		['Färöarna', 'FO'],
		['Estland', 'EE'],
		['Lettland', 'LV'],
		['Litauen', 'LT'],
		['Tyskland', 'DE'],
		['Österrike', 'AT'],
		['Schweiz', 'CH'],
		['Ryssland', 'RU'],
		['Nederländerna', 'NL'],
		['Storbritannien', 'GB'],
		['Tjeckien', 'CZ'],
		// German
		['Deutschland', 'DE'],
		['Österreich', 'AT'],
		['Osterreich', 'AT'],
		['Schweden', 'SE'],
		['Norwegen', 'NO'],
		['Dänemark', 'DK'],
		['Färöer', 'FO'],
		['Grönland', 'GL'],
		['Polen', 'PL'],
		['Niederlande', 'NL'],
		['Großbritannien', 'GB'],
		['Grossbritannien', 'GB'],
		['Tschechien', 'CZ'],
		['Frankreich', 'FR'],
		['Weißrussland', 'BY'],
		// the countries' own names
		['Eesti', 'EE'],
		['Latvija', 'LV'],
		['Lietuva', 'LT'],
		['Ísland', 'IS'],
		['Føroyar', 'FO'],
		['Polska', 'PL'],
	])('%j → %s', (input, expected) => {
		expect(normalizeCountry(input)).toBe(expected);
	});

	it.each<[unknown]>([
		['Narnia'],
		[''],
		['  '],
		['XX'],
		['ZZZ'],
		['F'],
		['Europe'],
		[undefined],
		[null],
		[246],
	])('%j is unknown', (input) => {
		expect(normalizeCountry(input)).toBeUndefined();
	});

	it('folds accents, case, punctuation and a leading "the"', () => {
		expect(foldCountryName('  The  Côte d’Ivoire ')).toBe('cote d ivoire');
		expect(foldCountryName('Großbritannien')).toBe('grossbritannien');
		expect(foldCountryName('Føroyar')).toBe('foroyar');
	});
});
