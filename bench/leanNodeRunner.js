// Runs one of our nodes once, in a process of its own that holds only what n8n's engine needs: n8n-core,
// n8n-workflow, our compiled nodes from dist/ and the harness compiled by bench/leanHarness.js (its
// path is argv[2]). No Jest, ts-jest, TypeScript or n8n-nodes-base, so its memory is the engine's and
// the run's. Started by bench/leanProcess.ts with child_process.fork and --expose-gc.
//
// Messages: it sends { type: 'ready', idle, packages } once the engine is loaded; the parent answers
// { type: 'run', node } (runNode's arguments: type, parameters, input, credentials); it sends
// { type: 'done', ms, outcome, memory } (or { type: 'done', error } if it crashed) and exits.
const { itemOutcomes } = require('./itemOutcomes');
const { withPeakMemory } = require('./peakMemory');

const { runNode } = require(process.argv[2]);

/** Full collections, then a pause, so the idle and before-run figures are not last phase's garbage. */
async function settle() {
	for (let i = 0; i < 3; i++) global.gc?.();
	await new Promise((resolve) => setTimeout(resolve, 200));
	global.gc?.();
}

/** The packages this process loaded (node_modules/<name>), to show what the figure covers. */
function loadedPackages() {
	const names = new Set();
	for (const file of Object.keys(require.cache)) {
		const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
		if (match) names.add(match[1]);
	}
	return [...names].sort();
}

function memory(usage) {
	return { rss: usage.rss, heapUsed: usage.heapUsed };
}

async function run(node) {
	await settle();
	const start = process.hrtime.bigint();
	const measured = await withPeakMemory(() => runNode(node));
	const ms = Number(process.hrtime.bigint() - start) / 1e6;
	const { error, items } = measured.result;
	// What the run's result still holds once the garbage is collected (the items and run data n8n keeps).
	await settle();
	const retained = memory(process.memoryUsage());
	return {
		type: 'done',
		ms,
		outcome: error ? `error: ${error.message}` : itemOutcomes(items),
		memory: {
			beforeRun: measured.before,
			peakRss: measured.peakRss,
			peakHeapUsed: measured.peakHeapUsed,
			kernelPeakRss: measured.kernelPeakRss,
			samples: measured.samples,
			afterRunCollected: retained,
		},
	};
}

async function main() {
	await settle();
	process.send({ type: 'ready', idle: memory(process.memoryUsage()), packages: loadedPackages() });
	process.once('message', async (message) => {
		let reply;
		try {
			reply = await run(message.node);
		} catch (error) {
			reply = { type: 'done', error: String(error?.stack ?? error) };
		}
		process.send(reply, () => process.exit(0));
	});
}

main();
