/**
 * Country normalisation: myOGO wants an uppercase ISO 3166-1 alpha-2 code, while
 * stores and spreadsheets give alpha-2 in any case, alpha-3, or a name in
 * English, Finnish, Swedish or German ("Suomi", "Sverige", "Deutschland").
 *
 * Names are compared after folding case and accents, turning punctuation into
 * spaces and dropping a leading "the": "Åland", "aland", "ALAND ISLANDS" and
 * "Congo, Democratic Republic of the" all match.
 */

/**
 * Every ISO 3166-1 entry: alpha-2, alpha-3, English short name (ISO's own
 * spelling, which is what many stores print). Kept as one string so the module
 * loads quickly; parsed once below.
 */
const ISO_3166 = `AD AND Andorra
AE ARE United Arab Emirates
AF AFG Afghanistan
AG ATG Antigua and Barbuda
AI AIA Anguilla
AL ALB Albania
AM ARM Armenia
AO AGO Angola
AQ ATA Antarctica
AR ARG Argentina
AS ASM American Samoa
AT AUT Austria
AU AUS Australia
AW ABW Aruba
AX ALA Åland Islands
AZ AZE Azerbaijan
BA BIH Bosnia and Herzegovina
BB BRB Barbados
BD BGD Bangladesh
BE BEL Belgium
BF BFA Burkina Faso
BG BGR Bulgaria
BH BHR Bahrain
BI BDI Burundi
BJ BEN Benin
BL BLM Saint Barthélemy
BM BMU Bermuda
BN BRN Brunei Darussalam
BO BOL Bolivia (Plurinational State of)
BQ BES Bonaire, Sint Eustatius and Saba
BR BRA Brazil
BS BHS Bahamas
BT BTN Bhutan
BV BVT Bouvet Island
BW BWA Botswana
BY BLR Belarus
BZ BLZ Belize
CA CAN Canada
CC CCK Cocos (Keeling) Islands
CD COD Congo, Democratic Republic of the
CF CAF Central African Republic
CG COG Congo
CH CHE Switzerland
CI CIV Côte d'Ivoire
CK COK Cook Islands
CL CHL Chile
CM CMR Cameroon
CN CHN China
CO COL Colombia
CR CRI Costa Rica
CU CUB Cuba
CV CPV Cabo Verde
CW CUW Curaçao
CX CXR Christmas Island
CY CYP Cyprus
CZ CZE Czechia
DE DEU Germany
DJ DJI Djibouti
DK DNK Denmark
DM DMA Dominica
DO DOM Dominican Republic
DZ DZA Algeria
EC ECU Ecuador
EE EST Estonia
EG EGY Egypt
EH ESH Western Sahara
ER ERI Eritrea
ES ESP Spain
ET ETH Ethiopia
FI FIN Finland
FJ FJI Fiji
FK FLK Falkland Islands (Malvinas)
FM FSM Micronesia (Federated States of)
FO FRO Faroe Islands
FR FRA France
GA GAB Gabon
GB GBR United Kingdom of Great Britain and Northern Ireland
GD GRD Grenada
GE GEO Georgia
GF GUF French Guiana
GG GGY Guernsey
GH GHA Ghana
GI GIB Gibraltar
GL GRL Greenland
GM GMB Gambia
GN GIN Guinea
GP GLP Guadeloupe
GQ GNQ Equatorial Guinea
GR GRC Greece
GS SGS South Georgia and the South Sandwich Islands
GT GTM Guatemala
GU GUM Guam
GW GNB Guinea-Bissau
GY GUY Guyana
HK HKG Hong Kong
HM HMD Heard Island and McDonald Islands
HN HND Honduras
HR HRV Croatia
HT HTI Haiti
HU HUN Hungary
ID IDN Indonesia
IE IRL Ireland
IL ISR Israel
IM IMN Isle of Man
IN IND India
IO IOT British Indian Ocean Territory
IQ IRQ Iraq
IR IRN Iran (Islamic Republic of)
IS ISL Iceland
IT ITA Italy
JE JEY Jersey
JM JAM Jamaica
JO JOR Jordan
JP JPN Japan
KE KEN Kenya
KG KGZ Kyrgyzstan
KH KHM Cambodia
KI KIR Kiribati
KM COM Comoros
KN KNA Saint Kitts and Nevis
KP PRK Korea (Democratic People's Republic of)
KR KOR Korea, Republic of
KW KWT Kuwait
KY CYM Cayman Islands
KZ KAZ Kazakhstan
LA LAO Lao People's Democratic Republic
LB LBN Lebanon
LC LCA Saint Lucia
LI LIE Liechtenstein
LK LKA Sri Lanka
LR LBR Liberia
LS LSO Lesotho
LT LTU Lithuania
LU LUX Luxembourg
LV LVA Latvia
LY LBY Libya
MA MAR Morocco
MC MCO Monaco
MD MDA Moldova, Republic of
ME MNE Montenegro
MF MAF Saint Martin (French part)
MG MDG Madagascar
MH MHL Marshall Islands
MK MKD North Macedonia
ML MLI Mali
MM MMR Myanmar
MN MNG Mongolia
MO MAC Macao
MP MNP Northern Mariana Islands
MQ MTQ Martinique
MR MRT Mauritania
MS MSR Montserrat
MT MLT Malta
MU MUS Mauritius
MV MDV Maldives
MW MWI Malawi
MX MEX Mexico
MY MYS Malaysia
MZ MOZ Mozambique
NA NAM Namibia
NC NCL New Caledonia
NE NER Niger
NF NFK Norfolk Island
NG NGA Nigeria
NI NIC Nicaragua
NL NLD Netherlands
NO NOR Norway
NP NPL Nepal
NR NRU Nauru
NU NIU Niue
NZ NZL New Zealand
OM OMN Oman
PA PAN Panama
PE PER Peru
PF PYF French Polynesia
PG PNG Papua New Guinea
PH PHL Philippines
PK PAK Pakistan
PL POL Poland
PM SPM Saint Pierre and Miquelon
PN PCN Pitcairn
PR PRI Puerto Rico
PS PSE Palestine, State of
PT PRT Portugal
PW PLW Palau
PY PRY Paraguay
QA QAT Qatar
RE REU Réunion
RO ROU Romania
RS SRB Serbia
RU RUS Russian Federation
RW RWA Rwanda
SA SAU Saudi Arabia
SB SLB Solomon Islands
SC SYC Seychelles
SD SDN Sudan
SE SWE Sweden
SG SGP Singapore
SH SHN Saint Helena, Ascension and Tristan da Cunha
SI SVN Slovenia
SJ SJM Svalbard and Jan Mayen
SK SVK Slovakia
SL SLE Sierra Leone
SM SMR San Marino
SN SEN Senegal
SO SOM Somalia
SR SUR Suriname
SS SSD South Sudan
ST STP Sao Tome and Principe
SV SLV El Salvador
SX SXM Sint Maarten (Dutch part)
SY SYR Syrian Arab Republic
SZ SWZ Eswatini
TC TCA Turks and Caicos Islands
TD TCD Chad
TF ATF French Southern Territories
TG TGO Togo
TH THA Thailand
TJ TJK Tajikistan
TK TKL Tokelau
TL TLS Timor-Leste
TM TKM Turkmenistan
TN TUN Tunisia
TO TON Tonga
TR TUR Türkiye
TT TTO Trinidad and Tobago
TV TUV Tuvalu
TW TWN Taiwan, Province of China
TZ TZA Tanzania, United Republic of
UA UKR Ukraine
UG UGA Uganda
UM UMI United States Minor Outlying Islands
US USA United States of America
UY URY Uruguay
UZ UZB Uzbekistan
VA VAT Holy See
VC VCT Saint Vincent and the Grenadines
VE VEN Venezuela (Bolivarian Republic of)
VG VGB Virgin Islands (British)
VI VIR Virgin Islands (U.S.)
VN VNM Viet Nam
VU VUT Vanuatu
WF WLF Wallis and Futuna
WS WSM Samoa
YE YEM Yemen
YT MYT Mayotte
ZA ZAF South Africa
ZM ZMB Zambia
ZW ZWE Zimbabwe`;

