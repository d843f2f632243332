import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { STAGE_MOVE_ORDER, migrationCells, migrationMoves, moveOf, sortMigration, type MigrationRow } from '../../../src/core/evaluate/migration.ts';
import { evaluateWindows } from '../../../src/core/evaluate/defaults.ts';
import type { DbClient } from '../../../src/db/client.ts';
import { cohortFromFile } from '../../../src/run/evaluate.ts';
import { evaluateMigration, migrationAsOf, recomputeGroups, type RecomputeSpec } from '../../../src/run/evaluate-migration.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { GRADE_TABLE, RAW_ACTIONS } from '../../../src/run/tables.ts';
import { tableExists } from '../../../src/run/table-ops.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import type { GradeStandard } from '../../../src/core/grade/standard.ts';
import { fixture, useDb } from '../../helpers/db.ts';

/*
 * test/fixtures/evaluate/migration_*: S = 2024-07-01, L = 30 → the cohort's stages are those of
 * S − 1 = 06-30, the recomputed ones those of S + L − 1 = 07-30. Lifecycle days: new 10, active 20,
 * churn 40 (a customer whose first purchase is ≤ 10 days old is new; last ≤ 20 active; ≤ 40 silent).
 *
 *   id ctl  purchases                       at 06-30                   at 07-30                  move
 *   A  no   05-01 · 06-25 · 07-28           active (last 5 days)       active (last 2)           same
 *   B  no   05-01 · 07-25                   churned (last 60)          active (last 5)           up
 *   C  no   06-25                           new (first 5)              silent (last 35)          down
 *   D  yes  05-01 · 06-15                   active (last 15)           churned (last 45)         down
 *   F  yes  06-05 · 07-29 · 07-31 (S+L: out) silent (last 25)          active (last 1)           up
 *   G  no   none (an id the data lack)      "active" in the list       — (none)                  changed
 */
const db: DbClient = useDb();
const windows = evaluateWindows('2024-07-01', 30);
const names = Object.fromEntries(STAGE_MOVE_ORDER.map((s) => [s, s]));
const spec: RecomputeSpec = {
	basis: 'stage',
	lifecycle: { days: { newDays: 10, activeDays: 20, churnDays: 40 }, frequency: 'orders' },
	names
};

async function load(name: string, table?: string) {
	const p = fixture('evaluate', name);
	const f = await loadFile(db, { fileName: name, source: { kind: 'path', path: p }, sample: fs.readFileSync(p, 'utf8'), table });
	if (!f) throw new Error('not loaded');
	return f;
}

beforeAll(async () => {
	const tx = await load('migration_tx.csv');
	const r = await applyMapping(db, tx, mappingFor(tx.sniff, tx.guess));
	if (r.errors.length) throw r.errors[0];
	const a = await load('migration_actions.csv', RAW_ACTIONS);
	await cohortFromFile(db, { fileName: 'migration_actions.csv', columns: a.sniff.columns.map((c) => c.name) });
});

const cell = (group_from: string, group_to: string, contacted: number, control: number): MigrationRow => ({
	group_from,
	group_to,
	customers: contacted + control,
	contacted,
	control
});

