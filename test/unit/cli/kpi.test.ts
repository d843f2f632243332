import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KPI_CSAT_HELP, KPI_HELP, KPI_NPS_HELP, KPI_RETENTION_HELP, kpiCommand } from '../../../src/cli/kpi.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { translate } from '../../../src/i18n/translate.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const tmp = useTmpDir('clientele-kpi-');

/** Runs in-process with --out and returns the written CSV lines. */
async function run(args: string[]): Promise<string[]> {
	const out = path.join(tmp(), `out-${Math.random().toString(36).slice(2)}.csv`);
	expect(await kpiCommand([...args, '--out', out])).toBeNull();
	return fs.readFileSync(out, 'utf8').trimEnd().split('\r\n');
}

async function failure(args: string[]): Promise<{ code: string; message: string; params: Record<string, unknown> }> {
	try {
		await kpiCommand(args);
	} catch (e) {
		if (isClienteleError(e)) return { code: e.code, message: translate('en', e.code, e.params), params: e.params };
		throw e;
	}
	throw new Error('expected a ClienteleError');
}

const NPS = fixture('kpi', 'nps_small.csv');
const CSAT = fixture('kpi', 'csat_blanks.csv');
const TX = fixture('kpi', 'tx_retention.csv');

describe('kpi nps', () => {
	it('by region: documented columns, points, 4 decimals (region A = the R package facts)', async () => {
		expect(await run(['nps', '--input', NPS, '--score', 'nps', '--by', 'region'])).toEqual([
			'group,n,detractors,passives,promoters,nps,se,ci_low,ci_high',
			'A,6,1,2,3,33.3333,30.429,-26.3065,92.9731',
			'B,6,2,1,3,16.6667,36.6414,-55.1492,88.4825'
		]);
	});
	it('without --by: one row "all"', async () => {
		expect(await run(['nps', '--input', NPS, '--score', 'nps'])).toEqual([
			'group,n,detractors,passives,promoters,nps,se,ci_low,ci_high',
			'all,12,3,3,6,25,23.9357,-21.9131,71.9131'
		]);
	});
	it('by quarter of a date column', async () => {
		expect((await run(['nps', '--input', NPS, '--score', 'nps', '--by-period', 'quarter', '--date', 'date']))[1]).toMatch(/^2024-Q1,12,/);
	});
	it.each([
		{ file: 'nps_bad_text.csv', msg: "nps_bad_text.csv, row 18, column score: 'abc' is not an answer from 0 to 10" },
		{ file: 'nps_bad_range.csv', msg: "nps_bad_range.csv, row 3, column score: '11' is not an answer from 0 to 10" }
	])('$file: one message with file, row and column', async ({ file, msg }) => {
		const f = await failure(['nps', '--input', fixture('kpi', file), '--score', 'score']);
		expect(f.code).toBe('kpi.badScore');
		expect(f.message).toContain(msg);
	});
	it.each([
		[['nps', '--input', NPS], 'cli.missingOption'],
		[['nps', '--input', NPS, '--score', 'nope'], 'cli.noColumn'],
		[['nps', '--input', NPS, '--score', 'nps', '--by-period', 'week', '--date', 'date'], 'cli.badChoice'],
		[['nps', '--input', NPS, '--score', 'nps', '--by-period', 'month'], 'cli.missingOption'],
		[['nps', '--input', NPS, '--score', 'nps', '--bogus'], 'cli.badOption'],
		[['npx'], 'kpi.unknownKpi']
	])('%j → %s', async (args, code) => {
		expect((await failure(args)).code).toBe(code);
	});
	it('--help for each KPI', async () => {
		expect(await kpiCommand(['nps', '--help'])).toBe(KPI_NPS_HELP);
		expect(await kpiCommand(['csat', '-h'])).toBe(KPI_CSAT_HELP);
		expect(await kpiCommand(['retention', '--help'])).toBe(KPI_RETENTION_HELP);
		expect(await kpiCommand(['--help'])).toBe(KPI_HELP);
		expect(KPI_NPS_HELP).toContain('group,n,detractors,passives,promoters,nps,se,ci_low,ci_high');
	});
});

