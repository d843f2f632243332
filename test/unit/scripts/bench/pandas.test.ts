import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { rfmCommand } from '../../../../src/cli/rfm.ts';
import { parseArgs } from '../../../../scripts/bench/args.ts';
import { ensureRetailCsv } from '../../../../scripts/bench/generate.ts';
import {
	comparePandas,
	compareSegments,
	pandasAvailable,
	runPandas,
	withRatios
} from '../../../../scripts/bench/pandas.ts';
import type { SizeResult } from '../../../../scripts/bench/report.ts';
import { useTmpDir } from '../../../helpers/db.ts';

const tmp = useTmpDir('clientele-bench-pandas-');
const hasPandas = !('missing' in pandasAvailable());
const ROLES = [
	'--customer',
	'CustomerID',
	'--date',
	'InvoiceDate',
	'--quantity',
	'Quantity',
	'--price',
	'UnitPrice',
	'--order',
	'InvoiceNo'
];
const ids = (names: Record<string, string>) =>
	Object.fromEntries(Object.entries(names).map(([id, n]) => [n, id]));

describe('bench: pandas_rfm.py beside the page', () => {
	it.skipIf(!hasPandas)(
		"equals the CLI's RFM (DuckDB-WASM, the page's SQL) customer by customer on a generated retail file",
		async () => {
			// 20,000 Online-Retail rows: cancelled invoices, lines without a customer, ties in frequency.
			const file = await ensureRetailCsv(tmp(), 20_000, 7);
			const out = path.join(tmp(), 'wasm.csv');
			expect(await rfmCommand(['--input', file.path, ...ROLES, '--out', out])).toBeNull();
			const wasm = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8'), {
				header: true,
				skipEmptyLines: true
			}).data;
			const run = runPandas(file.path, true);
			// The CLI prints R rfm's segment names; pandas the ids.
			const { R_SEGMENT_NAMES } = await import('../../../../src/core/segments/rules.ts');
			const byName = ids(R_SEGMENT_NAMES);
			const rows = wasm.map((r) => ({ ...r, segment: byName[r.segment!] ?? r.segment ?? '' }));
			expect(rows.length).toBeGreaterThan(500);
			expect(comparePandas(run.customersCsv!, rows)).toEqual([]);
			const counts: Record<string, number> = {};
			for (const r of rows) counts[r.segment!] = (counts[r.segment!] ?? 0) + 1;
			expect(compareSegments(run.segments, counts)).toEqual([]);
			expect(run.customers).toBe(rows.length);
		},
		120_000
	);

	it('comparePandas names a differing customer and lets monetary differ below a cent', () => {
		const csv = path.join(tmp(), 'p.csv');
		fs.writeFileSync(
			csv,
			'customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,segment\nA,3,2,10.5,5,4,3,promising\nB,9,1,2.25,1,1,1,lost\n'
		);
		const same = [
			{
				customer_id: 'A',
				recency_days: 3,
				frequency: 2,
				monetary: 10.500000001,
				r_score: 5,
				f_score: 4,
				m_score: 3,
				segment: 'promising'
			},
			{
				customer_id: 'B',
				recency_days: 9,
				frequency: 1,
				monetary: 2.25,
				r_score: 1,
				f_score: 1,
				m_score: 1,
				segment: 'lost'
			}
		];
		expect(comparePandas(csv, same)).toEqual([]);
		const other = [same[0]!, { ...same[1]!, frequency: 2, segment: 'about_to_sleep' }];
		expect(comparePandas(csv, other)).toEqual([
			'customer B: frequency pandas 1 native 2, segment pandas lost native about_to_sleep'
		]);
		expect(comparePandas(csv, [same[0]!])).toEqual(['customers: pandas 2, native 1']);
	});

	it('withRatios divides load + RFM of page and native by pandas_ms', () => {
		const r = withRatios({
			rows: 1000,
			page: {
				load_ms: 2000,
				rfm_ms: 500,
				value_matrix_ms: null,
				peak_rss_mb: null,
				longest_task_ms: null
			},
			native: { load_ms: 1000, rfm_ms: 250, value_matrix_ms: null },
			papaparse_ms: null,
			pandas_ms: 2000
		} as SizeResult);
		// page 2.5 s, native 1.25 s, pandas 2 s: 2500/2000, 2500/1250, 1250/2000.
		expect(r.load_rfm_ms).toEqual({ page: 2500, native: 1250, pandas: 2000 });
		expect(r.ratios).toEqual({ page_pandas: 1.25, page_native: 2, native_pandas: 0.63 });
	});

	it('--only takes pandas', () => {
		expect([...parseArgs(['--only', 'native,pandas'], 1).only]).toEqual(['native', 'pandas']);
	});
});
