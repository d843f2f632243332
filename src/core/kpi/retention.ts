/**
 * Retention and churn from customer counts (the counts come from SQL, see core/sql/retention.ts).
 *
 * A customer is *active* on a day when they bought within the `lostDays` days before it; without a
 * purchase for `lostDays` days they count as *lost*. Over the period [start, end]:
 * - S = customers active at the start, E = customers active at the end, N = new customers (first
 *   purchase ever inside the period);
 * - retention = (E − N) / S (the training material's formula);
 * - churn = lost / S, where lost = customers active at the start who are not active at the end;
 * - repurchase rate = buyers in the period with at least two purchases / buyers in the period.
 * The formula's retention counts reactivated customers (back after being lost) as retained, so
 * retention + churn can exceed 1; `retainedShare` = |S ∩ E| / S is the strict complement of churn.
 */
export interface RetentionCounts {
	customersStart: number;
	customersEnd: number;
	newCustomers: number;
	/** Active at start and at end. */
	retained: number;
	/** Active at start, not at end. */
	lost: number;
	/** Active at end, not at start, not new: came back. */
	reactivated: number;
	/** Customers with at least one purchase in the period. */
	buyers: number;
	/** … of which with two or more purchases (orders, or days without order ids) in the period. */
	repeatBuyers: number;
}

export interface RetentionStat extends RetentionCounts {
	/** (E − N) / S; NaN when S = 0. */
	retention: number;
	/** lost / S. */
	churn: number;
	/** retained / S. */
	retainedShare: number;
	/** repeatBuyers / buyers. */
	repurchaseRate: number;
}

export function retentionFromCounts(c: RetentionCounts): RetentionStat {
	const counts: RetentionCounts = {
		customersStart: c.customersStart,
		customersEnd: c.customersEnd,
		newCustomers: c.newCustomers,
		retained: c.retained,
		lost: c.lost,
		reactivated: c.reactivated,
		buyers: c.buyers,
		repeatBuyers: c.repeatBuyers
	};
	for (const [k, v] of Object.entries(counts)) if (!Number.isInteger(v) || v < 0) throw new RangeError(`${k} must be a count, got ${v}`);
	const s = c.customersStart;
	return {
		...counts,
		retention: s ? (c.customersEnd - c.newCustomers) / s : NaN,
		churn: s ? c.lost / s : NaN,
		retainedShare: s ? c.retained / s : NaN,
		repurchaseRate: c.buyers ? c.repeatBuyers / c.buyers : NaN
	};
}
