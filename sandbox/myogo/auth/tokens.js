// @ts-check
'use strict';

const crypto = require('node:crypto');

/** How many issued refresh tokens the request-log scrubber recognises after use. */
const MAX_REMEMBERED_REFRESH_TOKENS = 100000;

/**
 * Access and refresh tokens.
 *
 * Access tokens look like OGOship's (a JWT: base64url header.payload.signature
 * with `exp`), signed with HMAC-SHA256 under a key that lives in the store, so
 * tokens survive a restart with a data file and die with a reset. Each one
 * carries a serial number (`jti`) so that "every access token issued so far
 * expires now" is one number to remember.
 *
 * Refresh tokens are random strings that work once: redeeming one deletes it.
 * The store keeps only their SHA-256, so the data file holds no usable token.
 *
 * Lifetimes are measured in real time, not on the sandbox clock, so freezing
 * the clock never logs a client out.
 */
class TokenService {
	/**
	 * @param {object} options
	 * @param {import('../store').Store} options.store
	 * @param {number} options.accessTokenTtlSeconds
	 * @param {number} options.refreshTokenTtlSeconds
	 * @param {string} options.merchantId
	 */
	constructor({ store, accessTokenTtlSeconds, refreshTokenTtlSeconds, merchantId }) {
		this.store = store;
		this.accessTokenTtlSeconds = accessTokenTtlSeconds;
		this.refreshTokenTtlSeconds = refreshTokenTtlSeconds;
		this.merchantId = merchantId;
		/**
		 * Hashes of every refresh token issued since start, used or not, so the
		 * request log can scrub one even after it was redeemed. Bounded, oldest
		 * forgotten first.
		 * @type {Set<string>}
		 */
		this.issuedRefreshHashes = new Set();
	}

	/**
	 * A new token pair, shaped as the token endpoint answers it.
	 * @param {string} clientId
	 * @param {string} scope
	 */
	issue(clientId, scope) {
		const auth = this.store.auth;
		const nowMs = Date.now();
		const serial = ++auth.tokenSerial;
		const issuedAt = Math.floor(nowMs / 1000);
		const payload = {
			iss: 'myogo-sandbox',
			aud: 'myogo-api',
			sub: this.merchantId,
			client_id: clientId,
			scope,
			iat: issuedAt,
			exp: issuedAt + this.accessTokenTtlSeconds,
			jti: String(serial),
		};
		const accessToken = signJwt(payload, auth.signingKey);

		this.pruneExpiredRefreshTokens(nowMs);
		const refreshToken = crypto.randomBytes(32).toString('base64url');
		this.rememberIssued(hash(refreshToken));
		auth.refreshTokens.set(hash(refreshToken), {
			expiresMs: nowMs + this.refreshTokenTtlSeconds * 1000,
			clientId,
			scope,
		});
		this.store.markChanged();
		return {
			access_token: accessToken,
			token_type: 'bearer',
			expires_in: this.accessTokenTtlSeconds,
			refresh_token: refreshToken,
		};
	}

	/**
	 * @param {string} token
	 * @returns {'valid' | 'expired' | 'invalid'}
	 */
	checkAccessToken(token) {
		const payload = verifyJwt(token, this.store.auth.signingKey);
		if (!payload) return 'invalid';
		if (Number(payload.jti) <= this.store.auth.revokedThroughSerial) return 'expired';
		if (typeof payload.exp !== 'number' || Date.now() >= payload.exp * 1000) return 'expired';
		return 'valid';
	}

	/**
	 * Uses up a refresh token. Answers its record, or null when the token is
	 * unknown, expired, already used or belongs to another client.
	 * @param {string} token
	 * @param {string} clientId
	 */
	redeemRefreshToken(token, clientId) {
		const refreshTokens = this.store.auth.refreshTokens;
		const key = hash(token);
		const record = refreshTokens.get(key);
		if (!record) return null;
		refreshTokens.delete(key); // once only, even when the attempt fails below
		this.store.markChanged();
		if (record.expiresMs <= Date.now() || record.clientId !== clientId) return null;
		return record;
	}

	/** Every access token issued so far expires now; refresh tokens keep working. */
	expireAccessTokens() {
		this.store.auth.revokedThroughSerial = this.store.auth.tokenSerial;
		this.store.markChanged();
	}

	/**
	 * Whether a string is, or holds, a token this sandbox issued (for scrubbing
	 * the request log).
	 * @param {string} value
	 */
	isIssuedToken(value) {
		if (verifyJwt(value, this.store.auth.signingKey)) return true;
		const key = hash(value);
		return this.issuedRefreshHashes.has(key) || this.store.auth.refreshTokens.has(key);
	}

	/** @param {string} key */
	rememberIssued(key) {
		this.issuedRefreshHashes.add(key);
		if (this.issuedRefreshHashes.size > MAX_REMEMBERED_REFRESH_TOKENS) {
			const oldest = this.issuedRefreshHashes.values().next().value;
			if (oldest !== undefined) this.issuedRefreshHashes.delete(oldest);
		}
	}

	/** @param {number} nowMs */
	pruneExpiredRefreshTokens(nowMs) {
		for (const [key, record] of this.store.auth.refreshTokens) {
			if (record.expiresMs <= nowMs) this.store.auth.refreshTokens.delete(key);
		}
	}
}

/** @param {string} value */
function hash(value) {
	return crypto.createHash('sha256').update(value).digest('hex');
}

/**
 * @param {object} payload
 * @param {string} key
 */
function signJwt(payload, key) {
	const header = base64urlJson({ alg: 'HS256', typ: 'JWT' });
	const body = base64urlJson(payload);
	const signature = crypto
		.createHmac('sha256', key)
		.update(`${header}.${body}`)
		.digest('base64url');
	return `${header}.${body}.${signature}`;
}

/**
 * @param {string} token
 * @param {string} key
 * @returns {Record<string, any> | null} the payload when the signature is ours
 */
function verifyJwt(token, key) {
	const parts = token.split('.');
	if (parts.length !== 3) return null;
	const expected = crypto.createHmac('sha256', key).update(`${parts[0]}.${parts[1]}`).digest();
	const given = Buffer.from(parts[2], 'base64url');
	if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
	try {
		return JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
	} catch {
		return null;
	}
}

/** @param {object} value */
function base64urlJson(value) {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

module.exports = { TokenService, signJwt, verifyJwt };
