// @ts-check
'use strict';

const crypto = require('node:crypto');
const { Table } = require('./table');
const { DEFAULT_SHIPPING_CODES } = require('./defaults');

/**
 * Everything the sandbox remembers about its one merchant. Handlers read and
 * write through here; every write calls `onChange` so that the state can be
 * saved to the data file.
 *
 * Times are kept as milliseconds (`modifiedMs`, `createdMs`) and turned into
 * ISO strings only in replies.
 */

/**
 * @typedef {object} ProductRecord
 * @property {string} id
 * @property {string} code
 * @property {string} languageCode
 * @property {string | null} name
 * @property {string | null} description
 * @property {string | null} supplier
 * @property {string | null} supplierCode
 * @property {string | null} group
 * @property {string | null} eanCode
 * @property {number | null} supplyPrice
 * @property {number | null} salesPrice
 * @property {string | null} currencyCode
 * @property {string | null} infoUrl
 * @property {string | null} pictureUrl
 * @property {string | null} countryOfOrigin
 * @property {string | null} customsDescription
 * @property {string | null} hsCode
 * @property {number} modifiedMs the product's editTime
 * @property {number} seq
 */

/**
 * @typedef {object} StockRecord
 * @property {string} productCode
 * @property {number} stock
 * @property {number} stockAvailable
 * @property {number} reserved
 * @property {number} modifiedMs
 * @property {number} seq the product's creation sequence
 */

/**
 * @typedef {object} OrderRecord
 * @property {string} id
 * @property {string} reference
 * @property {string} status
 * @property {Record<string, any>} fields the request fields as validated (customer, orderLines, ...)
 * @property {string | null} trackingNumber
 * @property {string | null} trackingUrl
 * @property {string | null} warehouseComments
 * @property {number} modifiedMs the order's editTime
 * @property {number} seq
 */

/**
 * @typedef {object} IncomingStockRecord
 * @property {string} reference
 * @property {string} autoReference
 * @property {string} status
 * @property {Record<string, any>} fields the request fields as validated
 * @property {string | null} arrivalDate
 * @property {string | null} warehouseComments
 * @property {number} createdMs
 * @property {number} modifiedMs
 * @property {number} seq
 */

/**
 * @typedef {object} WebhookRecord
 * @property {string} id
 * @property {string} url
 * @property {string} key the signing secret
 * @property {string} type `OrderShipped` or `ProductStockLevelChanged`
 * @property {Record<string, string>} customHeaders
 * @property {number} seq
 */

/**
 * @typedef {object} RefreshTokenRecord
 * @property {number} expiresMs
 * @property {string} clientId
 * @property {string} scope
 */

/**
 * @typedef {object} AuthState
 * @property {string} signingKey  HMAC key of the access tokens (a reset makes a new one, voiding every token)
 * @property {number} tokenSerial the serial number of the last access token issued
 * @property {number} revokedThroughSerial access tokens with a serial up to this one are expired
 * @property {Map<string, RefreshTokenRecord>} refreshTokens keyed by the SHA-256 of the token, so the data file holds no usable token
 */

const SNAPSHOT_VERSION = 1;

class Store {
	constructor() {
		/** Set by the sandbox to save state; called after every write. */
		this.onChange = () => {};
		const changed = () => this.onChange();
		/** @type {Table<ProductRecord>} keyed by code */
		this.products = new Table(changed);
		/** @type {Table<StockRecord>} keyed by product code */
		this.stock = new Table(changed);
		/** @type {Table<OrderRecord>} keyed by reference */
		this.orders = new Table(changed);
		/** @type {Table<IncomingStockRecord>} keyed by reference */
		this.incomingStock = new Table(changed);
		/** @type {Map<string, string>} autoReference → reference */
		this.incomingByAutoReference = new Map();
		/** @type {Map<string, Set<string>>} product code → references of incoming stock naming it */
		this.incomingByProduct = new Map();
		/** @type {Map<string, WebhookRecord>} keyed by id, in creation order */
		this.webhooks = new Map();
		/** @type {string[]} */
		this.shippingCodes = [...DEFAULT_SHIPPING_CODES];
		this.nextSeq = 1;
		this.nextAutoReference = 1;
		/** @type {AuthState} */
		this.auth = freshAuthState();
	}

