/**
 * The myOGO request models (see the API contract) and the options and results
 * of the store → myOGO mappers.
 *
 * Optional fields are left out of mapped objects when the store has no value,
 * rather than being sent as `undefined`, `null` or `""`: myOGO `PUT` bodies are
 * partial, so an empty value would overwrite what is stored.
 */

export interface MyOgoCustomer {
	name: string;
	company?: string;
	address1: string;
	address2?: string;
	city: string;
	/** ISO 3166-1 alpha-2, uppercase. */
	countryCode: string;
	zip?: string;
	phone?: string;
	email?: string;
}

export interface MyOgoOrderLine {
	/** The product SKU (myOGO product `code`). */
	code: string;
	/** A positive whole number. */
	quantity: number;
	/** Per unit, VAT included, in `priceCurrency`. */
	unitPrice?: number;
	vatPercentage?: number;
	productInfoUrl?: string;
	productPictureUrl?: string;
}

export interface MyOgoCashOnDelivery {
	amount: number;
	currencyCode?: string;
	reference?: string;
}

export interface MyOgoDocument {
	/** `receipt` is printed and packed with the parcel. */
	type: string;
	url?: string;
	base64Content?: string;
}

export interface MyOgoOrder {
	reference: string;
	shippingCode?: string;
	pickUpPointCode?: string;
	status?: string;
	comments?: string;
	priceTotal?: number;
	priceCurrency?: string;
	test?: boolean;
	cashOnDelivery?: MyOgoCashOnDelivery;
	customer: MyOgoCustomer;
	orderLines: MyOgoOrderLine[];
	documents?: MyOgoDocument[];
}

export interface MyOgoProduct {
	/** The SKU; unique per merchant. */
	code: string;
	/** ISO 639-1, lowercase. */
	languageCode: string;
	name?: string;
	description?: string;
	supplier?: string;
	supplierCode?: string;
	group?: string;
	eanCode?: string;
	supplyPrice?: number;
	salesPrice?: number;
	/** ISO 4217. */
	currencyCode?: string;
	infoUrl?: string;
	pictureUrl?: string;
	/** ISO 3166-1 alpha-2. */
	countryOfOrigin?: string;
	customsDescription?: string;
	/** 8 digits. */
	hsCode?: string;
}

export interface ShippingMethodMapping {
	/** The store's shipping method title or code (matched trimmed, case-insensitively). */
	storeMethod: string;
	/** A myOGO delivery-type code the merchant enabled. */
	shippingCode: string;
}

export interface OrderMappingOptions {
	/** Shopify `name`/`order_number` vs `id`; WooCommerce `number` vs `id`; Magento `increment_id` vs `entity_id`. */
	referenceFrom: 'number' | 'id';
	/** Store method title OR code, matched case-insensitively, trimmed. */
	shippingMethodMap: ShippingMethodMapping[];
	/** Used when no map entry matches. */
	defaultShippingCode?: string;
	/** Default `skip`: tips, gift cards and digital goods without a SKU are skipped and reported. */
	linesWithoutSku: 'skip' | 'error';
	/**
	 * Where the store keeps a pickup point code: a Shopify `note_attributes` name, a WooCommerce
	 * order or shipping-line meta key, a Magento extension attribute. Default `pickup_point_code`.
	 */
	pickupPointField?: string;
	/** Pass a `documents` array the item carries (e.g. a receipt added by an earlier node) on to myOGO. */
	includeDocuments?: boolean;
}

export interface SkippedOrderLine {
	/** 1-based position of the line in the store order. */
	line: number;
	title: string;
	reason: string;
}

export interface OrderMappingResult {
	order: MyOgoOrder;
	skippedLines: SkippedOrderLine[];
	/** Normalisations done, e.g. `SKU ABC on lines 2 and 4 merged (quantity 3)`. */
	notes: string[];
}

export interface ProductMappingOptions {
	/** ISO 639-1 code of the language the names and descriptions are written in. */
	languageCode: string;
	/** ISO 4217 code of the store's prices (store product resources do not carry one). */
	currencyCode?: string;
	/** Magento 2: the code of the product attribute that holds the EAN (each shop names its own). */
	eanAttribute?: string;
	/** Magento 2: the URL media gallery files are relative to (`…/media/catalog/product`). */
	mediaBaseUrl?: string;
}

export interface SkippedVariant {
	/** Which variant, as the merchant sees it (title, or `#id` when it has none). */
	variant: string;
	reason: string;
}

export interface ProductMappingResult {
	/** One myOGO product per variant SKU. */
	products: MyOgoProduct[];
	skipped: SkippedVariant[];
}
