/**
 * Every stock level a reliability test set in myOGO, per SKU and in order, so a store's level can be
 * placed in that history: a store may lag behind myOGO, but stepping back to an older level since
 * the last look is a stale stock write.
 */
import type { AxiosInstance } from 'axios';

import { setStock } from '../../trigger/helpers';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

export class StockHistory {
	/** Steps back to an older level seen so far. */
	staleWrites = 0;

	private readonly levels: Map<string, number[]>;

	private readonly reached: Map<string, number>;

	private level = 10;

	/** Every SKU starts at `initial` (the level the store was seeded with). */
	constructor(
		codes: string[],
		private readonly sandboxControl: AxiosInstance,
		initial = 0,
	) {
		this.levels = new Map(codes.map((code) => [code, [initial]]));
		this.reached = new Map(codes.map((code) => [code, 0]));
	}

	/** Sets a new, higher level for each SKU in myOGO. */
	async change(codes: string[]): Promise<void> {
		const levels = codes.map((code) => [code, ++this.level] as [string, number]);
		for (const [code, value] of levels) this.levels.get(code)!.push(value);
		await setStock(this.sandboxControl, levels);
		await tick();
	}

	/** Places the store's current levels in the history; counts each step back since the last look. */
	look(storeLevels: Iterable<[code: string, level: unknown]>): void {
		for (const [code, level] of storeLevels) {
			const history = this.levels.get(code);
			if (!history) continue;
			const version = history.indexOf(Number(level));
			if (version < this.reached.get(code)!) this.staleWrites++;
			this.reached.set(code, version);
		}
	}
}
