/**
 * One forecast model fitted to one series and projected H periods:
 * - `ets`: regressors (yearly Fourier terms for day series with ≥ 2 years; holiday windows) removed by least
 *   squares, then Holt–Winters with the dominant period (7 / 52 / 12) on the rest;
 * - `mstl`: every seasonality as regressors (weekday + yearly Fourier for days, yearly Fourier for weeks,
 *   month of year for months; holidays), then non-seasonal exponential smoothing on the seasonally adjusted
 *   series — the shape of R's stlf, with a fixed rather than slowly changing seasonal pattern.
 * The trend (none, additive, damped) is chosen by AICc (or fixed by the config). With `log`, everything runs on log(y) and the
 * forecast is back-transformed (the median; intervals by their quantiles): multiplicative seasonality.
 * A seasonality with under two cycles of history is left out (the note says so); under 6 periods the
 * forecast is the mean with the residual spread.
 */
import { etsForecast, fitEts, type EtsFit, type Trend } from './ets.ts';
import { designFor, estimable, type Design, type Freq, type Regressor } from './design.ts';
import { normalFactor, solveNormal } from './regression.ts';
import type { HolidayRow } from './calendar.ts';

export type ModelKind = 'ets' | 'mstl';

export interface ModelConfig {
	kind: ModelKind;
	log: boolean;
	/** A fixed trend form (the backtest's refits use the one chosen on the whole history); default: by AICc. */
	trend?: Trend;
}

export interface Interval {
	mean: number[];
	lower80: number[];
	upper80: number[];
	lower95: number[];
	upper95: number[];
}

export interface ModelFit extends Interval {
	/** e.g. "ETS(A,Ad,A) m=7 + yearly + holidays, log". */
	label: string;
	/** Why a seasonality was left out, as message keys (forecast.note.*). */
	notes: string[];
	/** The regression components over history + horizon, on the model's scale, by group. */
	components: Record<string, number[]>;
	ets: EtsFit | null;
}

export const SEASON: Record<Freq, number> = { day: 7, week: 52, month: 12 };
const YEAR: Record<Freq, number> = { day: 365, week: 52, month: 12 };
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

/** The context a model needs beyond the values: the periods' first days (history + horizon) and the holidays. */
export interface SeriesContext {
	freq: Freq;
	dates: readonly string[];
	holidays: readonly HolidayRow[];
}

/** Per design (periods + holidays): the factor of XᵀX per model kind and fitted length (shared by every group, log or not, and backtest origin). */
const factors = new WeakMap<Design, Map<string, Float64Array>>();

function regressorsFor(kind: ModelKind, ctx: SeriesContext, n: number, notes: string[]): { regs: Regressor[]; m: number; design: Design } {
	const d = designFor(ctx.dates, ctx.freq, ctx.holidays);
	const yearly = n >= 2 * YEAR[ctx.freq];
	if (!yearly) notes.push('forecast.note.noYearly');
	const regs: Regressor[] = [];
	let m = 1;
	if (ctx.freq === 'day') {
		if (yearly) regs.push(...d.yearly);
		if (n >= 14) {
			if (kind === 'mstl') regs.push(...d.weekday);
			else m = 7;
		} else notes.push('forecast.note.noWeekly');
	} else if (ctx.freq === 'week') {
		if (yearly && kind === 'mstl') regs.push(...d.yearly);
		else if (yearly) m = 52;
	} else if (yearly) {
		if (kind === 'mstl') regs.push(...d.month);
		else m = 12;
	}
	regs.push(...d.holiday);
	return { regs: estimable(regs, n), m, design: d };
}

function bestEts(z: readonly number[], m: number, fixed: Trend | undefined): EtsFit {
	const trends: Trend[] = z.length < 10 ? ['none'] : fixed ? [fixed] : ['none', 'additive', 'damped'];
	let best: EtsFit | null = null;
	for (const t of trends) {
		const f = fitEts(z, m, t);
		if (!best || f.aicc < best.aicc) best = f;
	}
	return best as EtsFit;
}

