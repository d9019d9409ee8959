import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import type { ServerJson } from './json';
import { networkProblem, REQUEST_TIMEOUT_SECONDS } from './networkProblem';
import { apiBaseUrl } from './urls';

/** Every n8n context our nodes call myOGO from. */
export type MyOgoContext =
	IExecuteFunctions | IPollFunctions | IHookFunctions | ILoadOptionsFunctions | IWebhookFunctions;

export interface MyOgoRequest {
	method: IHttpRequestMethods;
	/** Path below `/api/v1`, e.g. `/products` or `/orders/1042`. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
	/** The input item this call is for, so errors point at it. */
	itemIndex?: number;
}

/** How hard the transport tries; exported so tests and benchmarks can read the figures. */
export const RETRY_POLICY = {
	maxAttempts: 5,
	backoffBaseMs: 250,
	backoffMaxMs: 4000,
	/** A Retry-After longer than this is cut short: a workflow should not hang for minutes. */
	retryAfterMaxMs: 60_000,
	retryAfterDefaultMs: 1000,
	timeoutMs: REQUEST_TIMEOUT_SECONDS * 1000,
};

/** Methods that leave the same state however often they are sent: safe to repeat after a 5xx. */
const SAFE_TO_REPEAT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const RETRYABLE_STATUS = new Set([500, 502, 503, 504]);
/** Connection failures after which the request may have reached myOGO. */
const NETWORK_ERRORS_AFTER_SEND = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
]);
/** Connection failures before anything was sent: repeating them is always safe. */
const NETWORK_ERRORS_BEFORE_SEND = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

const baseUrlCache = new WeakMap<object, string>();

async function baseUrlFor(context: MyOgoContext): Promise<string> {
	const cached = baseUrlCache.get(context);
	if (cached) return cached;
	const credentials = await context.getCredentials('myOgoApi');
	const url = apiBaseUrl(credentials);
	baseUrlCache.set(context, url);
	return url;
}

interface FailedAttempt {
	status?: number;
	code?: string;
	retryAfterMs?: number;
	apiMessage?: string;
}

interface FullResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: ServerJson;
}

/** Reads status, Retry-After and myOGO's error message from a non-2xx answer. */
function describeAnswer(response: FullResponse): FailedAttempt {
	const data = response.body;
	let apiMessage: string | undefined;
	if (data && typeof data === 'object' && typeof data.message === 'string')
		apiMessage = data.message;
	else if (typeof data === 'string' && data.length > 0 && data.length < 500) apiMessage = data;
	return {
		status: response.statusCode,
		retryAfterMs: retryAfterMs(response.headers['retry-after']),
		apiMessage,
	};
}

