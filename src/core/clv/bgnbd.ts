/**
 * BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): likelihood
 * and maximum-likelihood fit. Predictions are in bgnbd-predict.ts.
 *
 * While alive a customer buys at Poisson rate λ ~ Gamma(r, α); after each purchase they drop out
 * with probability p ~ Beta(a, b). Time is in model units (days or weeks), the same for t_x, T and α.
 */
import {
	boxed,
	minimizeStaged,
	nearBound,
	type FitWarning,
	type NelderMeadOptions
} from './optimize.ts';
import { groupRfm, checkRfmInput, type RfmGroups, type RfmInput } from './rfm-groups.ts';
import { subsample } from './sample.ts';
import { lnGamma, logAddExp } from './special.ts';

export interface BgNbdParams {
	r: number;
	alpha: number;
	a: number;
	b: number;
}

export interface BgNbdFitOptions {
	/** Starting points; default: a few spread around the data's purchase rate. */
	starts?: readonly BgNbdParams[];
	optimizer?: NelderMeadOptions;
	/**
	 * With more customers than this, the starts are explored on a deterministic subsample of this
	 * size and only the best is polished on all customers. Default 5000.
	 */
	exploreSampleSize?: number;
}

export const BGNBD_FIT_DEFAULTS = { exploreSampleSize: 5000 };

export interface BgNbdFit {
	params: BgNbdParams;
	logLikelihood: number;
	converged: boolean;
	iterations: number;
	warnings: FitWarning[];
	customers: number;
	/** Distinct (x, t_x, T) groups the likelihood was evaluated on. */
	groups: number;
}

/** Fewer customers than this earn a 'few-customers' warning. */
export const BGNBD_MIN_CUSTOMERS = 30;

/** Throw unless all four parameters are finite and > 0. */
export function checkBgNbdParams(p: BgNbdParams): void {
	for (const k of ['r', 'alpha', 'a', 'b'] as const) {
		if (!(Number.isFinite(p[k]) && p[k] > 0))
			throw new RangeError(`BG/NBD parameter ${k} must be a finite number > 0, got ${p[k]}`);
	}
}

/** Log-likelihood of one customer's (x, t_x, T) (FHL 2005, eq. 6), in log space. */
export function bgnbdLogLikelihood(params: BgNbdParams, customer: RfmInput): number {
	checkBgNbdParams(params);
	checkRfmInput(customer, 0);
	const { r, alpha, a, b } = params;
	const { x, tx, T } = customer;
	const base =
		lnGamma(r + x) -
		lnGamma(r) +
		r * Math.log(alpha) +
		lnGamma(a + b) +
		lnGamma(b + x) -
		lnGamma(b) -
		lnGamma(a + b + x);
	const stillAlive = -(r + x) * Math.log(alpha + T);
	if (x === 0) return base + stillAlive;
	const droppedOut = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
	return base + logAddExp(stillAlive, droppedOut);
}

/** Negative total log-likelihood as a function of [ln r, ln α, ln a, ln b]. */
export function bgnbdObjective(groups: RfmGroups): (logParams: readonly number[]) => number {
	const { x, weight, uniqueX, xIndex, uniqueT, tIndex, uniqueTx, txIndex } = groups;
	const base = new Float64Array(uniqueX.length);
	const extra = new Float64Array(uniqueX.length);
	const lnT = new Float64Array(uniqueT.length);
	const lnTx = new Float64Array(uniqueTx.length);
	return (logParams) => {
		const [lr = NaN, lAlpha = NaN, la = NaN, lb = NaN] = logParams;
		const r = Math.exp(lr);
		const alpha = Math.exp(lAlpha);
		const a = Math.exp(la);
		const b = Math.exp(lb);
		const common = -lnGamma(r) + r * lAlpha + lnGamma(a + b) - lnGamma(b);
		for (let k = 0; k < uniqueX.length; k++) {
			const xv = uniqueX[k] as number;
			base[k] = common + lnGamma(r + xv) + lnGamma(b + xv) - lnGamma(a + b + xv);
			extra[k] = xv > 0 ? la - Math.log(b + xv - 1) : 0;
		}
		for (let j = 0; j < uniqueT.length; j++) lnT[j] = Math.log(alpha + (uniqueT[j] as number));
		for (let j = 0; j < uniqueTx.length; j++) lnTx[j] = Math.log(alpha + (uniqueTx[j] as number));
		let total = 0;
		for (let g = 0; g < x.length; g++) {
			const xv = x[g] as number;
			const k = xIndex[g] as number;
			const alive = -(r + xv) * (lnT[tIndex[g] as number] as number);
			let ll = base[k] as number;
			if (xv === 0) ll += alive;
			else {
				const dropped = (extra[k] as number) - (r + xv) * (lnTx[txIndex[g] as number] as number);
				ll +=
					alive > dropped
						? alive + Math.log1p(Math.exp(dropped - alive))
						: dropped + Math.log1p(Math.exp(alive - dropped));
			}
			total += (weight[g] as number) * ll;
		}
		return -total;
	};
}

