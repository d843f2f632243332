import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planCommand } from '../../../src/cli/plan.ts';
import { rfmCommand } from '../../../src/cli/rfm.ts';
import { lifecycleCommand } from '../../../src/cli/lifecycle.ts';
import { gradeCommand } from '../../../src/cli/grade.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { daysBetween } from '../../../src/core/iso-days.ts';
import { translate } from '../../../src/i18n/translate.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const CDNOW = fixture('cdnow', 'cdnow_sample_clean.csv');
const TX = ['--input', CDNOW, '--customer', 'customer_id', '--date', 'date', '--amount', 'amount'];
const tmp = useTmpDir('clientele-plan-');

/** Minimal CSV reading: the reason column is quoted and may hold commas. */
function parseCsv(text: string): string[][] {
	return text
		.trimEnd()
		.split('\r\n')
		.map((line) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replaceAll('""', '"')));
}

async function run(command: typeof planCommand, args: string[]): Promise<string[][]> {
	const out = path.join(tmp(), `out-${Math.random().toString(36).slice(2)}.csv`);
	expect(await command([...args, '--out', out])).toBeNull();
	return parseCsv(fs.readFileSync(out, 'utf8'));
}

async function failure(args: string[]): Promise<string> {
	try {
		await planCommand(args);
	} catch (e) {
		return isClienteleError(e) ? `${e.code}: ${translate('en', e.code, e.params)}` : String(e);
	}
	return 'no error';
}