function retryAfterMs(header: string | string[] | undefined): number | undefined {
	if (header === undefined) return undefined;
	const value = Array.isArray(header) ? header[0] : header;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return seconds * 1000;
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Phrases of the HTTP client's messages, for when an error reaches us without its code. */
const NETWORK_MESSAGE_CODES: Array<[RegExp, string]> = [
	[/ECONNRESET|socket hang up|closed unexpectedly/i, 'ECONNRESET'],
	[/ECONNREFUSED|refused the connection/i, 'ECONNREFUSED'],
	[/ETIMEDOUT|ECONNABORTED|timeout of \d+ms exceeded|timed out/i, 'ETIMEDOUT'],
	[/ENOTFOUND|EAI_AGAIN|DNS/i, 'ENOTFOUND'],
	[/EPIPE/, 'EPIPE'],
];

/**
 * Reads a thrown error: a network failure (no answer at all), or an answer n8n's helper turned
 * into an error (only on the 401 path), read defensively: its shape is n8n's or the HTTP client's.
 * n8n wraps the client's error and may drop its `code`, so
 * the code is also recognised from the messages it keeps.
 */
function describeThrown(error: ServerJson): FailedAttempt {
	const httpCode = Number(error?.httpCode);
	const data = error?.context?.data ?? error?.cause?.response?.data;
	if (httpCode >= 400) {
		return {
			status: httpCode,
			apiMessage: typeof data?.message === 'string' ? data.message : undefined,
		};
	}
	for (let cause = error, depth = 0; cause && depth < 5; cause = cause.cause, depth++) {
		if (typeof cause.code === 'string' && /^E[A-Z_]+$/.test(cause.code))
			return { code: cause.code };
	}
	const texts = [error?.message, ...(Array.isArray(error?.messages) ? error.messages : [])].map(
		String,
	);
	for (const [pattern, code] of NETWORK_MESSAGE_CODES) {
		if (texts.some((text) => pattern.test(text))) return { code };
	}
	return {};
}

function waitBeforeRetry(
	failure: FailedAttempt,
	method: string,
	attempt: number,
): number | undefined {
	if (failure.status === 429) {
		return Math.min(
			failure.retryAfterMs ?? RETRY_POLICY.retryAfterDefaultMs,
			RETRY_POLICY.retryAfterMaxMs,
		);
	}
	const backoff = Math.min(
		RETRY_POLICY.backoffBaseMs * 2 ** (attempt - 1),
		RETRY_POLICY.backoffMaxMs,
	);
	if (failure.code && NETWORK_ERRORS_BEFORE_SEND.has(failure.code)) return backoff;
	// A POST that may have reached myOGO is never repeated blindly: it could create a duplicate.
	if (!SAFE_TO_REPEAT.has(method)) return undefined;
	if (failure.status !== undefined && RETRYABLE_STATUS.has(failure.status)) return backoff;
	if (failure.status === undefined && failure.code && NETWORK_ERRORS_AFTER_SEND.has(failure.code))
		return backoff;
	return undefined;
}

/** Builds the error a user sees: myOGO's own message, the call, and how many tries it took. */
function toNodeApiError(
	context: MyOgoContext,
	request: MyOgoRequest,
	failure: FailedAttempt,
	attempts: number,
): NodeApiError {
	const what = `${request.method} ${request.path}`;
	const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
	let message: string;
	if (failure.status) {
		message = `myOGO answered ${failure.status} to ${what}${tries}: ${failure.apiMessage ?? 'no message'}`;
	} else {
		message = `Could not reach myOGO for ${what}${tries}: ${networkProblem(failure.code)}. Check the API Base URL and your connection.`;
	}
	const description =
		failure.status === 401
			? 'myOGO refused the access token even after fetching a new one. Check the credential (Merchant ID, Secret Token, Client ID and Secret).'
			: failure.status === 429
				? 'myOGO is rate limiting this merchant. Lower "Parallel Requests" or run the workflow less often.'
				: undefined;
	// Only plain fields go into the error: the axios error carries request headers with the token.
	const errorResponse: JsonObject = {
		statusCode: failure.status ?? null,
		message: failure.apiMessage ?? (failure.status ? 'no message' : networkProblem(failure.code)),
		attempts,
	};
	return new NodeApiError(context.getNode(), errorResponse, {
		message,
		description,
		httpCode: failure.status ? String(failure.status) : undefined,
		itemIndex: request.itemIndex,
	});
}

/**
 * The one door to the myOGO API: authentication, JSON, retries, and errors a user can act on.
 * 429 waits for Retry-After; 5xx and dropped connections are retried only for requests that are
 * safe to repeat; a 401 makes n8n fetch a fresh token once (its own refresh path).
 */
export async function myOgoRequest(this: MyOgoContext, request: MyOgoRequest): Promise<ServerJson> {
	const baseUrl = await baseUrlFor(this);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}/api/v1${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
		timeout: RETRY_POLICY.timeoutMs,
		headers: { Accept: 'application/json' },
	};
	for (let attempt = 1; ; attempt++) {
		let failure: FailedAttempt;
		try {
			// The full answer keeps Retry-After and myOGO's error body, which n8n's error wrapping loses.
			const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'myOgoApi', {
				...options,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as FullResponse;
			if (response.statusCode === 401) {
				// n8n fetches a new token only when a call throws a 401: repeat it that way once.
				// Safe for a POST too: a 401 means myOGO did not act on it.
				return await this.helpers.httpRequestWithAuthentication.call(this, 'myOgoApi', {
					...options,
				});
			}
			if (response.statusCode < 400) return response.body;
			failure = describeAnswer(response);
		} catch (error) {
			failure = describeThrown(error);
			// Neither an HTTP answer nor a network fault: e.g. the credential could not get a token.
			// Its message already says what to fix.
			if (failure.status === undefined && failure.code === undefined) {
				// n8n's helper already wrapped it in a NodeApiError; this keeps it and names the item.
				const passedOn = new NodeApiError(this.getNode(), error as JsonObject, {
					itemIndex: request.itemIndex,
				});
				passedOn.context.itemIndex ??= request.itemIndex;
				throw passedOn;
			}
		}
		const waitMs =
			attempt < RETRY_POLICY.maxAttempts
				? waitBeforeRetry(failure, request.method, attempt)
				: undefined;
		if (waitMs === undefined) throw toNodeApiError(this, request, failure, attempt);
		await sleep(waitMs);
	}
}