/** Total log-likelihood over customers (evaluated on compressed groups). */
export function bgnbdTotalLogLikelihood(
	params: BgNbdParams,
	customers: readonly RfmInput[]
): number {
	checkBgNbdParams(params);
	const f = bgnbdObjective(groupRfm(customers));
	return -f([params.r, params.alpha, params.a, params.b].map(Math.log));
}

function defaultStarts(groups: RfmGroups): BgNbdParams[] {
	let sumX = 0;
	let sumT = 0;
	groups.x.forEach((xv, g) => {
		const w = groups.weight[g] as number;
		sumX += w * xv;
		sumT += w * (groups.T[g] as number);
	});
	const meanT = sumT / groups.customers;
	// λ ≈ repeat purchases per unit time; with r = 1, α ≈ 1/λ.
	const rate = sumX > 0 && sumT > 0 ? sumX / sumT : 1 / Math.max(meanT, 1);
	const alpha = Math.min(Math.max(1 / rate, 1e-3), 1e5);
	return [
		{ r: 1, alpha, a: 1, b: 1 },
		{ r: 0.25, alpha: alpha / 4, a: 0.5, b: 2 },
		{ r: 3, alpha: alpha * 3, a: 2, b: 8 }
	];
}

/** Maximum-likelihood BG/NBD fit (Nelder–Mead on log-parameters, several starts). */
export function fitBgNbd(customers: readonly RfmInput[], options: BgNbdFitOptions = {}): BgNbdFit {
	if (customers.length === 0) throw new RangeError('fitBgNbd needs at least one customer, got 0');
	const groups = groupRfm(customers);
	const starts = options.starts ?? defaultStarts(groups);
	starts.forEach(checkBgNbdParams);
	const sampleSize = options.exploreSampleSize ?? BGNBD_FIT_DEFAULTS.exploreSampleSize;
	const f = boxed(bgnbdObjective(groups));
	const explore =
		customers.length > sampleSize
			? boxed(bgnbdObjective(groupRfm(subsample(customers, sampleSize))))
			: undefined;
	const logStarts = starts.map((s) => [s.r, s.alpha, s.a, s.b].map(Math.log));
	const best = minimizeStaged(f, logStarts, { explore, optimizer: options.optimizer });
	const [r = NaN, alpha = NaN, a = NaN, b = NaN] = best.x.map(Math.exp);
	const warnings: FitWarning[] = [];
	if (customers.length < BGNBD_MIN_CUSTOMERS) warnings.push('few-customers');
	if (groups.x.every((v) => v === 0)) warnings.push('no-repeat-customers');
	if (!best.converged) warnings.push('not-converged');
	if (nearBound(best.x)) warnings.push('at-bound');
	return {
		params: { r, alpha, a, b },
		logLikelihood: -best.fx,
		converged: best.converged,
		iterations: best.iterations,
		warnings,
		customers: customers.length,
		groups: groups.x.length
	};
}
