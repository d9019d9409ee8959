/**
 * The credential values of the reliability suite and the scan that looks for them.
 *
 * The suite's sandbox and WooCommerce fake run with their own distinctive credentials (below), so a
 * hit cannot be a coincidence. Values only known at run time (access and refresh tokens, webhook
 * signing keys) are scanned for in-process, and their SHA-256 fingerprints (never the values) go to
 * `.data/reliability/secret-fingerprints.jsonl`, so the final scan over the files on disk can find
 * them too without the suite ever writing a secret down itself.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import { RELIABILITY_DATA } from './paths';

export const MYOGO_SECRETS = {
	merchantId: 'reliability-merchant',
	secretToken: 'rel-secret-token-Q7v2Xk9pLm',
	clientId: '735193',
	clientSecret: 'rel-client-secret-Hd81wZ4s',
	apiKey: 'rel-api-key-Vn5c0Rt7yB',
};

export const WOO_SECRETS = {
	consumerKey: 'ck_rel_4f0c2a9e71b3d58c6e1a',
	consumerSecret: 'cs_rel_9b27e4d1c08f63a5b2d7',
};

export const SHOPIFY_SECRETS = {
	accessToken: 'shpat_rel_8c3e71a09d5b24f6e0a1',
	appSecret: 'rel_shopify_app_secret_5Kq9Wd2Z',
};

/** Fixed credential values that must never appear anywhere (the demo defaults too, in case one leaks in). */
export const STATIC_SECRETS: Record<string, string> = {
	'myOGO secret token': MYOGO_SECRETS.secretToken,
	'myOGO client secret': MYOGO_SECRETS.clientSecret,
	'myOGO API key': MYOGO_SECRETS.apiKey,
	'WooCommerce consumer secret': WOO_SECRETS.consumerSecret,
	'sandbox demo secret token': 'sandbox-secret',
	'sandbox demo API key': 'sandbox-key',
	'WooCommerce fake demo secret': 'cs_fake_secret',
	'Shopify access token': SHOPIFY_SECRETS.accessToken,
	'Shopify app secret': SHOPIFY_SECRETS.appSecret,
	'Shopify fake demo access token': 'shpat_fake_admin_api_access_token_0001',
	'Shopify fake demo app secret': 'fake_app_client_secret_0001',
};

/** A JWT (what the sandbox's access tokens look like). */
export const JWT_PATTERN = /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/;

export const FINGERPRINTS_FILE = `${RELIABILITY_DATA}/secret-fingerprints.jsonl`;

export interface SecretHit {
	/** What kind of secret (never the value). */
	secret: string;
	/** Where it was found. */
	where: string;
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** Finds every named secret (and any JWT) in the texts. Reports names and places, never values. */
export function scanForSecrets(
	texts: Array<{ where: string; text: string }>,
	secrets: Record<string, string>,
): SecretHit[] {
	const hits: SecretHit[] = [];
	for (const { where, text } of texts) {
		for (const [name, value] of Object.entries(secrets)) {
			if (value.length >= 6 && text.includes(value)) hits.push({ secret: name, where });
		}
		if (JWT_PATTERN.test(text)) hits.push({ secret: 'a JWT access token', where });
	}
	return hits;
}

/** Saves the fingerprints of run-time secrets for the scan over files. */
export function rememberFingerprints(secrets: Record<string, string>): void {
	mkdirSync(dirname(FINGERPRINTS_FILE), { recursive: true });
	const lines = Object.entries(secrets).map(([name, value]) =>
		JSON.stringify({ name, length: value.length, sha256: sha256(value) }),
	);
	if (lines.length) appendFileSync(FINGERPRINTS_FILE, `${lines.join('\n')}\n`);
}
