/**
 * A series' forecast end to end: the candidate models (ets and mstl, each on the original and — for a
 * positive series — the log scale) are backtested as issue 14 defines (backtest.ts), the one with the lowest
 * pooled MAE is refitted on the whole history, and seasonal naive is always computed beside it, with its own
 * backtest. The chosen model's backtest is the one that picked it, so it is slightly optimistic (said in the
 * README). `model` other than auto fixes the kind (log still chosen by backtest when the series is positive).
 */
import { backtest, type BacktestScore } from './backtest.ts';
import { fitModel, seasonalNaive, SEASON, type Interval, type ModelConfig, type ModelFit, type SeriesContext } from './model.ts';

export type ModelChoice = 'auto' | 'ets' | 'mstl' | 'seasonal-naive';
export const MODEL_CHOICES: readonly ModelChoice[] = ['auto', 'ets', 'mstl', 'seasonal-naive'];

export interface SeriesForecast {
	/** 'ets', 'mstl' or 'seasonal-naive'. */
	model: string;
	label: string;
	notes: string[];
	forecast: Interval;
	baseline: Interval;
	backtest: BacktestScore | null;
	baselineBacktest: BacktestScore | null;
}

const MIN_TRAIN = 6;

function candidates(choice: ModelChoice, positive: boolean): ModelConfig[] {
	const kinds = choice === 'auto' ? (['ets', 'mstl'] as const) : choice === 'ets' || choice === 'mstl' ? [choice] : [];
	return kinds.flatMap((kind) => (positive ? [{ kind, log: false }, { kind, log: true }] : [{ kind, log: false }]));
}

/** Forecasts y (its periods are ctx.dates[0..n), the horizon's are ctx.dates[n..n+h)) h periods ahead. */
export function forecastSeries(y: readonly number[], ctx: SeriesContext, choice: ModelChoice, h: number): SeriesForecast {
	const m = SEASON[ctx.freq];
	const naive = (train: readonly number[], hh: number) => seasonalNaive(train, m, hh);
	const baselineBacktest = backtest(y, h, m, MIN_TRAIN, naive);
	const baseline = naive(y, h);
	const configs = candidates(choice, y.length > 0 && y.every((v) => v > 0));
	if (configs.length === 0)
		return { model: 'seasonal-naive', label: `seasonal naive m=${baseline.m}`, notes: [], forecast: baseline, baseline, backtest: baselineBacktest, baselineBacktest };
	// Each candidate is fitted on the whole history first (its trend form chosen by AICc there); the backtest
	// refits its parameters at every origin with that form.
	let best: { fit: ModelFit; score: BacktestScore | null } | null = null;
	for (const config of configs) {
		const fit = fitModel(y, ctx, config, h);
		const fixed: ModelConfig = { ...config, trend: fit.ets?.trend };
		const score = backtest(y, h, m, MIN_TRAIN, (train, hh) => fitModel(train, ctx, fixed, hh));
		if (!best || (score && (!best.score || score.mae < best.score.mae))) best = { fit, score };
	}
	const { fit, score } = best as { fit: ModelFit; score: BacktestScore | null };
	const kind = fit.label.split(':')[0] ?? fit.label;
	return { model: kind, label: fit.label, notes: fit.notes, forecast: fit, baseline, backtest: score, baselineBacktest };
}
