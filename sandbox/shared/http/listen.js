// @ts-check
'use strict';

const http = require('node:http');

/**
 * Starts a store fake's HTTP server on 127.0.0.1 (or `host`); an unexpected error in `handle`
 * answers 500. Answers its URL, port and a `close` that drops open connections.
 * @param {(req: http.IncomingMessage, res: http.ServerResponse) => Promise<unknown>} handle
 * @param {{ port?: number, host?: string }} options
 */
async function listenFake(handle, options) {
	const server = http.createServer((req, res) => {
		handle(req, res).catch((error) => {
			res.writeHead(500);
			res.end(String(error));
		});
	});
	server.keepAliveTimeout = 1000;
	await new Promise((resolve) =>
		server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(undefined)),
	);
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${address.port}`,
		port: address.port,
		/** @returns {Promise<void>} */
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

module.exports = { listenFake };