/**
 * Other names: everyday English forms (the ISO names above are formal), and the
 * Finnish / Swedish / German names of the countries myOGO's warehouses ship to
 * most (the Nordics, the Baltics, Germany and its neighbours, the big markets).
 * Accents may be left out by the buyer: matching folds them anyway.
 */
const OTHER_NAMES: Record<string, string[]> = {
	// Nordics
	FI: ['Suomi', 'Finnland'],
	SE: ['Ruotsi', 'Sverige', 'Schweden'],
	NO: ['Norja', 'Norge', 'Noreg', 'Norwegen'],
	DK: ['Tanska', 'Danmark', 'Dänemark'],
	IS: ['Islanti', 'Island', 'Ísland'],
	AX: ['Ahvenanmaa', 'Åland', 'Ålandsöarna', 'Aland'],
	FO: ['Färsaaret', 'Färöarna', 'Färöer', 'Färöer-Inseln', 'Føroyar', 'Faroes'],
	GL: ['Grönlanti', 'Grönland', 'Kalaallit Nunaat'],
	SJ: ['Huippuvuoret', 'Svalbard', 'Svalbard och Jan Mayen', 'Spitzbergen'],
	// Baltics
	EE: ['Viro', 'Eesti', 'Estland'],
	LV: ['Lettland', 'Latvija'],
	LT: ['Liettua', 'Litauen', 'Lietuva'],
	// Germany and its neighbours
	DE: ['Saksa', 'Tyskland', 'Deutschland', 'Bundesrepublik Deutschland'],
	AT: ['Itävalta', 'Österrike', 'Österreich'],
	CH: ['Sveitsi', 'Schweiz', 'Suisse', 'Svizzera'],
	LI: ['Liechtenstein'],
	PL: ['Puola', 'Polen', 'Polska'],
	CZ: ['Czech Republic', 'Tšekki', 'Tsekki', 'Tjeckien', 'Tschechien', 'Tschechische Republik'],
	NL: ['Holland', 'Alankomaat', 'Hollanti', 'Nederländerna', 'Niederlande', 'Nederland'],
	BE: ['Belgia', 'Belgien', 'Belgique', 'België'],
	LU: ['Luxemburg', 'Luxemburgo'],
	FR: ['Ranska', 'Frankrike', 'Frankreich'],
	// Other European and large markets
	RU: ['Russia', 'Venäjä', 'Ryssland', 'Russland'],
	BY: ['Valko-Venäjä', 'Vitryssland', 'Weißrussland', 'Belarus'],
	UA: ['Ukraina', 'Ukraine'],
	GB: [
		'United Kingdom',
		'UK',
		'Great Britain',
		'Britain',
		'England',
		'Scotland',
		'Wales',
		'Northern Ireland',
		'Iso-Britannia',
		'Yhdistynyt kuningaskunta',
		'Englanti',
		'Storbritannien',
		'Förenade kungariket',
		'Großbritannien',
		'Vereinigtes Königreich',
	],
	IE: ['Irlanti', 'Irland'],
	US: [
		'United States',
		'USA',
		'U.S.A.',
		'U.S.',
		'America',
		'Yhdysvallat',
		'Amerikan yhdysvallat',
		'Förenta staterna',
		'Vereinigte Staaten',
		'Vereinigte Staaten von Amerika',
	],
	CA: ['Kanada'],
	IT: ['Italia', 'Italien'],
	ES: ['Espanja', 'Spanien', 'España'],
	PT: ['Portugali'],
	GR: ['Kreikka', 'Grekland', 'Griechenland'],
	HU: ['Unkari', 'Ungern', 'Ungarn'],
	SK: ['Slovakien', 'Slowakei'],
	SI: ['Slovenien', 'Slowenien'],
	HR: ['Kroatia', 'Kroatien', 'Hrvatska'],
	RO: ['Rumänien'],
	BG: ['Bulgarien'],
	CY: ['Kypros', 'Cypern', 'Zypern'],
	TR: ['Turkey', 'Turkki', 'Turkiet', 'Türkei'],
	CN: ['Kiina', 'Kina'],
	JP: ['Japani'],
	KR: ['South Korea', 'Etelä-Korea', 'Sydkorea', 'Südkorea'],
	KP: ['North Korea'],
	AU: ['Australien'],
	NZ: ['Uusi-Seelanti', 'Nya Zeeland', 'Neuseeland'],
	// Short forms of formal ISO names
	BO: ['Bolivia'],
	BN: ['Brunei'],
	CD: ['Democratic Republic of the Congo', 'DR Congo', 'Congo-Kinshasa'],
	CG: ['Republic of the Congo', 'Congo-Brazzaville'],
	CI: ['Ivory Coast'],
	CV: ['Cape Verde'],
	FK: ['Falkland Islands'],
	FM: ['Micronesia'],
	IR: ['Iran'],
	LA: ['Laos'],
	MD: ['Moldova'],
	MK: ['Macedonia'],
	MM: ['Burma'],
	MO: ['Macau'],
	PS: ['Palestine'],
	SY: ['Syria'],
	SZ: ['Swaziland'],
	TL: ['East Timor'],
	TW: ['Taiwan'],
	TZ: ['Tanzania'],
	VA: ['Vatican', 'Vatican City'],
	VE: ['Venezuela'],
	VN: ['Vietnam'],
};

