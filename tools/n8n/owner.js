// @ts-check
'use strict';

/**
 * n8n's first-run owner sign-up, done through its REST API so the editor opens straight onto the
 * sign-in form. The login is a documented demo value for a local instance on 127.0.0.1, not a secret.
 */

const DEMO_LOGIN = Object.freeze({
	email: 'demo@myogo.local',
	password: 'Demo-myOGO-2026',
	firstName: 'Demo',
	lastName: 'Merchant',
});

/**
 * Creates the instance owner unless one exists. Returns true when it created one.
 * @param {string} url n8n's base URL
 * @param {{ email: string, password: string, firstName: string, lastName: string }} [login]
 */
async function setupOwner(url, login = DEMO_LOGIN) {
	if (!(await needsOwnerSetup(url))) return false;
	const response = await fetch(`${url}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify(login),
	});
	if (!response.ok)
		throw new Error(`n8n owner setup answered ${response.status}: ${await response.text()}`);
	return true;
}

/** @param {string} url */
async function needsOwnerSetup(url) {
	const response = await fetch(`${url}/rest/settings`);
	if (!response.ok) throw new Error(`n8n /rest/settings answered ${response.status}`);
	const body = /** @type {any} */ (await response.json());
	return Boolean(body.data?.userManagement?.showSetupOnFirstLoad);
}

/**
 * Signs in and returns the auth cookie for further REST calls.
 * @param {string} url
 * @param {{ email: string, password: string }} [login]
 */
async function signIn(url, login = DEMO_LOGIN) {
	const response = await fetch(`${url}/rest/login`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: login.email, password: login.password }),
	});
	if (!response.ok)
		throw new Error(`n8n sign-in answered ${response.status}: ${await response.text()}`);
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
	if (!cookie) throw new Error('n8n sign-in set no n8n-auth cookie');
	return cookie.split(';')[0];
}

module.exports = { DEMO_LOGIN, setupOwner, needsOwnerSetup, signIn };
