import { mapMagentoProduct } from '../../nodes/MyOgo/mapping';
import { deepFreeze, loadFixture } from './helpers';

const SIMPLE = 'magento/product-simple-ean.json';
const CONFIGURABLE = 'magento/product-configurable-parent.json';
const MEDIA = 'https://shop.example.fi/media/catalog/product';

describe('mapMagentoProduct', () => {
	it('maps a simple product: EAN from the named attribute, description as text, base image as full URL', () => {
		const result = mapMagentoProduct(deepFreeze(loadFixture(SIMPLE)), {
			languageCode: 'fi',
			currencyCode: 'EUR',
			eanAttribute: 'gtin13',
			mediaBaseUrl: `${MEDIA}/`,
		});
		expect(result).toStrictEqual({
			products: [
				{
					code: 'MUG-ENAMEL-WHITE',
					languageCode: 'fi',
					name: 'Enamel Mug, white',
					description: 'Enamel camping mug, 350 ml.\nHand wash only.',
					eanCode: '6417700123456',
					salesPrice: 24.9,
					currencyCode: 'EUR',
					pictureUrl: `${MEDIA}/e/n/enamel-mug-white.jpg`, // the entry marked "image", not the first
				},
			],
			skipped: [],
		});
	});

	it('sends no EAN when the attribute code is empty or absent, and no picture without a media base URL', () => {
		const [product] = mapMagentoProduct(loadFixture(SIMPLE), {
			languageCode: 'en',
			eanAttribute: 'ean',
		}).products;
		expect(product.eanCode).toBeUndefined();
		expect(product.pictureUrl).toBeUndefined();
		expect(product.currencyCode).toBeUndefined();
	});

	it('falls back to short_description, and to the first enabled image when none is the base image', () => {
		const raw = loadFixture(SIMPLE);
		raw.custom_attributes = (raw.custom_attributes as Array<{ attribute_code: string }>).filter(
			(a) => a.attribute_code !== 'description',
		);
		raw.media_gallery_entries = [
			{ file: '/a/off.jpg', disabled: true, types: ['image'] },
			{ file: '/b/on.jpg', disabled: false, types: [] },
		];
		const [product] = mapMagentoProduct(raw, { languageCode: 'en', mediaBaseUrl: MEDIA }).products;
		expect(product.description).toBe('Camping mug');
		expect(product.pictureUrl).toBe(`${MEDIA}/b/on.jpg`);
	});

	it('reports a configurable parent as skipped: its options are simple products of their own', () => {
		expect(mapMagentoProduct(loadFixture(CONFIGURABLE), { languageCode: 'en' })).toStrictEqual({
			products: [],
			skipped: [
				{
					variant: 'Organic Tee',
					reason:
						'configurable product: its simple products (one per option) are mapped on their own',
				},
			],
		});
	});

	it.each(['bundle', 'grouped', 'virtual', 'downloadable'])(
		'skips a %s product with a reason',
		(type) => {
			const raw = { ...loadFixture(SIMPLE), type_id: type };
			const result = mapMagentoProduct(raw, { languageCode: 'en' });
			expect(result.products).toEqual([]);
			expect(result.skipped[0].reason).toContain(`${type} product`);
		},
	);

	it('a product without SKU is skipped with what to do; a bad price fails naming the product', () => {
		const noSku = mapMagentoProduct(
			{ name: 'Nameless', type_id: 'simple' },
			{ languageCode: 'en' },
		);
		expect(noSku.skipped).toEqual([
			{ variant: 'Nameless', reason: 'no SKU — give it a SKU in Magento' },
		]);
		expect(() =>
			mapMagentoProduct({ ...loadFixture(SIMPLE), price: 'free' }, { languageCode: 'en' }),
		).toThrow(
			/Product "Enamel Mug, white": price "free" is not a number .* fix the price in Magento/,
		);
		expect(() => mapMagentoProduct(loadFixture(SIMPLE), { languageCode: 'english' })).toThrow(
			/Language Code/,
		);
	});
});
