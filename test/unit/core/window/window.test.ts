import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runClv } from '../../../../src/core/clv/fit.ts';
import { isClienteleError } from '../../../../src/core/errors.ts';
import { mappingFor } from '../../../../src/core/import/mapping.ts';
import { R10_DOCS } from '../../../../src/core/segments/rules.ts';
import { retentionCountsSql } from '../../../../src/core/sql/retention.ts';
import { segmentSummarySql } from '../../../../src/core/sql/rfm.ts';
import { ident, sql } from '../../../../src/core/sql/sql.ts';
import { checkWindow, defaultWindow, windowRange, type AnalysisWindow } from '../../../../src/core/window/window.ts';
import { runAbc } from '../../../../src/run/abc.ts';
import { defaultClvDates, DEFAULT_CLV, runClvModels } from '../../../../src/run/clv.ts';
import { loadFile } from '../../../../src/run/load-file.ts';
import { runRfm } from '../../../../src/run/rfm.ts';
import { defaultAsOf } from '../../../../src/run/as-of.ts';
import { applyMapping } from '../../../../src/run/stage.ts';
import { RFM_TABLE, TX_TABLE } from '../../../../src/run/tables.ts';
import { runValueMatrix } from '../../../../src/run/value-matrix.ts';
import { useDb } from '../../../helpers/db.ts';

describe('checkWindow', () => {
	it.each([
		[{ start: '2024-01-01', asOf: '2024-01-01' }, null],
		[{ start: '2024-02-30', asOf: '2024-03-01' }, 'window.badDate'],
		[{ start: '2024-01-01', asOf: '' }, 'window.badDate'],
		[{ start: '2024-03-02', asOf: '2024-03-01' }, 'window.order']
	])('%o → %s', (w, code) => {
		let got: string | null = null;
		try {
			expect(checkWindow(w)).toEqual(w);
		} catch (e) {
			got = isClienteleError(e) ? e.code : String(e);
		}
		expect(got).toBe(code);
	});

	it('defaults: first transaction day to RFM’s default as-of; ABC’s from/to are the window’s days', () => {
		const w = defaultWindow({ firstDay: '2024-01-01', asOf: '2026-01-01' });
		expect(w).toEqual({ start: '2024-01-01', asOf: '2026-01-01' });
		expect(windowRange(w)).toEqual({ from: '2024-01-01', to: '2026-01-01' });
	});
});

const SAMPLE = path.resolve(import.meta.dirname, '../../../../public/sample/transactions.csv');

describe('every view’s totals agree for the same window (the sample, real DuckDB)', () => {
	const db = useDb();
	let defaults: AnalysisWindow;
	beforeAll(async () => {
		const file = await loadFile(db, { fileName: 'transactions.csv', source: { kind: 'path', path: SAMPLE }, sample: fs.readFileSync(SAMPLE, 'utf8').slice(0, 200_000) });
		await applyMapping(db, file!, mappingFor(file!.sniff, file!.guess));
		const d = await defaultAsOf(db, { today: '2026-12-05' });
		defaults = defaultWindow(d!);
	}, 60_000);

	async function totals(w: AnalysisWindow) {
		await runRfm(db, { asOf: w.asOf, start: w.start, frequency: 'orders', set: R10_DOCS });
		const seg = (await db.query<{ customers: number; revenue: number; orders: number }>(segmentSummarySql(RFM_TABLE))).rows;
		const rfm = { customers: seg.reduce((s, r) => s + r.customers, 0), revenue: seg.reduce((s, r) => s + r.revenue, 0) };
		const buyersRfm = (await db.query<{ n: number }>(sql`SELECT CAST(count(*) AS INTEGER) AS n FROM ${ident(RFM_TABLE)} WHERE frequency > 0`)).rows[0]!.n;
		const abc = await runAbc(db, windowRange(w));
		const abcTotal = { customers: abc.classes.reduce((s, r) => s + r.customers, 0), revenue: abc.classes.reduce((s, r) => s + r.revenue, 0) };
		const dates = defaultClvDates(w);
		await runClvModels(db, { ...DEFAULT_CLV, ...dates, start: w.start, score: 'observation-end' }, runClv);
		const vm = await runValueMatrix(db, { current: { kind: 'revenue', ...windowRange(w) }, potential: 'clv', split: { kind: 'median' } });
		const vmTotal = { customers: vm.summary.reduce((s, r) => s + r.customers, 0), revenue: vm.summary.reduce((s, r) => s + r.revenue, 0) };
		const kpi = (await db.query<{ buyers: number }>(retentionCountsSql({ tx: TX_TABLE, start: w.start, end: w.asOf, lostDays: 90, purchases: 'orders' }))).rows[0]!;
		return { rfm, buyersRfm, abc: abcTotal, vm: vmTotal, kpiBuyers: kpi.buyers };
	}

	it.each([
		['the default window', null],
		['a window inside the data', { start: '2025-01-01', asOf: '2025-06-30' }]
	])('%s', async (_, custom) => {
		const w = custom ?? defaults;
		const t = await totals(w);
		const d = (
			await db.query<{ revenue: number; customers: number; buyers: number }>(sql`SELECT round(sum(amount), 2) AS revenue,
				CAST(count(DISTINCT customer_id) AS INTEGER) AS customers,
				CAST(count(DISTINCT customer_id) FILTER (WHERE amount > 0) AS INTEGER) AS buyers
				FROM ${ident(TX_TABLE)} WHERE CAST(ts AS DATE) BETWEEN CAST(${w.start} AS DATE) AND CAST(${w.asOf} AS DATE)`)
		).rows[0]!;
		expect(d.customers).toBeGreaterThan(100);
		for (const v of [t.rfm, t.abc, t.vm]) {
			expect(v.customers).toBe(d.customers);
			expect(v.revenue).toBeCloseTo(d.revenue, 1);
		}
		expect(t.buyersRfm).toBe(d.buyers);
		expect(t.kpiBuyers).toBe(d.buyers);
	}, 120_000);

	it('the default window leaves RFM’s strays out of ABC too (one revenue, not 12,643,575 against 12,643,721)', async () => {
		const all = await runAbc(db, {});
		const inWindow = await runAbc(db, windowRange(defaults));
		const sum = (r: typeof all) => r.classes.reduce((s, c) => s + c.revenue, 0);
		expect(defaults).toEqual({ start: '2024-01-01', asOf: '2026-01-01' });
		expect(Math.round(sum(all))).toBe(12_643_721);
		expect(Math.round(sum(inWindow))).toBe(12_643_575);
	}, 60_000);
});
