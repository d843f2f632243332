/**
 * BG/NBD predictions (Fader, Hardie & Lee 2005): P(alive), conditional and unconditional expected
 * purchases, and the unconditional P(X(t) = n). Everything is computed in log space or with
 * series chosen to avoid cancellation; t is in the same model units as the fit.
 */
import { checkBgNbdParams, type BgNbdParams } from './bgnbd.ts';
import { checkRfmInput, type RfmInput } from './rfm-groups.ts';
import { hyp2f1WithComplement, interpolateAcross, lnBeta, lnGamma } from './special.ts';

/** Up to this z = t/(α+T+t) the expectation is summed as a series; above it 2F1 is transformed. */
const SERIES_MAX_Z = 0.6;
/** Within this of a = 1 (0/0 in the closed form) or of C ∈ {0, −1, …}, interpolate across it in a. */
const NEAR_SINGULAR = 1e-4;

function checkTime(t: number, name = 't'): void {
	if (!(Number.isFinite(t) && t >= 0))
		throw new RangeError(`${name} must be a finite number ≥ 0, got ${t}`);
}

/** −expm1(βL)/β, with its limit −L at β = 0. */
function oneMinusPowOverBeta(beta: number, lnW: number): number {
	return beta === 0 ? -lnW : -Math.expm1(beta * lnW) / beta;
}

/**
 * E[purchases in (T, T+t] | alive at T, x repeat purchases]: the numerator of FHL eq. 10,
 * (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))].
 * By Pfaff's transformation this is C·[(1 − w^{a−1})/(a−1) − w^{a−1}·H] with C = a+b+x−1,
 * w = (α+T)/(α+T+t) and C·H = Σ_{k≥1} (C−r−x)_k (a)_{k−1} / ((C+1)_{k−1} k!) z^k, which has no
 * pole at a = 1 or C = 0 and no cancellation for small t.
 */
