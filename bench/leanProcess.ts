/**
 * Runs one of our nodes in a lean process of its own (bench/leanNodeRunner.js): n8n-core, n8n-workflow,
 * our compiled nodes from dist/ and the compiled harness, nothing of Jest. Its memory figures are what
 * the run costs an n8n engine, without the benchmark tool's own memory.
 */
import { fork } from 'node:child_process';
import path from 'node:path';

import type { NodeRun } from '../test/harness/runNode';

// Plain JavaScript, shared with the lean process.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { buildLeanHarness } = require('./leanHarness') as { buildLeanHarness(): string };

interface Memory {
	rss: number;
	heapUsed: number;
}

export interface LeanRun {
	/** The lean process with the engine loaded, before it received the input items. */
	idle: Memory;
	/** The packages it had loaded then (node_modules/<name>). */
	packages: string[];
	ms: number;
	/** What the node reported per item, counted ("updated 500, unchanged 49500"), or the run's error. */
	outcome: string;
	memory: {
		/** With the input items received, just before the run. */
		beforeRun: Memory;
		/** Highest RSS and heap used sampled every 50 ms during the run. */
		peakRss: number;
		peakHeapUsed: number;
		/** The kernel's peak RSS over the run (VmHWM), or null where it cannot be read. */
		kernelPeakRss: number | null;
		samples: number;
		/** After the run and a full collection, the run's result still held: what the run keeps live. */
		afterRunCollected: Memory;
	};
}

type NodeArguments = Pick<NodeRun, 'type' | 'parameters' | 'input' | 'credentials'>;

export async function runNodeInLeanProcess(node: NodeArguments): Promise<LeanRun> {
	const runNodeFile = buildLeanHarness();
	const child = fork(path.join(__dirname, 'leanNodeRunner.js'), [runNodeFile], {
		execArgv: ['--expose-gc'],
		stdio: 'inherit',
	});
	try {
		const next = () =>
			new Promise<Record<string, unknown>>((resolve, reject) => {
				const exited = (code: number | null) =>
					reject(new Error(`The lean process exited (${code}) before it answered`));
				child.once('exit', exited);
				child.once('message', (message) => {
					child.off('exit', exited);
					resolve(message as Record<string, unknown>);
				});
			});
		const ready = await next();
		const done = next();
		child.send({ type: 'run', node });
		const reply = await done;
		if (reply.error) throw new Error(`The lean process failed: ${String(reply.error)}`);
		return {
			...(reply as unknown as LeanRun),
			idle: ready.idle as Memory,
			packages: ready.packages as string[],
		};
	} finally {
		if (child.exitCode === null) child.kill();
	}
}
