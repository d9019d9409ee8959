import type { ReliabilityEnvironment } from './environment';

/** The sandbox's POSTs to `path` (lower case), once every call, a stalled one too, has been answered. */
export async function answeredPostsTo(
	env: Pick<ReliabilityEnvironment, 'sandboxLog'>,
	path: string,
) {
	for (;;) {
		const log = await env.sandboxLog();
		if (log.every((e) => e.status !== null))
			return log.filter((e) => e.method === 'POST' && e.path.toLowerCase() === path);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}
