import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { parseStandard } from '../../../src/core/grade/parse.ts';
import { sql } from '../../../src/core/sql/sql.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { baseQuantiles, gradeResults, gradeRows, runGrade } from '../../../src/run/grade.ts';
import { baseStatement } from '../../../src/run/rfm.ts';
import { RFM_BASE } from '../../../src/run/tables.ts';
import { loadCsv } from '../../helpers/load-csv.ts';
import { fixture, useDb } from '../../helpers/db.ts';

/*
 * test/fixtures/grade/tx.csv as of 2024-07-01 (see test/unit/cli/grade.test.ts for the values), with a
 * profile table of the lifecycle work's shape: customer_id + typed attribute columns.
 *   age: G1 35, G2 —, G3 50 (G4 has no profile row). Quantiles k = 2 on {35, 50}: 35 → ⌈2·1/2⌉ = 1 → 0; 50 → 100.
 *   frequency 2, 1, 0, 1 with thresholds [1, 2] → points [0, 50, 100]: G1 100, G2 50, G3 0, G4 50.
 *   Scoring, zero: G1 0 + 100 = 100 (top), G2 0 + 50 = 50, G3 100 + 0 = 100 (top), G4 50.
 */
const db = useDb();
const WORDS = { total: 'total', ungraded: 'not graded, missing:' };
const standard = (method: string, missing: string) =>
	parseStandard({
		method,
		missing,
		indicators: [
			{ name: 'age', weight: 50, points: { quantiles: 2 } },
			{ name: 'frequency', weight: 50, points: { thresholds: [1, 2], points: [0, 50, 100] } }
		],
		tiers: [{ name: 'top', min: 100 }, { name: 'rest', min: 0 }]
	});

async function load(): Promise<void> {
	const file = await loadCsv(db, path.join(fixture('grade'), 'tx.csv'));
	const res = await applyMapping(db, file, mappingFor(file.sniff, { customer: 'customer_id', date: 'date', amount: 'amount', order: 'order_id', cost: 'cost' }));
	expect(res.errors).toEqual([]);
	await db.exec(baseStatement({ asOf: '2024-07-01', frequency: 'orders' }, RFM_BASE));
	await db.exec(sql`CREATE OR REPLACE TABLE profiles AS SELECT * FROM (VALUES ('G1', 35, '北京'), ('G2', NULL, '上海'), ('G3', 50, NULL)) t(customer_id, age, city)`);
}

const sources = { asOf: '2024-07-01', cost: true, clv: false, surveys: null, profiles: true };

describe('runGrade over profile columns', () => {
	it('grades on a numeric profile column; customers without a profile value are marked missing', async () => {
		await load();
		await runGrade(db, standard('scoring', 'zero'), sources, WORDS);
		const rows = await gradeRows(db, standard('scoring', 'zero'));
		expect(rows.map((r) => [r.customer_id, r.age, r.points_age, r.points_frequency, r.total, r.tier, r.missing])).toEqual([
			['G1', 35, 0, 100, 100, 'top', ''],
			['G2', null, null, 50, 50, 'rest', 'age'],
			['G3', 50, 100, 0, 100, 'top', ''],
			['G4', null, null, 50, 50, 'rest', 'age']
		]);
		// Renormalised, G2 and G4 count their frequency points twice (n / present = 2): 100 → top.
		await runGrade(db, standard('scoring', 'renormalise'), sources, WORDS);
		expect((await gradeRows(db, standard('scoring', 'renormalise'))).map((r) => r.tier)).toEqual(['top', 'top', 'top', 'top']);
		const res = await gradeResults(db, standard('scoring', 'renormalise'));
		expect(res.sensitivity).toEqual([]);
		expect(res.tiers.map((t) => [t.tier, t.customers, t.with_missing, t.means])).toEqual([['top', 4, 2, [42.5, 1]]]);
	});

	it('refuses a text profile column and an unknown name, in words', async () => {
		const bad = (name: string) => parseStandard({ method: 'scoring', indicators: [{ name, points: { quantiles: 2 } }], tiers: [{ name: 'all', min: 0 }] });
		for (const [name, code] of [['city', 'grade.profileNotNumeric'], ['height', 'grade.unknownIndicator']] as const) {
			const err = await runGrade(db, bad(name), sources, WORDS).catch((e: unknown) => e);
			expect(isClienteleError(err) && err.code).toBe(code);
		}
	});

	it('reads quantiles of the per-customer table for the scoring preset', async () => {
		// frequency 0, 1, 1, 2: type-7 quantile at 0.5 = 1, at 0.25 = 0.75.
		expect(await baseQuantiles(db, ['frequency'], [0.25, 0.5])).toEqual([[0.75, 1]]);
	});
});
