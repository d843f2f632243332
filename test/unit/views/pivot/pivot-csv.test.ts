import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PIVOT } from '../../../../src/core/sql/pivot.ts';
import type { PivotResult } from '../../../../src/run/pivot.ts';
import { chartData } from '../../../../src/views/pivot/chart-data.ts';
import { pivotCsv } from '../../../../src/views/pivot/pivot-csv.ts';

// Two row fields with a subtotal and the grand total; a hostile key and a NULL key.
const RESULT: PivotResult = {
	spec: { ...DEFAULT_PIVOT, table: 'file', rows: ['城市', '渠道'], values: [{ agg: 'count' }, { field: '金额', agg: 'share' }] },
	fields: [{ name: '城市', kind: 'text' }, { name: '渠道', kind: 'text' }, { name: '金额', kind: 'number' }],
	columns: [{ id: 't_v0', key: null, value: 0 }, { id: 't_v1', key: null, value: 1 }],
	rows: [
		{ keys: ['=HYPERLINK("x")', null], depth: 1, values: { t_v0: 3, t_v1: 0.75 } },
		{ keys: ['=HYPERLINK("x")', 'App'], depth: 2, values: { t_v0: 2, t_v1: 0.5 } },
		{ keys: ['=HYPERLINK("x")', null], depth: 2, values: { t_v0: 1, t_v1: 0.25 } },
		{ keys: [null, null], depth: 0, values: { t_v0: 3, t_v1: 1 } }
	],
	keyCount: 0,
	keysShown: 0,
	rowCount: 4
};

describe('pivot CSV and chart data', () => {
	it('exports one column per row field, subtotal and grand-total rows named, keys formula-safe, empty keys named', () => {
		const text = pivotCsv('en', RESULT);
		expect(text.startsWith('\ufeff')).toBe(true);
		const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
		expect(rows).toEqual([
			['城市', '渠道', 'Count of rows', 'Share of the grand total of 金额'],
			[`'=HYPERLINK("x")`, 'Subtotal', '3', '0.75'],
			[`'=HYPERLINK("x")`, 'App', '2', '0.5'],
			[`'=HYPERLINK("x")`, '(empty)', '1', '0.25'],
			['Grand total', '', '3', '1']
		]);
		expect(Papa.parse<string[]>(pivotCsv('zh-CN', RESULT).slice(1)).data[4]![0]).toBe('总计');
	});

	it('draws cell rows only: the outer field along x, the inner one as series', () => {
		const cd = chartData('zh-CN', RESULT, false);
		expect(cd).toEqual({
			data: [{ x: '=HYPERLINK("x")', series: 'App', value: 2 }, { x: '=HYPERLINK("x")', series: '（空）', value: 1 }],
			xDomain: ['=HYPERLINK("x")'],
			seriesDomain: ['App', '（空）'],
			xField: '城市',
			seriesField: '渠道',
			xTotal: 1
		});
		expect(chartData('en', { ...RESULT, spec: { ...RESULT.spec, rows: ['城市', '渠道', '金额'] } }, false)).toBe('tooMany');
	});
});
