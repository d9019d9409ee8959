/**
 * What the workers' own logs say they ran: n8n 2.8.4's job processor prints "Worker started execution
 * <id>" and "Worker finished execution <id>" for every job a worker takes from the queue.
 */
export interface WorkerRecord {
	started: Set<string>;
	finished: Set<string>;
}

export function workerRecord(log: string): WorkerRecord {
	const ids = (pattern: RegExp) => new Set([...log.matchAll(pattern)].map((m) => m[1]!));
	return {
		started: ids(/Worker started execution (\d+)/g),
		finished: ids(/Worker finished execution (\d+)/g),
	};
}

/** Executions a worker took and never finished: the runs a killed worker lost. */
export function unfinished(record: WorkerRecord): string[] {
	return [...record.started].filter((id) => !record.finished.has(id));
}
