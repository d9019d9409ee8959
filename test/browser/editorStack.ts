/**
 * The editor under test: the stack `npm start` runs. Reused when something already answers on the
 * editor URL (a developer's running `npm start`); otherwise `npm start`'s script (tools/start.js) is
 * started here as a child process, exactly as a developer runs it, and stopped with SIGTERM (its own
 * clean shutdown of n8n, the fakes and the sandbox) at the end.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { selectedN8n } = require('../../tools/n8n/pinned') as {
	selectedN8n: () => { name: string; dataDir: string; startPort: number };
};

/** The pinned n8n MYOGO_N8N chooses (tools/n8n/pinned.js): 2.8 by default, 2.40 for the compat tier. */
export const PINNED_N8N = selectedN8n();
/** Where `npm start` serves it (5678 for 2.8, 5778 for 2.40). */
export const EDITOR_URL =
	process.env.MYOGO_EDITOR_URL ?? `http://127.0.0.1:${PINNED_N8N.startPort}`;
const START_SCRIPT = path.resolve(__dirname, '..', '..', 'tools', 'start.js');
/** Build, fakes, package install, imports and n8n's start take a minute or two on 2 shared cores. */
const START_TIMEOUT_MS = 8 * 60 * 1000;

export interface EditorStack {
	url: string;
	/** true when this test started the stack (and stops it) */
	startedHere: boolean;
	stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
	try {
		const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
		return response.ok;
	} catch {
		return false;
	}
}

export async function editorStack(): Promise<EditorStack> {
	if (await answers(EDITOR_URL))
		return { url: EDITOR_URL, startedHere: false, stop: async () => undefined };

	const child = spawn(process.execPath, [START_SCRIPT], { stdio: ['ignore', 'pipe', 'pipe'] });
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	let output = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
	const stop = async (): Promise<void> => {
		if (child.exitCode !== null) return;
		child.kill('SIGTERM');
		await exited;
	};

	// tools/start.js prints the editor URL, then "Stop with Ctrl-C." once everything is up.
	const ready = new Promise<string>((resolve, reject) => {
		const timer = setTimeout(
			() =>
				reject(
					new Error(
						`npm start was not ready within ${START_TIMEOUT_MS / 60000} min:\n${output.slice(-3000)}`,
					),
				),
			START_TIMEOUT_MS,
		);
		child.stdout.on('data', () => {
			const url = /n8n editor:\s+(http:\/\/\S+)/.exec(output)?.[1];
			if (url && output.includes('Stop with Ctrl-C.')) {
				clearTimeout(timer);
				resolve(url);
			}
		});
		void exited.then((code) => {
			clearTimeout(timer);
			reject(
				new Error(`npm start exited (code ${code}) before it was ready:\n${output.slice(-3000)}`),
			);
		});
	});
	try {
		return { url: await ready, startedHere: true, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
