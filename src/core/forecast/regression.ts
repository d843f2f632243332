/**
 * Least squares for the forecast's regressors (yearly Fourier terms, weekday or month effects, holiday
 * windows): normal equations solved by Cholesky with a tiny ridge (1e-8 × the diagonal) so a column that is
 * nearly collinear with the others cannot blow up. Columns are arrays over at least the `y.length` rows used.
 */
export function leastSquares(columns: readonly (readonly number[])[], y: readonly number[]): number[] {
	return solveNormal(normalFactor(columns, y.length), columns, y);
}

/**
 * The Cholesky factor of XᵀX (with the ridge) over the first n rows: it depends on the columns only, so
 * every series over the same periods and every log/plain candidate shares it (model.ts caches it).
 */
export function normalFactor(columns: readonly (readonly number[])[], n: number): Float64Array {
	const k = columns.length;
	// X row by row (typed, cache-friendly), then XᵀX's upper triangle
	const x = new Float64Array(n * k);
	for (let i = 0; i < k; i++) {
		const c = columns[i]!;
		for (let t = 0; t < n; t++) x[t * k + i] = c[t]!;
	}
	const a = new Float64Array(k * k);
	for (let t = 0; t < n; t++) {
		const row = t * k;
		for (let i = 0; i < k; i++) {
			const xi = x[row + i]!;
			if (xi === 0) continue;
			const ai = i * k;
			for (let j = i; j < k; j++) a[ai + j]! += xi * x[row + j]!;
		}
	}
	for (let i = 0; i < k; i++) {
		for (let j = 0; j < i; j++) a[i * k + j] = a[j * k + i]!;
		a[i * k + i]! += 1e-8 * (a[i * k + i] || 1);
	}
	// Cholesky: a = L·Lᵀ
	const l = new Float64Array(k * k);
	for (let i = 0; i < k; i++) {
		for (let j = 0; j <= i; j++) {
			let s = a[i * k + j]!;
			for (let p = 0; p < j; p++) s -= l[i * k + p]! * l[j * k + p]!;
			l[i * k + j] = i === j ? Math.sqrt(Math.max(s, 1e-300)) : s / l[j * k + j]!;
		}
	}
	return l;
}

/** β from the factor of XᵀX and Xᵀy (zeros skipped, summed in row order). */
export function solveNormal(l: Float64Array, columns: readonly (readonly number[])[], y: readonly number[]): number[] {
	const k = columns.length;
	const n = y.length;
	const b = new Float64Array(k);
	for (let i = 0; i < k; i++) {
		const c = columns[i]!;
		let s = 0;
		for (let t = 0; t < n; t++) {
			const xi = c[t]!;
			if (xi !== 0) s += xi * y[t]!;
		}
		b[i] = s;
	}
	const z = new Float64Array(k);
	for (let i = 0; i < k; i++) {
		let s = b[i]!;
		for (let p = 0; p < i; p++) s -= l[i * k + p]! * z[p]!;
		z[i] = s / l[i * k + i]!;
	}
	const out = new Array<number>(k).fill(0);
	for (let i = k - 1; i >= 0; i--) {
		let s = z[i]!;
		for (let p = i + 1; p < k; p++) s -= l[p * k + i]! * out[p]!;
		out[i] = s / l[i * k + i]!;
	}
	return out;
}
