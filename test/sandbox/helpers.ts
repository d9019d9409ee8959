/**
 * Shared helpers for the sandbox conformance tests: start a sandbox, log in,
 * and talk to the API and the control API without axios throwing on errors.
 */
import axios, { AxiosInstance } from 'axios';
import { startSandbox } from '../../sandbox/myogo';

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;
export type SandboxOptions = Parameters<typeof startSandbox>[0];

export const ISO_MS_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const PASSWORD_GRANT = {
	grant_type: 'password',
	client_id: '123456',
	client_secret: 'abcdef',
	username: 'sandbox-merchant',
	password: 'sandbox-secret',
	scope: 'read:product write:product read:order write:order',
};

/** A form-encoded token request, the way OAuth2 clients send it. */
export function tokenRequest(sandbox: Sandbox, fields: Record<string, string>) {
	return axios.post(`${sandbox.url}/OAuth/Token`, new URLSearchParams(fields).toString(), {
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		validateStatus: () => true,
	});
}

export async function login(
	sandbox: Sandbox,
): Promise<{ access_token: string; refresh_token: string }> {
	const response = await tokenRequest(sandbox, PASSWORD_GRANT);
	if (response.status !== 200) throw new Error(`login failed: ${JSON.stringify(response.data)}`);
	return response.data;
}

/** An axios client for `/api/v1/...` carrying a Bearer token; never throws on status. */
export function apiClient(sandbox: Sandbox, accessToken: string): AxiosInstance {
	return axios.create({
		baseURL: `${sandbox.url}/api/v1`,
		headers: { Authorization: `Bearer ${accessToken}` },
		validateStatus: () => true,
	});
}

/** An axios client for the control API `/_sandbox/...`. */
export function controlClient(sandbox: Sandbox): AxiosInstance {
	return axios.create({ baseURL: `${sandbox.url}/_sandbox`, validateStatus: () => true });
}

/** Starts a sandbox and logs in; `api` and `control` are ready to use. */
export async function startWithClients(options: SandboxOptions = {}) {
	const sandbox = await startSandbox(options);
	const tokens = await login(sandbox);
	return {
		sandbox,
		tokens,
		api: apiClient(sandbox, tokens.access_token),
		control: controlClient(sandbox),
	};
}

export function product(code: string, extra: Record<string, unknown> = {}) {
	return { code, languageCode: 'en', name: `Product ${code}`, ...extra };
}

export const CUSTOMER = {
	name: 'Aino Virtanen',
	address1: 'Mannerheimintie 1',
	city: 'Helsinki',
	countryCode: 'FI',
	zip: '00100',
};

export function order(
	reference: string,
	lines: { code: string; quantity: number }[],
	extra: Record<string, unknown> = {},
) {
	return {
		reference,
		shippingCode: 'POSTI_PAKETTI',
		customer: { ...CUSTOMER },
		orderLines: lines,
		...extra,
	};
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a truthy value or the time runs out. */
export async function waitFor<T>(
	check: () => Promise<T> | T,
	timeoutMs = 5000,
	everyMs = 20,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value) return value;
		if (Date.now() > deadline) throw new Error('waitFor: timed out');
		await sleep(everyMs);
	}
}

/**
 * The setup every endpoint suite shares: one sandbox for the file, reset before each test (a reset
 * voids every token, so each test logs in again) and seeded with the named products. Hooks are
 * registered here; the returned object's fields are filled when they run.
 */
export function useResetSandbox(setup: { options?: SandboxOptions; seedProducts?: string[] } = {}) {
	const env = {} as { sandbox: Sandbox; api: AxiosInstance; control: AxiosInstance };
	beforeAll(async () => {
		({ sandbox: env.sandbox, control: env.control } = await startWithClients(setup.options));
	});
	afterAll(async () => {
		await env.sandbox.close();
	});
	beforeEach(async () => {
		await env.control.post('/reset');
		env.api = apiClient(env.sandbox, (await login(env.sandbox)).access_token);
		if (setup.seedProducts?.length) {
			await env.control.post('/seed', {
				products: setup.seedProducts.map((code) => product(code)),
			});
		}
	});
	return env;
}
