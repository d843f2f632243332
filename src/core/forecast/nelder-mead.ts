/**
 * Nelder–Mead simplex minimisation (standard coefficients: reflection 1, expansion 2, contraction ½,
 * shrink ½). Bounds are the caller's business (a penalty or a transform inside `f`). Pure and deterministic.
 */
export interface NelderMeadOptions {
	/** Initial step per coordinate (default 0.1). */
	step?: number;
	maxIterations?: number;
	/** Stop when the simplex's values differ by less than this (relative to the best value + 1e-12). */
	tolerance?: number;
}

export function nelderMead(f: (x: number[]) => number, x0: readonly number[], o: NelderMeadOptions = {}): { x: number[]; value: number } {
	const n = x0.length;
	const step = o.step ?? 0.1;
	const maxIt = o.maxIterations ?? 200 * n;
	const tol = o.tolerance ?? 1e-8;
	const pts: number[][] = [x0.slice()];
	for (let i = 0; i < n; i++) {
		const p = x0.slice();
		p[i] += step;
		pts.push(p);
	}
	let vals = pts.map(f);
	const combine = (a: number[], b: number[], t: number) => a.map((ai, i) => ai + t * (b[i] - ai));
	for (let it = 0; it < maxIt; it++) {
		const order = vals.map((_, i) => i).sort((a, b) => vals[a] - vals[b]);
		const sorted = order.map((i) => pts[i]);
		vals = order.map((i) => vals[i]);
		pts.splice(0, pts.length, ...sorted);
		if (Math.abs(vals[n] - vals[0]) <= tol * (Math.abs(vals[0]) + 1e-12)) break;
		const centroid = new Array<number>(n).fill(0);
		for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += pts[i][j] / n;
		const worst = pts[n];
		const r = combine(centroid, worst, -1);
		const fr = f(r);
		if (fr < vals[0]) {
			const e = combine(centroid, worst, -2);
			const fe = f(e);
			if (fe < fr) [pts[n], vals[n]] = [e, fe];
			else [pts[n], vals[n]] = [r, fr];
		} else if (fr < vals[n - 1]) {
			[pts[n], vals[n]] = [r, fr];
		} else {
			const c = fr < vals[n] ? combine(centroid, r, 0.5) : combine(centroid, worst, 0.5);
			const fc = f(c);
			if (fc < Math.min(fr, vals[n])) [pts[n], vals[n]] = [c, fc];
			else
				for (let i = 1; i <= n; i++) {
					pts[i] = combine(pts[0], pts[i], 0.5);
					vals[i] = f(pts[i]);
				}
		}
	}
	let best = 0;
	for (let i = 1; i <= n; i++) if (vals[i] < vals[best]) best = i;
	return { x: pts[best], value: vals[best] };
}
