// @ts-check
'use strict';

/** Free TCP ports on 127.0.0.1, all different. */

const { createServer } = require('node:net');

/** @returns {Promise<number>} */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no free port')),
			);
		});
	});
}

/** @param {number} count */
async function freePorts(count) {
	/** @type {Set<number>} */
	const ports = new Set();
	for (let tries = 0; ports.size < count && tries < count * 20; tries++)
		ports.add(await freePort());
	if (ports.size < count) throw new Error(`only ${ports.size} of ${count} free ports found`);
	return [...ports];
}

module.exports = { freePort, freePorts };
