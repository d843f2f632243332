import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/core/export/csv.ts';
import { parseStandardJson } from '../../../src/core/grade/parse.ts';
import { actionListHeader, parseColumnList } from '../../../src/core/plan/export.ts';
import { ACTION_LIST_COLUMNS } from '../../../src/core/sql/plan.ts';
import type { NodeDbClient } from '../../../src/db/node.ts';
import { runGrade } from '../../../src/run/grade.ts';
import { actionListCsv, profileColumns } from '../../../src/run/plan-export.ts';
import { planRows, runPlan } from '../../../src/run/plan.ts';
import { GRADE_TABLE } from '../../../src/run/tables.ts';
import { fixture, openDb } from '../../helpers/db.ts';
import { loadGradeFixture } from '../../helpers/grade-profiles.ts';

/*
 * The action list's export builder (the plan view's download and the CLI's output) with profile
 * columns riding along. test/fixtures/grade graded by profile-standard.json (tiers by hand in
 * test/unit/cli/grade-profiles.test.ts), every tier on one email plan; the profile cells by hand
 * from profiles.csv (G3 has no profile row; G4's name is a formula, P9 never bought).
 */
let db: NodeDbClient;

beforeAll(async () => {
	db = await openDb();
	await loadGradeFixture(db);
	const standard = parseStandardJson(fs.readFileSync(fixture('grade', 'profile-standard.json'), 'utf8'));
	await runGrade(db, standard, { asOf: '2024-07-01', cost: false, clv: false, surveys: null, profiles: true }, { total: 'total', ungraded: 'ungraded' });
	const plan = { service_level: 'Mail', channel: 'email' as const, contact_every_days: 30, owner: 'Team', cost_per_contact: 1 };
	await runPlan(db, {
		basis: { basis: 'tier', names: { 高: '高', 中: '中', 低: '低' }, ungraded: 'ungraded', table: GRADE_TABLE },
		plans: { basis: 'tier', groups: {}, default: plan },
		start: '2024-07-01',
		horizonDays: 90,
		seed: 1,
		holidays: null
	});
});
afterAll(async () => {
	await db.close();
});

const lines = (csv: string) => csv.replace(/^\ufeff/, '').trimEnd().split('\r\n');

describe('the action list export with profile columns', () => {
	it('lists the profile columns the export can add, in file order, numbers marked', async () => {
		expect(await profileColumns(db)).toEqual([
			{ name: '姓名', numeric: false },
			{ name: '手机', numeric: false },
			{ name: '积分', numeric: true },
			{ name: '年龄', numeric: true },
			{ name: '城市', numeric: false },
			{ name: 'owner', numeric: false },
			{ name: '注册日期', numeric: false }
		]);
	});

	it('without profile columns: the 11 contract columns, the rows as planRows gives them (with a BOM for the page)', async () => {
		const csv = await actionListCsv(db, { bom: true });
		expect(csv.startsWith('\ufeffcustomer_id,group,service_level,channel,contact_every_days,next_contact,owner,contacts_in_horizon,cost,control,reason\r\n')).toBe(true);
		const rows = (await planRows(db)).map((r) => ({ ...r, control: r.control ? 'true' : 'false' }));
		expect(csv).toBe(toCsv([...ACTION_LIST_COLUMNS], rows, { bom: true }));
		expect(lines(csv).slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['G4,中', 'G2,低', 'G3,低', 'G1,高']);
	});

	it('appends the chosen columns after the contract: names, phones as text, numbers, dates as YYYY-MM-DD, formulas neutralised', async () => {
		const plain = lines(await actionListCsv(db, { bom: false }));
		const wide = lines(await actionListCsv(db, { profileColumns: ['姓名', '手机', '积分', '注册日期', 'owner'], bom: false }));
		expect(wide[0]).toBe(`${plain[0]},姓名,手机,积分,注册日期,profile_owner`);
		const extra: Record<string, string> = {
			G1: '张三,13800000001,1200,2023-05-01,王经理',
			G2: '李四,13800000002,300,2024-01-15,',
			G3: ',,,,',
			G4: `"'=HYPERLINK(""x"")",13800000004,800,,李经理`
		};
		expect(wide.slice(1)).toEqual(plain.slice(1).map((l) => `${l},${extra[l.split(',')[0]!]}`));
	});

	it('refuses a column the profile file does not have, naming the ones it has', async () => {
		await expect(actionListCsv(db, { profileColumns: ['电话'], bom: false })).rejects.toMatchObject({ code: 'plan.noProfileColumn', params: { column: '电话', list: '姓名, 手机, 积分, 年龄, 城市, owner, 注册日期' } });
	});
});

describe('the export header and the column list (pure)', () => {
	it('renames a profile column that has a contract column name; parses a typed list', () => {
		expect(actionListHeader(['Owner', 'reason', '姓名']).slice(11)).toEqual(['profile_Owner', 'profile_reason', '姓名']);
		expect(actionListHeader([])).toEqual([...ACTION_LIST_COLUMNS]);
		expect(parseColumnList(' 姓名, 手机,,姓名 ')).toEqual(['姓名', '手机']);
	});
});
