import { MappingError, mapShopifyProduct } from '../../nodes/MyOgo/mapping';
import { deepFreeze, loadFixture, thrownBy } from './helpers';

const TSHIRT = 'shopify/product-tshirt-variants.json';
const TOWEL = 'shopify/product-single-default-title.json';

const DESCRIPTION =
	'Soft organic cotton tee – knitted in Tampere.\n\n- 100 % GOTS cotton\n- Made in Portugal';
const CDN = 'https://cdn.shopify.com/s/files/1/0612/3456/7890/files';

describe('mapShopifyProduct', () => {
	it('maps one myOGO product per variant SKU and reports the rest', () => {
		const result = mapShopifyProduct(deepFreeze(loadFixture(TSHIRT)), {
			languageCode: 'FI',
			currencyCode: 'eur',
		});
		const common = {
			languageCode: 'fi',
			description: DESCRIPTION,
			supplier: 'Nordic Basics Oy',
			group: 'T-Shirts',
			currencyCode: 'EUR',
		};
		expect(result).toStrictEqual({
			products: [
				{
					code: 'TEE-WHT-S',
					...common,
					name: 'Organic Cotton T-Shirt - White / S',
					eanCode: '6430012345678',
					salesPrice: 24.9,
					pictureUrl: `${CDN}/tee-white.jpg?v=1707635760`, // image_id
				},
				{
					code: 'TEE-WHT-M',
					...common,
					name: 'Organic Cotton T-Shirt - White / M',
					eanCode: '6430012345685',
					salesPrice: 24.9,
					pictureUrl: `${CDN}/tee-front.jpg?v=1707635760`, // no own image: the product's
				},
				{
					code: 'TEE-BLK-L',
					...common,
					name: 'Organic Cotton T-Shirt - Black / L',
					eanCode: '6430012345692',
					salesPrice: 26.9,
					pictureUrl: `${CDN}/tee-black.jpg?v=1709287260`, // listed in the image's variant_ids
				},
			],
			skipped: [
				{
					variant: 'Organic Cotton T-Shirt - White / L',
					reason: 'no SKU — give the variant a SKU in Shopify',
				},
				{
					variant: 'Organic Cotton T-Shirt - Black / M',
					reason: 'SKU "TEE-WHT-M" is already used by "Organic Cotton T-Shirt - White / M"',
				},
			],
		});
	});

	it('names a single-variant product by its title alone', () => {
		const result = mapShopifyProduct(deepFreeze(loadFixture(TOWEL)), { languageCode: 'sv' });
		expect(result).toStrictEqual({
			products: [
				{
					code: 'TOWEL-LINEN',
					languageCode: 'sv',
					name: 'Linen Tea Towel',
					description:
						'Stonewashed linen from Lithuania & pre-washed.\nSize 50 × 70 cm.\n\nWash at 40°C.',
					supplier: 'Liinavaatteet',
					salesPrice: 12.5, // no "Currency Code" option: no currencyCode
					pictureUrl: `${CDN}/tea-towel.jpg?v=1725339660`,
				},
			],
			skipped: [],
		});
	});

	it('skips variants that do not require shipping', () => {
		const raw = loadFixture(TOWEL);
		(raw.variants as Array<Record<string, unknown>>)[0].requires_shipping = false;
		expect(mapShopifyProduct(raw, { languageCode: 'en' })).toStrictEqual({
			products: [],
			skipped: [{ variant: 'Linen Tea Towel', reason: 'does not require shipping' }],
		});
	});

	it('reports a product without variants', () => {
		const raw = loadFixture(TOWEL);
		raw.variants = [];
		expect(mapShopifyProduct(raw, { languageCode: 'en' }).skipped).toStrictEqual([
			{ variant: 'Linen Tea Towel', reason: 'the product has no variants' },
		]);
	});

	it('refuses a price that is not a number, naming the variant', () => {
		const raw = loadFixture(TSHIRT);
		(raw.variants as Array<Record<string, unknown>>)[1].price = 'call us';
		const error = thrownBy(() => mapShopifyProduct(raw, { languageCode: 'en' }));
		expect(error).toBeInstanceOf(MappingError);
		expect(error.message).toBe(
			'Product "Organic Cotton T-Shirt - White / M": price "call us" is not a number of zero or more — fix the price in Shopify',
		);
		expect(error).toMatchObject({ field: 'salesPrice' });
	});

	it.each<[unknown, string]>([
		[
			'finnish',
			'"Language Code" "finnish" is not a two-letter ISO 639-1 code — use one your warehouse takes, such as fi, en or sv',
		],
		[
			'',
			'"Language Code" "" is not a two-letter ISO 639-1 code — use one your warehouse takes, such as fi, en or sv',
		],
		[
			undefined,
			'"Language Code" nothing is not a two-letter ISO 639-1 code — use one your warehouse takes, such as fi, en or sv',
		],
	])('refuses language code %j', (languageCode, message) => {
		const error = thrownBy(() =>
			mapShopifyProduct(loadFixture(TOWEL), { languageCode: languageCode as string }),
		);
		expect(error.message).toBe(message);
		expect(error).toMatchObject({ field: 'languageCode' });
	});

	it('refuses a currency code that is not ISO 4217', () => {
		const error = thrownBy(() =>
			mapShopifyProduct(loadFixture(TOWEL), { languageCode: 'fi', currencyCode: '€' }),
		);
		expect(error.message).toBe(
			'"Currency Code" "€" is not a three-letter ISO 4217 code — use e.g. EUR, SEK or USD',
		);
	});
});
