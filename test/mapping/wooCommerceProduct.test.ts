import type { IDataObject } from 'n8n-workflow';

import { mapWooCommerceProduct } from '../../nodes/MyOgo/mapping';
import { deepFreeze, loadFixture } from './helpers';

const SIMPLE = 'woocommerce/product-simple.json';
const VARIABLE_IDS = 'woocommerce/product-variable-ids.json';
const VARIABLE_OBJECTS = 'woocommerce/product-variable-with-variations.json';

const HOODIE_DESCRIPTION = 'Hoodie aus Bio-Baumwolle\nMit Kängurutasche & Kapuze.';
const UPLOADS = 'https://shop.example.de/wp-content/uploads/2025';
const FETCH_VARIATIONS =
	'variations came as ids only — fetch them (HTTP Request: GET /wp-json/wc/v3/products/{id}/variations) into "variations" to map each one';

describe('mapWooCommerceProduct', () => {
	it('maps a simple product', () => {
		const result = mapWooCommerceProduct(deepFreeze(loadFixture(SIMPLE)), {
			languageCode: 'de',
			currencyCode: 'EUR',
		});
		expect(result).toStrictEqual({
			products: [
				{
					code: 'SOCKS-3942',
					languageCode: 'de',
					name: 'Wool Socks',
					description: 'Warm socks of Finnish merino wool.\nSize 39–42 • 80 % wool, 20 % polyamide',
					group: 'Socken', // the first category
					eanCode: '6430098765432', // global_unique_id
					salesPrice: 14.9,
					currencyCode: 'EUR',
					infoUrl: 'https://shop.example.de/produkt/wool-socks/',
					pictureUrl: `${UPLOADS}/01/wool-socks.jpg`,
				},
			],
			skipped: [],
		});
	});

	it('maps the parent of a variable product as n8n returns it (variation ids) and says what to fetch', () => {
		const result = mapWooCommerceProduct(deepFreeze(loadFixture(VARIABLE_IDS)), {
			languageCode: 'de',
			currencyCode: 'EUR',
		});
		expect(result).toStrictEqual({
			products: [
				{
					code: 'HOODIE',
					languageCode: 'de',
					name: 'Hoodie',
					description: HOODIE_DESCRIPTION,
					group: 'Pullover & Hoodies',
					salesPrice: 50,
					currencyCode: 'EUR',
					infoUrl: 'https://shop.example.de/produkt/hoodie/',
					pictureUrl: `${UPLOADS}/02/hoodie.jpg`,
				},
			],
			skipped: [
				{ variant: 'Hoodie variation #45', reason: FETCH_VARIATIONS },
				{ variant: 'Hoodie variation #46', reason: FETCH_VARIATIONS },
				{ variant: 'Hoodie variation #47', reason: FETCH_VARIATIONS },
			],
		});
	});

	it('maps each variation object of a variable product, not the parent', () => {
		const result = mapWooCommerceProduct(deepFreeze(loadFixture(VARIABLE_OBJECTS)), {
			languageCode: 'de',
		});
		const common = {
			languageCode: 'de',
			description: HOODIE_DESCRIPTION,
			group: 'Pullover & Hoodies',
			salesPrice: 50,
		};
		expect(result).toStrictEqual({
			products: [
				{
					code: 'HOODIE-BLUE-L',
					...common,
					name: 'Hoodie - Blue, L',
					eanCode: '4006381333931', // meta key "_alg_ean"
					infoUrl:
						'https://shop.example.de/produkt/hoodie/?attribute_pa_color=blue&attribute_pa_size=l',
					pictureUrl: `${UPLOADS}/02/hoodie-blue.jpg`,
				},
				{
					code: 'HOODIE-BLUE-M',
					...common,
					name: 'Hoodie - Blue, M',
					eanCode: '4006381333948',
					infoUrl:
						'https://shop.example.de/produkt/hoodie/?attribute_pa_color=blue&attribute_pa_size=m',
					pictureUrl: `${UPLOADS}/02/hoodie-blue.jpg`,
				},
			],
			skipped: [{ variant: 'Hoodie - Red, L', reason: 'no SKU — give it a SKU in WooCommerce' }],
		});
	});

	it.each<[string, string]>([
		['hwp_product_gtin', '4006381333931'],
		['EAN', '4006381333931'],
		['_wpm_gtin_code', '4006381333931'],
		['barcode', '4006381333931'],
	])('reads an EAN from meta key %s', (key, ean) => {
		const raw = loadFixture(SIMPLE);
		raw.global_unique_id = '';
		raw.meta_data = [
			{ id: 1, key: 'eanimal', value: 'not an EAN key' },
			{ id: 2, key, value: ean },
		];
		expect(mapWooCommerceProduct(raw, { languageCode: 'de' }).products[0].eanCode).toBe(ean);
	});

	it.each<[string, IDataObject, string]>([
		[
			'grouped',
			{ type: 'grouped' },
			'grouped product: its member products are mapped on their own',
		],
		['external', { type: 'external' }, 'external (affiliate) product: not sold from stock'],
		['virtual', { virtual: true }, 'virtual product: nothing to ship'],
		['without SKU', { sku: '' }, 'no SKU — give it a SKU in WooCommerce'],
	])('skips a %s product', (_kind, change, reason) => {
		const raw = { ...loadFixture(SIMPLE), ...change };
		expect(mapWooCommerceProduct(raw, { languageCode: 'de' })).toStrictEqual({
			products: [],
			skipped: [{ variant: 'Wool Socks', reason }],
		});
	});

	it('falls back to the short description and leaves out what is missing', () => {
		const raw = loadFixture(SIMPLE);
		Object.assign(raw, {
			description: '',
			categories: [],
			images: [],
			permalink: '',
			price: '',
			global_unique_id: '',
		});
		raw.meta_data = [];
		expect(mapWooCommerceProduct(raw, { languageCode: 'de' }).products).toStrictEqual([
			{
				code: 'SOCKS-3942',
				languageCode: 'de',
				name: 'Wool Socks',
				description: 'Merino wool socks',
			},
		]);
	});
});
