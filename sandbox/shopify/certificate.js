// @ts-check
'use strict';

/**
 * The Shopify fake speaks HTTPS because n8n's Shopify node builds `https://<subdomain>.myshopify.com/…`
 * URLs and cannot be told otherwise. This module makes one self-signed certificate for
 * IP:127.0.0.1 and DNS:localhost, keeps it in `.data/shopify-fake/` (ignored by git) and reuses it,
 * so the file that `NODE_EXTRA_CA_CERTS` names stays valid across runs. (Node reads that variable
 * only at process start, which is why tools/run-tests.js creates the file before it starts Jest.)
 */

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const DEFAULT_DIR = path.resolve(__dirname, '..', '..', '.data', 'shopify-fake');
const CERT_FILE = 'cert.pem';
const KEY_FILE = 'key.pem';
/** Renew a certificate this close to its end, so a long test run never meets an expired one. */
const RENEW_BEFORE_MS = 7 * 24 * 3600 * 1000;
const VALID_DAYS = 825;

/**
 * @typedef {object} Certificate
 * @property {string} certPath PEM of the certificate (what NODE_EXTRA_CA_CERTS points at)
 * @property {string} keyPath  PEM of its private key
 * @property {string} cert
 * @property {string} key
 */

/**
 * A stored pair that still fits: readable, matching, for 127.0.0.1, and not about to expire.
 * @param {string} dir
 * @returns {Certificate | null}
 */
function readUsable(dir) {
	const certPath = path.join(dir, CERT_FILE);
	const keyPath = path.join(dir, KEY_FILE);
	try {
		const cert = fs.readFileSync(certPath, 'utf8');
		const key = fs.readFileSync(keyPath, 'utf8');
		const x509 = new crypto.X509Certificate(cert);
		const fits =
			x509.checkPrivateKey(crypto.createPrivateKey(key)) &&
			x509.checkIP('127.0.0.1') === '127.0.0.1' &&
			Date.parse(x509.validTo) - Date.now() > RENEW_BEFORE_MS;
		return fits ? { certPath, keyPath, cert, key } : null;
	} catch {
		return null;
	}
}

/**
 * Writes a file whole or not at all (another process may be reading it).
 * @param {string} file
 * @param {string} text
 */
function writeAtomically(file, text) {
	const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
	fs.writeFileSync(temporary, text, { mode: 0o600 });
	fs.renameSync(temporary, file);
}

/**
 * Returns the fake's certificate, creating it on first use.
 * @param {string} [dir] where to keep it (default `<repo>/.data/shopify-fake`)
 * @returns {Promise<Certificate>}
 */
async function ensureCertificate(dir = DEFAULT_DIR) {
	const existing = readUsable(dir);
	if (existing) return existing;
	// selfsigned is a devDependency: only needed when a certificate must be made.
	const selfsigned = require('selfsigned');
	const notBeforeDate = new Date(Date.now() - 60_000);
	const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
		keySize: 2048,
		algorithm: 'sha256',
		notBeforeDate,
		notAfterDate: new Date(notBeforeDate.getTime() + VALID_DAYS * 24 * 3600 * 1000),
		extensions: [
			{ name: 'basicConstraints', cA: false },
			{ name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
			{ name: 'extKeyUsage', serverAuth: true },
			{
				name: 'subjectAltName',
				altNames: [
					{ type: 7, ip: '127.0.0.1' },
					{ type: 2, value: 'localhost' },
				],
			},
		],
	});
	fs.mkdirSync(dir, { recursive: true });
	// Another process may have made a pair meanwhile; keep the first complete one.
	const raced = readUsable(dir);
	if (raced) return raced;
	writeAtomically(path.join(dir, KEY_FILE), pems.private);
	writeAtomically(path.join(dir, CERT_FILE), pems.cert);
	const made = readUsable(dir);
	if (!made) throw new Error(`Could not store a usable certificate in ${dir}`);
	return made;
}

module.exports = { ensureCertificate, DEFAULT_CERTIFICATE_DIR: DEFAULT_DIR };
