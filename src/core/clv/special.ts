/**
 * Special functions for the CLV models: log-gamma, log-beta, log-sum-exp and the Gauss
 * hypergeometric function 2F1 on z < 1. Pure, allocation-light, double precision.
 */

// Lanczos approximation, g = 7, nine coefficients (published constants; relative error ≈ 1e-15).
const LANCZOS_G = 7;
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
	-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
	1.5056327351493116e-7
] as const;
const LN_SQRT_2PI = 0.9189385332046727;
const LN_PI = 1.1447298858494002;

/** sin(πx) with the argument reduced first, so large |x| keeps its accuracy. */
function sinPi(x: number): number {
	const r = x - 2 * Math.round(x / 2); // in [-1, 1]
	return Math.sin(Math.PI * r);
}

/** ln|Γ(x)|. +Infinity at the poles (0, −1, −2, …). */
export function lnGamma(x: number): number {
	if (Number.isNaN(x)) return NaN;
	if (x === Infinity) return Infinity;
	if (x < 0.5) {
		if (Number.isInteger(x)) return Infinity;
		return LN_PI - Math.log(Math.abs(sinPi(x))) - lnGamma(1 - x);
	}
	const y = x - 1;
	let sum: number = LANCZOS[0];
	for (let i = 1; i < LANCZOS.length; i++) sum += (LANCZOS[i] as number) / (y + i);
	const t = y + LANCZOS_G + 0.5;
	return LN_SQRT_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Sign of Γ(x): 1 or −1; 0 at the poles, where 1/Γ(x) = 0. */
export function gammaSign(x: number): number {
	if (x > 0) return 1;
	if (Number.isInteger(x)) return 0;
	return Math.floor(x) % 2 === 0 ? 1 : -1;
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), for a, b > 0. */
export function lnBeta(a: number, b: number): number {
	return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

/** ln(e^a + e^b) without overflow. */
export function logAddExp(a: number, b: number): number {
	if (a === -Infinity) return b;
	if (b === -Infinity) return a;
	return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** ln Σ e^{v_i} without overflow; −Infinity for an empty list. */
export function logSumExp(values: ArrayLike<number>): number {
	let max = -Infinity;
	for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] as number);
	if (max === -Infinity || !Number.isFinite(max)) return max;
	let sum = 0;
	for (let i = 0; i < values.length; i++) sum += Math.exp((values[i] as number) - max);
	return max + Math.log(sum);
}

const EPS = 1e-17;
const MAX_TERMS = 200_000;
/** Below this z the Gauss series is summed directly; above it the 1 − z transformation is used. */
const DIRECT_MAX_Z = 0.6;
/** c − a − b closer than this to an integer is treated by interpolation across the degenerate value. */
const NEAR_INT = 2e-4;

/** Σ (a)_k (b)_k / ((c)_k k!) z^k for 0 ≤ z < 1 (terminates when a or b is a non-positive integer). */
function gaussSeries(a: number, b: number, c: number, z: number): number {
	let term = 1;
	let sum = 1;
	const settle = Math.max(0, -a, -b, -c) + 2;
	for (let k = 0; k < MAX_TERMS; k++) {
		if (c + k === 0) throw new RangeError(`2F1 series: c = ${c} is a non-positive integer`);
		term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
		sum += term;
		if (term === 0 || (k > settle && Math.abs(term) <= EPS * Math.abs(sum))) return sum;
	}
	throw new RangeError(`2F1 series did not converge for a=${a}, b=${b}, c=${c}, z=${z}`);
}

/**
 * The series as ln(prefactor) + value, using Euler's transformation
 * F(a,b;c;z) = (1−z)^{c−a−b} F(c−a,c−b;c;z) when it makes the upper parameters smaller.
 */
function scaledSeries(
	a: number,
	b: number,
	c: number,
	z: number,
	lnOneMinusZ: number
): [number, number] {
	if (Math.abs(c - a) + Math.abs(c - b) < Math.abs(a) + Math.abs(b)) {
		return [(c - a - b) * lnOneMinusZ, gaussSeries(c - a, c - b, c, z)];
	}
	return [0, gaussSeries(a, b, c, z)];
}

/** ±exp(lnMagnitude) × value, or 0 when the sign is 0 (a 1/Γ at a pole). */
function signedExp(sign: number, lnMagnitude: number, value: number): number {
	return sign === 0 || value === 0 ? 0 : sign * Math.exp(lnMagnitude) * value;
}

/** Abramowitz & Stegun 15.3.6: F(z) in terms of series in w = 1 − z (c − a − b not an integer). */
function linearTransform(a: number, b: number, c: number, z: number, w: number): number {
	const s = c - a - b;
	const lnW = Math.log(w);
	const lnZ = Math.log(z);
	const [p1, v1] = scaledSeries(a, b, 1 - s, w, lnZ);
	const sign1 = gammaSign(c) * gammaSign(s) * gammaSign(c - a) * gammaSign(c - b);
	const ln1 = lnGamma(c) + lnGamma(s) - lnGamma(c - a) - lnGamma(c - b) + p1;
	const [p2, v2] = scaledSeries(c - a, c - b, 1 + s, w, lnZ);
	const sign2 = gammaSign(c) * gammaSign(-s) * gammaSign(a) * gammaSign(b);
	const ln2 = s * lnW + lnGamma(c) + lnGamma(-s) - lnGamma(a) - lnGamma(b) + p2;
	return signedExp(sign1, ln1, v1) + signedExp(sign2, ln2, v2);
}

/**
 * Gauss hypergeometric 2F1(a, b; c; z) for z < 1, given z and oneMinusZ = 1 − z separately (use
 * this form when 1 − z is known more precisely than z, e.g. (α+T)/(α+T+t)).
 * c must not be a non-positive integer. Results that overflow a double come back as ±Infinity.
 */
export function hyp2f1WithComplement(
	a: number,
	b: number,
	c: number,
	z: number,
	oneMinusZ: number
): number {
	for (const [name, v] of [
		['a', a],
		['b', b],
		['c', c],
		['z', z]
	] as const) {
		if (!Number.isFinite(v)) throw new RangeError(`2F1: ${name} must be finite, got ${v}`);
	}
	if (!(z < 1) || !(oneMinusZ > 0)) throw new RangeError(`2F1 needs z < 1, got z=${z}`);
	if (c <= 0 && Number.isInteger(c))
		throw new RangeError(`2F1: c = ${c} is a non-positive integer`);
	if (a === 0 || b === 0 || z === 0) return 1;
	if (z < 0) {
		// Pfaff: F(a,b;c;z) = (1−z)^{−a} F(a, c−b; c; z/(z−1)), argument now in (0, 1).
		const u = -z / oneMinusZ;
		return Math.exp(-a * Math.log(oneMinusZ)) * hyp2f1WithComplement(a, c - b, c, u, 1 / oneMinusZ);
	}
	if (z <= DIRECT_MAX_Z) {
		const [p, v] = scaledSeries(a, b, c, z, Math.log(oneMinusZ));
		return p === 0 ? v : Math.exp(p) * v;
	}
	const s = c - a - b;
	const n = Math.round(s);
	const d = s - n;
	if (Math.abs(d) >= NEAR_INT) return linearTransform(a, b, c, z, oneMinusZ);
	// c − a − b (nearly) an integer: the two terms have poles that cancel. F is analytic in c, so
	// interpolate from c − a − b = n ± h, n ± 2h (h = NEAR_INT) instead.
	return interpolateAcross(
		(offset) => linearTransform(a, b, c - d + offset, z, oneMinusZ),
		d,
		NEAR_INT
	);
}

/**
 * Value at offset d (|d| < h) of a function that is smooth but cannot be evaluated accurately
 * near offset 0: cubic Lagrange interpolation from offsets ±h and ±2h (error O(h⁴)).
 */
export function interpolateAcross(f: (offset: number) => number, d: number, h: number): number {
	const nodes = [-2 * h, -h, h, 2 * h];
	let result = 0;
	for (let i = 0; i < 4; i++) {
		const xi = nodes[i] as number;
		let weight = 1;
		for (let j = 0; j < 4; j++) {
			const xj = nodes[j] as number;
			if (j !== i) weight *= (d - xj) / (xi - xj);
		}
		result += weight * f(xi);
	}
	return result;
}

/** Gauss hypergeometric 2F1(a, b; c; z) for z < 1. */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
	return hyp2f1WithComplement(a, b, c, z, 1 - z);
}
