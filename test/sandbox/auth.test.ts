import axios from 'axios';
import { startSandbox } from '../../sandbox/myogo';
import {
	PASSWORD_GRANT,
	Sandbox,
	apiClient,
	controlClient,
	login,
	sleep,
	tokenRequest,
} from './helpers';

describe('sandbox: authentication', () => {
	let sandbox: Sandbox;

	beforeAll(async () => {
		sandbox = await startSandbox();
	});
	afterAll(async () => {
		await sandbox.close();
	});

	describe('POST /OAuth/Token, password grant', () => {
		it('answers a form-encoded password grant with a bearer token pair', async () => {
			const response = await tokenRequest(sandbox, PASSWORD_GRANT);
			expect(response.status).toBe(200);
			expect(response.data).toEqual({
				access_token: expect.any(String),
				token_type: 'bearer',
				expires_in: 5400,
				refresh_token: expect.any(String),
			});
			expect(response.headers['cache-control']).toBe('no-store');
		});

		it('issues access tokens shaped like a JWT with an expiry', async () => {
			const { access_token } = await login(sandbox);
			const parts = access_token.split('.');
			expect(parts).toHaveLength(3);
			const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString());
			const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
			expect(header).toMatchObject({ alg: 'HS256', typ: 'JWT' });
			const nowSeconds = Date.now() / 1000;
			expect(payload.exp).toBeGreaterThan(nowSeconds + 5300);
			expect(payload.exp).toBeLessThanOrEqual(nowSeconds + 5401);
			expect(payload.sub).toBe('sandbox-merchant');
		});

		it('refuses a JSON body with unsupported_grant_type naming the form encoding', async () => {
			const response = await axios.post(`${sandbox.url}/OAuth/Token`, PASSWORD_GRANT, {
				validateStatus: () => true,
			});
			expect(response.status).toBe(400);
			expect(response.data.error).toBe('unsupported_grant_type');
			expect(response.data.error_description).toContain('application/x-www-form-urlencoded');
		});

		it('refuses an unknown grant type', async () => {
			const response = await tokenRequest(sandbox, {
				...PASSWORD_GRANT,
				grant_type: 'client_credentials',
			});
			expect(response.status).toBe(400);
			expect(response.data.error).toBe('unsupported_grant_type');
		});

		it('answers invalid_client for a wrong client secret, before looking at the user', async () => {
			const response = await tokenRequest(sandbox, {
				...PASSWORD_GRANT,
				client_secret: 'nope',
				password: 'also-wrong',
			});
			expect(response.status).toBe(400);
			expect(response.data).toEqual({
				error: 'invalid_client',
				error_description: expect.any(String),
			});
		});

		it('answers invalid_grant for a wrong secret token without echoing any secret', async () => {
			const typed = 'typed-by-mistake-9f3e';
			const response = await tokenRequest(sandbox, { ...PASSWORD_GRANT, password: typed });
			expect(response.status).toBe(400);
			expect(response.data.error).toBe('invalid_grant');
			const text = JSON.stringify(response.data);
			expect(text).not.toContain(typed);
			expect(text).not.toContain('sandbox-secret');
			expect(text).not.toContain('abcdef');
		});

		it('answers invalid_grant for a wrong merchant id', async () => {
			const response = await tokenRequest(sandbox, { ...PASSWORD_GRANT, username: 'someone-else' });
			expect(response.status).toBe(400);
			expect(response.data.error).toBe('invalid_grant');
		});

		it('accepts the client credentials in an HTTP Basic header too', async () => {
			const { client_id, client_secret, ...rest } = PASSWORD_GRANT;
			const response = await axios.post(
				`${sandbox.url}/OAuth/Token`,
				new URLSearchParams(rest).toString(),
				{
					headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
					auth: { username: client_id, password: client_secret },
					validateStatus: () => true,
				},
			);
			expect(response.status).toBe(200);
			expect(response.data.token_type).toBe('bearer');
		});

		it('matches the token path case-insensitively', async () => {
			const response = await axios.post(
				`${sandbox.url}/oauth/token`,
				new URLSearchParams(PASSWORD_GRANT).toString(),
				{
					headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
					validateStatus: () => true,
				},
			);
			expect(response.status).toBe(200);
		});
	});

	describe('refresh_token grant', () => {
		const refresh = (token: string, overrides: Record<string, string> = {}) =>
			tokenRequest(sandbox, {
				grant_type: 'refresh_token',
				refresh_token: token,
				client_id: '123456',
				client_secret: 'abcdef',
				...overrides,
			});

		it('returns a new working pair, and each refresh token works once', async () => {
			const first = await login(sandbox);
			const renewed = await refresh(first.refresh_token);
			expect(renewed.status).toBe(200);
			expect(renewed.data.refresh_token).not.toBe(first.refresh_token);
			expect(renewed.data.access_token).not.toBe(first.access_token);
			expect((await apiClient(sandbox, renewed.data.access_token).get('/products')).status).toBe(
				200,
			);

			const again = await refresh(first.refresh_token);
			expect(again.status).toBe(400);
			expect(again.data.error).toBe('invalid_grant');

			const next = await refresh(renewed.data.refresh_token);
			expect(next.status).toBe(200);
		});

		it('refuses an unknown refresh token', async () => {
			const response = await refresh('not-a-token');
			expect(response.status).toBe(400);
			expect(response.data.error).toBe('invalid_grant');
		});

		it('checks the client on a refresh', async () => {
			const first = await login(sandbox);
			const response = await refresh(first.refresh_token, { client_secret: 'wrong' });
			expect(response.status).toBe(400);
			expect(response.data.error).toBe('invalid_client');
		});
	});

	describe('API calls', () => {
		it('answers 401 with the error body when no credentials are sent', async () => {
			const response = await axios.get(`${sandbox.url}/api/v1/products`, {
				validateStatus: () => true,
			});
			expect(response.status).toBe(401);
			expect(response.data).toEqual({
				statusCode: 401,
				statusDescription: 'Unauthorized',
				message: expect.any(String),
			});
			expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
		});

		it('answers 401 for a token that is not ours', async () => {
			const fake = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{"exp":9999999999}').toString('base64url')}.c2lnbmF0dXJl`;
			const response = await apiClient(sandbox, fake).get('/orders');
			expect(response.status).toBe(401);
			expect(response.data.statusCode).toBe(401);
		});

		it('accepts X-OgoKey with the API key instead of a Bearer token, and refuses a wrong key', async () => {
			const good = await axios.get(`${sandbox.url}/api/v1/products`, {
				headers: { 'X-OgoKey': 'sandbox-key' },
				validateStatus: () => true,
			});
			expect(good.status).toBe(200);
			expect(Array.isArray(good.data)).toBe(true);
			const bad = await axios.get(`${sandbox.url}/api/v1/products`, {
				headers: { 'X-OgoKey': 'wrong' },
				validateStatus: () => true,
			});
			expect(bad.status).toBe(401);
			expect(bad.data.statusDescription).toBe('Unauthorized');
		});

		it('expires every token issued so far on POST /_sandbox/tokens/expire; refresh still works', async () => {
			const tokens = await login(sandbox);
			const api = apiClient(sandbox, tokens.access_token);
			expect((await api.get('/products')).status).toBe(200);

			expect((await controlClient(sandbox).post('/tokens/expire')).status).toBe(200);
			const expired = await api.get('/products');
			expect(expired.status).toBe(401);
			expect(expired.data.message).toMatch(/expired/);

			const renewed = await tokenRequest(sandbox, {
				grant_type: 'refresh_token',
				refresh_token: tokens.refresh_token,
				client_id: '123456',
				client_secret: 'abcdef',
			});
			expect(renewed.status).toBe(200);
			expect((await apiClient(sandbox, renewed.data.access_token).get('/products')).status).toBe(
				200,
			);
		});

		it('voids all tokens on reset', async () => {
			const tokens = await login(sandbox);
			await controlClient(sandbox).post('/reset');
			expect((await apiClient(sandbox, tokens.access_token).get('/products')).status).toBe(401);
		});
	});

	it('lets an access token run out after accessTokenTtlSeconds', async () => {
		const short = await startSandbox({ accessTokenTtlSeconds: 1 });
		try {
			const tokens = await login(short);
			expect(tokens).toMatchObject({ expires_in: 1 });
			const api = apiClient(short, tokens.access_token);
			expect((await api.get('/products')).status).toBe(200);
			await sleep(1100);
			expect((await api.get('/products')).status).toBe(401);
		} finally {
			await short.close();
		}
	});

	it('uses credentials given as options', async () => {
		const custom = await startSandbox({ credentials: { merchantId: 'm-42', secretToken: 's-42' } });
		try {
			const defaults = await tokenRequest(custom, PASSWORD_GRANT);
			expect(defaults.data.error).toBe('invalid_grant');
			const ok = await tokenRequest(custom, {
				...PASSWORD_GRANT,
				username: 'm-42',
				password: 's-42',
			});
			expect(ok.status).toBe(200);
			expect(custom.credentials.clientId).toBe('123456');
		} finally {
			await custom.close();
		}
	});
});
