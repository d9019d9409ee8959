import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import type { ServerJson } from './json';
import { networkProblem } from './networkProblem';
import { tokenBaseUrl } from './urls';

/** Every scope the myOGO nodes use: orders, products (incl. stock), webhooks, metadata. */
export const MYOGO_ALL_SCOPES =
	'read:order write:order read:product write:product read:webhook write:webhook read:metadata write:metadata';

type HttpRequest = (options: IHttpRequestOptions) => Promise<ServerJson>;

export interface AccessToken {
	accessToken: string;
	expiresInSeconds: number;
}

/** OAuth2 error codes myOGO answers with (docs/myogo-api.md, "Authentication"), turned into what a merchant should check. */
const GRANT_ERROR_ADVICE: Record<string, string> = {
	invalid_grant:
		'myOGO did not accept the Merchant ID and Secret Token. Check both fields against myOGO → Edit Merchant → Integrations → API Information.',
	invalid_client:
		'myOGO did not accept the Client ID and Client Secret. The demo pair 123456 / abcdef works for test merchants; live merchants get theirs from OGOship.',
	unsupported_grant_type: 'myOGO refused the token request format (password grant, form-encoded).',
	invalid_scope:
		'myOGO refused the requested Scope. Clear the Scope field to ask for the default scopes.',
};

/** Form-encodes a flat record the way the OAuth2 token endpoint requires (JSON is refused). */
function formEncode(fields: Record<string, string>): string {
	return Object.entries(fields)
		.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
		.join('&');
}

/**
 * Fetches an access token with the resource-owner password grant.
 * Messages name the fields to check and never contain a secret.
 */
export async function requestAccessToken(
	httpRequest: HttpRequest,
	credentials: ICredentialDataDecryptedObject,
): Promise<AccessToken> {
	const baseUrl = tokenBaseUrl(credentials);
	if (!baseUrl) {
		throw new Error(
			'The myOGO credential has no Token Base URL. Fill it in, or choose the Production environment.',
		);
	}
	const body = formEncode({
		grant_type: 'password',
		client_id: String(credentials.clientId ?? ''),
		client_secret: String(credentials.clientSecret ?? ''),
		username: String(credentials.merchantId ?? ''),
		password: String(credentials.secretToken ?? ''),
		scope: String(credentials.scope || MYOGO_ALL_SCOPES),
	});

	let response: { statusCode: number; body: ServerJson } | undefined;
	let networkErrorCode = 'network error';
	try {
		response = await httpRequest({
			method: 'POST',
			url: `${baseUrl}/OAuth/Token`,
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
			body,
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
	} catch (error) {
		// Network errors carry the request config (with the form body) in some fields: keep only the code.
		networkErrorCode = (error as { code?: string }).code ?? networkErrorCode;
	}
	if (!response) {
		throw new Error(
			`Could not reach the myOGO token server at ${baseUrl}: ${networkProblem(networkErrorCode)}. Check the Token Base URL.`,
		);
	}

	const reply = parseJson(response.body);
	if (
		response.statusCode >= 200 &&
		response.statusCode < 300 &&
		typeof reply?.access_token === 'string'
	) {
		return { accessToken: reply.access_token, expiresInSeconds: Number(reply.expires_in ?? 0) };
	}
	const errorCode = typeof reply?.error === 'string' ? reply.error : '';
	const advice =
		GRANT_ERROR_ADVICE[errorCode] ??
		`The myOGO token server answered ${response.statusCode}. Check the Token Base URL and try again.`;
	throw new Error(errorCode ? `${advice} (${errorCode})` : advice);
}

function parseJson(body: unknown): ServerJson {
	if (typeof body !== 'string') return body;
	try {
		return JSON.parse(body);
	} catch {
		return undefined;
	}
}
