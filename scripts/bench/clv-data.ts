/**
 * Seeded per-customer CLV summaries for the fit benchmark, drawn from the models themselves:
 * BG/NBD (λ ~ Gamma(r, α) per week, dropout p ~ Beta(a, b) after each repeat purchase) with
 * CDNOW-like parameters, Gamma-Gamma spend (p, q, γ), births spread over the first 40 weeks.
 * Purchases are whole days, summarised as the page's SQL does: x = distinct purchase days − 1,
 * t_x and T in weeks; calibration 52 weeks, hold-out 26 weeks; scoring = everyone at the end.
 */
import { rng } from './generate.ts';

export const CLV_TRUTH = {
	bgnbd: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
	gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 }
};
const BIRTH_WEEKS = 40;
const CAL_DAYS = 52 * 7;
const END_DAYS = 78 * 7;
/** Day number (days since 1970-01-01) of the first day: 2023-01-02. */
const DAY0 = 19359;

/** Plain number arrays (JSON for page.evaluate), in the worker's ClvFitInput shape. */
export interface ClvBenchColumns {
	x: number[];
	tx: number[];
	T: number[];
	zbar: number[];
	holdout: number[];
}

export interface ClvBenchInput {
	calibration: ClvBenchColumns;
	scoring: ClvBenchColumns;
	unit: 'week';
	holdoutLength: number;
	horizonMonths: number;
	monthlyDiscountRate: number;
	tracking: {
		startDay: number;
		weeks: number;
		births: { firstDay: number; n: number }[];
		repeatsByWeek: { week: number; repeats: number }[];
	};
}

function sampler(seed: number) {
	const u = rng(seed);
	const normal = () => {
		const a = Math.max(u(), 1e-12);
		return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * u());
	};
	/** Gamma(shape, scale 1): Marsaglia–Tsang, with the shape < 1 boost. */
	const gamma1 = (shape: number): number => {
		if (shape < 1) return gamma1(shape + 1) * Math.pow(Math.max(u(), 1e-12), 1 / shape);
		const d = shape - 1 / 3;
		const c = 1 / Math.sqrt(9 * d);
		for (;;) {
			const z = normal();
			const v = (1 + c * z) ** 3;
			if (v <= 0) continue;
			const w = u();
			if (Math.log(Math.max(w, 1e-300)) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
		}
	};
	const gamma = (shape: number, rate: number) => gamma1(shape) / rate;
	const beta = (a: number, b: number) => {
		const x = gamma1(a);
		return x / (x + gamma1(b));
	};
	const exp = (rate: number) => -Math.log(Math.max(u(), 1e-300)) / rate;
	return { u, gamma, beta, exp };
}

function summary(days: number[], spends: number[], end: number, holdout: number) {
	const first = days[0]!;
	const last = days[days.length - 1]!;
	const x = days.length - 1;
	const zbar = x > 0 ? spends.slice(1).reduce((a, b) => a + b, 0) / x : 0;
	return { x, tx: (last - first) / 7, T: (end - first) / 7, zbar, holdout };
}

/** n customers; the same seed gives the same data. */
export function clvBenchInput(n: number, seed = 20260101): ClvBenchInput {
	const s = sampler(seed ^ n);
	const { r, alpha, a, b } = CLV_TRUTH.bgnbd;
	const g = CLV_TRUTH.gammaGamma;
	const cols = (): ClvBenchColumns => ({ x: [], tx: [], T: [], zbar: [], holdout: [] });
	const calibration = cols();
	const scoring = cols();
	const births = new Map<number, number>();
	/** Repeat purchases per day number. */
	const repeats = new Map<number, number>();
	for (let i = 0; i < n; i++) {
		const lambda = s.gamma(r, alpha) / 7; // per day
		const p = s.beta(a, b);
		const nu = s.gamma(g.q, g.gamma);
		const birth = Math.floor(s.u() * BIRTH_WEEKS * 7);
		// Purchase days (distinct, whole days) and the spend of each.
		const days = [birth];
		const spends = [s.gamma(g.p, nu)];
		let t = birth;
		for (;;) {
			t += s.exp(lambda);
			if (t >= END_DAYS) break;
			const day = Math.floor(t);
			if (day !== days[days.length - 1]) {
				days.push(day);
				spends.push(s.gamma(g.p, nu));
			}
			if (s.u() < p) break;
		}
		const cal = days.filter((d) => d < CAL_DAYS);
		const c = summary(cal, spends.slice(0, cal.length), CAL_DAYS, days.length - cal.length);
		const e = summary(days, spends, END_DAYS, 0);
		for (const [k, v] of Object.entries(c)) calibration[k as keyof ClvBenchColumns].push(v);
		for (const [k, v] of Object.entries(e)) scoring[k as keyof ClvBenchColumns].push(v);
		births.set(DAY0 + birth, (births.get(DAY0 + birth) ?? 0) + 1);
		for (const d of days.slice(1)) {
			repeats.set(DAY0 + d, (repeats.get(DAY0 + d) ?? 0) + 1);
		}
	}
	const birthList = [...births].sort((x, y) => x[0] - y[0]);
	const startDay = birthList[0]?.[0] ?? DAY0;
	const byWeek = new Map<number, number>();
	for (const [day, k] of repeats) {
		const w = Math.floor((day - startDay) / 7);
		byWeek.set(w, (byWeek.get(w) ?? 0) + k);
	}
	return {
		calibration,
		scoring,
		unit: 'week',
		holdoutLength: (END_DAYS - CAL_DAYS) / 7,
		horizonMonths: 12,
		monthlyDiscountRate: 0.01,
		tracking: {
			startDay,
			weeks: Math.ceil((DAY0 + END_DAYS - startDay) / 7),
			births: birthList.map(([firstDay, k]) => ({ firstDay, n: k })),
			repeatsByWeek: [...byWeek].sort((x, y) => x[0] - y[0]).map(([week, k]) => ({ week, repeats: k }))
		}
	};
}
