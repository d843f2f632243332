import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import type { DbClient } from '../../../src/db/client.ts';
import { cohortFromFile, cohortStart, runEvaluate, type EvaluateResult } from '../../../src/run/evaluate.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { RAW_ACTIONS, RAW_SURVEYS } from '../../../src/run/tables.ts';
import { dateFormatFor } from '../../../src/core/csv/date-choice.ts';
import { fixture, useDb } from '../../helpers/db.ts';

/*
 * test/fixtures/evaluate: S = 2024-07-01, L = 10 days → prior [06-11, 06-21), before [06-21, 07-01),
 * after [07-01, 07-11). A purchase is a line with a positive amount; revenue nets every line.
 *
 *   id grp ctl  lines                                             bought in   rev before  rev after  orders b/a
 *   A  G1  no   06-15 100 · 06-21 50 (on S−L) · 07-01 80 (on S)   P0 P1 P2    50          80         1 / 1
 *   B  G1  no   06-25 40 · 06-30 10 · 07-11 999 (on S+L: out)     P1          50          0          2 / 0
 *   C  G1  no   06-20 30 (last prior day) · 07-05 O8 60+20 ·       P0 P2       0           65         0 / 1
 *               07-06 −15 (a return: no purchase)
 *   D  G1  yes  07-02 25                                          P2          0           25         0 / 1
 *   E  G2  no   06-10 500 (before prior: out) · 06-22 70          P1          70          0          1 / 0
 *   F  G2  yes  06-22 30 · 07-03 45                               P1 P2       30          45         1 / 1
 *   H  G2  no   none                                              —           0           0          0 / 0
 *   Z   —   —   07-01 1000, not in the cohort: never counted
 *
 * G1: 4 customers (3 contacted, 1 control); buyers prior A C, before A B, after A C D; revenue
 * 100 → 170; orders 3 → 3; retention before A/{A, C} = 1/2, after A/{A, B} = 1/2; bought after:
 * contacted 2/3, control 1/1; revenue per customer after: contacted (80 + 0 + 65)/3, control 25.
 * G2: 3 customers (2 contacted, 1 control); buyers prior none, before E F, after F; revenue 100 → 45;
 * orders 2 → 1; retention before undefined (0/0), after F/{E, F} = 1/2; bought after: contacted 0/2,
 * control 1/1; revenue per customer after: contacted 0, control 45.
 */
const db: DbClient = useDb();
let result: EvaluateResult;

async function load(name: string, table?: string) {
	const p = fixture('evaluate', name);
	const f = await loadFile(db, { fileName: name, source: { kind: 'path', path: p }, sample: fs.readFileSync(p, 'utf8'), table });
	if (!f) throw new Error('not loaded');
	return f;
}

/** Sample mean and its standard error, computed apart from the code under test. */
function meanSe(xs: number[]): { mean: number; se: number } {
	const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
	const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
	return { mean, se: sd / Math.sqrt(xs.length) };
}

beforeAll(async () => {
	const tx = await load('evaluate_tx.csv');
	const r = await applyMapping(db, tx, mappingFor(tx.sniff, tx.guess));
	if (r.errors.length) throw r.errors[0];
	const a = await load('evaluate_actions.csv', RAW_ACTIONS);
	await cohortFromFile(db, { fileName: 'evaluate_actions.csv', columns: a.sniff.columns.map((c) => c.name) });
	result = await runEvaluate(db, { start: '2024-07-01', days: 10, frequency: 'orders' });
});

