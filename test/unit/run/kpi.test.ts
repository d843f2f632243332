import { describe, expect, it } from 'vitest';
import { scoreCheckSql } from '../../../src/core/sql/kpi.ts';
import { sql } from '../../../src/core/sql/sql.ts';
import { dbTap } from '../../../src/db/tap.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import * as kpi from '../../../src/run/kpi.ts';
import { RAW_TABLE, SURVEY_JOINED } from '../../../src/run/tables.ts';
import { fixture, useDb } from '../../helpers/db.ts';
import { loadCsv } from '../../helpers/load-csv.ts';

/*
 * The sequences the KPI view runs, in Node: the survey KPIs of one grouping as one step, the answers
 * joined to segments, retention period by period. nps_small.csv: region A = 0,7,7,9,9,9, B =
 * 10,10,9,6,5,8 (and a blank); tx_retention.csv as in kpi-retention.test.ts.
 */
const db = useDb();

const NPS_SMALL = fixture('kpi', 'nps_small.csv');
const byRegion = { kind: 'column', column: 'region' } as const;

describe('survey KPIs as one step', () => {
	it('lists the check and the counts of each KPI, and runs the three runners', async () => {
		await loadCsv(db, NPS_SMALL);
		const o: kpi.SurveyKpiOptions = { file: 'f', by: byRegion, nps: { score: 'nps' }, ces: { score: 'nps', min: 0, max: 10 } };
		const step = kpi.surveyKpisStep(o);
		expect(step.sql).toHaveLength(4);
		const rows = await step.run(db);
		const nps = await kpi.npsByGroup(db, { file: 'f', score: 'nps', by: byRegion });
		const ces = await kpi.meanScoreByGroup(db, { file: 'f', score: 'nps', by: byRegion, min: 0, max: 10 });
		expect(rows.map((r) => [r.group, r.nps?.nps, r.ces?.mean, r.csat])).toEqual(nps.map((r, i) => [r.group, r.nps, ces[i]!.mean, undefined]));
		expect(rows[0]!.nps!.nps).toBeCloseTo(1 / 3, 12);
	});

	it('its statements change with the options they use, and only then', () => {
		const base: kpi.SurveyKpiOptions = { file: 'f', nps: { score: 'nps' }, csat: { score: 'csat', scale: 5 } };
		const texts = (o: kpi.SurveyKpiOptions) => [kpi.surveyKpisStep(o).sql].flat().map((s) => s.text);
		expect(texts({ ...base })).toEqual(texts(base));
		expect(texts({ ...base, file: 'other name' })).toEqual(texts(base));
		const byScale = texts({ ...base, csat: { score: 'csat', scale: 7 } });
		expect(byScale.slice(0, 2)).toEqual(texts(base).slice(0, 2));
		expect(byScale.slice(2)).not.toEqual(texts(base).slice(2));
		// Grouping changes the counts, not the answer checks.
		const grouped = texts({ ...base, by: byRegion });
		expect(grouped.map((t, i) => t === texts(base)[i])).toEqual([true, false, true, false]);
	});

	it('a bad answer stops the step with the runner’s error', async () => {
		await loadCsv(db, fixture('kpi', 'nps_bad_range.csv'));
		await expect(kpi.surveyKpisStep({ file: 'bad.csv', nps: { score: 'score' } }).run(db)).rejects.toMatchObject({ code: 'kpi.badScore', params: { row: 3 } });
	});
});

describe('answers joined to segments', () => {
	it('joins, answers with the joined table, and lists the values to compare', async () => {
		await loadCsv(db, NPS_SMALL);
		await db.exec(sql`CREATE OR REPLACE TABLE rfm AS SELECT * FROM (VALUES ('1', 'champions'), ('7', 'lost')) AS t(customer_id, segment)`);
		const step = kpi.joinSurveysStep({ source: RAW_TABLE, customer: 'respondent', rfm: true, quadrant: null });
		expect(await step.run(db)).toBe(SURVEY_JOINED);
		const bySegment = await kpi.npsByGroup(db, { file: 'f', source: SURVEY_JOINED, score: 'nps', by: { kind: 'column', column: '__segment' } });
		expect(bySegment.map((r) => [r.group, r.n])).toEqual([
			['champions', 1],
			['lost', 1],
			[null, 10]
		]);
		expect(await kpi.compareValuesStep('region').run(db)).toEqual(['A', 'B']);
		expect((await kpi.npsStep({ file: 'f', source: SURVEY_JOINED, score: 'nps', by: byRegion }).run(db)).map((r) => r.group)).toEqual(['A', 'B']);
	});
});

