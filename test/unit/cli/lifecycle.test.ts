import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lifecycleCommand } from '../../../src/cli/lifecycle.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const HEADER = 'customer_id,first_purchase,last_purchase,frequency,recency_days,stage';
const TX = ['--input', fixture('lifecycle', 'lifecycle_hand.csv'), '--customer', 'customer_id', '--date', 'order_date', '--amount', 'amount', '--order', 'order_id'];
const PROFILES = ['--profiles', fixture('lifecycle', 'profiles_hand.csv'), '--profiles-id', '客户编号'];
const tmp = useTmpDir('clientele-lifecycle-');

async function run(args: string[]): Promise<string[]> {
	const out = path.join(tmp(), `out-${Math.random().toString(36).slice(2)}.csv`);
	expect(await lifecycleCommand([...args, '--out', out])).toBeNull();
	const text = fs.readFileSync(out, 'utf8');
	expect(text.endsWith('\r\n')).toBe(true);
	return text.trimEnd().split('\r\n');
}

/* The hand-checked stages of test/unit/run/lifecycle.test.ts (as-of 2024-07-01, default days). */
const HAND = [
	HEADER,
	'A,2024-04-02,2024-04-02,1,90,new',
	'B,2024-04-01,2024-04-02,2,90,active',
	'C,2023-01-01,2024-01-03,2,180,silent',
	'D,2024-01-02,2024-01-02,1,181,churned',
	'E,,,0,,churned',
	'F,2024-06-01,2024-06-01,2,30,new',
	'G,,,0,,potential',
	'H,,,0,,potential',
	'J,,,0,,potential',
	'K,,,0,,potential'
];

describe('clientele lifecycle: the contract', () => {
	it('exactly the documented columns; rows by customer_id; potential rows: frequency 0, empty dates and recency', async () => {
		expect(await run([...TX, ...PROFILES, '--as-of', '2024-07-01'])).toEqual(HAND);
	});

	it('--lang zh writes 潜在/新/活跃/沉默/流失 (column names unchanged)', async () => {
		const zh = { potential: '潜在', new: '新', active: '活跃', silent: '沉默', churned: '流失' } as Record<string, string>;
		const expected = HAND.map((l, i) => (i === 0 ? l : l.replace(/[a-z]+$/, (s) => zh[s]!)));
		expect(await run([...TX, ...PROFILES, '--as-of', '2024-07-01', '--lang', 'zh'])).toEqual(expected);
	});

	it('--frequency days, the day settings, and the default as-of date (2024-07-11, the day after the last line)', async () => {
		const got = await run([...TX, '--frequency', 'days', '--new-days', '0', '--active-days', '10', '--churn-days', '100']);
		// Without profiles: H (a return only) is churned; J (bought 07-10) and I (07-05) are now in.
		// Days from 07-11: A 100, B 100 (last 04-02), C 190, D 191, F 40, I 6, J 1.
		expect(got).toEqual([
			HEADER,
			'A,2024-04-02,2024-04-02,1,100,silent',
			'B,2024-04-01,2024-04-02,2,100,silent',
			'C,2023-01-01,2024-01-03,2,190,churned',
			'D,2024-01-02,2024-01-02,1,191,churned',
			'E,,,0,,churned',
			'F,2024-06-01,2024-06-01,1,40,silent',
			'H,,,0,,churned',
			'I,2024-07-05,2024-07-05,1,6,active',
			'J,2024-07-10,2024-07-10,1,1,active'
		]);
	});

	it.each([
		['active not below churn', ['--active-days', '180'], 'lifecycle.badOrder'],
		['active 0', ['--active-days', '0'], 'lifecycle.badOrder'],
		['days that are not whole', ['--new-days', '7.5'], 'lifecycle.badDays'],
		['days that are not numbers', ['--churn-days', 'many'], 'cli.badNumber'],
		['--profiles without its id column', ['--profiles', 'p.csv'], 'cli.needsOption'],
		['--profiles-id without --profiles', ['--profiles-id', 'id'], 'cli.needsOption'],
		['a frequency lifecycle has no meaning for', ['--frequency', 'rows'], 'cli.badChoice'],
		['an unknown language', ['--lang', 'fr'], 'cli.badChoice'],
		['a bad as-of date', ['--as-of', '2024-02-30'], 'cli.badDate']
	])('%s → a ClienteleError (exit 2) before anything is read', async (_n, args, code) => {
		const err = await lifecycleCommand([...TX, ...args]).catch((e: unknown) => e);
		expect(isClienteleError(err) && err.code).toBe(code);
	});

	it('a duplicate profile id stops with the row, nothing written', async () => {
		const out = path.join(tmp(), 'never.csv');
		const err = await lifecycleCommand([...TX, '--profiles', fixture('lifecycle', 'profiles_duplicate.csv'), '--profiles-id', 'id', '--out', out]).catch((e: unknown) => e);
		expect(isClienteleError(err) && err.code).toBe('profiles.duplicate');
		expect(fs.existsSync(out)).toBe(false);
	});

	it('spawned: exit 2 and one translated line on stderr; --help names the contract', () => {
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'lifecycle', ...TX, '--active-days', '200'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
		const stderr = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('npm warn'));
		expect(r.status).toBe(2);
		expect(stderr).toEqual(['clientele lifecycle: The days must satisfy 0 < active (200) < churn (180): a customer turns silent after the active days and churned after the churn days.']);
		const h = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'lifecycle', '--help'], { cwd: ROOT, encoding: 'utf8' });
		expect(h.status).toBe(0);
		for (const o of ['--profiles', '--profiles-id', '--profiles-sheet', '--new-days', '--active-days', '--churn-days', '--as-of', '--lang', '--out', HEADER]) expect(h.stdout).toContain(o);
	});
});
