/**
 * Nelder–Mead simplex minimisation (standard coefficients: reflection 1, expansion 2, contraction ½,
 * shrink ½). Bounds are the caller's business (a penalty or a transform inside `f`). Pure and deterministic.
 * Lighter than core/clv/optimize.ts (adaptive coefficients, restarts): the forecast fits thousands of small
 * smoothing models per page, where that one's extra iterations cost twice the time for no gain in the backtests.
 */
export interface NelderMeadOptions {
	/** Initial step per coordinate (default 0.1). */
	step?: number;
	maxIterations?: number;
	/** Stop when the simplex's values differ by less than this (relative to the best value + 1e-12). */
	tolerance?: number;
}

export function nelderMead(f: (x: readonly number[]) => number, x0: readonly number[], o: NelderMeadOptions = {}): { x: number[]; value: number } {
	const n = x0.length;
	const step = o.step ?? 0.1;
	const maxIt = o.maxIterations ?? 200 * n;
	const tol = o.tolerance ?? 1e-8;
	// Vertices kept sorted by value: pts[0] best, pts[n] worst.
	let pts: { x: number[]; v: number }[] = [{ x: x0.slice(), v: f(x0) }];
	for (let i = 0; i < n; i++) {
		const x = x0.map((xi, j) => (j === i ? xi + step : xi));
		pts.push({ x, v: f(x) });
	}
	const combine = (a: readonly number[], b: readonly number[], t: number) => a.map((ai, i) => ai + t * (b[i]! - ai));
	const at = (i: number) => pts[i]!;
	for (let it = 0; it < maxIt; it++) {
		pts.sort((a, b) => a.v - b.v);
		if (Math.abs(at(n).v - at(0).v) <= tol * (Math.abs(at(0).v) + 1e-12)) break;
		const centroid = new Array<number>(n).fill(0);
		for (let i = 0; i < n; i++) at(i).x.forEach((xj, j) => (centroid[j]! += xj / n));
		const worst = at(n);
		const r = combine(centroid, worst.x, -1);
		const fr = f(r);
		if (fr < at(0).v) {
			const e = combine(centroid, worst.x, -2);
			const fe = f(e);
			pts[n] = fe < fr ? { x: e, v: fe } : { x: r, v: fr };
		} else if (fr < at(n - 1).v) {
			pts[n] = { x: r, v: fr };
		} else {
			const c = fr < worst.v ? combine(centroid, r, 0.5) : combine(centroid, worst.x, 0.5);
			const fc = f(c);
			if (fc < Math.min(fr, worst.v)) pts[n] = { x: c, v: fc };
			else {
				const best = at(0).x;
				pts = pts.map((p, i) => (i === 0 ? p : { x: combine(best, p.x, 0.5), v: NaN }));
				for (const p of pts) if (Number.isNaN(p.v)) p.v = f(p.x);
			}
		}
	}
	pts.sort((a, b) => a.v - b.v);
	return { x: at(0).x, value: at(0).v };
}
