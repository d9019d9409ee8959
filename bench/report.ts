/**
 * The benchmark table of issue 9: rows, the printed table, and bench/results.json (which every
 * benchmark file updates with its own rows, keeping the other files' rows).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import type { IDataObject } from 'n8n-workflow';

export const LATENCY_MS = 50;

export interface Row {
	case: string;
	ourCalls: number | string;
	minimumCalls: number | string;
	naiveCalls: number | string;
	ourTimeMs: number | null;
	naiveTimeMs: number | null;
	/** Set when the naive time was measured on a subset and scaled: how. */
	naiveNote?: string;
	extra: IDataObject;
}

export async function timed<T>(work: () => Promise<T>) {
	const start = process.hrtime.bigint();
	const result = await work();
	return { result, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** `timed`, plus the CPU time this process spent (user + system) and the machine's 1-minute load average at the end. */
export async function timedWithCpu<T>(work: () => Promise<T>) {
	const cpuBefore = process.cpuUsage();
	const run = await timed(work);
	const cpu = process.cpuUsage(cpuBefore);
	return { ...run, cpuMs: (cpu.user + cpu.system) / 1000, loadAverage: +loadavg()[0]!.toFixed(2) };
}

/** "GET 200: 9, PUT 200: 4" from request log entries. */
export function countBy(entries: Array<{ method: string; status: number | null }>): string {
	const counts = new Map<string, number>();
	for (const entry of entries) {
		const key = `${entry.method} ${entry.status}`;
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts.entries()].map(([key, n]) => `${key}: ${n}`).join(', ');
}

function seconds(ms: number | null): string {
	return ms === null ? '—' : `${(ms / 1000).toFixed(1)} s`;
}

/** Prints the rows as the issue's table, with their details, and stores them under `suite`. */
export function printTable(
	suite: string,
	title: string,
	rows: Row[],
	trailingLines: string[] = [],
) {
	const lines: string[] = [
		'',
		`${title}, ${LATENCY_MS} ms latency per API call (fakes in their own process)`,
		'',
	];
	lines.push('| case | our calls | minimum calls | naive calls | our time | naive time | ratio |');
	lines.push('|---|---|---|---|---|---|---|');
	for (const row of rows) {
		const ratio =
			row.ourTimeMs && row.naiveTimeMs
				? `${(row.naiveTimeMs / row.ourTimeMs).toFixed(1)}× faster`
				: '—';
		const naiveTime =
			row.naiveTimeMs === null
				? '—'
				: `${seconds(row.naiveTimeMs)}${row.naiveNote ? ` (extrapolated)` : ''}`;
		lines.push(
			`| ${row.case} | ${row.ourCalls} | ${row.minimumCalls} | ${row.naiveCalls} | ${seconds(row.ourTimeMs)} | ${naiveTime} | ${ratio} |`,
		);
	}
	lines.push(...trailingLines, '', 'Details:');
	for (const row of rows) {
		lines.push(
			`- ${row.case}: ${JSON.stringify(row.extra)}${row.naiveNote ? `; naive ${row.naiveNote}` : ''}`,
		);
	}
	lines.push('');
	process.stdout.write(`${lines.join('\n')}\n`);
	saveRows(suite, rows);
}

const RESULTS = path.join(__dirname, 'results.json');

function saveRows(suite: string, rows: Row[]) {
	const previous = existsSync(RESULTS)
		? (JSON.parse(readFileSync(RESULTS, 'utf8')) as { rows?: Array<Row & { suite?: string }> })
		: {};
	// Rows written before results were split by suite belong to the sync suite.
	const kept = (previous.rows ?? []).filter((row) => (row.suite ?? 'sync') !== suite);
	const all = [...kept, ...rows.map((row) => ({ suite, ...row }))];
	writeFileSync(RESULTS, `${JSON.stringify({ latencyMs: LATENCY_MS, rows: all }, null, '\t')}\n`);
}
