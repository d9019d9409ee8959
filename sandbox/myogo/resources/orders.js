// @ts-check
'use strict';

const crypto = require('node:crypto');
const {
	readFields,
	isPlainObject,
	text,
	number,
	wholeNumber,
	boolean,
	object,
	listOf,
	letters,
	fieldPath,
} = require('../validation');
const { badRequest, conflict, notFound } = require('../../shared/http/errors');
const { readPaging, readModifiedAfter } = require('../paging');
const { toIso } = require('../timestamps');
const { pathKey } = require('./pathKey');

/**
 * Orders — `GET/POST /api/v1/orders`, `PUT /api/v1/orders/{reference}`.
 * The store's order id (`reference`) is the key. Status rules (contract
 * assumptions): a new order starts `new` (or `draft`); a client may only
 * cancel, or release a draft to `new`; everything else is the warehouse's
 * (in the sandbox: `POST /_sandbox/orders/{reference}/advance`). Orders in
 * `locked`, `collecting`, `shipped`, `returned` or `cancelled` can no longer
 * be updated or cancelled (409).
 */

/** @typedef {import('../types').SandboxContext} SandboxContext */
/** @typedef {import('../store').OrderRecord} OrderRecord */

const ORDER_STATUSES = [
	'draft',
	'reserved',
	'new',
	'locked',
	'collecting',
	'pending',
	'cancelled',
	'shipped',
	'returned',
];
/** The statuses in which a client may still update or cancel an order. */
const CHANGEABLE_STATUSES = new Set(['draft', 'reserved', 'new', 'pending']);

/** @type {import('../validation').FieldSpec} */
const CUSTOMER_FIELDS = {
	name: { required: true, read: text() },
	company: { read: text() },
	address1: { required: true, read: text() },
	address2: { read: text() },
	city: { required: true, read: text() },
	countryCode: {
		required: true,
		read: text({ pattern: letters(2), describe: 'a two-letter ISO 3166 country code' }),
	},
	zip: { read: text({ acceptNumber: true }) },
	phone: { read: text({ acceptNumber: true }) },
	email: { read: text() },
};

/** @type {import('../validation').FieldSpec} */
const CASH_ON_DELIVERY_FIELDS = {
	amount: { required: true, read: number() },
	currencyCode: {
		read: text({ pattern: letters(3), describe: 'a three-letter ISO 4217 currency code' }),
	},
	reference: { read: text() },
};

/** @type {import('../validation').FieldSpec} */
const ORDER_LINE_FIELDS = {
	code: { required: true, read: text() },
	quantity: { required: true, read: wholeNumber({ min: 1, describe: 'a positive whole number' }) },
	unitPrice: { read: number() },
	vatPercentage: { read: number() },
	productInfoUrl: { read: text() },
	productPictureUrl: { read: text() },
};

/** @type {import('../validation').FieldSpec} */
const DOCUMENT_FIELDS = {
	type: { required: true, read: text() },
	url: { read: text() },
	base64Content: {
		read: text({ pattern: /^[A-Za-z0-9+/\s]*={0,2}\s*$/, describe: 'base64 text' }),
	},
};

/** @type {import('../validation').FieldSpec} */
const ORDER_FIELDS = {
	reference: { required: true, read: text({ maxLength: 255 }) },
	shippingCode: { read: text() },
	pickUpPointCode: { read: text({ acceptNumber: true }) },
	status: { read: text() },
	comments: { read: text() },
	priceTotal: { read: number() },
	priceCurrency: {
		read: text({ pattern: letters(3), describe: 'a three-letter ISO 4217 currency code' }),
	},
	test: { read: boolean() },
	cashOnDelivery: { read: object(CASH_ON_DELIVERY_FIELDS) },
	customer: { required: true, read: object(CUSTOMER_FIELDS) },
	orderLines: { read: listOf(ORDER_LINE_FIELDS) },
	documents: {
		read: listOf(DOCUMENT_FIELDS, (document, path) => {
			if (!document.url && !document.base64Content) {
				throw badRequest(`The document '${path}' needs a 'url' or a 'base64Content'.`);
			}
		}),
	},
};

/** The fields kept in an order record's `fields` (reference and status live beside them). */
const STORED_FIELD_NAMES = Object.keys(ORDER_FIELDS).filter(
	(name) => name !== 'reference' && name !== 'status',
);

