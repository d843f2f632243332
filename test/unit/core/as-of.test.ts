/**
 * The stray rule of the default as-of date (core/as-of.ts), with hand-computed expectations, and a
 * property test against a brute-force reading of the rule (every tail of days tried on its own).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultAsOf, strayCutoff, type DayCount } from '../../../src/core/as-of.ts';
import { addDays, daysBetween } from '../../../src/core/iso-days.ts';

const TODAY = '2026-12-05';
const day = (d: string, rows = 1): DayCount => ({ day: d, rows });

describe('defaultAsOf: the stray rule', () => {
	it('no rows: null; one day: the day after it', () => {
		expect(defaultAsOf([], TODAY)).toBeNull();
		expect(defaultAsOf([day('2024-03-01', 4)], TODAY)).toEqual({ asOf: '2024-03-02', firstDay: '2024-03-01', lastDay: '2024-03-01', strays: [], strayRows: 0 });
	});

	it('a date after today is always a stray, however many rows it has (30 rows in 2024, one in 2099)', () => {
		const days = [...Array.from({ length: 30 }, (_, i) => day(addDays('2024-01-01', i * 6))), day('2099-06-28')];
		const d = defaultAsOf(days, TODAY)!;
		// 1 row of 31 is 3 % (no small cluster), but 2099 is after today. Last kept: 2024-01-01 + 29·6 days.
		expect(d.lastDay).toBe('2024-06-23');
		expect(d.asOf).toBe('2024-06-24');
		expect(d.strays).toEqual([day('2099-06-28')]);
		expect(d.strayRows).toBe(1);
		expect(strayCutoff(d, TODAY)).toBe('2024-06-23');
	});

	it('today itself is not a stray; tomorrow is', () => {
		expect(defaultAsOf([day('2026-12-01', 50), day(TODAY)], TODAY)!.strays).toEqual([]);
		expect(defaultAsOf([day('2026-12-01', 50), day('2026-12-06')], TODAY)!.strays).toEqual([day('2026-12-06')]);
	});

	it('a small late cluster (< 0.1 % of rows) after a gap longer than the span is a stray', () => {
		// 2,000 rows over 2024-01-01 … 2024-01-10 (span 9 days); 1 row on 2024-01-25 (gap 15 > 9, 1 < 2.001).
		const main = Array.from({ length: 10 }, (_, i) => day(addDays('2024-01-01', i), 200));
		const d = defaultAsOf([...main, day('2024-01-25')], TODAY)!;
		expect(d.asOf).toBe('2024-01-11');
		expect(d.strays).toEqual([day('2024-01-25')]);
		// Three rows are ≥ 0.1 % of 2,003 (2.003): not small, kept.
		expect(defaultAsOf([...main, day('2024-01-25', 3)], TODAY)!.strays).toEqual([]);
		// A gap of 9 days is not longer than the span of 9 days: kept.
		expect(defaultAsOf([...main, day('2024-01-19')], TODAY)!.strays).toEqual([]);
	});

	it('a cluster of two late days is left out together; gaps over 90 days count within a long span', () => {
		// 60,000 rows over two years (span 730 days); 2 rows 297 and 314 days later (the sample's strays).
		const main = Array.from({ length: 731 }, (_, i) => day(addDays('2024-01-01', i), i < 730 ? 82 : 140));
		const total = 730 * 82 + 140 + 2;
		expect(total).toBeLessThan(61_000);
		const d = defaultAsOf([...main, day('2026-10-24'), day('2026-11-10')], TODAY)!;
		expect(d.lastDay).toBe('2025-12-31');
		expect(d.asOf).toBe('2026-01-01');
		expect(d.strays.map((s) => s.day)).toEqual(['2026-10-24', '2026-11-10']);
		// 80 days after the end is within both limits: kept.
		expect(defaultAsOf([...main, day('2026-03-21')], TODAY)!.strays).toEqual([]);
	});

	it('every row a stray: null (nothing to analyse as of a day)', () => {
		expect(defaultAsOf([day('2099-01-01', 3)], TODAY)).toBeNull();
	});

	it('matches a brute-force reading of the rule on random days (order of input irrelevant)', () => {
		fc.assert(
			fc.property(
				fc.array(fc.record({ offset: fc.integer({ min: 0, max: 6000 }), rows: fc.integer({ min: 1, max: 400 }) }), { minLength: 1, maxLength: 60 }),
				(raw) => {
					const byDay = new Map<string, number>();
					for (const r of raw) {
						const d = addDays('2015-01-01', r.offset);
						byDay.set(d, (byDay.get(d) ?? 0) + r.rows);
					}
					const days = [...byDay].map(([d, rows]) => day(d, rows));
					const got = defaultAsOf([...days].reverse(), '2026-12-05');
					const want = bruteForce(days, '2026-12-05');
					expect(got?.lastDay ?? null).toBe(want);
					if (got) expect(got.asOf).toBe(addDays(got.lastDay, 1));
				}
			),
			{ numRuns: 300 }
		);
	});
});

/** The last kept day by trying every split point: is the tail after it all strays? */
function bruteForce(days: DayCount[], today: string): string | null {
	const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
	const total = sorted.reduce((s, d) => s + d.rows, 0);
	const past = sorted.filter((d) => d.day <= today);
	let keep = past.length;
	for (let k = 1; k < past.length; k++) {
		const tailRows = past.slice(k).reduce((s, d) => s + d.rows, 0);
		const gap = daysBetween(past[k - 1]!.day, past[k]!.day);
		const span = daysBetween(past[0]!.day, past[k - 1]!.day);
		if (tailRows < 0.001 * total && (gap > span || gap > 90)) {
			keep = k;
			break;
		}
	}
	return keep === 0 ? null : past[keep - 1]!.day;
}
