/**
 * Waiting for a live flow's end state: real n8n's triggers fire on their own schedule, so a test
 * polls the fakes until the change has arrived, and reports n8n's recent log when it does not.
 */

/**
 * Polls `check` every second until it returns a value; returns it and how long it took. After
 * `limitMs` it fails naming `what`, with the tail of `log()` (n8n's output) to see why.
 */
export async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined>,
	limitMs: number,
	log: () => string | undefined,
): Promise<{ value: T; ms: number }> {
	const started = Date.now();
	for (;;) {
		const value = await check();
		if (value !== undefined) return { value, ms: Date.now() - started };
		if (Date.now() - started > limitMs)
			throw new Error(`${what}: not there after ${limitMs / 1000} s\n${log()?.slice(-2000)}`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}
