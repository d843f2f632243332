import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csatFromScores } from '../../../../src/core/kpi/csat.ts';
import { npsFromScores } from '../../../../src/core/kpi/nps.ts';
import { funnelSql } from '../../../../src/core/sql/journey-paths.ts';
import { sql } from '../../../../src/core/sql/sql.ts';
import { csatByGroup, npsByGroup } from '../../../../src/run/kpi.ts';
import { fixture, useDb, SHARED_DATA } from '../../../helpers/db.ts';
import { loadCsv } from '../../../helpers/load-csv.ts';

const NPS_FILE = path.join(SHARED_DATA, 'surveys', 'nps_testdata.csv');
const CALLS_FILE = path.join(SHARED_DATA, 'call_center', 'call_center_pwc.csv');
const SESSIONS_FILE = path.join(SHARED_DATA, 'sessions', 'online_shoppers_intention.csv');

const db = useDb();

function readRows(file: string): Record<string, string>[] {
	return Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

/** Groups rows by a column; the JS side of each check, independent of the SQL. */
function groupBy<T>(rows: Record<string, string>[], col: string, f: (rows: Record<string, string>[]) => T): Map<string, T> {
	const m = new Map<string, Record<string, string>[]>();
	for (const r of rows) m.set(r[col]!, [...(m.get(r[col]!) ?? []), r]);
	return new Map([...m].map(([k, v]) => [k, f(v)]));
}

describe.skipIf(!existsSync(NPS_FILE))(`NPS on ../shared/data/surveys/nps_testdata.csv (skipped: ../shared absent)`, () => {
	it.each(['BU', 'Region'])('by %s: SQL counts + core formulas = the same formulas on the parsed file', async (by) => {
		await loadCsv(db, NPS_FILE);
		const got = await npsByGroup(db, { file: NPS_FILE, score: 'REC', by: { kind: 'column', column: by } });
		const want = groupBy(readRows(NPS_FILE), by, (rs) => npsFromScores(rs.map((r) => Number(r.REC))));
		expect(got.map((r) => r.group)).toEqual([...want.keys()].sort());
		for (const r of got) {
			const w = want.get(r.group!)!;
			expect([r.n, r.detractors, r.passives, r.promoters]).toEqual([w.n, w.detractors, w.passives, w.promoters]);
			expect(r.nps).toBeCloseTo(w.nps, 12);
			expect(r.se).toBeCloseTo(w.se, 12);
		}
		expect(got.reduce((s, r) => s + r.n, 0)).toBe(1000);
	});
	it('overall: 1000 answers, 462 promoters (9–10), 362 detractors (0–6): NPS 10 points', async () => {
		await loadCsv(db, NPS_FILE);
		const [all] = await npsByGroup(db, { file: NPS_FILE, score: 'REC' });
		expect(all).toMatchObject({ n: 1000, promoters: 462, passives: 176, detractors: 362 });
		expect(all!.nps * 100).toBeCloseTo(10, 10);
	});
});

describe.skipIf(!existsSync(CALLS_FILE))(`CSAT on ../shared/data/call_center/call_center_pwc.csv (skipped: ../shared absent)`, () => {
	it('5000 calls, 946 blank ratings excluded: 2023 of 4054 rate 4–5', async () => {
		await loadCsv(db, CALLS_FILE);
		const [all] = await csatByGroup(db, { file: CALLS_FILE, score: 'Satisfaction rating', scale: 5 });
		expect(all).toMatchObject({ n: 4054, satisfied: 2023 });
		expect(all!.ciLow).toBeLessThan(all!.csat);
		expect(all!.ciHigh).toBeGreaterThan(all!.csat);
	});
	it('by agent: same as the formulas on the parsed file', async () => {
		await loadCsv(db, CALLS_FILE);
		const got = await csatByGroup(db, { file: CALLS_FILE, score: 'Satisfaction rating', scale: 5, by: { kind: 'column', column: 'Agent' } });
		const want = groupBy(readRows(CALLS_FILE), 'Agent', (rs) => csatFromScores(rs.map((r) => (r['Satisfaction rating']!.trim() === '' ? null : Number(r['Satisfaction rating']))), 5));
		expect(got.length).toBe(want.size);
		for (const r of got) {
			const w = want.get(r.group!)!;
			expect([r.n, r.satisfied]).toEqual([w.n, w.satisfied]);
			expect(r.ciLow).toBeCloseTo(w.ciLow, 12);
		}
	});
});

/** Sessions as touchpoint events: visit → product (ProductRelated > 0) → purchase (Revenue). */
async function sessionFunnel(file: string) {
	await loadCsv(db, file);
	await db.exec(sql`CREATE OR REPLACE TABLE sess_tp AS
		SELECT CAST(rowid AS VARCHAR) AS customer_id, TIMESTAMP '2024-01-01 00:00:00' + to_seconds(k) AS ts, touchpoint,
			CAST(NULL AS VARCHAR) AS channel, CAST(NULL AS VARCHAR) AS stage, CAST(NULL AS DOUBLE) AS score,
			CAST(NULL AS VARCHAR) AS outcome, "VisitorType" AS segment, CAST(k + 1 AS INTEGER) AS seq
		FROM (
			SELECT rowid, "VisitorType", 0 AS k, 'visit' AS touchpoint FROM raw
			UNION ALL SELECT rowid, "VisitorType", 1, 'product' FROM raw WHERE TRY_CAST("ProductRelated" AS INTEGER) > 0
			UNION ALL SELECT rowid, "VisitorType", 2, 'purchase' FROM raw WHERE upper("Revenue") IN ('1', 'TRUE')
		)`);
	const got = (await db.query<{ group: string; step: number; customers: number }>(funnelSql({ table: 'sess_tp', steps: ['visit', 'product', 'purchase'], windowDays: 1, by: { column: 'segment' } }))).rows;
	const want = groupBy(readRows(file), 'VisitorType', (rs) => {
		const product = rs.filter((r) => Number(r.ProductRelated) > 0);
		return [rs.length, product.length, product.filter((r) => ['1', 'TRUE'].includes(r.Revenue!.toUpperCase())).length];
	});
	return { got, want };
}

describe('funnel on real web sessions by visitor type (first 300 sessions, CC BY 4.0 subset in test/fixtures/kpi)', () => {
	it('SQL funnel = counts on the parsed file', async () => {
		const { got, want } = await sessionFunnel(fixture('kpi', 'online_shoppers_first300.csv'));
		for (const [g, counts] of want) expect(got.filter((r) => r.group === g).map((r) => r.customers)).toEqual(counts);
		expect(got.filter((r) => r.step === 1).reduce((s, r) => s + r.customers, 0)).toBe(300);
	});
});

describe.skipIf(!existsSync(SESSIONS_FILE))(`funnel on all 12,330 sessions of ../shared/data/sessions (skipped: ../shared absent)`, () => {
	it('SQL funnel = counts on the parsed file, per visitor type', async () => {
		const { got, want } = await sessionFunnel(SESSIONS_FILE);
		expect(got.filter((r) => r.step === 1).reduce((s, r) => s + r.customers, 0)).toBe(12330);
		for (const [g, counts] of want) expect(got.filter((r) => r.group === g).map((r) => r.customers)).toEqual(counts);
	});
});
