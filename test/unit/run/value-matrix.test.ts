import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fitAndWarn } from '../../../src/cli/clv.ts';
import { valueMatrixCommand } from '../../../src/cli/value-matrix.ts';
import { valueMatrixCustomersSql } from '../../../src/core/sql/value-matrix.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { CLV_TABLE, RFM_TABLE, TX_TABLE, VALUE_MATRIX_TABLE } from '../../../src/run/tables.ts';
import { analysisWindow } from '../../../src/state/window.svelte.ts';
import { DEFAULT_VALUE_MATRIX, potentialColumns, runValueMatrix, runValueMatrixFromTransactions, txHasCost } from '../../../src/run/value-matrix.ts';
import { MatrixModel } from '../../../src/views/value-matrix/matrix-model.svelte.ts';
import { fixture, useDb, useTmpDir } from '../../helpers/db.ts';
import { cdnowTransactions } from '../core/clv/cdnow.ts';

/*
 * Hand tables (as in test/unit/core/sql/value-matrix.test.ts). 2024 revenue: a 100, b 300, c 50,
 * d 500, e 0 (bought in 2023 only); CLV: a 900, b 10, c 20, d 800, e 700, f none (left out).
 * Medians of a…e: current (0, 50, 100, 300, 500) → 100, potential (10, 20, 700, 800, 900) → 700:
 * a core, b general, c low, d core, e potential.
 */
describe('runValueMatrix on hand tables', () => {
	const db = useDb();
	beforeAll(async () => {
		await db.exec(sql`CREATE TABLE ${ident(TX_TABLE)} AS SELECT * FROM (VALUES
			('a', TIMESTAMP '2024-01-05', 100.0), ('b', TIMESTAMP '2024-02-01', 300.0), ('c', TIMESTAMP '2024-03-01', 50.0),
			('d', TIMESTAMP '2024-04-01', 500.0), ('e', TIMESTAMP '2023-06-01', 200.0)) t(customer_id, ts, amount)`);
		await db.exec(sql`CREATE TABLE ${ident(CLV_TABLE)} AS SELECT * FROM (VALUES
			('a', 900.0, 0.9, 100.0, 3.0), ('b', 10.0, 0.2, 100.0, 0.5), ('c', 20.0, 0.5, 10.0, 1.0),
			('d', 800.0, 0.8, 200.0, 4.0), ('e', 700.0, 0.1, 50.0, 2.0), ('f', NULL, 1.0, NULL, 0.1)) t(customer_id, clv, p_alive, expected_avg_spend, expected_purchases)`);
		await db.exec(sql`CREATE TABLE ${ident(RFM_TABLE)} AS SELECT * FROM (VALUES ('a', 5, 4, 3), ('b', 1, 1, 1), ('c', 2, 2, 2), ('d', 5, 5, 5), ('e', 3, 3, 3)) t(customer_id, r_score, f_score, m_score)`);
	});

	it('summarises the quadrants with the splits used and returns the points', async () => {
		const r = await runValueMatrix(db, { current: { kind: 'revenue', from: '2024-01-01', to: '2024-12-31' }, potential: 'clv', split: { kind: 'median' } });
		expect(r.summary.map((q) => [q.quadrant, q.customers, q.revenue, q.current_split, q.potential_split])).toEqual([
			['core', 2, 600, 100, 700],
			['potential', 1, 0, 100, 700],
			['general', 1, 300, 100, 700],
			['low', 1, 50, 100, 700]
		]);
		expect(Object.fromEntries(r.points.map((p) => [p.customer_id, p.quadrant]))).toEqual({ a: 'core', b: 'general', c: 'low', d: 'core', e: 'potential' });
	});

	it('lists the customers for the page: translated headers and quadrant names, one quadrant, highest potential first', async () => {
		await runValueMatrix(db, { current: { kind: 'revenue', from: '2024-01-01' }, potential: 'clv', split: { kind: 'median' } });
		const all = (await db.query(valueMatrixCustomersSql({ matrix: VALUE_MATRIX_TABLE, names: { customer_id: '客户', quadrant: '象限' }, quadrants: { core: '核心' } }))).rows;
		expect(all.map((r) => [r['客户'], r['象限']])).toEqual([
			['a', '核心'],
			['d', '核心'],
			['e', 'potential'],
			['c', 'low'],
			['b', 'general']
		]);
		expect(Object.keys(all[0] ?? {})).toEqual(['客户', '象限', 'current_value', 'potential_value', 'revenue', 'clv', 'p_alive', 'expected_purchases', 'expected_avg_spend']);
		const core = (await db.query(valueMatrixCustomersSql({ matrix: VALUE_MATRIX_TABLE, quadrant: 'core' }))).rows;
		expect(core.map((r) => [r.customer_id, r.quadrant, r.potential_value])).toEqual([
			['a', 'core', 900],
			['d', 'core', 800]
		]);
	});

	it('offers the numeric columns of the CLV and RFM tables, and margin only once the transactions have a cost', async () => {
		expect(await potentialColumns(db)).toEqual([
			...['clv', 'p_alive', 'expected_avg_spend', 'expected_purchases'].map((column) => ({ table: CLV_TABLE, column })),
			...['r_score', 'f_score', 'm_score'].map((column) => ({ table: RFM_TABLE, column }))
		]);
		expect(await txHasCost(db)).toBe(false);
		await db.exec(sql`ALTER TABLE ${ident(TX_TABLE)} ADD COLUMN cost DOUBLE`);
		expect(await txHasCost(db)).toBe(true);
	});

	it('page and CLI start from DEFAULT_VALUE_MATRIX; the page’s revenue window is the analysis window', () => {
		const m = new MatrixModel(db);
		expect({ current: m.currentKind, potential: m.potentialKey, split: m.splitKind }).toEqual({ ...DEFAULT_VALUE_MATRIX });
		analysisWindow.setDefaults({ start: '2024-01-02', asOf: '2024-12-31' });
		expect(m.options).toEqual({ current: { kind: 'revenue', from: '2024-01-02', to: '2024-12-31' }, potential: 'clv', split: { kind: 'median' } });
	});
});

