/**
 * A small HTTP proxy on 127.0.0.1 between our nodes and the myOGO sandbox. It exists for the one
 * fault the sandbox cannot inject itself: a call that myOGO *received and acted on*, whose answer
 * then never reaches the node (a proxy crash or a stall after the write). The sandbox's own faults
 * all fire before the call is handled. It also records what it saw, for the secret scan: the tokens
 * the token endpoint handed out, and every API answer body returned to a node.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AnswerFault {
	method: string;
	/** Path prefix, compared case-insensitively (e.g. `/api/v1/orders`). */
	path: string;
	/** `drop`: close the connection instead of answering; `stall`: answer after `stallMs`. */
	mode: 'drop' | 'stall';
	count: number;
	stallMs?: number;
}

export interface ProxiedCall {
	method: string;
	path: string;
	/** How many calls with this method and exact path the proxy forwarded before this one. */
	seq: number;
}

export class MyOgoProxy {
	url = '';

	/** Answers withheld from the node after the sandbox handled the call. */
	faultsInjected = 0;

	/** Access and refresh tokens the token endpoint handed out through the proxy (memory only). */
	readonly tokens = new Set<string>();

	/** The grant type of every token request (only that field of the form is kept). */
	readonly grants: string[] = [];

	/** Every API answer body returned to a node (token answers excluded: they carry tokens by design). */
	readonly answers: string[] = [];

	/** Runs before a call is forwarded, e.g. to expire tokens mid-run. */
	beforeForward?: (call: ProxiedCall) => Promise<void>;

	private rules: AnswerFault[] = [];

	private readonly forwarded = new Map<string, number>();

	private server?: http.Server;

	constructor(private readonly target: string) {}

	async start(): Promise<void> {
		this.server = http.createServer((req, res) => {
			void this.handle(req, res).catch(() => req.socket.destroy());
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	async close(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server!.close(resolve));
	}

	/** Clears rules, hooks and records between tests. */
	reset(): void {
		this.rules = [];
		this.beforeForward = undefined;
		this.faultsInjected = 0;
		this.answers.length = 0;
		this.grants.length = 0;
		this.forwarded.clear();
	}

	withholdAnswer(rule: AnswerFault): void {
		this.rules.push({ ...rule, path: rule.path.toLowerCase() });
	}

	private takeRule(method: string, path: string): AnswerFault | undefined {
		const rule = this.rules.find(
			(r) => r.method === method && path.toLowerCase().startsWith(r.path),
		);
		if (!rule) return undefined;
		rule.count -= 1;
		if (rule.count <= 0) this.rules.splice(this.rules.indexOf(rule), 1);
		return rule;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const method = req.method ?? 'GET';
		const path = (req.url ?? '/').split('?')[0];
		const key = `${method} ${path.toLowerCase()}`;
		const seq = this.forwarded.get(key) ?? 0;
		this.forwarded.set(key, seq + 1);
		await this.beforeForward?.({ method, path, seq });

		const body = Buffer.concat(chunks);
		if (path.toLowerCase().startsWith('/oauth/'))
			this.grants.push(new URLSearchParams(body.toString('utf8')).get('grant_type') ?? '');
		const upstream = await forward(this.target, req, body).catch(() => undefined);
		if (!upstream) {
			// The sandbox dropped the connection (its "reset" fault): pass that on.
			req.socket.destroy();
			return;
		}
		const isToken = path.toLowerCase().startsWith('/oauth/');
		if (isToken) this.rememberTokens(upstream.body);
		else if (!path.toLowerCase().startsWith('/api/v1/webhooks'))
			this.answers.push(upstream.body.toString('utf8'));
		// (A webhook subscription's reply carries its signing key by contract; the trigger keeps it.)

		const rule = this.takeRule(method, path);
		if (rule?.mode === 'drop') {
			this.faultsInjected++;
			req.socket.destroy();
			return;
		}
		if (rule?.mode === 'stall') {
			this.faultsInjected++;
			await new Promise((resolve) => setTimeout(resolve, rule.stallMs ?? 0));
		}
		if (res.destroyed || req.socket.destroyed) return;
		const headers = { ...upstream.headers };
		delete headers['transfer-encoding'];
		headers['content-length'] = String(upstream.body.length);
		res.writeHead(upstream.status, headers);
		res.end(upstream.body);
	}

	private rememberTokens(body: Buffer): void {
		try {
			const reply = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
			for (const field of ['access_token', 'refresh_token']) {
				if (typeof reply[field] === 'string') this.tokens.add(reply[field] as string);
			}
		} catch {
			// Not JSON: nothing handed out.
		}
	}
}

interface UpstreamAnswer {
	status: number;
	headers: http.OutgoingHttpHeaders;
	body: Buffer;
}

function forward(target: string, req: http.IncomingMessage, body: Buffer): Promise<UpstreamAnswer> {
	const url = new URL(req.url ?? '/', target);
	return new Promise((resolve, reject) => {
		const call = http.request(
			url,
			{ method: req.method, headers: { ...req.headers, host: url.host, connection: 'close' } },
			(answer) => {
				const parts: Buffer[] = [];
				answer.on('data', (part: Buffer) => parts.push(part));
				answer.on('end', () =>
					resolve({
						status: answer.statusCode ?? 502,
						headers: answer.headers,
						body: Buffer.concat(parts),
					}),
				);
				answer.on('error', reject);
			},
		);
		call.on('error', reject);
		call.end(body);
	});
}
