/**
 * rfmCustomersSql counts distinct orders (or days) by grouping each customer's lines by order
 * first. It must give what the plain definition gives — count(DISTINCT …) FILTER (amount > 0) per
 * customer — for every frequency, monetary and returns mode, on random lines with returns,
 * several lines per order, orders without an id and purchases after the as-of date.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rfmCustomersSql, type FrequencyMode, type MonetaryMode, type ReturnsMode } from '../../../../src/core/sql/rfm.ts';
import { dateLit, join, sql, type Sql } from '../../../../src/core/sql/sql.ts';
import { DEFAULT_RFM } from '../../../../src/core/rfm/defaults.ts';
import { useDb } from '../../../helpers/db.ts';

const db = useDb();

/** The definition, one aggregate per customer. */
function reference(o: { asOf: string; frequency: FrequencyMode; monetary: MonetaryMode; returns: ReturnsMode }): Sql {
	const asOf = dateLit(o.asOf);
	const freq =
		o.frequency === 'orders'
			? sql`count(DISTINCT order_id) FILTER (WHERE amount > 0)`
			: o.frequency === 'days'
				? sql`count(DISTINCT CAST(ts AS DATE)) FILTER (WHERE amount > 0)`
				: sql`count(*)`;
	const keep =
		o.returns === 'exclude' ? sql`AND amount >= 0` : o.returns === 'drop-cancelled' ? sql`AND (order_id IS NULL OR order_id NOT LIKE ${DEFAULT_RFM.cancelledPattern})` : sql``;
	const money = o.monetary === 'total' ? sql`round(sum(amount), 2)` : sql`coalesce(round(sum(amount) / nullif(${freq}, 0), 2), 0)`;
	const last = sql`coalesce(max(ts) FILTER (WHERE amount > 0), max(ts))`;
	return sql`SELECT customer_id, CAST(date_diff('day', CAST(${last} AS DATE), ${asOf}) AS INTEGER) AS recency_days,
		CAST(${freq} AS INTEGER) AS frequency, ${money} AS monetary, min(ts) AS first_ts, ${last} AS last_ts,
		CAST(count(*) AS INTEGER) AS lines, FALSE AS prospect
		FROM rc_tx WHERE CAST(ts AS DATE) <= ${asOf} ${keep} GROUP BY customer_id`;
}

const line = fc.record({
	customer: fc.integer({ min: 1, max: 6 }),
	order: fc.option(fc.integer({ min: 1, max: 12 }), { nil: null }),
	cancelled: fc.boolean(),
	day: fc.integer({ min: 0, max: 40 }),
	minute: fc.integer({ min: 0, max: 1439 }),
	cents: fc.integer({ min: -5000, max: 20000 })
});

describe('rfmCustomersSql equals the per-customer DISTINCT definition', () => {
	it('for every frequency, monetary and returns mode on random lines', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 60 }), async (lines) => {
				const values = lines.map(
					(l) =>
						sql`(${'c' + l.customer}, ${l.order === null ? null : (l.cancelled ? 'C' : '') + l.order}, TIMESTAMP '2024-01-01 00:00:00' + to_days(${l.day}) + to_minutes(${l.minute}), ${l.cents / 100})`
				);
				await db.exec(sql`CREATE OR REPLACE TABLE rc_tx (customer_id VARCHAR, order_id VARCHAR, ts TIMESTAMP, amount DOUBLE)`);
				await db.exec(sql`INSERT INTO rc_tx VALUES ${join(values)}`);
				for (const frequency of ['orders', 'days', 'rows'] as const)
					for (const monetary of ['total', 'average'] as const)
						for (const returns of ['net', 'exclude', 'drop-cancelled'] as const) {
							const opts = { asOf: '2024-02-01', frequency, monetary, returns };
							await db.exec(rfmCustomersSql({ tx: 'rc_tx', target: 'rc_got', ...opts }));
							const got = (await db.query(sql`SELECT * FROM rc_got ORDER BY customer_id`)).rows;
							const want = (await db.query(sql`SELECT * FROM (${reference(opts)}) ORDER BY customer_id`)).rows;
							// Sums taken in another order can differ in the last bit, which flips a value
							// lying exactly on a half cent (−13.83 ÷ 2): monetary agrees to the cent.
							const cents = (rows: typeof got) => rows.map((r) => ({ ...r, monetary: null }));
							expect({ opts, rows: cents(got) }).toEqual({ opts, rows: cents(want) });
							got.forEach((r, i) => expect(Math.abs(Number(r.monetary) - Number(want[i]!.monetary))).toBeLessThanOrEqual(0.01 + 1e-9));
						}
			}),
			{ numRuns: 40 }
		);
	});
});