	/** Tell the persistence layer that something outside a table changed. */
	markChanged() {
		this.onChange();
	}

	nextSequence() {
		return this.nextSeq++;
	}

	/**
	 * Adds incoming stock and the lookups that go with it.
	 * @param {IncomingStockRecord} record
	 */
	addIncomingStock(record) {
		this.incomingStock.put(record.reference, record);
		this.incomingByAutoReference.set(record.autoReference, record.reference);
		for (const line of record.fields.products || []) {
			let refs = this.incomingByProduct.get(line.code);
			if (!refs) this.incomingByProduct.set(line.code, (refs = new Set()));
			refs.add(record.reference);
		}
	}

	/** Empties everything: data, subscriptions, tokens; shipping codes back to the defaults. */
	clear() {
		this.products.clear();
		this.stock.clear();
		this.orders.clear();
		this.incomingStock.clear();
		this.incomingByAutoReference.clear();
		this.incomingByProduct.clear();
		this.webhooks.clear();
		this.shippingCodes = [...DEFAULT_SHIPPING_CODES];
		this.nextSeq = 1;
		this.nextAutoReference = 1;
		this.auth = freshAuthState();
		this.onChange();
	}

	/** A JSON-able copy of the state, for the data file. */
	snapshot() {
		return {
			version: SNAPSHOT_VERSION,
			nextSeq: this.nextSeq,
			nextAutoReference: this.nextAutoReference,
			shippingCodes: this.shippingCodes,
			products: [...this.products.rows.values()],
			stock: [...this.stock.rows.values()],
			orders: [...this.orders.rows.values()],
			incomingStock: [...this.incomingStock.rows.values()],
			webhooks: [...this.webhooks.values()],
			auth: {
				signingKey: this.auth.signingKey,
				tokenSerial: this.auth.tokenSerial,
				revokedThroughSerial: this.auth.revokedThroughSerial,
				refreshTokens: [...this.auth.refreshTokens.entries()],
			},
		};
	}

	/**
	 * Replaces the state with a snapshot read from the data file.
	 * @param {any} snapshot
	 */
	restore(snapshot) {
		if (!snapshot || snapshot.version !== SNAPSHOT_VERSION) {
			throw new Error(`unsupported sandbox data file version ${snapshot && snapshot.version}`);
		}
		const notify = this.onChange;
		this.onChange = () => {}; // loading is not a change worth saving
		try {
			this.clear();
			this.nextSeq = snapshot.nextSeq;
			this.nextAutoReference = snapshot.nextAutoReference;
			this.shippingCodes = [...snapshot.shippingCodes];
			for (const p of snapshot.products) this.products.put(p.code, p);
			for (const s of snapshot.stock) this.stock.put(s.productCode, s);
			for (const o of snapshot.orders) this.orders.put(o.reference, o);
			for (const i of snapshot.incomingStock) this.addIncomingStock(i);
			for (const w of snapshot.webhooks) this.webhooks.set(w.id, w);
			this.auth = {
				signingKey: snapshot.auth.signingKey,
				tokenSerial: snapshot.auth.tokenSerial,
				revokedThroughSerial: snapshot.auth.revokedThroughSerial,
				refreshTokens: new Map(snapshot.auth.refreshTokens),
			};
		} finally {
			this.onChange = notify;
		}
	}
}

/** @returns {AuthState} */
function freshAuthState() {
	return {
		signingKey: crypto.randomBytes(32).toString('base64'),
		tokenSerial: 0,
		revokedThroughSerial: 0,
		refreshTokens: new Map(),
	};
}

module.exports = { Store };
