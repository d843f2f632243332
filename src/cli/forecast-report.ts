/** The two CSV reports of `clientele forecast` (columns and rounding are the README's contract). */
import type { Cell } from '../core/export/csv.ts';
import type { BacktestScore } from '../core/forecast/backtest.ts';
import type { GroupForecast } from '../core/forecast/groups.ts';
import { round4 } from './kpi.ts';

export const FORECAST_REPORTS = {
	forecast: ['group', 'period', 'kind', 'value', 'lower_80', 'upper_80', 'lower_95', 'upper_95'],
	backtest: ['group', 'model', 'horizon', 'origins', 'mae', 'rmse', 'mape', 'smape', 'mase', 'coverage_80', 'coverage_95']
} as const;

export type ForecastReportName = keyof typeof FORECAST_REPORTS;

/** Money (revenue) to 2 decimals, counts to 4. */
function rounder(money: boolean): (v: number) => number | null {
	return money ? (v) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : null) : (v) => round4(v);
}

export function forecastRows(groups: readonly GroupForecast[], money: boolean): Record<string, Cell>[] {
	const r = rounder(money);
	const rows: Record<string, Cell>[] = [];
	for (const g of groups) {
		g.history.forEach((v, i) => rows.push({ group: g.group, period: g.periods[i] ?? null, kind: 'history', value: r(v), lower_80: null, upper_80: null, lower_95: null, upper_95: null }));
		const f = g.result.forecast;
		f.mean.forEach((v, j) =>
			rows.push({ group: g.group, period: g.periods[g.history.length + j] ?? null, kind: 'forecast', value: r(v), lower_80: r(f.lower80[j]!), upper_80: r(f.upper80[j]!), lower_95: r(f.lower95[j]!), upper_95: r(f.upper95[j]!) })
		);
	}
	return rows;
}

function scoreRow(group: string, model: string, s: BacktestScore | null, horizon: number): Record<string, Cell> {
	if (!s) return { group, model, horizon, origins: 0, mae: null, rmse: null, mape: null, smape: null, mase: null, coverage_80: null, coverage_95: null };
	const n = (v: number) => (Number.isFinite(v) ? round4(v) : null);
	return { group, model, horizon: s.horizon, origins: s.origins, mae: n(s.mae), rmse: n(s.rmse), mape: n(s.mape), smape: n(s.smape), mase: n(s.mase), coverage_80: n(s.coverage80), coverage_95: n(s.coverage95) };
}

/** Per group: the chosen model, then seasonal naive (one row when seasonal naive is the model). */
export function backtestRows(groups: readonly GroupForecast[], horizon: number): Record<string, Cell>[] {
	return groups.flatMap((g) => {
		const chosen = scoreRow(g.group, g.result.model, g.result.backtest, horizon);
		return g.result.model === 'seasonal-naive' ? [chosen] : [chosen, scoreRow(g.group, 'seasonal-naive', g.result.baselineBacktest, horizon)];
	});
}
