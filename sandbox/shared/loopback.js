// @ts-check
'use strict';

/**
 * Whether a socket's remote address is on this machine. The fakes' control APIs have
 * no auth, so anyone else gets 403 even if the sandbox listens on a public
 * interface.
 * @param {string | undefined} address
 */
function isLoopbackAddress(address) {
	if (!address) return false;
	if (address === '::1' || address === '0:0:0:0:0:0:0:1') return true;
	const v4 = address.toLowerCase().startsWith('::ffff:') ? address.slice(7) : address;
	const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(v4);
	return m !== null && m[1] === '127' && m.slice(2).every((part) => Number(part) <= 255);
}

module.exports = { isLoopbackAddress };