/**
 * A status as sent (any case) → its wire form, or a 400 naming the known ones.
 * @param {string} value
 * @param {string} path
 */
function readStatus(value, path) {
	const status = value.toLowerCase();
	if (!ORDER_STATUSES.includes(status)) {
		throw badRequest(`The field '${path}' must be one of: ${ORDER_STATUSES.join(', ')}.`);
	}
	return status;
}

/**
 * `shippingCode` must be one the merchant enabled; it is required while more
 * than one is enabled, and defaults to the only one otherwise.
 * @param {SandboxContext} ctx
 * @param {string | null | undefined} code
 * @param {string} path
 */
function checkShippingCode(ctx, code, path) {
	const enabled = ctx.store.shippingCodes;
	if (code === undefined || code === null) {
		if (enabled.length > 1) {
			throw badRequest(
				`The field '${path}' is required: this merchant has several delivery types enabled (${enabled.join(', ')}).`,
			);
		}
		return enabled.length === 1 ? enabled[0] : null;
	}
	if (!enabled.includes(code)) {
		const list = enabled.length ? enabled.join(', ') : 'none';
		throw badRequest(
			`The field '${path}' names the delivery type '${code}', which is not enabled; the enabled ones are: ${list}.`,
		);
	}
	return code;
}

/**
 * Every order line must name a known product (contract assumption).
 * @param {SandboxContext} ctx
 * @param {Record<string, any>[] | null | undefined} lines
 * @param {string} path `orderLines`, or `orders[2].orderLines` when seeding
 */
function checkLineProducts(ctx, lines, path) {
	(lines || []).forEach((line, i) => {
		if (!ctx.store.products.has(line.code)) {
			throw badRequest(`The field '${path}[${i}].code' names an unknown product: '${line.code}'.`);
		}
	});
}

/**
 * Validates a new order without storing it.
 * @param {SandboxContext} ctx
 * @param {unknown} body
 * @param {{ prefix?: string, alsoTaken?: Set<string>, anyStatus?: boolean }} [options]
 *   `anyStatus`: seeding may create orders in any status, with warehouse fields
 */
function validateNewOrder(ctx, body, { prefix = '', alsoTaken, anyStatus = false } = {}) {
	const fields = readFields(body, ORDER_FIELDS, { prefix });
	const statusPath = fieldPath(prefix, 'status');
	const status = fields.status ? readStatus(fields.status, statusPath) : 'new';
	if (!anyStatus && status !== 'new' && status !== 'draft') {
		throw badRequest(`The field '${statusPath}' of a new order may only be 'new' or 'draft'.`);
	}
	if (ctx.store.orders.has(fields.reference) || (alsoTaken && alsoTaken.has(fields.reference))) {
		throw conflict(`An order with the same reference already exists: '${fields.reference}'.`);
	}
	fields.shippingCode = checkShippingCode(
		ctx,
		fields.shippingCode,
		fieldPath(prefix, 'shippingCode'),
	);
	checkLineProducts(ctx, fields.orderLines, fieldPath(prefix, 'orderLines'));
	/** @type {Record<string, string | null>} */
	const warehouse = { trackingNumber: null, trackingUrl: null, warehouseComments: null };
	if (anyStatus && isPlainObject(body)) {
		Object.assign(
			warehouse,
			readFields(
				body,
				{
					trackingNumber: { read: text() },
					trackingUrl: { read: text() },
					warehouseComments: { read: text() },
				},
				{ prefix },
			),
		);
	}
	return { fields, status, warehouse };
}

/**
 * @param {SandboxContext} ctx
 * @param {ReturnType<typeof validateNewOrder>} validated
 * @returns {OrderRecord}
 */
function insertOrder(ctx, { fields, status, warehouse }) {
	/** @type {OrderRecord} */
	const order = {
		id: crypto.randomUUID(),
		reference: fields.reference,
		status,
		fields: completeFields(fields),
		trackingNumber: warehouse.trackingNumber ?? null,
		trackingUrl: warehouse.trackingUrl ?? null,
		warehouseComments: warehouse.warehouseComments ?? null,
		modifiedMs: ctx.clock.now(),
		seq: ctx.store.nextSequence(),
	};
	ctx.store.orders.put(order.reference, order);
	return order;
}