/** Codes some stores use that are not ISO alpha-2 but are unambiguous. */
const CODE_ALIASES: Record<string, string> = { UK: 'GB', EL: 'GR' };

const alpha2 = new Set<string>();
const alpha3 = new Map<string, string>();
const byName = new Map<string, string>();

// Folding: accents go (NFD + drop combining marks), letters NFD keeps whole get
// their usual transliteration, and anything that is not a letter or digit becomes a space.
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NOT_ALPHANUMERIC = /[^a-z0-9]+/g;
const SPECIAL_LETTERS = /[ßøæœđłþð]/g;
const SPECIAL_LETTER_FOLDS: Record<string, string> = {
	ß: 'ss',
	ø: 'o',
	æ: 'ae',
	œ: 'oe',
	đ: 'd',
	ł: 'l',
	þ: 'th',
	ð: 'd',
};
const LEADING_THE = /^the /;

/** The comparable form of a country name: "Côte d'Ivoire" → "cote d ivoire". */
export function foldCountryName(name: string): string {
	return name
		.toLowerCase()
		.normalize('NFD')
		.replace(COMBINING_MARKS, '')
		.replace(SPECIAL_LETTERS, (letter) => SPECIAL_LETTER_FOLDS[letter] ?? letter)
		.replace(NOT_ALPHANUMERIC, ' ')
		.trim()
		.replace(LEADING_THE, '');
}

for (const row of ISO_3166.split('\n')) {
	const code = row.slice(0, 2);
	alpha2.add(code);
	alpha3.set(row.slice(3, 6), code);
	byName.set(foldCountryName(row.slice(7)), code);
}
for (const code of Object.keys(OTHER_NAMES)) {
	if (!alpha2.has(code)) continue;
	for (const name of OTHER_NAMES[code]) byName.set(foldCountryName(name), code);
}

/** How many ISO 3166-1 countries are known (for tests). */
export const KNOWN_COUNTRY_COUNT = alpha2.size;

/**
 * Uppercase ISO 3166-1 alpha-2 code for a country given as alpha-2 (any case),
 * alpha-3, or an English / Finnish / Swedish / German name; `undefined` when the
 * value is not recognised (the caller reports it, naming the value and field).
 */
export function normalizeCountry(value: unknown): string | undefined {
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text.length === 2) {
		const code = text.toUpperCase();
		if (alpha2.has(code)) return code;
		const alias = CODE_ALIASES[code];
		if (alias !== undefined) return alias;
	} else if (text.length === 3) {
		const code = alpha3.get(text.toUpperCase());
		if (code !== undefined) return code;
	}
	if (text === '') return undefined;
	return byName.get(foldCountryName(text));
}
