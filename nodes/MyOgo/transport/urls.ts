import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** OGOship's production hosts: tokens come from myOGO, data from the API host. */
export const PRODUCTION_TOKEN_BASE_URL = 'https://my.ogoship.com';
export const PRODUCTION_API_BASE_URL = 'https://api.ogoship.com';

function withoutTrailingSlash(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

/** Where `POST /OAuth/Token` lives for these credentials. */
export function tokenBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'custom') {
		return withoutTrailingSlash(String(credentials.tokenBaseUrl ?? ''));
	}
	return PRODUCTION_TOKEN_BASE_URL;
}

/** The host that serves `/api/v1/...` for these credentials. */
export function apiBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	if (credentials.environment === 'custom') {
		return withoutTrailingSlash(String(credentials.apiBaseUrl ?? ''));
	}
	return PRODUCTION_API_BASE_URL;
}