/**
 * A PUT: partial (omitted fields keep their values, `customer` and
 * `cashOnDelivery` merge field by field, lists replace the stored list
 * whole), with the status rules above.
 * @param {SandboxContext} ctx
 * @param {string} reference
 * @param {unknown} body
 */
function updateOrder(ctx, reference, body) {
	const existing = ctx.store.orders.get(reference);
	if (!existing) throw notFound(`No order with the reference '${reference}' exists.`);
	if (!CHANGEABLE_STATUSES.has(existing.status)) {
		throw conflict(
			`The order '${reference}' is ${existing.status}: an order that is ${existing.status} can no longer be updated or cancelled.`,
		);
	}
	if (!isPlainObject(body)) throw badRequest('The request body must be a JSON object.');
	if (body.reference !== undefined && body.reference !== null && body.reference !== reference) {
		throw badRequest(`The field 'reference' cannot be changed (the order is '${reference}').`);
	}

	let status = existing.status;
	if (body.status !== undefined && body.status !== null) {
		if (typeof body.status !== 'string') throw badRequest("The field 'status' must be a string.");
		const target = readStatus(body.status, 'status');
		const allowed =
			target === existing.status ||
			target === 'cancelled' ||
			(existing.status === 'draft' && target === 'new');
		if (!allowed) {
			throw badRequest(
				`The field 'status' cannot be set to '${target}': a client may only set 'cancelled', or release a draft to 'new'; other statuses are set by the warehouse.`,
			);
		}
		status = target;
	}

	/** @type {Record<string, unknown>} */
	const merged = { ...existing.fields, reference, status };
	for (const [name, value] of Object.entries(body)) {
		if (name === 'reference' || name === 'status') continue;
		const stored = existing.fields[name];
		const mergesFieldByField = name === 'customer' || name === 'cashOnDelivery';
		merged[name] =
			mergesFieldByField && isPlainObject(stored) && isPlainObject(value)
				? { ...stored, ...value }
				: value;
	}
	const fields = readFields(merged, ORDER_FIELDS);
	if ('shippingCode' in body)
		fields.shippingCode = checkShippingCode(ctx, fields.shippingCode, 'shippingCode');
	if ('orderLines' in body) checkLineProducts(ctx, fields.orderLines, 'orderLines');

	/** @type {OrderRecord} */
	const updated = {
		...existing,
		status,
		fields: completeFields(fields),
		modifiedMs: ctx.clock.now(),
	};
	ctx.store.orders.put(reference, updated);
	return updated;
}

/**
 * The warehouse moves an order (control API). Any status may be set; a
 * shipped order always has tracking: given, or generated like a Posti code.
 * Moving an order to `shipped` sends OrderShipped deliveries.
 * @param {SandboxContext} ctx
 * @param {string} reference
 * @param {unknown} body `{ status, trackingNumber?, trackingUrl?, warehouseComments? }`
 */
function advanceOrder(ctx, reference, body) {
	const existing = ctx.store.orders.get(reference);
	if (!existing) throw notFound(`No order with the reference '${reference}' exists.`);
	const change = readFields(body, {
		status: { required: true, read: text() },
		trackingNumber: { read: text() },
		trackingUrl: { read: text() },
		warehouseComments: { read: text() },
	});
	const status = readStatus(change.status, 'status');
	/** @type {OrderRecord} */
	const updated = { ...existing, status, modifiedMs: ctx.clock.now() };
	if (change.trackingNumber !== undefined) updated.trackingNumber = change.trackingNumber;
	if (change.trackingUrl !== undefined) updated.trackingUrl = change.trackingUrl;
	if (change.warehouseComments !== undefined) updated.warehouseComments = change.warehouseComments;
	if (status === 'shipped') {
		if (!updated.trackingNumber) updated.trackingNumber = generateTrackingNumber();
		if (!updated.trackingUrl || (change.trackingNumber && change.trackingUrl === undefined)) {
			updated.trackingUrl = trackingUrlFor(updated.trackingNumber);
		}
	}
	ctx.store.orders.put(reference, updated);
	if (status === 'shipped')
		ctx.webhookDelivery.emit('OrderShipped', { order: orderReply(updated) });
	return updated;
}

