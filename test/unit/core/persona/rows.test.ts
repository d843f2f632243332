import { describe, expect, it } from 'vitest';
import { binOf, quintileBins } from '../../../../src/core/persona/bins.ts';
import { distinguishing, groupSizes, personaRows, type FeatureCount } from '../../../../src/core/persona/rows.ts';

/*
 * Groups A (55: x 30, y 20, unknown 5) and B (50: x 20, y 30). Known values: x 50 of 100 overall.
 * A·x: share 30/50 = 0.6, overall 0.5, lift 1.2; 2×2 (30, 20 | 20, 30): χ² = 100·500²/50⁴ = 4 → p = P(|Z| > 2)
 * = 0.04550026389635842. Unknown: A 5 of 55, overall 5 of 105; table (5, 50 | 0, 50): expected 50·5/105 < 5 → Fisher,
 * hypergeometric with N 105, row 55, column 5: P(5) = C(55,5)/C(105,5) = 3478761/96560646, P(0) = C(50,5)/C(105,5)
 * = 2118760/96560646; P(1) … P(4) are larger, so p = 5597521/96560646.
 */
const counts: FeatureCount[] = [
	{ group: 'A', feature: 'f', value: 'x', customers: 30 },
	{ group: 'A', feature: 'f', value: 'y', customers: 20 },
	{ group: 'A', feature: 'f', value: null, customers: 5 },
	{ group: 'B', feature: 'f', value: 'x', customers: 20 },
	{ group: 'B', feature: 'f', value: 'y', customers: 30 }
];
const FISHER = 5597521 / 96560646;
const CHI = 0.04550026389635842;

describe('persona rows', () => {
	it('share, share over the base, lift and the test of each group × value; unknowns on their own row', () => {
		const rows = personaRows(counts, { features: ['f'] });
		expect(rows.map((r) => [r.group, r.value, r.customers, r.test])).toEqual([
			['A', 'x', 30, 'chi2'],
			['A', 'y', 20, 'chi2'],
			['A', null, 5, 'fisher'],
			['B', 'x', 20, 'chi2'],
			['B', 'y', 30, 'chi2'],
			['B', null, 0, 'fisher']
		]);
		const ax = rows[0]!;
		expect(ax.share).toBeCloseTo(0.6, 12);
		expect(ax.share_overall).toBeCloseTo(0.5, 12);
		expect(ax.lift).toBeCloseTo(1.2, 12);
		expect(ax.p_value).toBeCloseTo(CHI, 12);
		const au = rows[2]!;
		expect(au.share).toBeCloseTo(5 / 55, 12);
		expect(au.share_overall).toBeCloseTo(5 / 105, 12);
		expect(au.lift).toBeCloseTo(5 / 55 / (5 / 105), 12);
		expect(au.p_value).toBeCloseTo(FISHER, 12);
		expect(rows[5]!.p_value).toBeCloseTo(FISHER, 12);
		// BH over the 6 rows: the Fisher pair at ranks 5–6 → FISHER·6/6; ranks 1–4: min(CHI·6/4 = 0.068, FISHER) = FISHER.
		for (const r of rows) expect(r.p_adjusted).toBeCloseTo(FISHER, 12);
	});

	it('orders groups and values as asked, unknown last; sizes per group; distinguishing needs lift > 1 and p_adjusted < α', () => {
		const rows = personaRows(counts, { groups: ['B', 'A'], features: ['f'], values: { f: ['y', 'x'] } });
		expect(rows.map((r) => `${r.group}${r.value ?? '?'}`)).toEqual(['By', 'Bx', 'B?', 'Ay', 'Ax', 'A?']);
		expect([...groupSizes(counts)]).toEqual([
			['A', 55],
			['B', 50]
		]);
		expect(distinguishing(rows, 'A')).toEqual([]);
		expect(distinguishing(rows, 'A', { alpha: 0.06 }).map((r) => r.value)).toEqual(['x']);
	});

	it('customers in no group count in the base only', () => {
		const rows = personaRows([...counts.filter((c) => c.value !== null), { group: null, feature: 'f', value: 'x', customers: 100 }], { features: ['f'] });
		expect(rows.map((r) => r.group)).toEqual(['A', 'A', 'B', 'B']);
		expect(rows[0]!.share_overall).toBeCloseTo(150 / 200, 12);
	});
});

describe('quintile bins', () => {
	it('[a, b) bins from the distinct rounded edges, the last closed', () => {
		const b = quintileBins([18, 25, 31, 40, 52.456, 80]);
		expect(b.labels).toEqual(['[18, 25)', '[25, 31)', '[31, 40)', '[40, 52.46)', '[52.46, 80]']);
		expect([18, 24.99, 25, 52.46, 80].map((v) => binOf(b, v))).toEqual([0, 0, 1, 4, 4]);
	});

	it('repeated edges collapse; one value is one closed bin; no value, no bins', () => {
		expect(quintileBins([1, 1, 1, 2, 3, 3]).labels).toEqual(['[1, 2)', '[2, 3]']);
		expect(quintileBins([4, 4, 4, 4, 4, 4]).labels).toEqual(['[4, 4]']);
		expect(quintileBins([null, null]).labels).toEqual([]);
	});
});
