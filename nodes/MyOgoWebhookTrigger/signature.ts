import { createHash, createHmac, randomBytes, timingSafeEqual } from 'crypto';

/** The header myOGO signs each callback with: Base64(HMAC-SHA256(key, raw UTF-8 body)) (docs/myogo-api.md, "Webhooks"). */
export const SIGNATURE_HEADER = 'x-ogoship-hmac-sha256';

/** A fresh signing key for one subscription: 32 random bytes, base64url (no characters to escape). */
export function newSigningKey(): string {
	return randomBytes(32).toString('base64url');
}

/** The signature myOGO sends for this body. */
export function sign(key: string, rawBody: Buffer | string): string {
	return createHmac('sha256', key).update(rawBody).digest('base64');
}

/**
 * True when `header` is the signature of the exact bytes received. Compares the decoded digests in
 * constant time; anything that is not 32 bytes of Base64 is refused before comparing.
 */
export function isValidSignature(key: string, rawBody: Buffer, header: unknown): boolean {
	if (typeof header !== 'string' || key === '') return false;
	const trimmed = header.trim();
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) return false;
	const given = Buffer.from(trimmed, 'base64');
	const expected = createHmac('sha256', key).update(rawBody).digest();
	if (given.length !== expected.length) return false;
	return timingSafeEqual(given, expected);
}

/** A short fingerprint of a delivery's exact bytes, for the replay memory. */
export function fingerprint(rawBody: Buffer): string {
	return createHash('sha256').update(rawBody).digest('base64url').slice(0, 22);
}