describe('kpi csat and ces', () => {
	it.each([
		{ args: ['--score', 'rating'], line: 'all,8,5,62.5,30.5742,86.3156' },
		{ args: ['--score', 'rating7', '--scale', '7'], line: 'all,8,4,50,21.5216,78.4784' },
		{ args: ['--score', 'rating10', '--scale', '10'], line: 'all,8,4,50,21.5216,78.4784' }
	])('$args: blanks excluded, Wilson interval in %', async ({ args, line }) => {
		expect(await run(['csat', '--input', CSAT, ...args])).toEqual(['group,n,satisfied,csat,ci_low,ci_high', line]);
	});
	it('by agent', async () => {
		expect((await run(['csat', '--input', CSAT, '--score', 'rating', '--by', 'agent'])).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
			'group,n,satisfied,csat',
			'Ann,3,2,66.6667',
			'Bob,5,3,60'
		]);
	});
	it.each([
		[['--scale', '4'], 'kpi.badScale'],
		[['--scale', 'five'], 'kpi.badWhole']
	])('csat %j → %s', async (args, code) => {
		expect((await failure(['csat', '--input', CSAT, '--score', 'rating', ...args])).code).toBe(code);
	});
	it('ces: mean with interval', async () => {
		const lines = await run(['ces', '--input', CSAT, '--score', 'rating', '--max', '5']);
		expect(lines[0]).toBe('group,n,mean,sd,ci_low,ci_high');
		expect(lines[1]).toMatch(/^all,8,3\.625,1\.5059,/);
	});
});

describe('kpi retention', () => {
	const base = ['retention', '--input', TX, '--customer', 'customer', '--date', 'date', '--amount', 'amount', '--order', 'order', '--start', '2024-04-01', '--end', '2024-06-30'];
	it('summary (hand-checked in test/unit/core/kpi/retention-sql.test.ts)', async () => {
		expect(await run([...base, '--lost-days', '90'])).toEqual([
			'group,start,end,lost_days,customers_start,customers_end,new_customers,retained,lost,reactivated,buyers,repeat_buyers,retention,churn,retained_share,repurchase_rate',
			'all,2024-04-01,2024-06-30,90,7,7,2,4,3,2,8,3,71.4286,42.8571,57.1429,37.5'
		]);
	});
	it('without --order, purchases are distinct days', async () => {
		const args = base.filter((a, i) => a !== '--order' && base[i - 1] !== '--order');
		expect((await run(args))[1]).toMatch(/,8,2,71\.4286,42\.8571,57\.1429,25$/);
	});
	it('cohorts', async () => {
		const lines = await run([...base.slice(0, -4), '--start', '2024-03-01', '--end', '2024-06-30', '--report', 'cohorts']);
		expect(lines.slice(0, 3)).toEqual(['cohort,month_index,customers,cohort_size,retention', '2024-03,0,3,3,100', '2024-03,1,1,3,33.3333']);
		expect(lines).toHaveLength(1 + 4 + 3 + 2);
	});
	it.each([
		[['--lost-days', '0'], 'kpi.badWhole'],
		[['--report', 'matrix'], 'cli.badChoice']
	])('%j → %s', async (args, code) => {
		expect((await failure([...base, ...args])).code).toBe(code);
	});
	it('a period that ends before it starts', async () => {
		const f = await failure([...base.slice(0, -4), '--start', '2024-07-01', '--end', '2024-06-30']);
		expect(f.code).toBe('kpi.badPeriod');
	});
	it('a bad date option', async () => {
		expect((await failure([...base.slice(0, -2), '--end', '2024-06-31'])).code).toBe('cli.badDate');
	});
});

describe('kpi (spawned): exit code 2, one line on stderr, no partial file', () => {
	it("'abc' at row 18", () => {
		const out = path.join(tmp(), 'never.csv');
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'kpi', 'nps', '--input', fixture('kpi', 'nps_bad_text.csv'), '--score', 'score', '--out', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
		const stderr = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('npm warn'));
		expect(r.status).toBe(2);
		expect(stderr).toHaveLength(1);
		expect(stderr[0]).toMatch(/^clientele kpi: .*nps_bad_text\.csv, row 18, column score: 'abc' is not an answer from 0 to 10/);
		expect(fs.existsSync(out)).toBe(false);
		expect(fs.readdirSync(tmp()).filter((f) => f.includes('never'))).toEqual([]);
	});
});
