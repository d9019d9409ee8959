/**
 * One real n8n instance per test file: a fresh user folder under `.data/e2e/` (`.data/compat/e2e/` on the
 * compat n8n), free ports (never 5678, so `npm start` can run alongside), our package installed as a
 * community package.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { installPackage, N8N_DATA_DIR, n8nEnvironment, packageProblems } from '../../tools/n8n';

export interface E2eInstance {
	env: Record<string, string>;
	folder: string;
	port: number;
}

export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address
					? resolve(address.port)
					: reject(new Error('no port')),
			);
		});
	});
}

/** A fresh n8n user folder with the package installed (dist must be built: `npm run test:e2e` builds). */
export async function createInstance(
	name: string,
	options: { extraCaCerts?: string } = {},
): Promise<E2eInstance> {
	const folder = join(N8N_DATA_DIR, 'e2e', name);
	rmSync(folder, { recursive: true, force: true });
	mkdirSync(folder, { recursive: true });
	installPackage(folder);
	const port = await freePort();
	let brokerPort = await freePort();
	while (brokerPort === port) brokerPort = await freePort();
	return {
		env: n8nEnvironment({
			userFolder: folder,
			port,
			brokerPort,
			extraCaCerts: options.extraCaCerts,
		}),
		folder,
		port,
	};
}

/** Fails with the offending lines when n8n's output shows a load error, an unknown type or a missing credential. */
export function expectNoPackageProblems(output: string): void {
	expect(packageProblems(output)).toEqual([]);
}
