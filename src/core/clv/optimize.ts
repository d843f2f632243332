/**
 * Derivative-free minimisation: Nelder–Mead with adaptive coefficients (Gao & Han 2012), restarts
 * from the best point, and several starting points. Callers fit positive parameters on the log scale.
 * Non-finite objective values count as +Infinity, so a function may reject points by returning NaN.
 */

export interface NelderMeadOptions {
	/** Iterations per run (a run stops earlier when it converges). Default 4000. */
	maxIterations?: number;
	/** Converged when the simplex's f values differ by ≤ tolerance · (1 + |f_best|). Default 1e-12. */
	tolerance?: number;
	/** …and its vertices differ by ≤ xTolerance in every coordinate. Default 1e-6. */
	xTolerance?: number;
	/** Size of the initial simplex along each axis. Default 0.5. */
	initialStep?: number;
	/** Extra runs from the best point with a fresh simplex, until one no longer improves. Default 3. */
	restarts?: number;
}

export interface MinimizeResult {
	x: number[];
	fx: number;
	/** Nelder–Mead iterations over all runs. */
	iterations: number;
	converged: boolean;
}

export const NELDER_MEAD_DEFAULTS: Required<NelderMeadOptions> = {
	maxIterations: 4000,
	tolerance: 1e-12,
	xTolerance: 1e-6,
	initialStep: 0.5,
	restarts: 3
};

type Objective = (x: readonly number[]) => number;

function safe(f: Objective, x: readonly number[]): number {
	const v = f(x);
	return Number.isFinite(v) ? v : Infinity;
}

function checkOptions(o: Required<NelderMeadOptions>): void {
	if (!Number.isInteger(o.maxIterations) || o.maxIterations < 1)
		throw new RangeError(`maxIterations must be a positive integer, got ${o.maxIterations}`);
	if (!(o.tolerance >= 0)) throw new RangeError(`tolerance must be ≥ 0, got ${o.tolerance}`);
	if (!(o.xTolerance >= 0)) throw new RangeError(`xTolerance must be ≥ 0, got ${o.xTolerance}`);
	if (!(o.initialStep > 0)) throw new RangeError(`initialStep must be > 0, got ${o.initialStep}`);
	if (!Number.isInteger(o.restarts) || o.restarts < 0)
		throw new RangeError(`restarts must be a whole number ≥ 0, got ${o.restarts}`);
}

/** One Nelder–Mead run from x0. */
function run(f: Objective, x0: readonly number[], o: Required<NelderMeadOptions>): MinimizeResult {
	const n = x0.length;
	// Adaptive coefficients; with one parameter they would shrink to a point, so use n ≥ 2's.
	const m = Math.max(n, 2);
	const alpha = 1;
	const beta = 1 + 2 / m;
	const gamma = 0.75 - 1 / (2 * m);
	const delta = 1 - 1 / m;
	const simplex: number[][] = [x0.slice()];
	for (let i = 0; i < n; i++) {
		const v = x0.slice();
		v[i] = (v[i] as number) + o.initialStep;
		simplex.push(v);
	}
	const values = simplex.map((v) => safe(f, v));
	const order = simplex.map((_, i) => i);
	const point = (from: readonly number[], to: readonly number[], t: number): number[] =>
		from.map((c, j) => c + t * ((to[j] as number) - c));
	let iterations = 0;
	let converged = false;
	while (iterations < o.maxIterations) {
		order.sort((i, j) => (values[i] as number) - (values[j] as number));
		const best = order[0] as number;
		const worst = order[n] as number;
		const fBest = values[best] as number;
		const fWorst = values[worst] as number;
		const xBest = simplex[best] as number[];
		let xSpread = 0;
		for (const v of simplex) {
			v.forEach((c, j) => (xSpread = Math.max(xSpread, Math.abs(c - (xBest[j] as number)))));
		}
		if (
			Number.isFinite(fWorst) &&
			fWorst - fBest <= o.tolerance * (1 + Math.abs(fBest)) &&
			xSpread <= o.xTolerance
		) {
			converged = true;
			break;
		}
		iterations++;
		const centroid = new Array<number>(n).fill(0);
		for (let k = 0; k < n; k++) {
			const v = simplex[order[k] as number] as number[];
			for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (v[j] as number) / n;
		}
		const xw = simplex[worst] as number[];
		const fSecond = values[order[n - 1] as number] as number;
		const xr = point(centroid, xw, -alpha);
		const fr = safe(f, xr);
		if (fr < fBest) {
			const xe = point(centroid, xw, -alpha * beta);
			const fe = safe(f, xe);
			simplex[worst] = fe < fr ? xe : xr;
			values[worst] = fe < fr ? fe : fr;
			continue;
		}
		if (fr < fSecond) {
			simplex[worst] = xr;
			values[worst] = fr;
			continue;
		}
		const outside = fr < fWorst;
		const xc = outside ? point(centroid, xw, -alpha * gamma) : point(centroid, xw, gamma);
		const fc = safe(f, xc);
		if (fc < (outside ? fr : fWorst)) {
			simplex[worst] = xc;
			values[worst] = fc;
			continue;
		}
		const xb = simplex[best] as number[];
		for (const i of order.slice(1)) {
			simplex[i] = point(xb, simplex[i] as number[], delta);
			values[i] = safe(f, simplex[i] as number[]);
		}
	}
	order.sort((i, j) => (values[i] as number) - (values[j] as number));
	const b = order[0] as number;
	return { x: (simplex[b] as number[]).slice(), fx: values[b] as number, iterations, converged };
}

