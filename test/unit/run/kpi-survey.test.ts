import { describe, expect, it } from 'vitest';
import { isClienteleError, type ClienteleError } from '../../../src/core/errors.ts';
import { csatCountsSql, npsCountsSql, scoreCheckSql, scoreMomentsSql, type ScoreCheckRow } from '../../../src/core/sql/kpi.ts';
import { answerRangeSql } from '../../../src/core/sql/survey-scale.ts';
import { ident, join, lit, sql, type Sql } from '../../../src/core/sql/sql.ts';
import { csatByGroup, meanScoreByGroup, npsByGroup } from '../../../src/run/kpi.ts';
import { fixture, useDb } from '../../helpers/db.ts';
import { loadCsv } from '../../helpers/load-csv.ts';

const db = useDb();

async function caught(p: Promise<unknown>): Promise<ClienteleError> {
	try {
		await p;
	} catch (e) {
		if (isClienteleError(e)) return e;
		throw e;
	}
	throw new Error('expected a ClienteleError');
}

describe('NPS counts in SQL (nps_small.csv: region A = the R package scores, B = 10,10,9,6,5,8 and a blank)', () => {
	it('per region, blanks excluded, formulas from core', async () => {
		const file = fixture('kpi', 'nps_small.csv');
		await loadCsv(db, file);
		const rows = await npsByGroup(db, { file, score: 'nps', by: { kind: 'column', column: 'region' } });
		expect(rows.map((r) => [r.group, r.n, r.detractors, r.passives, r.promoters])).toEqual([
			['A', 6, 1, 2, 3],
			['B', 6, 2, 1, 3]
		]);
		expect(rows[0]!.nps).toBeCloseTo(1 / 3, 12);
		expect(rows[0]!.se).toBeCloseTo(0.304, 3);
		expect(rows[1]!.nps).toBeCloseTo(1 / 6, 12);
	});
	it('without grouping: one row "all" (12 answers; the blank-region row has a blank answer)', async () => {
		const rows = await npsByGroup(db, { file: 'f', score: 'nps' });
		expect(rows.map((r) => [r.group, r.n, r.nps])).toEqual([['all', 12, 0.25]]);
	});
	it('by quarter and by month of a date column', async () => {
		const file = fixture('kpi', 'nps_small.csv');
		const f = await loadCsv(db, file);
		const dateFormat = f.sniff.columns.find((c) => c.name === 'date')!.date!.format;
		const q = await npsByGroup(db, { file, score: 'nps', by: { kind: 'period', column: 'date', dateFormat, unit: 'quarter' } });
		expect(q.map((r) => [r.group, r.n])).toEqual([['2024-Q1', 12]]);
		const m = await npsByGroup(db, { file, score: 'nps', by: { kind: 'period', column: 'date', dateFormat, unit: 'month' } });
		expect(m.map((r) => [r.group, r.n, r.promoters])).toEqual([
			['2024-01', 4, 2],
			['2024-02', 4, 2],
			['2024-03', 4, 2]
		]);
	});
	it('scoreCheckSql counts blanks (empty and spaces) and finds no bad answer', async () => {
		const r = (await db.query<ScoreCheckRow>(scoreCheckSql({ source: 'raw', score: 'nps', min: 0, max: 10 }))).rows[0];
		expect(r).toMatchObject({ total: 14, blank: 2, bad: 0, first_bad_row: null });
	});
	it('parses the answer once per row: each query stays a few kB of SQL (the check named it 15 times, ≈ 270 kB, 2–16 s to plan)', () => {
		const o = { source: 'raw', score: 'nps', by: { kind: 'column', column: 'segment' } } as const;
		const sizes = [scoreCheckSql({ ...o, min: 0, max: 10 }), npsCountsSql(o), csatCountsSql({ ...o, scale: 5, satisfiedFrom: 4 }), scoreMomentsSql(o), answerRangeSql(o)].map((q) => q.text.length);
		expect(sizes.filter((n) => n > 4000)).toEqual([]);
	});
});

describe('bad NPS answers: one error with file, row and column', () => {
	it.each([
		{ name: "'abc' at data row 18", file: 'nps_bad_text.csv', row: 18, value: 'abc' },
		{ name: '11 at data row 3', file: 'nps_bad_range.csv', row: 3, value: '11' }
	])('$name', async ({ file, row, value }) => {
		const path = fixture('kpi', file);
		await loadCsv(db, path);
		const e = await caught(npsByGroup(db, { file: path, score: 'score' }));
		expect(e.code).toBe('kpi.badScore');
		expect(e.params).toMatchObject({ file: path, row, column: 'score', value, min: 0, max: 10, count: 1 });
	});
	it('7.5 is not an NPS answer; an all-blank column says so', async () => {
		await db.exec(valuesTable('s', ['9', '7.5', '']));
		expect((await caught(npsByGroup(db, { file: 'f', score: 'v', source: 's' }))).params).toMatchObject({ row: 2, value: '7.5' });
		await db.exec(valuesTable('s', ['', ' ']));
		expect((await caught(npsByGroup(db, { file: 'f', score: 'v', source: 's' }))).code).toBe('kpi.noAnswers');
	});
});

function valuesTable(name: string, values: string[]): Sql {
	return sql`CREATE OR REPLACE TABLE ${ident(name)} AS SELECT * FROM (VALUES ${join(values.map((v) => sql`(${lit(v)})`))}) AS t(v)`;
}

describe('CSAT counts (csat_blanks.csv: 10 calls, 2 blank)', () => {
	it.each([
		{ scale: 5, score: 'rating', n: 8, satisfied: 5 },
		{ scale: 7, score: 'rating7', n: 8, satisfied: 4 },
		{ scale: 10, score: 'rating10', n: 8, satisfied: 4 }
	])('$scale-point scale ($score): $satisfied of $n satisfied', async ({ scale, score, n, satisfied }) => {
		const file = fixture('kpi', 'csat_blanks.csv');
		await loadCsv(db, file);
		const [r] = await csatByGroup(db, { file, score, scale });
		expect(r).toMatchObject({ group: 'all', n, satisfied });
		expect(r!.csat).toBe(satisfied / n);
	});
	it('per agent, with the Wilson interval', async () => {
		const rows = await csatByGroup(db, { file: 'f', score: 'rating', scale: 5, by: { kind: 'column', column: 'agent' } });
		expect(rows.map((r) => [r.group, r.n, r.satisfied])).toEqual([
			['Ann', 3, 2],
			['Bob', 5, 3]
		]);
		expect(rows[0]!.ciLow).toBeCloseTo(0.2077, 4);
	});
	it('an answer of 6 on a 5-point scale is an error at its row; 4 is not a scale', async () => {
		const e = await caught(csatByGroup(db, { file: 'f', score: 'rating7', scale: 5 }));
		expect(e.params).toMatchObject({ row: 1, column: 'rating7', value: '7', max: 5 });
		expect((await caught(csatByGroup(db, { file: 'f', score: 'rating', scale: 4 }))).code).toBe('kpi.badScale');
	});
	it('CES-style mean with interval (rating, 1–5)', async () => {
		const [r] = await meanScoreByGroup(db, { file: 'f', score: 'rating', min: 1, max: 5 });
		expect(r!.n).toBe(8);
		expect(r!.mean).toBeCloseTo(29 / 8, 12);
	});
});
