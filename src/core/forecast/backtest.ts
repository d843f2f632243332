/**
 * The backtest of issue 14: 4 origins, the last at n − H and each earlier one H periods before; the model is
 * refitted on the periods before each origin and forecasts H periods; errors are pooled over origins and
 * steps. MAE, RMSE; MAPE (%) over non-zero actuals only (the count left out is returned); sMAPE (%) = mean
 * 200·|y − ŷ| / (|y| + |ŷ|), 0 when both are 0; MASE = pooled MAE ÷ the in-sample MAE of seasonal naive
 * (lag m) on the first origin's training part; coverage (share 0–1) of the 80 % and 95 % intervals.
 * An origin whose training part would be shorter than `minTrain` periods is left out (`origins` says how many ran).
 */
import type { Interval } from './model.ts';

export const BACKTEST_ORIGINS = 4;

export interface BacktestScore {
	horizon: number;
	origins: number;
	mae: number;
	rmse: number;
	mape: number;
	/** Actuals equal to 0, left out of MAPE. */
	mapeLeftOut: number;
	smape: number;
	mase: number;
	coverage80: number;
	coverage95: number;
}

/** The origins (index of the first forecast period), earliest first. */
export function backtestOrigins(n: number, h: number, minTrain: number): number[] {
	const out: number[] = [];
	for (let k = BACKTEST_ORIGINS; k >= 1; k--) {
		const o = n - k * h;
		if (o >= minTrain) out.push(o);
	}
	return out;
}

/** In-sample MAE of seasonal naive with lag m (NaN without any pair). */
export function seasonalNaiveMae(y: readonly number[], m: number): number {
	let s = 0;
	let c = 0;
	for (let t = m; t < y.length; t++) {
		s += Math.abs(y[t]! - y[t - m]!);
		c++;
	}
	return c ? s / c : NaN;
}

export function backtest(y: readonly number[], h: number, m: number, minTrain: number, forecast: (train: readonly number[], h: number) => Interval): BacktestScore | null {
	const origins = backtestOrigins(y.length, h, minTrain);
	if (origins.length === 0) return null;
	let abs = 0;
	let sq = 0;
	let ape = 0;
	let apeN = 0;
	let zeros = 0;
	let sm = 0;
	let in80 = 0;
	let in95 = 0;
	let count = 0;
	for (const o of origins) {
		const f = forecast(y.slice(0, o), h);
		for (let j = 0; j < h; j++) {
			const a = y[o + j]!;
			const p = f.mean[j]!;
			const e = a - p;
			abs += Math.abs(e);
			sq += e * e;
			if (a !== 0) {
				ape += (100 * Math.abs(e)) / Math.abs(a);
				apeN++;
			} else zeros++;
			const denom = Math.abs(a) + Math.abs(p);
			sm += denom === 0 ? 0 : (200 * Math.abs(e)) / denom;
			if (a >= f.lower80[j]! && a <= f.upper80[j]!) in80++;
			if (a >= f.lower95[j]! && a <= f.upper95[j]!) in95++;
			count++;
		}
	}
	const mae = abs / count;
	const first = y.slice(0, origins[0]);
	const scale = seasonalNaiveMae(first, first.length > m ? m : 1);
	return {
		horizon: h,
		origins: origins.length,
		mae,
		rmse: Math.sqrt(sq / count),
		mape: apeN ? ape / apeN : NaN,
		mapeLeftOut: zeros,
		smape: sm / count,
		mase: scale > 0 ? mae / scale : NaN,
		coverage80: in80 / count,
		coverage95: in95 / count
	};
}
