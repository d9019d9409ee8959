// @ts-check
'use strict';

/**
 * ISO-8601 timestamps: replies always carry UTC with milliseconds
 * (`2026-11-26T17:00:00.123Z`); requests may carry any offset or none, and
 * one without an offset is UTC (contract).
 */

/** @param {number} ms */
function toIso(ms) {
	return new Date(Math.floor(ms)).toISOString();
}

/**
 * Date, optional time (seconds and fraction optional), optional offset.
 * The fraction may have any number of digits (.NET sends seven).
 */
const ISO_PATTERN =
	/^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * Parses an ISO-8601 timestamp to milliseconds since the epoch. The result
 * may carry a fraction of a millisecond, so that "strictly later than
 * 17:00:00.1234567" is judged exactly.
 *
 * @param {string} text
 * @returns {number | null} null when the text is not a valid timestamp
 */
function parseIsoTimestamp(text) {
	const match = ISO_PATTERN.exec(text.trim());
	if (!match) return null;
	const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset = 'Z'] = match;
	const year = Number(y);
	const month = Number(mo);
	const day = Number(d);
	const hour = Number(h);
	const minute = Number(mi);
	const second = Number(s);
	if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
	const wholeMs = Date.UTC(year, month - 1, day, hour, minute, second);
	// Date.UTC rolls 31 April over into May; a real calendar date round-trips.
	const check = new Date(wholeMs);
	if (
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day
	)
		return null;
	const offsetMin = offsetMinutes(offset);
	if (offsetMin === null) return null;
	const fractionMs = fraction ? Number(`0.${fraction}`) * 1000 : 0;
	return wholeMs + fractionMs - offsetMin * 60000;
}

/**
 * @param {string} offset `Z`, `+02`, `+0200` or `+02:00`
 * @returns {number | null} null for an impossible offset such as +25:00
 */
function offsetMinutes(offset) {
	if (offset === 'Z' || offset === 'z') return 0;
	const sign = offset[0] === '-' ? -1 : 1;
	const digits = offset.slice(1).replace(':', '');
	const hours = Number(digits.slice(0, 2));
	const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
	if (digits.length !== 2 && digits.length !== 4) return null;
	if (hours > 23 || minutes > 59) return null;
	return sign * (hours * 60 + minutes);
}

module.exports = { toIso, parseIsoTimestamp };
