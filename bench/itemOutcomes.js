// "updated 500, unchanged 49500": what the myOGO node reported per item (its `result` field, or
// `error`), counted. Shared by bench/sync.bench.ts and bench/leanResync.js.

/** @param {Array<{ json: Record<string, unknown> }>} items */
function itemOutcomes(items) {
	const counts = new Map();
	for (const item of items) {
		const key = String(item.json.result ?? (item.json.error ? 'error' : '?'));
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts.entries()].map(([key, n]) => `${key} ${n}`).join(', ');
}

module.exports = { itemOutcomes };