describe('plan evaluation on the hand-checked fixture', () => {
	it('the default start is the earliest next_contact; the windows are half-open', async () => {
		expect(await cohortStart(db)).toBe('2024-07-01');
		expect(result.windows).toEqual({
			prior: { from: '2024-06-11', to: '2024-06-21' },
			before: { from: '2024-06-21', to: '2024-07-01' },
			after: { from: '2024-07-01', to: '2024-07-11' }
		});
		expect(result.lastDay).toBe('2024-07-11');
		expect(result.incomplete).toBe(false);
	});

	it('per group: customers, buyers, revenue, orders before and after (a line on S counts after, on S−L before)', () => {
		const pick = result.groups.map((g) => [g.group, g.customers, g.contacted, g.control, g.buyersBefore, g.buyersAfter, g.revenueBefore, g.revenueAfter, g.ordersBefore, g.ordersAfter]);
		expect(pick).toEqual([
			['G1', 4, 3, 1, 2, 3, 100, 170, 3, 3],
			['G2', 3, 2, 1, 2, 1, 100, 45, 2, 1]
		]);
	});

	it('strict retention and churn; an empty base leaves retention undefined', () => {
		const [g1, g2] = result.groups;
		expect([g1!.retentionBefore, g1!.retentionAfter, g1!.churnAfter, g1!.retentionChange.diff]).toEqual([0.5, 0.5, 0.5, 0]);
		expect(Number.isNaN(g2!.retentionBefore)).toBe(true);
		expect(g2!.retentionAfter).toBe(0.5);
		expect(Number.isNaN(g2!.retentionChange.low)).toBe(true);
		// churn's interval is retention's, mirrored
		expect(g1!.churnChange.low).toBeCloseTo(-g1!.retentionChange.high, 12);
	});

	it('contacted against control: share who bought after and revenue per customer after', () => {
		const [g1, g2] = result.groups;
		expect(g1!.activeContacted).toBeCloseTo(2 / 3, 12);
		expect(g1!.activeControl).toBe(1);
		expect(g1!.activeDiff.diff).toBeCloseTo(2 / 3 - 1, 12);
		expect(g1!.activeDiff.low).toBeLessThan(g1!.activeDiff.diff);
		expect(g1!.revenuePcContacted).toBeCloseTo(145 / 3, 10);
		expect(g1!.revenuePcControl).toBe(25);
		// one control customer: no standard error, no interval
		expect(Number.isNaN(g1!.revenuePcDiff.low)).toBe(true);
		expect([g2!.activeContacted, g2!.activeControl, g2!.revenuePcContacted, g2!.revenuePcControl]).toEqual([0, 1, 0, 45]);
	});

	it('revenue per customer, after − before, with z·√(se₁² + se₂²)', () => {
		const before = meanSe([50, 50, 0, 0]);
		const after = meanSe([80, 0, 65, 25]);
		const half = 1.959964 * Math.sqrt(before.se ** 2 + after.se ** 2);
		const g1 = result.groups[0]!;
		expect(g1.revenuePcBefore).toBe(25);
		expect(g1.revenuePcAfter).toBe(42.5);
		expect(g1.revenuePcChange.diff).toBe(17.5);
		expect(g1.revenuePcChange.low).toBeCloseTo(17.5 - half, 4);
		expect(g1.revenuePcChange.high).toBeCloseTo(17.5 + half, 4);
	});

	it('purchase days instead of orders: here one order a day, so the same counts', async () => {
		const days = await runEvaluate(db, { start: '2024-07-01', days: 10, frequency: 'days' });
		expect(days.groups.map((g) => [g.ordersBefore, g.ordersAfter])).toEqual([
			[3, 3],
			[2, 1]
		]);
	});

	it('an after period past the data is flagged incomplete', async () => {
		const late = await runEvaluate(db, { start: '2024-07-05', days: 10, frequency: 'orders' });
		expect(late.incomplete).toBe(true);
	});

	/*
	 * evaluate_surveys.csv (5-point CSAT: satisfied = 4 or 5). Before [06-21, 07-01), after [07-01, 07-11):
	 *   A 06-25 10/5 before · B 06-21 3/2 before (on S−L) · A 07-01 9/4 after (on S) · C 07-05 7/3 after ·
	 *   D 07-02 2/1 after, control · F 07-03 —/5 after, control (NPS blank);
	 *   out: D 07-11 (on S+L), E 06-20 (before S−L), Z (not in the cohort).
	 * G1 NPS before: 1 promoter, 1 detractor → 0; after: A promoter, C passive, D detractor → 0;
	 *   contacted after (A, C) → +50, control (D) → −100: difference 150, no interval (one answer: se 0);
 *   after − before 0 ± 1.96·√(1/2 + (2/3)/3) (variance p + d − nps²: 1 before, 2/3 after).
	 * G1 CSAT before 1/2, after 1/3, contacted 1/2, control 0/1. G2: no NPS; CSAT after 1/1 (F, control).
	 */
	it('NPS and CSAT per group when survey answers are given', async () => {
		const f = await load('evaluate_surveys.csv', RAW_SURVEYS);
		const dateFormat = dateFormatFor(f.sniff.columns.find((c) => c.name === 'answered'));
		if (!dateFormat) throw new Error('no date format');
		const r = await runEvaluate(db, {
			start: '2024-07-01',
			days: 10,
			frequency: 'orders',
			surveys: { file: 'evaluate_surveys.csv', customer: 'customer_id', date: 'answered', dateFormat, nps: { score: 'recommend' }, csat: { score: 'satisfaction', scale: 5 } }
		});
		const [g1, g2] = r.groups;
		const s1 = g1!.survey!;
		expect([s1.npsBefore, s1.npsAfter, s1.npsContacted, s1.npsControl]).toEqual([0, 0, 0.5, -1]);
		// control: one answer, se 0 → the difference without an interval
		expect(s1.npsDiff.diff).toBe(1.5);
		expect(Number.isNaN(s1.npsDiff.low)).toBe(true);
		// after − before: se √((1 − 0)/2) and √((2/3 − 0)/3)
		const half = 1.959964 * Math.sqrt(1 / 2 + 2 / 9);
		expect(s1.npsChange.diff).toBe(0);
		expect(s1.npsChange.low).toBeCloseTo(-half, 5);
		expect(s1.npsChange.high).toBeCloseTo(half, 5);
		expect([s1.csatBefore, s1.csatAfter, s1.csatContacted, s1.csatControl]).toEqual([0.5, 1 / 3, 0.5, 0]);
		const s2 = g2!.survey!;
		expect(Number.isNaN(s2.npsAfter) && Number.isNaN(s2.csatBefore) && Number.isNaN(s2.csatContacted)).toBe(true);
		expect([s2.csatAfter, s2.csatControl]).toEqual([1, 1]);
	});
});
