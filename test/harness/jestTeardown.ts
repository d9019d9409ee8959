import { Container } from '@n8n/di';

/**
 * n8n-core keeps a few process-wide services (the SSH tunnel pool runs a cleanup interval). Real n8n
 * shuts them down on exit; each test file does the same so Jest can exit when the tests are done.
 */
afterAll(() => {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { SSHClientsManager } = require('n8n-core/dist/execution-engine/ssh-clients-manager');
	if (Container.has(SSHClientsManager))
		Container.get<{ onShutdown(): void }>(SSHClientsManager).onShutdown();
});
