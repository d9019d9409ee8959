// @ts-check
'use strict';

const { badRequest } = require('../shared/http/errors');
const { parseIsoTimestamp, toIso } = require('./timestamps');

/**
 * Reading request bodies field by field. Every refusal is a 400 whose message
 * names the field by its full path (`customer.countryCode`,
 * `orderLines[1].quantity`), as the contract requires.
 *
 * A spec maps field names to rules. `readFields` handles presence:
 * - an omitted field is left out of the result (a PUT keeps the stored value);
 * - `null` (or a blank string for a required field) means "no value": a
 *   required field then fails, an optional one becomes null;
 * - any other value goes through the rule's `read`.
 * Fields not in the spec are ignored, as an API with a fixed model ignores
 * unknown JSON properties.
 */

/**
 * @typedef {object} FieldRule
 * @property {boolean} [required]
 * @property {(value: unknown, path: string) => unknown} read gets a value that is neither undefined nor null
 */

/** @typedef {Record<string, FieldRule>} FieldSpec */

/**
 * @param {string} prefix
 * @param {string} name
 */
function fieldPath(prefix, name) {
	return prefix ? `${prefix}.${name}` : name;
}

/** @param {string} path */
function missing(path) {
	return badRequest(`The field '${path}' is required.`);
}

/**
 * @param {string} path
 * @param {string} what
 */
function malformed(path, what) {
	return badRequest(`The field '${path}' must be ${what}.`);
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
function isPlainObject(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @param {unknown} body
 * @param {FieldSpec} spec
 * @param {{ prefix?: string, partial?: boolean }} [options] `partial`: a PUT, where nothing is required to be present
 * @returns {Record<string, any>}
 */
function readFields(body, spec, { prefix = '', partial = false } = {}) {
	if (!isPlainObject(body)) {
		throw badRequest(
			prefix
				? `The field '${prefix}' must be a JSON object.`
				: 'The request body must be a JSON object.',
		);
	}
	/** @type {Record<string, any>} */
	const out = {};
	for (const [name, rule] of Object.entries(spec)) {
		const path = fieldPath(prefix, name);
		const value = Object.prototype.hasOwnProperty.call(body, name) ? body[name] : undefined;
		if (value === undefined) {
			if (rule.required && !partial) throw missing(path);
			continue;
		}
		const blank =
			value === null || (rule.required && typeof value === 'string' && value.trim() === '');
		if (blank) {
			if (rule.required) throw missing(path);
			out[name] = null;
			continue;
		}
		out[name] = rule.read(value, path);
	}
	return out;
}

/**
 * Text. `acceptNumber` lets codes that clients often send as numbers (EAN,
 * HS code, zip) arrive as JSON numbers; they are stored as text.
 * @param {{ maxLength?: number, pattern?: RegExp, describe?: string, acceptNumber?: boolean }} [options]
 * @returns {FieldRule['read']}
 */
function text({ maxLength, pattern, describe, acceptNumber = false } = {}) {
	return (value, path) => {
		let s;
		if (typeof value === 'string') s = value;
		else if (acceptNumber && typeof value === 'number' && Number.isFinite(value)) s = String(value);
		else throw malformed(path, describe ? `${describe} (a string)` : 'a string');
		if (pattern && !pattern.test(s)) throw malformed(path, describe || `text matching ${pattern}`);
		if (maxLength !== undefined && s.length > maxLength)
			throw malformed(path, `at most ${maxLength} characters long`);
		return s;
	};
}

/**
 * A finite JSON number (prices, percentages).
 * @returns {FieldRule['read']}
 */
function number() {
	return (value, path) => {
		if (typeof value !== 'number' || !Number.isFinite(value)) throw malformed(path, 'a number');
		return value;
	};
}

/**
 * A whole JSON number within bounds (quantities, counts).
 * @param {{ min?: number, max?: number, describe: string }} options
 * @returns {FieldRule['read']}
 */
function wholeNumber({ min = -Infinity, max = Infinity, describe }) {
	return (value, path) => {
		if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
			throw malformed(path, describe);
		}
		return value;
	};
}

/** @returns {FieldRule['read']} */
function boolean() {
	return (value, path) => {
		if (typeof value !== 'boolean') throw malformed(path, 'true or false');
		return value;
	};
}

/**
 * An ISO-8601 timestamp, stored as UTC with milliseconds.
 * @returns {FieldRule['read']}
 */
function timestamp() {
	return (value, path) => {
		const ms = typeof value === 'string' ? parseIsoTimestamp(value) : null;
		if (ms === null) throw malformed(path, 'an ISO-8601 date or timestamp');
		return toIso(ms);
	};
}

/**
 * A nested object read with its own spec.
 * @param {FieldSpec} spec
 * @returns {FieldRule['read']}
 */
function object(spec) {
	return (value, path) => readFields(value, spec, { prefix: path });
}

/**
 * A list of objects, each read with `spec`; items are named `path[i]`.
 * @param {FieldSpec} spec
 * @param {(item: Record<string, any>, path: string) => void} [check] extra rule for one item
 * @returns {FieldRule['read']}
 */
function listOf(spec, check) {
	return (value, path) => {
		if (!Array.isArray(value)) throw malformed(path, 'a list');
		return value.map((item, i) => {
			const itemPath = `${path}[${i}]`;
			const read = readFields(item, spec, { prefix: itemPath });
			if (check) check(read, itemPath);
			return read;
		});
	};
}

/** @returns {FieldRule['read']} */
function stringList() {
	return (value, path) => {
		if (!Array.isArray(value)) throw malformed(path, 'a list of strings');
		value.forEach((item, i) => {
			if (typeof item !== 'string') throw malformed(`${path}[${i}]`, 'a string');
		});
		return [...value];
	};
}

/**
 * Upper- or lower-case letters only, e.g. two for a country code.
 * @param {number} count
 */
function letters(count) {
	return new RegExp(`^[A-Za-z]{${count}}$`);
}

module.exports = {
	readFields,
	fieldPath,
	isPlainObject,
	missing,
	malformed,
	text,
	number,
	wholeNumber,
	boolean,
	timestamp,
	object,
	listOf,
	stringList,
	letters,
};