/** A Posti-like parcel code: JJFI and 17 digits. */
function generateTrackingNumber() {
	let digits = '';
	for (let i = 0; i < 17; i++) digits += String(crypto.randomInt(10));
	return `JJFI${digits}`;
}

/**
 * Tracking page of the first parcel (trackingNumber may list several, comma-separated).
 * @param {string} trackingNumber
 */
function trackingUrlFor(trackingNumber) {
	const first = trackingNumber.split(',')[0].trim();
	return `https://www.posti.fi/fi/seuranta#/lahetys/${encodeURIComponent(first)}`;
}

/**
 * Every known field present, null when not given, so replies have one shape.
 * @param {Record<string, any>} fields
 */
function completeFields(fields) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const name of STORED_FIELD_NAMES)
		out[name] = fields[name] === undefined ? null : fields[name];
	out.test = out.test ?? false;
	out.customer = fillNulls(CUSTOMER_FIELDS, out.customer);
	out.cashOnDelivery = out.cashOnDelivery && fillNulls(CASH_ON_DELIVERY_FIELDS, out.cashOnDelivery);
	out.orderLines = (out.orderLines || []).map((/** @type {any} */ line) =>
		fillNulls(ORDER_LINE_FIELDS, line),
	);
	out.documents = (out.documents || []).map((/** @type {any} */ doc) =>
		fillNulls(DOCUMENT_FIELDS, doc),
	);
	return out;
}

/**
 * @param {import('../validation').FieldSpec} spec
 * @param {Record<string, any>} value
 */
function fillNulls(spec, value) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const name of Object.keys(spec)) out[name] = value[name] === undefined ? null : value[name];
	return out;
}

/**
 * The order as the API answers it.
 * @param {OrderRecord} order
 */
function orderReply(order) {
	const f = order.fields;
	return {
		id: order.id,
		reference: order.reference,
		status: order.status,
		shippingCode: f.shippingCode,
		pickUpPointCode: f.pickUpPointCode,
		comments: f.comments,
		priceTotal: f.priceTotal,
		priceCurrency: f.priceCurrency,
		test: f.test,
		cashOnDelivery: f.cashOnDelivery,
		customer: f.customer,
		orderLines: f.orderLines,
		documents: f.documents,
		trackingNumber: order.trackingNumber,
		trackingUrl: order.trackingUrl,
		warehouseComments: order.warehouseComments,
		editTime: toIso(order.modifiedMs),
	};
}

/**
 * @param {import('../../shared/http/router').Router} router
 * @param {SandboxContext} ctx
 */
function registerOrderRoutes(router, ctx) {
	router.add('GET', '/api/v1/orders', ({ query }) => {
		const paging = readPaging(query);
		const modifiedAfterMs = readModifiedAfter(query);
		const reference = query.filter('reference');
		const statusText = query.filter('status');
		// `status` is a sandbox extension; values compare case-insensitively like the statuses themselves.
		const status = statusText === undefined ? undefined : statusText.toLowerCase();
		/** @param {OrderRecord} o */
		const matches = (o) => status === undefined || o.status === status;
		let rows;
		if (reference !== undefined) {
			const order = ctx.store.orders.get(reference);
			const visible =
				order &&
				matches(order) &&
				(modifiedAfterMs === undefined || order.modifiedMs > modifiedAfterMs);
			rows = visible && paging.offset === 0 ? [order] : [];
		} else {
			rows = ctx.store.orders.page({
				modifiedAfterMs,
				matches: status === undefined ? undefined : matches,
				offset: paging.offset,
				limit: paging.limit,
			});
		}
		return { status: 200, body: rows.map(orderReply) };
	});

	router.add('POST', '/api/v1/orders', ({ body }) => {
		const order = insertOrder(ctx, validateNewOrder(ctx, body));
		return { status: 201, body: orderReply(order) };
	});

	router.add('PUT', '/api/v1/orders/{reference}', ({ params, query, body }) => {
		const order = updateOrder(ctx, pathKey(params.reference, query, 'order reference'), body);
		return { status: 200, body: orderReply(order) };
	});
}

module.exports = {
	registerOrderRoutes,
	validateNewOrder,
	insertOrder,
	updateOrder,
	advanceOrder,
	orderReply,
	ORDER_STATUSES,
	CHANGEABLE_STATUSES,
};
