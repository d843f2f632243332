import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCommand } from '../../../src/cli/evaluate.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

/* The contract of `clientele evaluate` (README "Evaluation / 绩效评估"), spelled out here on purpose. */
const HEADER =
	'group,customers,contacted,control,active_contacted,active_control,active_diff,active_diff_low,active_diff_high,' +
	'revenue_pc_contacted,revenue_pc_control,revenue_pc_diff,revenue_pc_diff_low,revenue_pc_diff_high,' +
	'buyers_before,buyers_after,revenue_before,revenue_after,orders_before,orders_after,' +
	'revenue_pc_before,revenue_pc_after,revenue_pc_change,revenue_pc_change_low,revenue_pc_change_high,' +
	'retention_before,retention_after,retention_change,retention_change_low,retention_change_high,churn_before,churn_after,' +
	'nps_before,nps_after,nps_change,nps_change_low,nps_change_high,nps_contacted,nps_control,nps_diff,nps_diff_low,nps_diff_high,' +
	'csat_before,csat_after,csat_change,csat_change_low,csat_change_high,csat_contacted,csat_control,csat_diff,csat_diff_low,csat_diff_high';
const TX = ['--input', fixture('evaluate', 'evaluate_tx.csv'), '--customer', 'customer_id', '--date', 'order_date', '--amount', 'amount', '--order', 'order_id'];
const ACTIONS = fixture('evaluate', 'evaluate_actions.csv');
const tmp = useTmpDir('clientele-evaluate-');

function write(name: string, text: string): string {
	const p = path.join(tmp(), name);
	fs.writeFileSync(p, text);
	return p;
}

async function run(args: string[]): Promise<Record<string, string>[]> {
	const out = path.join(tmp(), `out-${Math.random().toString(36).slice(2)}.csv`);
	expect(await evaluateCommand([...args, '--out', out])).toBeNull();
	const [head, ...lines] = fs.readFileSync(out, 'utf8').trimEnd().split('\r\n');
	expect(head).toBe(HEADER);
	const cols = head!.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

async function code(args: string[]): Promise<string> {
	try {
		await evaluateCommand(args);
	} catch (e) {
		if (isClienteleError(e)) return `${e.code} ${JSON.stringify(e.params)}`;
		throw e;
	}
	return 'no error';
}

describe('clientele evaluate: the contract', () => {
	it('one row per group by group; the hand-checked figures of test/unit/run/evaluate.test.ts; money 2 decimals', async () => {
		// --start defaults to the earliest next_contact (2024-07-01)
		const rows = await run([...TX, '--actions', ACTIONS, '--days', '10']);
		expect(rows.map((r) => r.group)).toEqual(['G1', 'G2']);
		const g1 = rows[0]!;
		expect([g1.customers, g1.contacted, g1.control, g1.buyers_before, g1.buyers_after, g1.revenue_before, g1.revenue_after]).toEqual(['4', '3', '1', '2', '3', '100', '170']);
		expect([g1.active_contacted, g1.active_control, g1.active_diff]).toEqual(['0.6667', '1', '-0.3333']);
		expect([g1.revenue_pc_contacted, g1.revenue_pc_control, g1.revenue_pc_diff, g1.revenue_pc_diff_low]).toEqual(['48.33', '25', '23.33', '']);
		expect([g1.retention_before, g1.retention_after, g1.churn_before, g1.churn_after]).toEqual(['0.5', '0.5', '0.5', '0.5']);
		const g2 = rows[1]!;
		expect([g2.retention_before, g2.retention_change, g2.retention_after, g2.churn_before]).toEqual(['', '', '0.5', '']);
	});

	it('with --surveys: NPS in points and CSAT shares per group (the hand-checked answers of the run test); empty without', async () => {
		const surveys = ['--surveys', fixture('evaluate', 'evaluate_surveys.csv'), '--surveys-id', 'customer_id', '--surveys-date', 'answered', '--recommend', 'recommend', '--csat', 'satisfaction'];
		const [g1, g2] = await run([...TX, '--actions', ACTIONS, '--days', '10', ...surveys]);
		expect([g1!.nps_before, g1!.nps_after, g1!.nps_contacted, g1!.nps_control, g1!.nps_diff, g1!.nps_diff_low]).toEqual(['0', '0', '50', '-100', '150', '']);
		expect([g1!.csat_before, g1!.csat_after, g1!.csat_contacted, g1!.csat_control]).toEqual(['0.5', '0.3333', '0.5', '0']);
		expect([g2!.nps_after, g2!.csat_after, g2!.csat_contacted]).toEqual(['', '1', '']);
		const [plain] = await run([...TX, '--actions', ACTIONS, '--days', '10']);
		expect(plain!.nps_before).toBe('');
		expect(await code([...TX, '--actions', ACTIONS, '--recommend', 'recommend'])).toMatch(/^cli\.needsOption .*"needs":"surveys"/);
		expect(await code([...TX, '--actions', ACTIONS, ...surveys.slice(0, 6)])).toMatch(/^cli\.needsOption .*"needs":"recommend or --csat"/);
	});

	it('--start and --days move the windows: starting a day later, A’s purchase on 07-01 is before', async () => {
		const rows = await run([...TX, '--actions', ACTIONS, '--days', '10', '--start', '2024-07-02']);
		// G1 after [07-02, 07-12): C and D bought (A's 07-01 is now before; B's 07-11 counts)
		expect([rows[0]!.buyers_after, rows[0]!.revenue_after]).toEqual(['3', '1089']);
	});

	it('bad input stops with a specific message naming the file, row and flag', async () => {
		const noCtl = write('no-control.csv', 'customer_id,group\nA,G1\n');
		expect(await code([...TX, '--actions', noCtl])).toMatch(/^evaluate\.missingColumns .*"missing":"control"/);
		const bad = write('bad-control.csv', 'customer_id,group,control\nA,G1,false\nB,G1,maybe\n');
		expect(await code([...TX, '--actions', bad, '--start', '2024-07-01'])).toMatch(/^evaluate\.badControl .*"row":2,"value":"maybe"/);
		const dup = write('dup.csv', 'customer_id,group,control\nA,G1,false\nA,G2,true\n');
		expect(await code([...TX, '--actions', dup, '--start', '2024-07-01'])).toMatch(/^evaluate\.duplicate .*"row":2,"value":"A"/);
		const noStart = write('no-start.csv', 'customer_id,group,control\nA,G1,false\n');
		expect(await code([...TX, '--actions', noStart])).toMatch(/^evaluate\.noStart /);
		expect(await code([...TX, '--actions', ACTIONS, '--days', '0'])).toMatch(/^cli\.badNumber .*"option":"days"/);
		expect(await code([...TX, '--actions', ACTIONS, '--start', '2024-02-30'])).toMatch(/^cli\.badDate /);
		expect(await code(TX)).toMatch(/^cli\.missingOption .*actions/);
	});
});