describe('plan on CDNOW', () => {
	it('writes the contract: every RFM customer once, its segment as the group, a flat rhythm and 10 % control', async () => {
		const [header, ...rows] = await run(planCommand, [...TX, '--basis', 'segment', '--start', '1998-07-01', '--horizon-days', '60']);
		expect(header!.join(',')).toBe('customer_id,group,service_level,channel,contact_every_days,next_contact,owner,contacts_in_horizon,cost,control,reason');
		const [rfmHeader, ...rfm] = await run(rfmCommand, TX);
		const seg = rfmHeader!.indexOf('segment');
		const segmentOf = new Map(rfm.map((r) => [r[0], r[seg]]));
		expect(rows).toHaveLength(rfm.length);
		expect(rows.every((r) => segmentOf.get(r[0]) === r[1])).toBe(true);
		const byGroup = new Map<string, string[][]>();
		for (const r of rows) byGroup.set(r[1]!, [...(byGroup.get(r[1]!) ?? []), r]);
		for (const [group, members] of byGroup) {
			const control = members.filter((r) => r[9] === 'true');
			// round half away from zero of 10 % of the group
			expect(control.length, group).toBe(Math.round(members.length * 0.1 + 1e-9));
			for (const r of control) expect([r[5], r[7], r[8]]).toEqual(['', '0', '0']);
			for (const r of members.filter((x) => x[9] === 'false')) {
				const every = Number(r[4]);
				const j = daysBetween('1998-07-01', r[5]!);
				expect(j >= 0 && j < every, `${r[0]} ${r[5]}`).toBe(true);
				const contacts = j < 60 ? Math.floor((60 - 1 - j) / every) + 1 : 0;
				expect(Number(r[7])).toBe(contacts);
			}
		}
		// Rows by group, then next contact (control rows last in their group), then customer id.
		const keys = rows.map((r) => `${r[1]}\u0000${r[5] === '' ? '\uffff' : r[5]}\u0000${r[0]}`);
		expect(keys).toEqual([...keys].sort());
	});

	it('names groups, service levels and reasons in Chinese with --lang zh, columns unchanged', async () => {
		const [header, ...rows] = await run(planCommand, [...TX, '--basis', 'segment', '--lang', 'zh']);
		expect(header![1]).toBe('group');
		const champions = rows.filter((r) => r[1] === translate('zh-CN', 'segment.champions'));
		expect(champions.length).toBeGreaterThan(0);
		expect(champions[0]![2]).toBe('VIP：专属客户经理 + VIP 活动');
		expect(champions[0]![10]).toMatch(/规则 R 5, F 5, M 5/);
	});

	it('plans by lifecycle stage: the lifecycle command\'s stage for every customer, silent and churned get the win-back call', async () => {
		const [, ...rows] = await run(planCommand, [...TX, '--basis', 'stage', '--active-days', '60', '--churn-days', '200']);
		const [lh, ...stages] = await run(lifecycleCommand, [...TX, '--active-days', '60', '--churn-days', '200']);
		const stageOf = new Map(stages.map((r) => [r[0], r[lh!.indexOf('stage')]]));
		expect(rows).toHaveLength(stages.length);
		expect(rows.every((r) => stageOf.get(r[0]) === r[1])).toBe(true);
		expect(rows.filter((r) => r[1] === 'silent' || r[1] === 'churned').every((r) => r[3] === 'phone' && r[4] === '90')).toBe(true);
		expect(rows.find((r) => r[1] === 'silent')![10]).toMatch(/^silent: \d+ days since the last purchase \(last purchase ≤ 200 days ago\)$/);
	});

	it('plans by grading tier: the grade command\'s tier for every customer, VIP by an account manager, the tier\'s reason', async () => {
		const [, ...rows] = await run(planCommand, [...TX, '--basis', 'tier', '--standard', 'vip']);
		const [gh, ...graded] = await run(gradeCommand, [...TX, '--standard', 'vip']);
		const tierOf = new Map(graded.map((r) => [r[0], r[gh!.indexOf('tier')] || 'Ungraded']));
		expect(rows).toHaveLength(graded.length);
		expect(rows.every((r) => tierOf.get(r[0]) === r[1])).toBe(true);
		expect(rows.filter((r) => r[1] === 'VIP').every((r) => r[3] === 'manager' && r[4] === '30')).toBe(true);
		expect(rows.find((r) => r[1] === 'VIP')![10]).toMatch(/^total [\d.]+ ≥ 80 → VIP \(/);
	});

	it('reads a plans file; a group matched by name; others fall to the default', async () => {
		const file = path.join(tmp(), 'plans.json');
		fs.writeFileSync(file, JSON.stringify({ basis: 'segment', groups: { Champions: { service_level: 'Gold', channel: 'events', contact_every_days: 7, owner: 'Team A', cost_per_contact: 12.5 } }, default: { service_level: 'Base', channel: 'email', contact_every_days: 30, owner: '', cost_per_contact: 0.2 } }));
		const [, ...rows] = await run(planCommand, [...TX, '--basis', 'segment', '--plans', file]);
		const gold = rows.filter((r) => r[2] === 'Gold');
		expect(gold.every((r) => r[1] === 'Champions' && r[3] === 'events' && r[6] === 'Team A')).toBe(true);
		expect(gold.filter((r) => r[9] === 'false').every((r) => Number(r[8]) === Math.round(12.5 * Number(r[7]) * 100) / 100)).toBe(true);
		expect(rows.filter((r) => r[1] !== 'Champions').every((r) => r[2] === 'Base')).toBe(true);
	});

	it.each([
		['no basis', [], 'cli.missingOption'],
		['an unknown basis', ['--basis', 'rfm'], 'cli.badChoice'],
		['holidays without workdays', ['--basis', 'segment', '--holidays', 'x.csv'], 'cli.needsOption'],
		['a tier basis without a standard', ['--basis', 'tier'], 'cli.missingOption'],
		['lifecycle days out of order', ['--basis', 'stage', '--active-days', '200', '--churn-days', '100'], 'lifecycle.badOrder'],
		['a fractional horizon', ['--basis', 'segment', '--horizon-days', '7.5'], 'plan.wholeNumber']
	])('refuses %s (exit 2, one message)', async (_name, args, code) => {
		expect(await failure([...TX, ...args])).toMatch(new RegExp(`^${code.replace('.', '\\.')}:`));
	});

	it('names the bad field of a plans file', async () => {
		const file = path.join(tmp(), 'bad.json');
		fs.writeFileSync(file, JSON.stringify({ basis: 'segment', groups: { Champions: { channel: 'fax', contact_every_days: 7 } } }));
		expect(await failure([...TX, '--basis', 'segment', '--plans', file])).toBe(
			`plan.badFile: --plans ${file}: groups.Champions.channel is fax: write one of manager, events, wecom, phone, sms, email, social, self_service`
		);
	});
});