describe('the joined answers are checked once per join', () => {
	it('the view asks each KPI per grouping: one answer check until the answers are joined again', async () => {
		await loadCsv(db, NPS_SMALL);
		const join = kpi.joinSurveysStep({ source: RAW_TABLE, customer: 'respondent', rfm: false, quadrant: null });
		await join.run(db);
		const check = scoreCheckSql({ source: SURVEY_JOINED, score: 'nps', min: 0, max: 10 }).text;
		let checks = 0;
		dbTap.on = (e) => void (e.kind === 'sql' && e.text === check && checks++);
		try {
			const o: kpi.SurveyKpiOptions = { file: 'f', source: SURVEY_JOINED, nps: { score: 'nps' } };
			const overall = await kpi.surveyKpisStep(o).run(db);
			const regions = await kpi.surveyKpisStep({ ...o, by: byRegion }).run(db);
			const compared = await kpi.npsStep({ file: 'f', source: SURVEY_JOINED, score: 'nps', by: byRegion }).run(db);
			expect(checks).toBe(1);
			expect([overall.map((r) => r.nps?.n), regions.map((r) => r.nps?.n), compared.map((r) => r.n)]).toEqual([[12], [6, 6], [6, 6]]);
			// Joined again from answers with one out of range: checked again, and the error names its row.
			await db.exec(sql`UPDATE raw SET nps = '11' WHERE respondent = '4'`);
			await join.run(db);
			await expect(kpi.surveyKpisStep(o).run(db)).rejects.toMatchObject({ code: 'kpi.badScore', params: { row: 4, value: '11' } });
			expect(checks).toBe(2);
			// Another source is checked every time.
			await expect(kpi.npsByGroup(db, { file: 'f', score: 'nps' })).rejects.toMatchObject({ code: 'kpi.badScore' });
			await expect(kpi.npsByGroup(db, { file: 'f', score: 'nps' })).rejects.toMatchObject({ code: 'kpi.badScore' });
		} finally {
			dbTap.on = null;
		}
	});
});

describe('transactions: as-of, first purchase, retention period by period', () => {
	it('runs each period like retentionByGroup, one statement per period', async () => {
		const f = await loadCsv(db, fixture('kpi', 'tx_retention.csv'));
		const r = await applyMapping(db, f, mappingFor(f.sniff, { customer: 'customer', date: 'date', amount: 'amount', order: 'order' }));
		expect(r.errors).toEqual([]);
		const asOf = await kpi.txAsOfStep({ today: '2030-01-01' }).run(db);
		expect(asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		const first = await kpi.firstPurchaseStep({ last: '2024-06-30' }).run(db);
		expect(first).toBe('2023-06-01');
		const o = { end: '2024-06-30', lostDays: 90, purchases: 'orders' as const, first: '2024-04-10', unit: 'month' as const };
		const step = kpi.retentionTrendStep(o);
		expect(step.sql).toHaveLength(3);
		const periods = await step.run(db);
		expect(periods.map((p) => p.period)).toEqual(['2024-04', '2024-05', '2024-06']);
		const [april] = await kpi.retentionByGroup(db, { start: '2024-04-10', end: '2024-04-30', lostDays: 90, purchases: 'orders' });
		expect(periods[0]!.stat).toEqual(april);
		const cohorts = await kpi.cohortStep({ start: '2024-01-01', end: '2024-06-30' }).run(db);
		expect(cohorts).toEqual(await kpi.cohortRetention(db, { start: '2024-01-01', end: '2024-06-30' }));
	});
});
