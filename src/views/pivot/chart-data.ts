/**
 * The cells the chart draws, from the pivot's result: the first value, cell rows only (no subtotals
 * or totals), the first field along x and the second (inner row field or column field) as series.
 * At most MAX_X row values, and MAX_SERIES series for bars (MAX_HEAT_SERIES for a heatmap).
 */
import type { PivotDatum } from '../../charts/pivot.ts';
import type { Lang } from '../../i18n/translate.ts';
import type { PivotResult } from '../../run/pivot.ts';
import { keyText } from './labels.ts';

export const MAX_X = 30;
export const MAX_SERIES = 12;
export const MAX_HEAT_SERIES = 50;

export interface ChartData {
	data: PivotDatum[];
	xDomain: string[];
	seriesDomain: string[];
	/** Field names along x and as series ('' when none). */
	xField: string;
	seriesField: string;
	/** Row values in all (more than xDomain.length when cut). */
	xTotal: number;
}

export function chartData(lang: Lang, r: PivotResult, heatmap: boolean): ChartData | 'none' | 'tooMany' {
	const { rows, columns } = r.spec;
	if (rows.length + columns.length === 0) return 'none';
	if (rows.length + columns.length > 2) return 'tooMany';
	const first = r.columns.filter((c) => c.key !== null && c.value === 0);
	const cells: { x: string; series: string; value: number | null }[] = [];
	if (rows.length === 2 || (rows.length === 1 && columns.length === 0)) {
		for (const row of r.rows) if (row.depth === rows.length) cells.push({ x: keyText(lang, row.keys[0]!), series: rows.length === 2 ? keyText(lang, row.keys[1]!) : '', value: row.values.t_v0 ?? null });
	} else if (rows.length === 1) {
		for (const row of r.rows) if (row.depth === 1) for (const c of first) cells.push({ x: keyText(lang, row.keys[0]!), series: keyText(lang, c.key![0]!), value: row.values[c.id] ?? null });
	} else {
		const grand = r.rows.find((x) => x.depth === 0);
		for (const c of first) cells.push({ x: keyText(lang, c.key![0]!), series: columns.length === 2 ? keyText(lang, c.key![1]!) : '', value: grand?.values[c.id] ?? null });
	}
	const xs = [...new Set(cells.map((c) => c.x))];
	const series = [...new Set(cells.map((c) => c.series))].slice(0, heatmap ? MAX_HEAT_SERIES : MAX_SERIES);
	const xDomain = xs.slice(0, MAX_X);
	const data = cells.filter((c): c is PivotDatum => c.value !== null && xDomain.includes(c.x) && series.includes(c.series));
	const fields = [...rows, ...columns];
	return { data, xDomain, seriesDomain: series, xField: fields[0]!, seriesField: fields[1] ?? '', xTotal: xs.length };
}
