/** How long one myOGO call may take before it counts as failed. */
export const REQUEST_TIMEOUT_SECONDS = 30;

/**
 * Network failures in words. The raw codes (ECONNRESET…) stay out of the message: n8n would
 * replace a message containing one with its own generic text.
 */
export function networkProblem(code: string | undefined): string {
	switch (code) {
		case 'ECONNRESET':
		case 'EPIPE':
			return 'the connection was closed before myOGO answered';
		case 'ECONNREFUSED':
			return 'nothing accepted the connection';
		case 'ETIMEDOUT':
		case 'ECONNABORTED':
		case 'ESOCKETTIMEDOUT':
			return `no answer within ${REQUEST_TIMEOUT_SECONDS} s`;
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return 'the host name could not be resolved';
		default:
			return 'a network error';
	}
}