/** Fits `config` to y (the first n periods of ctx.dates) and forecasts the h that follow. */
export function fitModel(y: readonly number[], ctx: SeriesContext, config: ModelConfig, h: number): ModelFit {
	const n = y.length;
	const notes: string[] = [];
	const log = config.log && y.every((v) => v > 0);
	const z = log ? y.map(Math.log) : y.slice();
	const tr = (v: number) => (log ? Math.exp(v) : v);
	if (n < 6) {
		const mu = z.reduce((s, v) => s + v, 0) / Math.max(n, 1);
		const sd = Math.sqrt(z.reduce((s, v) => s + (v - mu) ** 2, 0) / Math.max(n - 1, 1));
		const k = Math.sqrt(1 + 1 / Math.max(n, 1));
		const rep = (v: number) => new Array<number>(h).fill(tr(v));
		return { label: 'mean', notes: ['forecast.note.tooShort'], components: {}, ets: null, mean: rep(mu), lower80: rep(mu - Z80 * sd * k), upper80: rep(mu + Z80 * sd * k), lower95: rep(mu - Z95 * sd * k), upper95: rep(mu + Z95 * sd * k) };
	}
	const { regs, m, design } = regressorsFor(config.kind, ctx, n, notes);
	const components: Record<string, number[]> = {};
	const adjusted = z.slice();
	if (regs.length > 0) {
		// Intercept and a linear time term take the level and trend, so the seasonal terms do not.
		// The mostly-zero columns (weekday, month, holidays) first: leastSquares skips zeros, so dense columns
		// after them cost only their own triangle.
		const ordered = [...regs.filter((r) => r.group !== 'yearly'), ...regs.filter((r) => r.group === 'yearly')];
		const sparse = ordered.length - regs.filter((r) => r.group === 'yearly').length;
		const tcol = new Array<number>(n);
		for (let t = 0; t < n; t++) tcol[t] = t / n;
		const cols = ordered.map((r) => r.values);
		cols.splice(sparse, 0, new Array<number>(n).fill(1), tcol);
		const byDesign = factors.get(design) ?? new Map<string, Float64Array>();
		factors.set(design, byDesign);
		const key = `${config.kind}|${n}`;
		let factor = byDesign.get(key);
		if (!factor) byDesign.set(key, (factor = normalFactor(cols, n)));
		const beta = solveNormal(factor, cols, z);
		ordered.forEach((r, i) => {
			const comp = (components[r.group] ??= new Array<number>(n + h).fill(0));
			const b = beta[i < sparse ? i : i + 2]!;
			const v = r.values;
			// Zeros skipped (most of the weekday, month and holiday columns): adding b·0 changes nothing.
			for (let t = 0; t < n + h; t++) if (v[t] !== 0) comp[t]! += b * v[t]!;
		});
		for (const comp of Object.values(components)) for (let t = 0; t < n; t++) adjusted[t]! -= comp[t]!;
	}
	const ets = bestEts(adjusted, m, config.trend);
	const f = etsForecast(ets, h);
	const out: Interval = { mean: [], lower80: [], upper80: [], lower95: [], upper95: [] };
	for (let j = 0; j < h; j++) {
		let mu = f.mean[j]!;
		for (const comp of Object.values(components)) mu += comp[n + j]!;
		const sd = Math.sqrt(f.variance[j]!);
		out.mean.push(tr(mu));
		out.lower80.push(tr(mu - Z80 * sd));
		out.upper80.push(tr(mu + Z80 * sd));
		out.lower95.push(tr(mu - Z95 * sd));
		out.upper95.push(tr(mu + Z95 * sd));
	}
	const trendCode = ets.trend === 'none' ? 'N' : ets.trend === 'additive' ? 'A' : 'Ad';
	const groups = [...new Set(Object.keys(components).map((g) => g.split(':')[0]))];
	const label = `ETS(A,${trendCode},${m > 1 ? 'A' : 'N'})${m > 1 ? ` m=${m}` : ''}${groups.length ? ` + ${groups.join(' + ')}` : ''}${log ? ', log' : ''}`;
	return { label: `${config.kind}: ${label}`, notes, components, ets, ...out };
}

/** Seasonal naive (R's snaive): y_{t+h} = y_{t+h−m·(k+1)}; sd_h = σ·√(k+1), k = ⌊(h−1)/m⌋, σ² = mean squared in-sample seasonal difference. */
export function seasonalNaive(y: readonly number[], m0: number, h: number): Interval & { m: number } {
	const m = y.length > m0 ? m0 : 1;
	const n = y.length;
	let ss = 0;
	let cnt = 0;
	for (let t = m; t < n; t++) {
		ss += (y[t]! - y[t - m]!) ** 2;
		cnt++;
	}
	const sigma = Math.sqrt(ss / Math.max(cnt, 1));
	const out = { m, mean: [] as number[], lower80: [] as number[], upper80: [] as number[], lower95: [] as number[], upper95: [] as number[] };
	for (let j = 1; j <= h; j++) {
		const k = Math.floor((j - 1) / m);
		const v = y[n - m + ((j - 1) % m)]!;
		const sd = sigma * Math.sqrt(k + 1);
		out.mean.push(v);
		out.lower80.push(v - Z80 * sd);
		out.upper80.push(v + Z80 * sd);
		out.lower95.push(v - Z95 * sd);
		out.upper95.push(v + Z95 * sd);
	}
	return out;
}
