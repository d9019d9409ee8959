/**
 * Starting the several services a live test talks to (sandboxes, store fakes) so that a failed start
 * leaves none of them listening: Jest would never exit.
 */

export interface Closable {
	close(): Promise<void>;
}

/**
 * Runs `start`, which hands every service it starts to `keep`; answers what `start` answers with a
 * `close()` that stops them all, last started first. When `start` fails, the services started so
 * far are closed before the error goes on.
 */
export async function startTogether<T extends object>(
	start: (keep: <S extends Closable>(service: S) => S) => Promise<T>,
): Promise<T & Closable> {
	const started: Closable[] = [];
	const close = async () => {
		for (const service of started.reverse()) await service.close();
	};
	const keep = <S extends Closable>(service: S) => {
		started.push(service);
		return service;
	};
	try {
		return { ...(await start(keep)), close };
	} catch (error) {
		await close();
		throw error;
	}
}
