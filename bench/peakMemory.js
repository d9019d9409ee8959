// Peak memory of this process while a piece of work runs: RSS and V8 heap used, sampled every 50 ms,
// plus the kernel's own peak RSS (VmHWM, Linux), which catches a peak that falls between two
// samples. Used by bench/sync.bench.ts (in the Jest process) and bench/leanResync.js (its own process).
const { readFileSync, writeFileSync } = require('node:fs');

const SAMPLE_EVERY_MS = 50;
const MB = 1024 * 1024;

/** The kernel's peak RSS of this process in bytes, or null where /proc is not Linux's. */
function kernelPeakRss() {
	try {
		const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
		return match ? Number(match[1]) * 1024 : null;
	} catch {
		return null;
	}
}

/** Starts the kernel's peak RSS afresh from the current RSS (Linux: `5` into clear_refs); false where it cannot. */
function resetKernelPeakRss() {
	try {
		writeFileSync('/proc/self/clear_refs', '5');
		return true;
	} catch {
		return false;
	}
}

/**
 * Runs `work` and returns its result with the memory before it started (`before`), the highest
 * sampled RSS and heap used, and the kernel's peak RSS over the run (null when it could not be reset).
 * @template T
 * @param {() => Promise<T>} work
 */
async function withPeakMemory(work) {
	const before = process.memoryUsage();
	const kernelPeakFromStart = resetKernelPeakRss();
	let peakRss = before.rss;
	let peakHeapUsed = before.heapUsed;
	let samples = 0;
	const sample = () => {
		const usage = process.memoryUsage();
		peakRss = Math.max(peakRss, usage.rss);
		peakHeapUsed = Math.max(peakHeapUsed, usage.heapUsed);
		samples++;
	};
	const timer = setInterval(sample, SAMPLE_EVERY_MS);
	try {
		const result = await work();
		sample();
		return {
			result,
			before: { rss: before.rss, heapUsed: before.heapUsed },
			peakRss,
			peakHeapUsed,
			kernelPeakRss: kernelPeakFromStart ? kernelPeakRss() : null,
			samples,
		};
	} finally {
		clearInterval(timer);
	}
}

/**
 * Bytes as whole megabytes (MiB), for the printed figures.
 * @param {number | null} bytes
 */
function megabytes(bytes) {
	return bytes === null ? null : Math.round(bytes / MB);
}

module.exports = { withPeakMemory, megabytes, SAMPLE_EVERY_MS };
