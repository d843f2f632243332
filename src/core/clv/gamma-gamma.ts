/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie note 025).
 * Each transaction's value is Gamma(p, ν); a customer's ν is Gamma(q, γ). Fitted on customers
 * with x > 0 repeat purchases from (x, zbar), zbar = mean value of those repeat purchases.
 * Assumes spend is independent of purchase frequency (check with spendFrequencyCorrelation).
 */
import {
	boxed,
	minimizeStaged,
	nearBound,
	type FitWarning,
	type NelderMeadOptions
} from './optimize.ts';
import { subsample } from './sample.ts';
import { lnGamma } from './special.ts';

export interface GammaGammaParams {
	p: number;
	q: number;
	/** Scale of the Gamma prior on ν (lifetimes calls it v). */
	gamma: number;
}

/** One customer's spend input: repeat purchases x and their mean value zbar. */
export interface SpendInput {
	x: number;
	zbar: number;
}

export interface GammaGammaFitOptions {
	starts?: readonly GammaGammaParams[];
	optimizer?: NelderMeadOptions;
	/** Explore the starts on a deterministic subsample of this many customers first. Default 5000. */
	exploreSampleSize?: number;
}

export const GAMMA_GAMMA_FIT_DEFAULTS = { exploreSampleSize: 5000 };

export interface GammaGammaFit {
	params: GammaGammaParams;
	logLikelihood: number;
	converged: boolean;
	iterations: number;
	warnings: FitWarning[];
	/** Customers used: x > 0 and zbar > 0. */
	customers: number;
	/** Customers with x > 0 left out because zbar ≤ 0 (returns, free orders). */
	skippedNonPositive: number;
}

/** Fewer repeat customers than this earn a 'few-customers' warning. */
export const GAMMA_GAMMA_MIN_CUSTOMERS = 30;

/** Throw unless p, q, gamma are finite and > 0. */
export function checkGammaGammaParams(params: GammaGammaParams): void {
	for (const k of ['p', 'q', 'gamma'] as const) {
		const v = params[k];
		if (!(Number.isFinite(v) && v > 0))
			throw new RangeError(`Gamma-Gamma parameter ${k} must be a finite number > 0, got ${v}`);
	}
}

function checkSpend(c: SpendInput, i: number): void {
	if (!Number.isInteger(c.x) || c.x < 0)
		throw new RangeError(`customer ${i + 1}: x must be a whole number ≥ 0, got ${c.x}`);
	if (!Number.isFinite(c.zbar))
		throw new RangeError(`customer ${i + 1}: zbar must be finite, got ${c.zbar}`);
}

/** Log-likelihood of one customer's mean repeat spend zbar over x > 0 purchases. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, customer: SpendInput): number {
	checkGammaGammaParams(params);
	checkSpend(customer, 0);
	const { p, q, gamma } = params;
	const { x, zbar } = customer;
	if (x === 0 || zbar <= 0)
		throw new RangeError(`Gamma-Gamma needs x > 0 and zbar > 0, got x=${x}, zbar=${zbar}`);
	const px = p * x;
	return (
		lnGamma(px + q) -
		lnGamma(px) -
		lnGamma(q) +
		q * Math.log(gamma) +
		px * Math.log(x) +
		(px - 1) * Math.log(zbar) -
		(px + q) * Math.log(gamma + x * zbar)
	);
}

/**
 * Negative total log-likelihood in [ln p, ln q, ln γ] for customers with x > 0, zbar > 0.
 * Customers with equal (x, zbar) are merged; terms depending only on x are computed once per x.
 */
function objective(used: readonly SpendInput[]): (logParams: readonly number[]) => number {
	const n = used.length;
	const byX = new Map<number, number>();
	const byPair = new Map<string, [number, number, number]>();
	let sumXLnX = 0;
	let sumXLnZ = 0;
	let sumLnZ = 0;
	for (const c of used) {
		byX.set(c.x, (byX.get(c.x) ?? 0) + 1);
		sumXLnX += c.x * Math.log(c.x);
		sumXLnZ += c.x * Math.log(c.zbar);
		sumLnZ += Math.log(c.zbar);
		const key = `${c.x}|${c.zbar}`;
		const pair = byPair.get(key);
		if (pair) pair[2]++;
		else byPair.set(key, [c.x, c.x * c.zbar, 1]);
	}
	const distinct = [...byX.entries()];
	const pairs = [...byPair.values()];
	const xs = Float64Array.from(pairs, (v) => v[0]);
	const xz = Float64Array.from(pairs, (v) => v[1]);
	const weight = Float64Array.from(pairs, (v) => v[2]);
	return ([lp = NaN, lq = NaN, lg = NaN]) => {
		const p = Math.exp(lp);
		const q = Math.exp(lq);
		const gamma = Math.exp(lg);
		let ll = n * (q * lg - lnGamma(q)) + p * (sumXLnX + sumXLnZ) - sumLnZ;
		for (const [x, count] of distinct) ll += count * (lnGamma(p * x + q) - lnGamma(p * x));
		for (let i = 0; i < xs.length; i++)
			ll -=
				(weight[i] as number) * (p * (xs[i] as number) + q) * Math.log(gamma + (xz[i] as number));
		return -ll;
	};
}

