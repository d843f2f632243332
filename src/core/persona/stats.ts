/**
 * The statistics of personas (客户画像), pure: the 2×2 test of a group against the rest of the base —
 * two-sided Pearson χ² without continuity correction, or Fisher's exact test when an expected count
 * is under 5 — and Benjamini–Hochberg adjusted p-values.
 */

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: relative error below 1e-15). */
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
	-0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];
export function lnGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
	const z = x - 1;
	let a = LANCZOS[0]!;
	const t = z + 7.5;
	for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularised upper incomplete gamma Q(a, x): series for x < a + 1, Lentz's continued fraction above. */
export function gammaQ(a: number, x: number): number {
	if (x <= 0) return 1;
	const lead = a * Math.log(x) - x - lnGamma(a);
	if (x < a + 1) {
		let term = 1 / a;
		let sum = term;
		for (let n = 1; n < 500; n++) {
			term *= x / (a + n);
			sum += term;
			if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
		}
		return 1 - sum * Math.exp(lead);
	}
	const tiny = 1e-300;
	let b = x + 1 - a;
	let c = 1 / tiny;
	let d = 1 / b;
	let h = d;
	for (let i = 1; i < 500; i++) {
		const an = -i * (i - a);
		b += 2;
		d = an * d + b;
		if (Math.abs(d) < tiny) d = tiny;
		c = b + an / c;
		if (Math.abs(c) < tiny) c = tiny;
		d = 1 / d;
		const del = d * c;
		h *= del;
		if (Math.abs(del - 1) < 1e-16) break;
	}
	return Math.exp(lead) * h;
}

/** The complementary error function: erfc(x) = Q(½, x²) for x ≥ 0, 2 − erfc(−x) below. */
export function erfc(x: number): number {
	if (Number.isNaN(x)) return NaN;
	if (x < 0) return 2 - erfc(-x);
	return gammaQ(0.5, x * x);
}

/** P(χ² with 1 degree of freedom ≥ x) = erfc(√(x/2)). */
export function chi2SurvivalDf1(x: number): number {
	return x <= 0 ? 1 : erfc(Math.sqrt(x / 2));
}

/** A 2×2 table: a = group with the value, b = group without, c = rest with, d = rest without. */
export interface Table2x2 {
	a: number;
	b: number;
	c: number;
	d: number;
}

export interface TestResult {
	p: number;
	test: 'chi2' | 'fisher';
	/** The χ² statistic (null for Fisher). */
	statistic: number | null;
}

/** The four expected counts under independence. */
export function expectedCounts(t: Table2x2): number[] {
	const n = t.a + t.b + t.c + t.d;
	if (n === 0) return [0, 0, 0, 0];
	const r1 = t.a + t.b;
	const r2 = t.c + t.d;
	const c1 = t.a + t.c;
	const c2 = t.b + t.d;
	return [(r1 * c1) / n, (r1 * c2) / n, (r2 * c1) / n, (r2 * c2) / n];
}

/** Pearson's χ² without continuity correction: N (ad − bc)² / (r1 r2 c1 c2); 0 when a margin is 0. */
export function chi2Statistic(t: Table2x2): number {
	const n = t.a + t.b + t.c + t.d;
	const den = (t.a + t.b) * (t.c + t.d) * (t.a + t.c) * (t.b + t.d);
	if (den === 0) return 0;
	const diff = t.a * t.d - t.b * t.c;
	return (n * diff * diff) / den;
}

const lnChoose = (n: number, k: number): number => lnGamma(n + 1) - lnGamma(k + 1) - lnGamma(n - k + 1);

/**
 * Fisher's exact test, two-sided: the sum of the hypergeometric probabilities (margins fixed) of
 * every table no more probable than the observed one (relative tolerance 1e-7, as R's fisher.test).
 */
export function fisherExact(t: Table2x2): number {
	const r1 = t.a + t.b;
	const c1 = t.a + t.c;
	const n = t.a + t.b + t.c + t.d;
	const lo = Math.max(0, r1 + c1 - n);
	const hi = Math.min(r1, c1);
	const base = lnChoose(n, c1);
	const lp = (x: number) => lnChoose(r1, x) + lnChoose(n - r1, c1 - x) - base;
	const observed = lp(t.a);
	let p = 0;
	for (let x = lo; x <= hi; x++) {
		const l = lp(x);
		if (l <= observed + 1e-7) p += Math.exp(l);
	}
	return Math.min(1, p);
}

/** χ² when every expected count is at least 5, else Fisher's exact test. */
export function test2x2(t: Table2x2): TestResult {
	if (expectedCounts(t).some((e) => e < 5)) return { p: fisherExact(t), test: 'fisher', statistic: null };
	const x = chi2Statistic(t);
	return { p: chi2SurvivalDf1(x), test: 'chi2', statistic: x };
}

/** Benjamini–Hochberg adjusted p-values, in the input's order: min over j ≥ rank of p₍j₎·m/j, at most 1. */
export function benjaminiHochberg(ps: readonly number[]): number[] {
	const m = ps.length;
	const order = ps.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p || x.i - y.i);
	const out = new Array<number>(m);
	let running = 1;
	for (let k = m - 1; k >= 0; k--) {
		const { p, i } = order[k]!;
		running = Math.min(running, (p * m) / (k + 1));
		out[i] = Math.min(1, running);
	}
	return out;
}
