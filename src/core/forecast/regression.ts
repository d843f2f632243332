/**
 * Least squares for the forecast's regressors (yearly Fourier terms, weekday or month effects, holiday
 * windows): normal equations solved by Cholesky with a tiny ridge (1e-8 × the diagonal) so a column that is
 * nearly collinear with the others cannot blow up. Columns are given as arrays over the rows used.
 */
export function leastSquares(columns: readonly (readonly number[])[], y: readonly number[]): number[] {
	const k = columns.length;
	const n = y.length;
	const a: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
	const b = new Array<number>(k).fill(0);
	for (let i = 0; i < k; i++) {
		const ci = columns[i];
		for (let t = 0; t < n; t++) b[i] += ci[t] * y[t];
		for (let j = 0; j <= i; j++) {
			const cj = columns[j];
			let s = 0;
			for (let t = 0; t < n; t++) s += ci[t] * cj[t];
			a[i][j] = s;
			a[j][i] = s;
		}
	}
	for (let i = 0; i < k; i++) a[i][i] += 1e-8 * (a[i][i] || 1);
	// Cholesky: a = L·Lᵀ
	const l: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
	for (let i = 0; i < k; i++) {
		for (let j = 0; j <= i; j++) {
			let s = a[i][j];
			for (let p = 0; p < j; p++) s -= l[i][p] * l[j][p];
			l[i][j] = i === j ? Math.sqrt(Math.max(s, 1e-300)) : s / l[j][j];
		}
	}
	const z = new Array<number>(k).fill(0);
	for (let i = 0; i < k; i++) {
		let s = b[i];
		for (let p = 0; p < i; p++) s -= l[i][p] * z[p];
		z[i] = s / l[i][i];
	}
	const x = new Array<number>(k).fill(0);
	for (let i = k - 1; i >= 0; i--) {
		let s = z[i];
		for (let p = i + 1; p < k; p++) s -= l[p][i] * x[p];
		x[i] = s / l[i][i];
	}
	return x;
}