/** Maximum-likelihood Gamma-Gamma fit on the customers with x > 0 and zbar > 0. */
export function fitGammaGamma(
	customers: readonly SpendInput[],
	options: GammaGammaFitOptions = {}
): GammaGammaFit {
	customers.forEach(checkSpend);
	const repeat = customers.filter((c) => c.x > 0);
	const used = repeat.filter((c) => c.zbar > 0);
	if (used.length === 0)
		throw new RangeError(
			`fitGammaGamma needs customers with x > 0 and zbar > 0, got ${used.length} of ${customers.length}`
		);
	const mean = used.reduce((s, c) => s + c.zbar, 0) / used.length;
	const starts = options.starts ?? [
		{ p: 1, q: 2, gamma: mean },
		{ p: 5, q: 4, gamma: (mean * 3) / 5 },
		{ p: 0.5, q: 1.5, gamma: mean / 4 }
	];
	starts.forEach(checkGammaGammaParams);
	const sampleSize = options.exploreSampleSize ?? GAMMA_GAMMA_FIT_DEFAULTS.exploreSampleSize;
	const f = boxed(objective(used));
	const explore =
		used.length > sampleSize ? boxed(objective(subsample(used, sampleSize))) : undefined;
	const logStarts = starts.map((s) => [s.p, s.q, s.gamma].map(Math.log));
	const best = minimizeStaged(f, logStarts, { explore, optimizer: options.optimizer });
	const [p = NaN, q = NaN, gamma = NaN] = best.x.map(Math.exp);
	const warnings: FitWarning[] = [];
	if (used.length < GAMMA_GAMMA_MIN_CUSTOMERS) warnings.push('few-customers');
	if (!best.converged) warnings.push('not-converged');
	if (nearBound(best.x)) warnings.push('at-bound');
	if (q <= 1) warnings.push('infinite-mean');
	return {
		params: { p, q, gamma },
		logLikelihood: -best.fx,
		converged: best.converged,
		iterations: best.iterations,
		warnings,
		customers: used.length,
		skippedNonPositive: repeat.length - used.length
	};
}

/**
 * E[M | x, zbar] = (γp + p·x·zbar) / (p·x + q − 1): a weighted mix of the population mean
 * pγ/(q−1) and the customer's own zbar. Customers with x = 0 get the population mean.
 */
export function gammaGammaExpectedSpend(params: GammaGammaParams, customer: SpendInput): number {
	checkGammaGammaParams(params);
	checkSpend(customer, 0);
	const { p, q, gamma } = params;
	const x = customer.zbar > 0 ? customer.x : 0;
	if (p * x + q <= 1)
		throw new RangeError(
			`Gamma-Gamma expected spend is infinite for q=${q} and x=${customer.x} (needs p·x + q > 1)`
		);
	return (gamma * p + p * x * customer.zbar) / (p * x + q - 1);
}

/** Pearson correlation of x and zbar among customers with x > 0 (NaN if undefined). */
export function spendFrequencyCorrelation(customers: readonly SpendInput[]): number {
	const repeat = customers.filter((c) => c.x > 0);
	const n = repeat.length;
	if (n < 2) return NaN;
	const mx = repeat.reduce((s, c) => s + c.x, 0) / n;
	const mz = repeat.reduce((s, c) => s + c.zbar, 0) / n;
	let sxz = 0;
	let sxx = 0;
	let szz = 0;
	for (const c of repeat) {
		sxz += (c.x - mx) * (c.zbar - mz);
		sxx += (c.x - mx) ** 2;
		szz += (c.zbar - mz) ** 2;
	}
	return sxx === 0 || szz === 0 ? NaN : sxz / Math.sqrt(sxx * szz);
}
