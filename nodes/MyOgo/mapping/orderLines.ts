/**
 * Collects the myOGO order lines of one store order: applies the "lines without
 * SKU" rule, records skipped lines, and merges lines that share a SKU.
 *
 * Why merge: a warehouse picks by product code, and stores split one SKU over
 * several lines (different line properties such as an engraving, a discount on
 * one unit, a bundle that contains a product also bought alone). One myOGO
 * line per SKU keeps the pick list unambiguous. The merged line's unit price is
 * the quantity-weighted average; its VAT percentage and URLs are the first line's.
 */
import { MappingError, messagePrefix } from './MappingError';
import type { MyOgoOrderLine, OrderMappingOptions, SkippedOrderLine } from './types';

export const NO_SKU = 'no SKU';

export interface CollectedLine {
	code: string;
	quantity: number;
	/** Whole line (all units), VAT included, in cents — may be fractional; rounded once per unit at the end. */
	totalCents?: number;
	vatPercentage?: number;
	productInfoUrl?: string;
	productPictureUrl?: string;
}

interface Slot {
	first: CollectedLine;
	quantity: number;
	totalCents: number | undefined;
	/** Store line numbers merged into this one. */
	lineNumbers: number[];
}

export class OrderLineCollector {
	readonly skipped: SkippedOrderLine[] = [];
	private readonly slots: Slot[] = [];
	private readonly slotByCode = new Map<string, Slot>();
	private itemCount = 0;

	constructor(
		private readonly orderLabel: string,
		private readonly linesWithoutSku: OrderMappingOptions['linesWithoutSku'],
	) {}

	add(lineNumber: number, collected: CollectedLine): void {
		this.itemCount++;
		const existing = this.slotByCode.get(collected.code);
		if (existing !== undefined) {
			existing.lineNumbers.push(lineNumber);
			existing.quantity += collected.quantity;
			existing.totalCents =
				existing.totalCents === undefined || collected.totalCents === undefined
					? (existing.totalCents ?? collected.totalCents)
					: existing.totalCents + collected.totalCents;
			return;
		}
		const slot: Slot = {
			first: collected,
			quantity: collected.quantity,
			totalCents: collected.totalCents,
			lineNumbers: [lineNumber],
		};
		this.slots.push(slot);
		this.slotByCode.set(collected.code, slot);
	}

	/** A line that is not shipped (gift card, digital, virtual…), reported in `skippedLines`. */
	skip(lineNumber: number, title: string, reason: string): void {
		this.itemCount++;
		this.skipped.push({ line: lineNumber, title, reason });
	}

	/** A shippable-looking line without a SKU: skipped and reported, or refused, per "Lines Without SKU". */
	missingSku(lineNumber: number, title: string): void {
		if (this.linesWithoutSku === 'error') {
			throw new MappingError(
				`${messagePrefix({ orderLabel: this.orderLabel, line: lineNumber })}: no SKU — give the product a SKU in the store, or set "Lines Without SKU" to "Skip and Report"`,
				{ field: 'orderLines.code', orderLabel: this.orderLabel, line: lineNumber },
			);
		}
		this.skip(lineNumber, title, NO_SKU);
	}

	/** The myOGO lines; throws when nothing is left to ship. `notes` receives the merges. */
	finish(notes: string[]): MyOgoOrderLine[] {
		if (this.slots.length === 0) throw this.nothingToShip();
		const lines: MyOgoOrderLine[] = new Array(this.slots.length);
		for (let i = 0; i < this.slots.length; i++) {
			const { first, quantity, totalCents, lineNumbers } = this.slots[i];
			const line: MyOgoOrderLine = { code: first.code, quantity };
			if (totalCents !== undefined) line.unitPrice = Math.round(totalCents / quantity) / 100;
			if (first.vatPercentage !== undefined) line.vatPercentage = first.vatPercentage;
			if (first.productInfoUrl !== undefined) line.productInfoUrl = first.productInfoUrl;
			if (first.productPictureUrl !== undefined) line.productPictureUrl = first.productPictureUrl;
			if (lineNumbers.length > 1) {
				notes.push(
					`SKU ${first.code} on lines ${listNumbers(lineNumbers)} merged (quantity ${quantity})`,
				);
			}
			lines[i] = line;
		}
		return lines;
	}

	private nothingToShip(): MappingError {
		const where = { field: 'orderLines', orderLabel: this.orderLabel };
		if (this.itemCount === 0) {
			return new MappingError(
				`Order ${this.orderLabel}: the order has no lines — nothing to ship`,
				where,
			);
		}
		if (this.skipped.every((skipped) => skipped.reason === NO_SKU)) {
			return new MappingError(
				`Order ${this.orderLabel}: no line has a SKU — nothing to ship`,
				where,
			);
		}
		const reasons = this.skipped.map((s) => `line ${s.line} "${s.title}": ${s.reason}`).join('; ');
		return new MappingError(
			`Order ${this.orderLabel}: no line needs shipping — nothing to ship (${reasons})`,
			where,
		);
	}
}

/** [2, 4, 5] → "2, 4 and 5". */
function listNumbers(numbers: number[]): string {
	if (numbers.length === 1) return String(numbers[0]);
	return `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;
}