describe('runValueMatrixFromTransactions on CDNOW', () => {
	const db = useDb();
	const tmp = useTmpDir('clientele-run-vm-');
	const CDNOW = fixture('cdnow', 'cdnow_sample_clean.csv');
	beforeAll(async () => {
		await db.exec(sql`CREATE TABLE ${ident(TX_TABLE)} AS SELECT CAST(customer_id AS VARCHAR) AS customer_id, CAST("date" AS TIMESTAMP) AS ts, CAST(amount AS DOUBLE) AS amount
			FROM read_csv(${CDNOW}, header = true, all_varchar = true)`);
	});

	it('is what clientele value-matrix writes with its defaults; current value = all revenue; high from the medians', async () => {
		const out = path.join(tmp(), 'vm.csv');
		expect(await valueMatrixCommand(['--input', CDNOW, '--customer', 'customer_id', '--date', 'date', '--amount', 'amount', '--out', out])).toBeNull();
		const r = await runValueMatrixFromTransactions(
			db,
			{ unit: 'week', horizonMonths: 12, monthlyDiscountRate: 0.01, current: { kind: DEFAULT_VALUE_MATRIX.current }, potential: DEFAULT_VALUE_MATRIX.potential, split: { kind: DEFAULT_VALUE_MATRIX.split }, rfmFrequency: 'days', today: '2030-01-01' },
			fitAndWarn
		);
		const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\r\n');
		expect(lines[0]).toBe('customer_id,current_value,potential_value,quadrant');
		expect(lines.slice(1)).toEqual(r.rows.map((row) => [row.customer_id, row.current_value, row.potential_value, row.quadrant].join(',')));
		// Revenue per customer from the file, summed here.
		const revenue = new Map<string, number>();
		for (const t of cdnowTransactions()) revenue.set(t.customerId, (revenue.get(t.customerId) ?? 0) + t.amount);
		expect(r.rows).toHaveLength(revenue.size);
		expect(r.rows.filter((row) => Math.abs(Number(row.current_value) - (revenue.get(String(row.customer_id)) ?? NaN)) > 1e-6)).toEqual([]);
		const median = (v: number[]) => {
			const s = [...v].sort((a, b) => a - b);
			return ((s[(s.length - 1) >> 1] as number) + (s[s.length >> 1] as number)) / 2;
		};
		const cx = median(r.rows.map((row) => Number(row.current_value)));
		const cy = median(r.rows.map((row) => Number(row.potential_value)));
		const want = (x: number, y: number) => (x >= cx - 1e-6 ? (y >= cy - 1e-6 ? 'core' : 'general') : y >= cy - 1e-6 ? 'potential' : 'low');
		expect(r.rows.filter((row) => row.quadrant !== want(Number(row.current_value), Number(row.potential_value)))).toEqual([]);
		expect(r.fit.bgnbd.params.r).toBeGreaterThan(0);
	});
});