export function expectedWhileAlive(params: BgNbdParams, x: number, T: number, t: number): number {
	const { r, alpha, a, b } = params;
	if (t === 0) return 0;
	const delta = alpha + T;
	const z = t / (delta + t);
	const w = delta / (delta + t);
	const lnW = -Math.log1p(t / delta);
	const C = a + b + x - 1;
	const beta = a - 1;
	const upper = a + b - 1 - r; // C − (r + x)
	if (z <= SERIES_MAX_Z) {
		let term = upper * z;
		let sum = term;
		for (let k = 1; k < 100_000 && term !== 0; k++) {
			term *= (((upper + k) * (a + k - 1)) / ((C + k) * (k + 1))) * z;
			sum += term;
			if (k > Math.abs(upper) + 2 && Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
		}
		const v = C * oneMinusPowOverBeta(beta, lnW) - Math.exp(beta * lnW) * sum;
		return Number.isFinite(v) ? v : expectedWhileAliveByIntegral(params, x, T, t);
	}
	const cOffset = C - Math.round(C);
	if (Math.abs(beta) < NEAR_SINGULAR || (C < 0.5 && Math.abs(cOffset) < NEAR_SINGULAR)) {
		const d = Math.abs(beta) < NEAR_SINGULAR ? beta : cOffset;
		const at = (offset: number): number =>
			expectedWhileAlive({ ...params, a: a - d + offset }, x, T, t);
		return interpolateAcross(at, d, 2 * NEAR_SINGULAR);
	}
	let F: number;
	try {
		F = hyp2f1WithComplement(upper, beta, C, z, w);
	} catch (e) {
		// Very large a, b (a fit at the edge of its search box): the series needs too many terms.
		if (e instanceof RangeError) return expectedWhileAliveByIntegral(params, x, T, t);
		throw e;
	}
	const v = (C / beta) * (1 - Math.exp(beta * lnW) * F);
	return Number.isFinite(v) ? v : expectedWhileAliveByIntegral(params, x, T, t);
}

/**
 * The same expectation as a one-dimensional integral, for parameters where the series fails:
 * alive at T after x purchases, the dropout probability is Beta(a, b + x) and the rate
 * Gamma(r + x, α + T), so E = ∫ (1/p)·[1 − (δ/(δ + p·t))^{r+x}] Beta(p; a, b+x) dp with δ = α + T.
 * Simpson's rule over mean ± 12 sd of the Beta (where such large parameters put all its mass),
 * normalised by the same rule applied to the density.
 */
export function expectedWhileAliveByIntegral(params: BgNbdParams, x: number, T: number, t: number): number {
	const { r, alpha, a, b } = params;
	const A = a;
	const B = b + x;
	const delta = alpha + T;
	const mean = A / (A + B);
	const sd = Math.sqrt((A * B) / ((A + B) ** 2 * (A + B + 1)));
	const lo = Math.max(1e-12, mean - 12 * sd);
	const hi = Math.min(1 - 1e-12, mean + 12 * sd);
	const n = 2000;
	const h = (hi - lo) / n;
	const lnNorm = lnBeta(A, B);
	let num = 0;
	let den = 0;
	for (let i = 0; i <= n; i++) {
		const p = lo + i * h;
		const weight = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
		const density = Math.exp((A - 1) * Math.log(p) + (B - 1) * Math.log1p(-p) - lnNorm);
		const g = -Math.expm1(-(r + x) * Math.log1p((p * t) / delta)) / p;
		num += weight * density * g;
		den += weight * density;
	}
	return den > 0 ? num / den : 0;
}

/** P(alive at T | x, t_x, T) without input checks, for batch use (FHL 2005, eq. 11). */
export function aliveProbability(params: BgNbdParams, x: number, tx: number, T: number): number {
	if (x === 0) return 1;
	const { r, alpha, a, b } = params;
	const d =
		Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
	return d > 0 ? Math.exp(-d) / (1 + Math.exp(-d)) : 1 / (1 + Math.exp(d));
}

/** P(alive at T | x, t_x, T) (FHL 2005, eq. 11). 1 when x = 0: in BG/NBD only purchases end a life. */
export function bgnbdProbabilityAlive(params: BgNbdParams, customer: RfmInput): number {
	checkBgNbdParams(params);
	checkRfmInput(customer, 0);
	return aliveProbability(params, customer.x, customer.tx, customer.T);
}

/** E[X(T, T+t) | x, t_x, T]: expected purchases in the next t units (FHL 2005, eq. 10). */
export function bgnbdExpectedPurchases(params: BgNbdParams, customer: RfmInput, t: number): number {
	checkTime(t);
	const alive = bgnbdProbabilityAlive(params, customer);
	return alive * expectedWhileAlive(params, customer.x, customer.T, t);
}

/** E[X(t)]: expected purchases of a new customer in their first t units (FHL 2005, eq. 9). */
export function bgnbdUnconditionalExpected(params: BgNbdParams, t: number): number {
	checkBgNbdParams(params);
	checkTime(t);
	return expectedWhileAlive(params, 0, 0, t);
}

/** P(NB ≥ n) for the negative binomial with pmf Γ(r+j)/(Γ(r) j!) q^r p^j, as a log. */
function lnNegBinomialTail(r: number, lnP: number, lnQ: number, n: number): number {
	let lnTerm = r * lnQ;
	let head = 0;
	for (let j = 0; j < n; j++) {
		head += Math.exp(lnTerm);
		lnTerm += lnP + Math.log(r + j) - Math.log(j + 1);
	}
	if (head <= 0.5) return Math.log1p(-head);
	// Most mass is below n: sum the tail itself rather than 1 − head (no cancellation).
	let tail = 0;
	for (let j = n; j < n + 10_000_000; j++) {
		const term = Math.exp(lnTerm);
		tail += term;
		if (j > n && term <= 1e-17 * tail) break;
		lnTerm += lnP + Math.log(r + j) - Math.log(j + 1);
	}
	return Math.log(tail);
}

/** P(X(t) = n): probability that a new customer makes n purchases in their first t units (FHL eq. 8). */
export function bgnbdPurchaseProbability(params: BgNbdParams, t: number, n: number): number {
	checkBgNbdParams(params);
	checkTime(t);
	if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, got ${n}`);
	if (t === 0) return n === 0 ? 1 : 0;
	const { r, alpha, a, b } = params;
	const lnQ = -Math.log1p(t / alpha);
	const lnP = Math.log(t) - Math.log(alpha + t);
	const lnB = lnBeta(a, b);
	const first =
		lnBeta(a, b + n) - lnB + lnGamma(r + n) - lnGamma(r) - lnGamma(n + 1) + r * lnQ + n * lnP;
	if (n === 0) return Math.exp(first);
	const second = lnBeta(a + 1, b + n - 1) - lnB + lnNegBinomialTail(r, lnP, lnQ, n);
	return Math.exp(first) + Math.exp(second);
}
