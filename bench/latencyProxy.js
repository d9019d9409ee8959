// An HTTPS pass-through in front of the Shopify fake that waits a fixed time before forwarding each
// request: the fake itself has no latency control (the myOGO sandbox and the WooCommerce fake do).
// Only the workflows' calls go through it; the benchmark seeds and checks the fake directly.
const https = require('node:https');

/** Upstream connections to the fake: enough for every wave our workflows send, few enough that a
 * burst of 2,000 requests does not make the fake do 2,000 TLS handshakes at once (it then resets
 * some of them); the extra requests wait for a free connection. */
const MAX_UPSTREAM_SOCKETS = 64;

/**
 * @param {{ target: URL | string, key: string, cert: string, latencyMs: number }} options
 * @returns {Promise<{ url: string, port: number, close(): Promise<void> }>}
 */
async function startLatencyProxy({ target, key, cert, latencyMs }) {
	const upstream = new URL(target);
	const agent = new https.Agent({ keepAlive: true, ca: cert, maxSockets: MAX_UPSTREAM_SOCKETS });

	/** @param {import('node:http').IncomingMessage} req @param {Buffer} body @param {import('node:http').ServerResponse} res @param {boolean} retried */
	function forward(req, body, res, retried) {
		const request = https.request(
			// servername '' = no SNI: the fake's certificate is for IP:127.0.0.1, and SNI may not carry an IP.
			{
				host: upstream.hostname,
				port: upstream.port,
				servername: '',
				method: req.method,
				path: req.url,
				headers: req.headers,
				agent,
			},
			(reply) => {
				res.writeHead(reply.statusCode ?? 502, reply.headers);
				reply.pipe(res);
			},
		);
		request.on('error', (error) => {
			// A kept-alive connection the fake closed just as it was reused: Node's documented retry case.
			if (
				request.reusedSocket &&
				/** @type {NodeJS.ErrnoException} */ (error).code === 'ECONNRESET' &&
				!retried
			) {
				forward(req, body, res, true);
				return;
			}
			process.stderr.write(`latency proxy: ${req.method} ${req.url}: ${error.message}\n`);
			res.writeHead(502);
			res.end(String(error));
		});
		request.end(body);
	}

	const server = https.createServer({ key, cert }, (req, res) => {
		const chunks = /** @type {Buffer[]} */ ([]);
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () =>
			setTimeout(() => forward(req, Buffer.concat(chunks), res, false), latencyMs),
		);
	});
	// Never close an idle kept-alive connection: n8n keeps its connections from one run to the next
	// (a minute and more apart in this benchmark), and one the proxy closed just as n8n reused it
	// fails that request ("connection closed unexpectedly"). close() ends them all.
	server.keepAliveTimeout = 0;
	server.on('clientError', (error, socket) => {
		process.stderr.write(`latency proxy: client error ${error.code ?? ''} ${error.message}\n`);
		socket.destroy();
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `https://127.0.0.1:${port}`,
		port,
		close: () =>
			new Promise((resolve) => {
				agent.destroy();
				server.closeAllConnections();
				server.close(() => resolve(undefined));
			}),
	};
}

module.exports = { startLatencyProxy };