/** Minimise f from x0, restarting from the best point until a restart stops improving. */
export function nelderMead(
	f: Objective,
	x0: readonly number[],
	options: NelderMeadOptions = {}
): MinimizeResult {
	const o = { ...NELDER_MEAD_DEFAULTS, ...options };
	checkOptions(o);
	if (x0.length === 0)
		throw new RangeError('nelderMead needs at least one parameter, got an empty start');
	x0.forEach((v, i) => {
		if (!Number.isFinite(v)) throw new RangeError(`start x0[${i}] must be finite, got ${v}`);
	});
	let result = run(f, x0, o);
	for (let k = 0; k < o.restarts; k++) {
		const next = run(f, result.x, o);
		const improved = next.fx < result.fx - o.tolerance * (1 + Math.abs(result.fx));
		const iterations = result.iterations + next.iterations;
		if (next.fx <= result.fx) result = { ...next, iterations };
		else result = { ...result, iterations, converged: result.converged && next.converged };
		if (!improved) break;
	}
	return result;
}

/** Run nelderMead from each start and keep the best result (iterations summed over all starts). */
export function minimizeFromStarts(
	f: Objective,
	starts: readonly (readonly number[])[],
	options: NelderMeadOptions = {}
): MinimizeResult {
	if (starts.length === 0)
		throw new RangeError('minimizeFromStarts needs at least one start, got none');
	let best: MinimizeResult | undefined;
	let iterations = 0;
	for (const s of starts) {
		const r = nelderMead(f, s, options);
		iterations += r.iterations;
		if (!best || r.fx < best.fx) best = r;
	}
	const b = best as MinimizeResult;
	return { ...b, iterations };
}

export interface StagedMinimizeOptions {
	/**
	 * A cheaper stand-in for f (e.g. the likelihood of a subsample) on which the starts are
	 * explored; the best is then polished on f. Default: explore on f itself.
	 */
	explore?: Objective;
	optimizer?: NelderMeadOptions;
}

/** Tolerances for the exploration stage: enough to rank the starts, no more. */
const EXPLORE_TOLERANCE = 1e-8;
const EXPLORE_X_TOLERANCE = 1e-4;
/** Simplex size for the final polish, which starts near the optimum. */
const POLISH_STEP = 0.1;

/**
 * Explore every start with a loose Nelder–Mead (no restarts), then polish the best with the full
 * tolerance and restarts. Iterations are summed over both stages; `converged` is the polish's.
 */
export function minimizeStaged(
	f: Objective,
	starts: readonly (readonly number[])[],
	options: StagedMinimizeOptions = {}
): MinimizeResult {
	const o = { ...NELDER_MEAD_DEFAULTS, ...options.optimizer };
	const loose: NelderMeadOptions = {
		...o,
		tolerance: Math.max(o.tolerance, EXPLORE_TOLERANCE),
		xTolerance: Math.max(o.xTolerance, EXPLORE_X_TOLERANCE),
		restarts: 0
	};
	const explored = minimizeFromStarts(options.explore ?? f, starts, loose);
	const polished = nelderMead(f, explored.x, {
		...o,
		initialStep: Math.min(o.initialStep, POLISH_STEP)
	});
	return { ...polished, iterations: explored.iterations + polished.iterations };
}

/**
 * Things a caller should know about a model fit:
 * 'few-customers' (too little data to trust the estimates), 'no-repeat-customers' (nobody bought
 * twice, so repeat behaviour is not identified), 'not-converged' (the optimiser hit its iteration
 * limit), 'at-bound' (a parameter ran to the edge of the search box: the likelihood keeps
 * improving towards 0 or ∞, a sign of an ill-posed fit), 'infinite-mean' (Gamma-Gamma q ≤ 1).
 */
export type FitWarning =
	'few-customers' | 'no-repeat-customers' | 'not-converged' | 'at-bound' | 'infinite-mean';

/** Fits search log-parameters in [−LOG_BOUND, LOG_BOUND] (≈ 1e-6 … 1e6). */
export const LOG_BOUND = 14;

/** True when some log-parameter lies within 1 of the search box edge. */
export function nearBound(logParams: readonly number[]): boolean {
	return logParams.some((v) => Math.abs(v) > LOG_BOUND - 1);
}

/** Wrap a log-parameter objective so points outside the search box are rejected. */
export function boxed(
	f: (logParams: readonly number[]) => number
): (logParams: readonly number[]) => number {
	return (p) => (p.every((v) => Math.abs(v) <= LOG_BOUND) ? f(p) : Infinity);
}