describe('plan evaluation: migration between groups', () => {
	it('recomputes the stages at S + L − 1: the matrix by stage order, the missing id as "none"', async () => {
		expect(migrationAsOf(windows)).toBe('2024-07-30');
		const end = await recomputeGroups(db, spec, '2024-07-30');
		const m = await evaluateMigration(db, { end, asOf: '2024-07-30', order: STAGE_MOVE_ORDER, none: '—' });
		expect(m.rows).toEqual([
			cell('active', 'active', 1, 0),
			cell('active', 'churned', 0, 1),
			cell('active', '—', 1, 0),
			cell('new', 'silent', 1, 0),
			cell('silent', 'active', 0, 1),
			cell('churned', 'active', 1, 0)
		]);
		expect(m.moves.all).toEqual({ up: 2, same: 1, down: 2, changed: 1, total: 6 });
		expect(m.moves.contacted).toEqual({ up: 1, same: 1, down: 1, changed: 1, total: 4 });
		expect(m.moves.control).toEqual({ up: 1, same: 0, down: 1, changed: 0, total: 2 });
	});

	it('the same settings at S − 1 give back the list\'s own stages (the fixture is what lifecycle said then)', async () => {
		const end = await recomputeGroups(db, spec, '2024-06-30');
		const m = await evaluateMigration(db, { end, asOf: '2024-06-30', order: STAGE_MOVE_ORDER, none: '—' });
		expect(m.rows.filter((r) => r.group_from !== r.group_to).map((r) => r.group_to)).toEqual(['—']);
		expect(m.moves.all.same).toBe(5);
	});

	/*
	 * Tiers: the grading tab's standard applied at 07-30 into the evaluation's own tables. Gold when
	 * recency < 21 days (100 points), else Base (0 points): recency at 07-30 — A 2, B 5, F 1 (07-31 is
	 * after the as-of) → Gold; C 35, D 45 → Base; G has no lines → none.
	 */
	const tierStandard = (indicator: string): GradeStandard => ({
		name: 'recent',
		method: 'scoring',
		indicators: [{ name: indicator, weight: 100, better: 'lower', points: { thresholds: [21], points: [100, 0] } }],
		tiers: [{ name: 'Gold', min: 50 }, { name: 'Base', min: 0 }],
		missing: 'ungraded'
	});
	const tierSpec = (indicator: string): RecomputeSpec => ({
		basis: 'tier',
		rfm: { frequency: 'orders', monetary: 'total' },
		standard: tierStandard(indicator),
		sources: { cost: false, clv: true, surveys: null, profiles: false },
		words: { total: 'total', ungraded: 'not graded' },
		ungraded: 'ungraded'
	});

	it('recomputes the tiers at S + L − 1 with the grading standard, in tables of its own', async () => {
		const end = await recomputeGroups(db, tierSpec('recency_days'), '2024-07-30');
		const m = await evaluateMigration(db, { end, asOf: '2024-07-30', order: ['Gold', 'Base'], none: '—' });
		const key = (r: MigrationRow) => `${r.group_from}>${r.group_to}:${r.contacted}/${r.control}`;
		expect(m.rows.map(key).sort()).toEqual(
			[cell('active', 'Gold', 1, 0), cell('active', 'Base', 0, 1), cell('active', '—', 1, 0), cell('churned', 'Gold', 1, 0), cell('new', 'Base', 1, 0), cell('silent', 'Gold', 0, 1)].map(key).sort()
		);
		// The grading tab's own table is left alone (here: never made).
		expect(await tableExists(db, GRADE_TABLE)).toBe(false);
	});

	it('a standard with a CLV indicator is not recomputed in the page: a message naming it', async () => {
		const e = await recomputeGroups(db, tierSpec('p_alive'), '2024-07-30').catch((x: unknown) => x);
		expect(isClienteleError(e) && e.code === 'evaluate.migrationTierClv' && e.params.name === 'p_alive').toBe(true);
	});

	it('without an order only same / changed; groups outside the order are changed', () => {
		expect(moveOf('a', 'a', null)).toBe('same');
		expect(moveOf('a', 'b', null)).toBe('changed');
		expect(moveOf('VIP', 'ungraded', ['VIP', 'B'])).toBe('changed');
		expect(moveOf('B', 'VIP', ['VIP', 'B'])).toBe('up');
		const moves = migrationMoves([cell('x', 'y', 2, 1), cell('x', 'x', 3, 0)], null);
		expect(moves.all).toEqual({ up: 0, same: 3, down: 0, changed: 3, total: 6 });
	});

	it('rows in the given order (groups outside it last, by name); cells carry the share of their row', () => {
		const rows = [cell('Others', 'Champions', 1, 0), cell('Loyal', 'Loyal', 2, 1), cell('Champions', 'zz', 1, 0), cell('Champions', 'Loyal', 0, 1)];
		expect(sortMigration(rows, ['Champions', 'Loyal', 'Others']).map((r) => `${r.group_from}>${r.group_to}`)).toEqual([
			'Champions>Loyal',
			'Champions>zz',
			'Loyal>Loyal',
			'Others>Champions'
		]);
		expect(migrationCells(rows, 'customers').filter((c) => c.from === 'Champions').map((c) => c.row_share)).toEqual([0.5, 0.5]);
		expect(migrationCells(rows, 'control').map((c) => [c.from, c.to, c.row_share])).toEqual([
			['Loyal', 'Loyal', 1],
			['Champions', 'Loyal', 1]
		]);
	});
});
