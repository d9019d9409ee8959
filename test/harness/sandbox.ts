import axios, { type AxiosInstance } from 'axios';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

// The sandbox is plain JavaScript: tests use it exactly as `npm run sandbox` does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startSandbox, DEFAULTS } = require('../../sandbox/myogo');

export interface RunningSandbox {
	url: string;
	port: number;
	close(): Promise<void>;
	store: unknown;
}

export { DEFAULTS as SANDBOX_DEFAULTS };

export async function startTestSandbox(
	options: Record<string, unknown> = {},
): Promise<RunningSandbox> {
	return (await startSandbox({ port: 0, ...options })) as RunningSandbox;
}

/** The credential a user would fill in for the sandbox (Environment: Custom). */
export function sandboxCredentials(
	url: string,
	overrides: ICredentialDataDecryptedObject = {},
): ICredentialDataDecryptedObject {
	return {
		merchantId: DEFAULTS.credentials?.merchantId ?? 'sandbox-merchant',
		secretToken: DEFAULTS.credentials?.secretToken ?? 'sandbox-secret',
		clientId: '123456',
		clientSecret: 'abcdef',
		scope: '',
		environment: 'custom',
		tokenBaseUrl: url,
		apiBaseUrl: url,
		accessToken: '',
		...overrides,
	};
}

/** Calls the sandbox's control API (`/_sandbox/...`), failing loudly on anything but 2xx. */
export function controlClient(url: string): AxiosInstance {
	return axios.create({ baseURL: `${url}/_sandbox`, timeout: 10_000 });
}

/** A direct myOGO API client (outside n8n) for arranging and checking sandbox state in tests. */
export async function apiClient(url: string): Promise<AxiosInstance> {
	const form = new URLSearchParams({
		grant_type: 'password',
		client_id: '123456',
		client_secret: 'abcdef',
		username: 'sandbox-merchant',
		password: 'sandbox-secret',
		scope: 'read:order write:order read:product write:product read:webhook write:webhook',
	});
	const token = await axios.post(`${url}/OAuth/Token`, form.toString(), {
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
	});
	return axios.create({
		baseURL: `${url}/api/v1`,
		headers: { Authorization: `Bearer ${token.data.access_token}` },
		timeout: 10_000,
	});
}
