// @ts-check
'use strict';

const {
	readFields,
	text,
	number,
	wholeNumber,
	timestamp,
	listOf,
	stringList,
	letters,
	fieldPath,
} = require('../validation');
const { badRequest, conflict } = require('../../shared/http/errors');
const { readPaging, readModifiedAfter } = require('../paging');
const { toIso } = require('../timestamps');

/**
 * Incoming stock (advance shipping notices) — `GET/POST /api/v1/stockupdate`.
 * Keyed by the merchant's `reference` (unique: 409 on a second create); the
 * warehouse also gives each notice an `autoReference`. Every product must be
 * a known product (400). Notices stay `new` in the sandbox: nothing receives
 * them. Open notices show up in the products' `stockUpdate` and
 * `stockUpdateTime`.
 */

/** @typedef {import('../types').SandboxContext} SandboxContext */
/** @typedef {import('../store').IncomingStockRecord} IncomingStockRecord */

const COUNT = (/** @type {string} */ what) => ({
	read: wholeNumber({ min: 0, describe: `the number of ${what}, a whole number from 0 up` }),
});

/** @type {import('../validation').FieldSpec} */
const INCOMING_PRODUCT_FIELDS = {
	code: { required: true, read: text() },
	name: { read: text() },
	expectedQuantity: {
		required: true,
		read: wholeNumber({ min: 0, max: 1000000, describe: 'a whole number from 0 to 1,000,000' }),
	},
	supplyPrice: { read: number() },
	eanCode: { read: text({ acceptNumber: true, maxLength: 50 }) },
	countryOfOrigin: {
		required: true,
		read: text({ pattern: letters(2), describe: 'a two-letter ISO 3166 country code' }),
	},
	customsDescription: { read: text({ maxLength: 50 }) },
	hsCode: {
		read: text({ acceptNumber: true, pattern: /^\d{8}$/, describe: 'an HS code of 8 digits' }),
	},
};

/** @type {import('../validation').FieldSpec} */
const INCOMING_FIELDS = {
	reference: { required: true, read: text({ maxLength: 255 }) },
	supplier: { required: true, read: text() },
	receiveDate: { required: true, read: timestamp() },
	warehouseCode: { read: text() },
	containers: COUNT('containers'),
	pallets: COUNT('pallets'),
	parcels: COUNT('parcels'),
	deliveredBy: { read: text() },
	merchantComments: { read: text() },
	trackingCodes: { read: stringList() },
	specialAction: { read: text() },
	products: { read: listOf(INCOMING_PRODUCT_FIELDS) },
};

const INCOMING_FIELD_NAMES = Object.keys(INCOMING_FIELDS).filter((name) => name !== 'reference');
const INCOMING_PRODUCT_FIELD_NAMES = Object.keys(INCOMING_PRODUCT_FIELDS);

/**
 * @param {SandboxContext} ctx
 * @param {unknown} body
 * @param {{ prefix?: string, alsoTaken?: Set<string> }} [options]
 */
function validateNewIncomingStock(ctx, body, { prefix = '', alsoTaken } = {}) {
	const fields = readFields(body, INCOMING_FIELDS, { prefix });
	if (
		ctx.store.incomingStock.has(fields.reference) ||
		(alsoTaken && alsoTaken.has(fields.reference))
	) {
		throw conflict(`Incoming stock with the same reference already exists: '${fields.reference}'.`);
	}
	(fields.products || []).forEach((/** @type {any} */ line, /** @type {number} */ i) => {
		if (!ctx.store.products.has(line.code)) {
			throw badRequest(
				`The field '${fieldPath(prefix, 'products')}[${i}].code' names an unknown product: '${line.code}'.`,
			);
		}
	});
	return fields;
}

/**
 * @param {SandboxContext} ctx
 * @param {Record<string, any>} fields
 * @returns {IncomingStockRecord}
 */
function insertIncomingStock(ctx, fields) {
	const store = ctx.store;
	/** @type {Record<string, any>} */
	const stored = {};
	for (const name of INCOMING_FIELD_NAMES)
		stored[name] = fields[name] === undefined ? null : fields[name];
	stored.trackingCodes = stored.trackingCodes || [];
	stored.products = (stored.products || []).map((/** @type {any} */ line) => {
		/** @type {Record<string, any>} */
		const out = {};
		for (const name of INCOMING_PRODUCT_FIELD_NAMES)
			out[name] = line[name] === undefined ? null : line[name];
		out.receivedQuantity = 0;
		return out;
	});
	const now = ctx.clock.now();
	let autoReference;
	do autoReference = `SU${String(store.nextAutoReference++).padStart(6, '0')}`;
	while (store.incomingByAutoReference.has(autoReference));
	/** @type {IncomingStockRecord} */
	const record = {
		reference: fields.reference,
		autoReference,
		status: 'new',
		fields: stored,
		arrivalDate: null,
		warehouseComments: null,
		createdMs: now,
		modifiedMs: now,
		seq: store.nextSequence(),
	};
	store.addIncomingStock(record);
	return record;
}

/** @param {IncomingStockRecord} record */
function incomingStockReply(record) {
	const f = record.fields;
	return {
		reference: record.reference,
		autoReference: record.autoReference,
		status: record.status,
		supplier: f.supplier,
		receiveDate: f.receiveDate,
		arrivalDate: record.arrivalDate,
		warehouseCode: f.warehouseCode,
		containers: f.containers,
		pallets: f.pallets,
		parcels: f.parcels,
		deliveredBy: f.deliveredBy,
		merchantComments: f.merchantComments,
		trackingCodes: f.trackingCodes,
		specialAction: f.specialAction,
		products: f.products,
		warehouseComments: record.warehouseComments,
		created: toIso(record.createdMs),
		modified: toIso(record.modifiedMs),
	};
}

/**
 * @param {import('../../shared/http/router').Router} router
 * @param {SandboxContext} ctx
 */
function registerIncomingStockRoutes(router, ctx) {
	router.add('GET', '/api/v1/stockupdate', ({ query }) => {
		const paging = readPaging(query);
		const modifiedAfterMs = readModifiedAfter(query);
		const reference = query.filter('reference');
		const autoReference = query.filter('autoreference');
		// Either reference names at most one notice: look it up instead of walking the list.
		const key =
			reference ??
			(autoReference !== undefined
				? ctx.store.incomingByAutoReference.get(autoReference)
				: undefined);
		let rows;
		if (reference !== undefined || autoReference !== undefined) {
			const record = key === undefined ? undefined : ctx.store.incomingStock.get(key);
			const visible =
				record &&
				(autoReference === undefined || record.autoReference === autoReference) &&
				(modifiedAfterMs === undefined || record.modifiedMs > modifiedAfterMs);
			rows = visible && paging.offset === 0 ? [record] : [];
		} else {
			rows = ctx.store.incomingStock.page({
				modifiedAfterMs,
				offset: paging.offset,
				limit: paging.limit,
			});
		}
		return { status: 200, body: rows.map(incomingStockReply) };
	});

	router.add('POST', '/api/v1/stockupdate', ({ body }) => {
		const record = insertIncomingStock(ctx, validateNewIncomingStock(ctx, body));
		return { status: 201, body: incomingStockReply(record) };
	});
}

module.exports = {
	registerIncomingStockRoutes,
	validateNewIncomingStock,
	insertIncomingStock,
	incomingStockReply,
};
