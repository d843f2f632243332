import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeCommand } from '../../../src/cli/grade.ts';
import { planCommand } from '../../../src/cli/plan.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { ACTION_LIST_COLUMNS } from '../../../src/core/sql/plan.ts';
import { translate } from '../../../src/i18n/translate.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

/*
 * Numeric profile columns (客户档案) as grading indicators, and profile columns riding along in the
 * action list. test/fixtures/grade: tx.csv (as-of 2024-07-01: G1 orders O1, O2; G2 O4; G3 only a
 * return; G4's 07-05 order is later, so one order), profiles.csv (G1, G2, G4 and P9, who never bought)
 * and profile-standard.json (weighted: 积分 50 % thresholds 500/1000 → 0/50/100, 年龄 25 % ≥ 40 → 100,
 * frequency 25 % ≥ 2 → 100; tiers 高 70, 中 40, 低 0; missing: renormalise), by hand:
 *   G1  积分 1200 → 100, 年龄 35 → 0, frequency 2 → 100: (5000 + 0 + 2500) / 100 = 75 → 高
 *   G2  积分 300 → 0, 年龄 empty (missing), frequency 1 → 0: 0 over 75 → 0 → 低, missing 年龄
 *   G3  no profile row: 积分 and 年龄 missing, frequency 0 → 0: 0 → 低, missing 积分;年龄
 *   G4  积分 800 → 50, 年龄 52 → 100, frequency 1 → 0: (2500 + 2500 + 0) / 100 = 50 → 中
 *   P9  a profile without a purchase: not graded (grading covers customers with a line).
 */
const DIR = fixture('grade');
const TX = ['--input', path.join(DIR, 'tx.csv'), '--customer', 'customer_id', '--date', 'date', '--amount', 'amount', '--order', 'order_id', '--as-of', '2024-07-01'];
const PROFILES = ['--profiles', path.join(DIR, 'profiles.csv'), '--profiles-id', '会员号'];
const STANDARD = ['--standard', path.join(DIR, 'profile-standard.json')];
const tmp = useTmpDir('clientele-grade-profiles-');

async function run(command: typeof gradeCommand, args: string[]): Promise<string> {
	const out = path.join(tmp(), `out-${Math.random().toString(36).slice(2)}.csv`);
	expect(await command([...args, '--out', out])).toBeNull();
	return fs.readFileSync(out, 'utf8');
}

async function failure(command: typeof gradeCommand, args: string[]): Promise<string> {
	try {
		await command(args);
	} catch (e) {
		if (!isClienteleError(e)) throw e;
		expect(translate('zh-CN', e.code, e.params)).not.toBe(translate('en', e.code, e.params));
		return `${e.code}: ${translate('en', e.code, e.params)}`;
	}
	return 'no error';
}

describe('clientele grade --profiles', () => {
	it('grades on numeric profile columns, named as in the file; a customer without a profile misses them', async () => {
		expect((await run(gradeCommand, [...TX, ...PROFILES, ...STANDARD])).trimEnd().split('\r\n')).toEqual([
			'customer_id,积分,年龄,frequency,points_积分,points_年龄,points_frequency,total,tier,missing',
			'G1,1200,35,2,100,0,100,75,高,',
			'G2,300,,1,0,,0,0,低,年龄',
			'G3,,,0,,,0,0,低,积分;年龄',
			'G4,800,52,1,50,100,0,50,中,'
		]);
	});

	it('refuses a text column, an unknown name (listing the numeric ones) and profile flags without --profiles', async () => {
		const std = (name: string) => {
			const f = path.join(tmp(), `std-${name}.json`);
			fs.writeFileSync(f, JSON.stringify({ name: 'x', method: 'scoring', indicators: [{ name, weight: 100, points: { quantiles: 2 } }], tiers: [{ name: '高', min: 50 }, { name: '低', min: 0 }] }));
			return ['--standard', f];
		};
		expect(await failure(gradeCommand, [...TX, ...PROFILES, ...std('城市')])).toMatch(/^grade\.profileNotNumeric: .*城市/);
		expect(await failure(gradeCommand, [...TX, ...PROFILES, ...std('会员等级')])).toMatch(/^grade\.unknownIndicator: .*积分, 年龄/);
		expect(await failure(gradeCommand, [...TX, ...STANDARD])).toMatch(/^grade\.unknownIndicator: .*积分/);
		expect(await failure(gradeCommand, [...TX, ...STANDARD, '--profiles-id', '会员号'])).toBe('cli.needsOption: --profiles-id needs --profiles');
	});
});

describe('clientele plan with profiles', () => {
	const PLAN = [...TX, ...PROFILES, ...STANDARD, '--basis', 'tier'];

	it('--basis tier takes the profiles through to the grading: groups are the hand-checked tiers', async () => {
		const lines = (await run(planCommand, PLAN)).trimEnd().split('\r\n');
		expect(lines[0]).toBe(ACTION_LIST_COLUMNS.join(','));
		expect(Object.fromEntries(lines.slice(1).map((l) => [l.split(',')[0], l.split(',')[1]]))).toEqual({ G1: '高', G2: '低', G3: '低', G4: '中' });
	});

	it('--profile-columns appends the columns after the contract, formula-safe; without it the output is unchanged', async () => {
		const plain = await run(planCommand, PLAN);
		const wide = await run(planCommand, [...PLAN, '--profile-columns', '姓名, 手机,owner,积分,姓名']);
		const a = plain.trimEnd().split('\r\n');
		const b = wide.trimEnd().split('\r\n');
		expect(b[0]).toBe(`${ACTION_LIST_COLUMNS.join(',')},姓名,手机,profile_owner,积分`);
		expect(b.length).toBe(a.length);
		// Each row: the plain row, then the customer's profile cells (by hand from profiles.csv).
		const extra: Record<string, string> = {
			G1: '张三,13800000001,王经理,1200',
			G2: '李四,13800000002,,300',
			G3: ',,,',
			G4: `"'=HYPERLINK(""x"")",13800000004,李经理,800`
		};
		for (let i = 1; i < a.length; i++) expect(b[i]).toBe(`${a[i]},${extra[a[i]!.split(',')[0]!]}`);
		// Without the flag the contract is as it was: the 11 columns, and the same bytes with or without --profiles.
		expect(a[0]).toBe('customer_id,group,service_level,channel,contact_every_days,next_contact,owner,contacts_in_horizon,cost,control,reason');
		expect(await run(planCommand, [...TX, ...PROFILES, '--basis', 'segment'])).toBe(await run(planCommand, [...TX, '--basis', 'segment']));
	});

	it('refuses a column not in the profile file, and --profile-columns without --profiles', async () => {
		expect(await failure(planCommand, [...PLAN, '--profile-columns', '姓名,注册'])).toBe(
			'plan.noProfileColumn: Profile column “注册” is not in the profile file. Its columns: 姓名, 手机, 积分, 年龄, 城市, owner, 注册日期.'
		);
		expect(await failure(planCommand, [...TX, '--basis', 'segment', '--profile-columns', '姓名'])).toBe('cli.needsOption: --profile-columns needs --profiles');
	});
});
