/**
 * Additive exponential smoothing (Holt–Winters, ETS(A,N|A|Ad,N|A) in Hyndman's notation), error-correction form:
 *   ŷ_t = l + φ·b + s_{t−m};  e = y − ŷ;  l ← l + φ·b + α·e;  b ← φ·b + β·e;  s_t = s_{t−m} + γ·e.
 * α, β, γ, φ minimise the in-sample sum of squared one-step errors (Nelder–Mead over logistic-mapped
 * parameters, so 0 < β < α, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98); the initial states come from the first cycles
 * (a classical-decomposition start, as R's ets does before it refines them). Prediction intervals are the
 * analytic ones of the ETS(A,*,A) class: Var(h) = σ²·(1 + Σ_{j<h} c_j²), c_j = α + β·φ_j + γ·[j mod m = 0],
 * φ_j = φ + … + φ^j. Multiplicative series are fitted on the log scale by the caller (model.ts).
 */
import { nelderMead } from './nelder-mead.ts';

export type Trend = 'none' | 'additive' | 'damped';

export interface EtsFit {
	trend: Trend;
	m: number;
	alpha: number;
	beta: number;
	gamma: number;
	phi: number;
	sse: number;
	sigma2: number;
	aicc: number;
	/** The final states: level, trend, and the last m seasonal values (oldest first). */
	level: number;
	slope: number;
	season: number[];
	fitted: number[];
}

const logistic = (u: number) => 1 / (1 + Math.exp(-u));

interface Params {
	alpha: number;
	beta: number;
	gamma: number;
	phi: number;
}

function mapParams(u: readonly number[], trend: Trend, seasonal: boolean): Params {
	const alpha = 0.0001 + 0.9998 * logistic(u[0]!);
	let k = 1;
	const beta = trend === 'none' ? 0 : alpha * logistic(u[k++]!) * 0.999;
	const gamma = seasonal ? (1 - alpha) * logistic(u[k++]!) * 0.999 : 0;
	const phi = trend === 'damped' ? 0.8 + 0.18 * logistic(u[k]!) : trend === 'additive' ? 1 : 0;
	return { alpha, beta, gamma, phi };
}

interface Start {
	level: number;
	slope: number;
	season: number[];
}

const mean = (a: readonly number[]) => a.reduce((s, v) => s + v, 0) / Math.max(a.length, 1);

/** The starting states: seasonal indices from up to 4 first cycles, level the first cycle's mean, slope between the first two cycles' means. */
function initialStates(y: readonly number[], m: number, trend: Trend): Start {
	const cycle = Math.max(m, 1);
	const cycles = Math.min(Math.floor(y.length / cycle), 4);
	const season = new Array<number>(m).fill(0);
	if (m > 1 && cycles >= 1) {
		for (let c = 0; c < cycles; c++) {
			const part = y.slice(c * m, (c + 1) * m);
			const mu = mean(part);
			for (let i = 0; i < m; i++) season[i]! += (part[i]! - mu) / cycles;
		}
	}
	const head = m > 1 ? y.slice(0, m) : y.slice(0, Math.min(y.length, 5));
	let slope = 0;
	if (trend !== 'none') {
		if (m > 1 && y.length >= 2 * m) slope = (mean(y.slice(m, 2 * m)) - mean(head)) / m;
		else if (y.length >= 2) slope = (y[Math.min(y.length, 10) - 1]! - y[0]!) / (Math.min(y.length, 10) - 1);
	}
	// The level at time 0 − 1: the first cycle's mean, moved back to before its middle.
	const level = mean(head) - slope * ((head.length - 1) / 2 + 1);
	return { level, slope, season };
}

/** One pass of the recursions; returns the SSE and (when asked) the fitted values and final states. */
function run(y: readonly number[], m: number, p: Params, s0: Start, keep: boolean) {
	let l = s0.level;
	let b = s0.slope;
	const { alpha, beta, gamma, phi } = p;
	const seasonal = m > 1;
	const s = seasonal ? Float64Array.from(s0.season) : new Float64Array(0);
	const n = y.length;
	const fitted = keep ? new Array<number>(n) : [];
	let sse = 0;
	// si = t mod m, kept as a counter (the hot loop of every Nelder–Mead evaluation).
	let si = 0;
	for (let t = 0; t < n; t++) {
		const seas = seasonal ? s[si]! : 0;
		const pb = phi * b;
		const yhat = l + pb + seas;
		const e = y[t]! - yhat;
		if (keep) fitted[t] = yhat;
		sse += e * e;
		const nl = l + pb + alpha * e;
		b = pb + beta * e;
		l = nl;
		if (seasonal) {
			s[si] = seas + gamma * e;
			if (++si === m) si = 0;
		}
	}
	// Seasonal states oldest first, as of the end of the series.
	const season = seasonal ? Array.from({ length: m }, (_, i) => s[(n + i) % m]!) : [];
	return { sse, fitted, level: l, slope: b, season };
}

/** Fits the additive model with period m (1: no seasonality) and the given trend. */
export function fitEts(y: readonly number[], m: number, trend: Trend): EtsFit {
	const seasonal = m > 1;
	const start = initialStates(y, m, trend);
	const dims = 1 + (trend === 'none' ? 0 : 1) + (seasonal ? 1 : 0) + (trend === 'damped' ? 1 : 0);
	const u0 = [-1, -2, -2, 1].slice(0, dims);
	const res = nelderMead((u) => run(y, m, mapParams(u, trend, seasonal), start, false).sse, u0, { step: 1, maxIterations: 120 * dims, tolerance: 1e-7 });
	const p = mapParams(res.x, trend, seasonal);
	const out = run(y, m, p, start, true);
	const n = y.length;
	const k = dims + 1 + (trend === 'none' ? 0 : 1) + (seasonal ? m - 1 : 0);
	const sigma2 = out.sse / Math.max(n - k, 1);
	const loglik = n * Math.log(Math.max(out.sse, 1e-300) / n);
	const aicc = loglik + 2 * k + (n - k - 1 > 0 ? (2 * k * (k + 1)) / (n - k - 1) : Infinity);
	return { trend, m, ...p, sse: out.sse, sigma2, aicc, level: out.level, slope: out.slope, season: out.season, fitted: out.fitted };
}

/** Point forecasts and their variances for steps 1..h. */
export function etsForecast(fit: EtsFit, h: number): { mean: number[]; variance: number[] } {
	const means: number[] = [];
	const variance: number[] = [];
	let phiSum = 0;
	let cum = 0;
	for (let j = 1; j <= h; j++) {
		phiSum += fit.trend === 'none' ? 0 : fit.trend === 'additive' ? 1 : fit.phi ** j;
		const seas = fit.m > 1 ? fit.season[(j - 1) % fit.m]! : 0;
		means.push(fit.level + phiSum * fit.slope + seas);
		variance.push(fit.sigma2 * (1 + cum));
		// c_j for the next step's variance
		const c = fit.alpha + fit.beta * phiSum + (fit.m > 1 && j % fit.m === 0 ? fit.gamma : 0);
		cum += c * c;
	}
	return { mean: means, variance };
}
