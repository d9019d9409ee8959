/** Characters that survive a URL path segment untouched. */
const PLAIN_PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;

function base64url(text: string): string {
	return Buffer.from(text, 'utf8')
		.toString('base64')
		.replace(/\+/g, '-')
		.replace(/\//g, '_')
		.replace(/=+$/, '');
}

/**
 * A product code or order reference as a path segment. myOGO takes awkward codes (with `/`,
 * spaces, non-ASCII) as base64url plus `?base64url=true`, so those never get mangled by proxies.
 */
export function codeInPath(code: string): { segment: string; qs: { base64url?: boolean } } {
	if (PLAIN_PATH_SEGMENT.test(code)) return { segment: code, qs: {} };
	return { segment: base64url(code), qs: { base64url: true } };
}
