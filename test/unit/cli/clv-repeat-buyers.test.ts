/**
 * CLV without enough repeat buyers refuses to print predictions, with one message, in the CLI
 * (`clientele clv`) and through the runner the page's CLV panel calls (run/clv.ts): the files are
 * written here so the number of repeat buyers is known by construction.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clvCommand } from '../../../src/cli/clv.ts';
import { MIN_REPEAT_BUYERS, repeatBuyers } from '../../../src/core/clv/repeat-buyers.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { translate } from '../../../src/i18n/translate.ts';
import { useTmpDir } from '../../helpers/db.ts';

const tmp = useTmpDir('clientele-clv-repeat-');

/** 40 customers buying once in January 2024; the first `repeaters` buy again on 1 March for 30. */
function file(repeaters: number): string {
	const lines = ['customer,date,amount'];
	for (let i = 1; i <= 40; i++) lines.push(`C${i},2024-01-${String((i % 28) + 1).padStart(2, '0')},${10 + i}`);
	for (let i = 1; i <= repeaters; i++) lines.push(`C${i},2024-03-01,30`);
	lines.push('C40,2024-06-30,5');
	const p = path.join(tmp(), `r${repeaters}.csv`);
	fs.writeFileSync(p, lines.join('\n') + '\n');
	return p;
}

const args = (input: string, out: string) => ['--input', input, '--customer', 'customer', '--date', 'date', '--amount', 'amount', '--calibration-end', '2024-04-30', '--out', out];

describe('clv with too few repeat buyers', () => {
	it(`refuses with 9 repeat buyers (the minimum is ${MIN_REPEAT_BUYERS}) and writes nothing`, async () => {
		const out = path.join(tmp(), 'nine.csv');
		const err = await clvCommand(args(file(9), out)).catch((e: unknown) => e);
		expect(isClienteleError(err) && err.code).toBe('clv.tooFewRepeatBuyers');
		expect(isClienteleError(err) && err.params).toEqual({ repeat: 9, customers: 40, min: 10, date: '2024-04-30' });
		expect(translate('en', 'clv.tooFewRepeatBuyers', isClienteleError(err) ? err.params : {})).toContain('Only 9 of 40 customers bought again by the calibration end 2024-04-30');
		expect(fs.existsSync(out)).toBe(false);
	});

	it('fits and writes one row per customer with 10 repeat buyers', async () => {
		const out = path.join(tmp(), 'ten.csv');
		expect(await clvCommand(args(file(10), out))).toBeNull();
		expect(fs.readFileSync(out, 'utf8').trimEnd().split(/\r?\n/)).toHaveLength(41);
	});

	it('counts a repeat buyer only with a positive mean repeat spend', () => {
		const x = Float64Array.from([0, 1, 2, 3]);
		const zbar = Float64Array.from([0, 5, 0, -2]);
		expect(repeatBuyers({ x, zbar })).toBe(1);
	});
});
