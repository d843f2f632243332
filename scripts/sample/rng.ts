/**
 * A small, seeded, dependency-free PRNG (xoshiro128**, seeded through splitmix32) plus the few
 * distributions the sample generator needs. Only integer arithmetic and Math.log/exp/sqrt/cos/pow are
 * used, so a given seed gives the same stream on every run and platform.
 */

function splitmix32(state: number): () => number {
	let s = state >>> 0;
	return () => {
		s = (s + 0x9e3779b9) >>> 0;
		let z = s;
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
		return (z ^ (z >>> 16)) >>> 0;
	};
}

/** FNV-1a over the UTF-16 code units of a label: used to derive independent sub-streams. */
function hashLabel(label: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < label.length; i++) {
		h ^= label.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;
	private spareNormal: number | null = null;
	private readonly seed: number;

	constructor(seed: number, label = '') {
		this.seed = seed >>> 0;
		const sm = splitmix32((this.seed ^ hashLabel(label)) >>> 0);
		this.a = sm();
		this.b = sm();
		this.c = sm();
		this.d = sm();
		if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
	}

	/** An independent stream for one part of the data, so changing one part does not reshuffle the others. */
	fork(label: string): Rng {
		return new Rng(this.seed, label);
	}

	/** Next raw 32-bit unsigned integer (xoshiro128**). */
	nextU32(): number {
		const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
		const t = this.b << 9;
		this.c ^= this.a;
		this.d ^= this.b;
		this.b ^= this.c;
		this.a ^= this.d;
		this.c ^= t;
		this.d = rotl(this.d, 11);
		return result;
	}

	/** Uniform in the open interval (0, 1): never exactly 0 or 1, so log() is always safe. */
	next(): number {
		return (this.nextU32() + 0.5) / 4294967296;
	}

	/** Integer in [lo, hi], both inclusive. */
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (items.length === 0) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)] as T;
	}

	/** Index drawn with probability proportional to weights (which need not sum to 1). */
	weightedIndex(weights: readonly number[]): number {
		let total = 0;
		for (const w of weights) total += w;
		if (!(total > 0)) throw new Error('weights must have a positive sum');
		let x = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			x -= weights[i] as number;
			if (x < 0) return i;
		}
		return weights.length - 1;
	}

	weighted<T>(items: readonly T[], weights: readonly number[]): T {
		return items[this.weightedIndex(weights)] as T;
	}

	/** Standard normal (Box-Muller, the spare value is kept for the next call). */
	normal(): number {
		if (this.spareNormal !== null) {
			const v = this.spareNormal;
			this.spareNormal = null;
			return v;
		}
		const r = Math.sqrt(-2 * Math.log(this.next()));
		const theta = 2 * Math.PI * this.next();
		this.spareNormal = r * Math.sin(theta);
		return r * Math.cos(theta);
	}

	exponential(rate: number): number {
		return -Math.log(this.next()) / rate;
	}

	/** Gamma(shape, scale) by Marsaglia-Tsang; shapes below 1 use the u^(1/shape) boost. */
	gamma(shape: number, scale = 1): number {
		if (shape < 1) return this.gamma(shape + 1, scale) * Math.pow(this.next(), 1 / shape);
		const d = shape - 1 / 3;
		const c = 1 / Math.sqrt(9 * d);
		for (;;) {
			let x: number;
			let v: number;
			do {
				x = this.normal();
				v = 1 + c * x;
			} while (v <= 0);
			v = v * v * v;
			const u = this.next();
			if (u < 1 - 0.0331 * x * x * x * x) return d * v * scale;
			if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
		}
	}

	beta(a: number, b: number): number {
		const x = this.gamma(a);
		const y = this.gamma(b);
		return x / (x + y);
	}

	/** Fisher-Yates shuffle of a copy. */
	shuffled<T>(items: readonly T[]): T[] {
		const out = items.slice();
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			const tmp = out[i] as T;
			out[i] = out[j] as T;
			out[j] = tmp;
		}
		return out;
	}
}

function rotl(x: number, k: number): number {
	return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Inverse of the standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function probit(p: number): number {
	if (p <= 0) return -Infinity;
	if (p >= 1) return Infinity;
	const a = [
		-39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716,
		2.506628277459239
	];
	const b = [
		-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572
	];
	const c = [
		-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734,
		4.374664141464968, 2.938163982698783
	];
	const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
	const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
	const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
	const [d0, d1, d2, d3] = d as [number, number, number, number];
	const plow = 0.02425;
	if (p < plow) {
		const q = Math.sqrt(-2 * Math.log(p));
		return (
			(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
			((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
		);
	}
	if (p > 1 - plow) {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		return (
			-(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) /
			((((d0 * q + d1) * q + d2) * q + d3) * q + 1)
		);
	}
	const q = p - 0.5;
	const r = q * q;
	return (
		((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) /
		(((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1)
	);
}
