/**
 * The deliberate data-quality flaws of transactions.csv. They are planted on single-line orders that
 * were never returned, of customers with at least 3 orders, so no customer disappears and every return
 * still points at a clean original.
 */

import { formatCents, type Row } from './csv.ts';
import type { Rng } from './rng.ts';
import type { Entry, Order } from './transactions.ts';

export type TransactionFlaws = {
	/** Rows written twice, one right after the other. */
	duplicates: Row[];
	/** Order ids whose customer id was blanked. */
	emptyCustomer: string[];
	/** Order ids whose paid amount was made absurd (quantity and unit price left as they were). */
	outliers: string[];
	/** Order ids whose time was moved from 2025 to 2026 (a year typo). */
	futureDates: string[];
	/** Order ids whose time reads '待确认' instead of a timestamp. */
	unparseableDates: string[];
};

export const FLAW_COUNTS = {
	duplicates: 20,
	emptyCustomer: 15,
	outliers: 3,
	futureDates: 2,
	unparseableDates: 5
};

/** Mutates the chosen rows in place; returns the list with the duplicate rows inserted. */
export function plantFlaws(
	rng: Rng,
	entries: Entry[],
	orders: readonly Order[]
): { flaws: TransactionFlaws; entries: Entry[] } {
	const byId = new Map(orders.map((o) => [o.id, o]));
	const candidates: number[] = [];
	entries.forEach((e, i) => {
		const o = byId.get(e.orderId);
		if (o && o.lines.length === 1 && !o.returned && o.customer.purchaseDays.length >= 3)
			candidates.push(i);
	});
	const pool = rng.shuffled(candidates);
	const used = new Set<number>();
	const take = (n: number, ok: (e: Entry) => boolean = () => true): Entry[] => {
		const out: Entry[] = [];
		for (const i of pool) {
			if (out.length === n) break;
			const e = entries[i];
			if (!e || used.has(i) || !ok(e)) continue;
			used.add(i);
			out.push(e);
		}
		return out;
	};
	const flaws: TransactionFlaws = {
		duplicates: [],
		emptyCustomer: [],
		outliers: [],
		futureDates: [],
		unparseableDates: []
	};
	for (const e of take(FLAW_COUNTS.futureDates, (x) => (x.row[2] ?? '').startsWith('2025-'))) {
		e.row[2] = '2026' + (e.row[2] ?? '').slice(4);
		flaws.futureDates.push(e.orderId);
	}
	for (const e of take(FLAW_COUNTS.unparseableDates)) {
		e.row[2] = '待确认';
		flaws.unparseableDates.push(e.orderId);
	}
	take(FLAW_COUNTS.outliers, (x) => Number(x.row[6]) >= 50).forEach((e, k) => {
		const cents = Math.round(Number(e.row[6]) * 100);
		// A decimal slip (x1000), a misplaced separator (x100) and a placeholder value.
		e.row[6] = formatCents(k === 0 ? cents * 1000 : k === 1 ? cents * 100 : 99_999_999);
		flaws.outliers.push(e.orderId);
	});
	for (const e of take(FLAW_COUNTS.emptyCustomer)) {
		e.row[1] = '';
		flaws.emptyCustomer.push(e.orderId);
	}
	const dups = new Set(take(FLAW_COUNTS.duplicates));
	const out: Entry[] = [];
	for (const e of entries) {
		out.push(e);
		if (!dups.has(e)) continue;
		out.push({ ...e, row: e.row.slice() });
		flaws.duplicates.push(e.row.slice());
	}
	for (const ids of [
		flaws.emptyCustomer,
		flaws.outliers,
		flaws.futureDates,
		flaws.unparseableDates
	])
		ids.sort();
	return { flaws, entries: out };
}
