import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { personaCommand } from '../../../src/cli/persona.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const HEADER = 'group,feature,value,customers,share,share_overall,lift,p_value,p_adjusted,test';
const TX = ['--input', fixture('persona', 'behaviour_hand.csv'), '--customer', 'customer_id', '--date', 'order_time', '--amount', 'amount', '--order', 'order_id', '--as-of', '2024-03-31'];
const PROFILES = ['--profiles', fixture('persona', 'profiles_hand.csv'), '--profiles-id', 'member'];
const CLASSES = ['--category', 'category', '--channel', 'channel', '--region', 'city', '--discount', 'discount'];
const tmp = useTmpDir('clientele-persona-');

async function run(args: string[]): Promise<string[]> {
	const out = path.join(tmp(), `out-${Math.random().toString(36).slice(2)}.csv`);
	expect(await personaCommand([...args, '--out', out])).toBeNull();
	return fs.readFileSync(out, 'utf8').trimEnd().split('\r\n');
}

async function fails(args: string[]): Promise<string> {
	try {
		await personaCommand(args);
	} catch (e) {
		if (isClienteleError(e)) return e.code;
		throw e;
	}
	throw new Error('no error');
}

/* The hand-checked fixture of test/unit/run/persona.test.ts. */
describe('clientele persona: the contract', () => {
	it('exactly the documented columns; rows by group, then feature, then value; 4 decimals; the hand-checked Fisher row', async () => {
		const lines = await run([...TX, ...PROFILES, ...CLASSES, '--by-column', 'gender']);
		expect(lines[0]).toBe(HEADER);
		const rows = lines.slice(1).map((l) => l.split(','));
		expect([...new Set(rows.map((r) => r[0]))]).toEqual(['F', 'M']);
		expect([...new Set(rows.map((r) => r[1]))]).toEqual([
			'daypart', 'night_owl', 'weekday_weekend', 'purchase_frequency', 'favourite_category', 'category_breadth', 'channel', 'region', 'discount_use', 'gender', 'age'
		]);
		// F (A, C, F) · once: C and F; base 2 of 5 → share 0.6667, overall 0.4, lift 1.6667; Fisher p = 4/10.
		const once = rows.find((r) => r[0] === 'F' && r[1] === 'purchase_frequency' && r[2] === 'once')!;
		expect(once.slice(0, 8)).toEqual(['F', 'purchase_frequency', 'once', '2', '0.6667', '0.4', '1.6667', '0.4']);
		expect(once[9]).toBe('fisher');
		expect(rows.filter((r) => r[0] === 'F' && r[1] === 'purchase_frequency').map((r) => r[2])).toEqual(['high', 'low', 'once']);
	});

	it('--by stage: the lifecycle stages as groups, named in --lang; a profile without a purchase is all unknown', async () => {
		// As-of 2024-03-31: every buyer's first purchase is within 90 days (new); G has a profile only (potential).
		const rows = (await run([...TX, ...PROFILES, '--by', 'stage'])).slice(1).map((l) => l.split(','));
		expect([...new Set(rows.map((r) => r[0]))]).toEqual(['potential', 'new']);
		// Potential · unknown purchase frequency: 1 of 1, base 1 of 6 → lift 6; Fisher (1, 0 | 0, 5): p = P(1) = 1/6.
		const u = rows.find((r) => r[0] === 'potential' && r[1] === 'purchase_frequency' && r[2] === '')!;
		expect(u.slice(0, 8)).toEqual(['potential', 'purchase_frequency', '', '1', '1', '0.1667', '6', '0.166667']);
		const zh = (await run([...TX, ...PROFILES, '--by', 'stage', '--lang', 'zh'])).slice(1).map((l) => l.split(',')[0]);
		expect([...new Set(zh)]).toEqual(['潜在', '新']);
	});

	it('--by segment runs RFM first and writes its segments', async () => {
		const lines = await run([...TX, '--by', 'segment']);
		expect(lines[0]).toBe(HEADER);
		expect(lines.length).toBeGreaterThan(1);
	});

	it('stops with a named flag: no basis, both bases, a class column or a --by-column not in the file', async () => {
		expect(await fails(TX)).toBe('persona.noBasis');
		expect(await fails([...TX, '--by', 'stage', '--by-column', 'city'])).toBe('persona.bothBases');
		expect(await fails([...TX, '--by', 'stage', '--category', 'nope'])).toBe('cli.noColumn');
		expect(await fails([...TX, '--by-column', 'nope'])).toBe('persona.noColumn');
		expect(await fails([...TX, '--by', 'nope'])).toBe('cli.badChoice');
	});
});
