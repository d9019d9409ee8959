// The myOGO sandbox in its own process, so the benchmark's memory and CPU figures are the n8n side's only.
// Started by bench/*.bench.ts with child_process.fork; sends { url } once listening.
const { startSandbox } = require('../sandbox');

startSandbox({ port: 0, host: '127.0.0.1' }).then((sandbox) => {
	process.send({ url: sandbox.url });
	process.on('message', async (message) => {
		if (message === 'close') {
			await sandbox.close();
			process.exit(0);
		}
	});
	process.on('disconnect', () => process.exit(0));
});
