/**
 * Which runs of a live workflow ended an item on a given node: read from n8n's stored executions,
 * as a person checks in the editor's Executions list. A finished run does not change, so each
 * node output is read once.
 */
import { executionOutput, listExecutions } from '../../tools/n8n';

export class RunOutputs {
	/** A node's output in one run, as JSON text, by `runId/node`. */
	private readonly read = new Map<string, string>();

	constructor(
		private readonly url: string,
		private readonly cookie: string,
	) {}

	/** The successful runs of workflow `workflowId` in which node `nodeName` put out an item naming `value` (as a whole JSON string). */
	async runsNaming(workflowId: string, nodeName: string, value: string): Promise<string[]> {
		const runs = (await listExecutions(this.url, this.cookie)).filter(
			(e) => e.workflowId === workflowId && e.status === 'success',
		);
		const hits: string[] = [];
		for (const run of runs) {
			const key = `${run.id}/${nodeName}`;
			if (!this.read.has(key))
				this.read.set(
					key,
					JSON.stringify(await executionOutput(this.url, this.cookie, run.id, nodeName)),
				);
			if (this.read.get(key)!.includes(JSON.stringify(value))) hits.push(run.id);
		}
		return hits;
	}
}
