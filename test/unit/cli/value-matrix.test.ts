import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { valueMatrixCommand } from '../../../src/cli/value-matrix.ts';
import { isClienteleError, type ClienteleError } from '../../../src/core/errors.ts';
import { translate } from '../../../src/i18n/translate.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const CDNOW = fixture('cdnow', 'cdnow_sample_clean.csv');
const BASE = ['--input', CDNOW, '--customer', 'customer_id', '--date', 'date', '--quantity', 'quantity', '--price', 'amount'];
const AMOUNT = ['--input', CDNOW, '--customer', 'customer_id', '--date', 'date', '--amount', 'amount'];
const tmp = useTmpDir('clientele-vm-');

async function run(args: string[]): Promise<{ header: string; rows: string[][] }> {
	const out = path.join(tmp(), `out-${Math.random().toString(36).slice(2)}.csv`);
	expect(await valueMatrixCommand([...args, '--out', out])).toBeNull();
	const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\r\n');
	return { header: lines[0] ?? '', rows: lines.slice(1).map((l) => l.split(',')) };
}

const count = (rows: string[][], q: string) => rows.filter((r) => r[3] === q).length;

describe('value-matrix on CDNOW', () => {
	it('scores every customer at the observation end and splits at the medians', async () => {
		const { header, rows } = await run(AMOUNT);
		expect(header).toBe('customer_id,current_value,potential_value,quadrant');
		expect(rows).toHaveLength(2357);
		const cur = rows.map((r) => Number(r[1])).sort((a, b) => a - b);
		const pot = rows.map((r) => Number(r[2])).sort((a, b) => a - b);
		const mid = (v: number[]) => ((v[1177] as number) + (v[1178] as number)) / 2;
		const highCur = rows.filter((r) => Number(r[1]) >= mid(cur) - 1e-6).length;
		expect(count(rows, 'core') + count(rows, 'general')).toBe(highCur);
		expect(rows.filter((r) => Number(r[2]) >= mid(pot) - 1e-6).length).toBe(count(rows, 'core') + count(rows, 'potential'));
		// Current and potential value go together: more core and low than the crossed quadrants.
		expect(count(rows, 'core') + count(rows, 'low')).toBeGreaterThan(count(rows, 'potential') + count(rows, 'general'));
	});

	it.each([
		['typed values', ['--split', '100,50'], (r: string[]) => (Number(r[1]) >= 100 ? (Number(r[2]) >= 50 ? 'core' : 'general') : Number(r[2]) >= 50 ? 'potential' : 'low')],
		['RFM score and P(alive) × spend', ['--current', 'rfm', '--potential', 'alive-spend', '--split', '9,20'], (r: string[]) => (Number(r[1]) >= 9 ? (Number(r[2]) >= 20 ? 'core' : 'general') : Number(r[2]) >= 20 ? 'potential' : 'low')]
	] as const)('%s put every customer in the right quadrant', async (_name, args, expected) => {
		const { rows } = await run([...BASE, ...args]);
		expect(rows.length).toBe(2357);
		expect(rows.filter((r) => r[3] !== expected(r))).toEqual([]);
	});

	it.each([
		['a bad split', ['--split', '100'], 'value.cli.badSplit'],
		['a bad current measure', ['--current', 'margin'], 'value.cli.badChoice'],
		['a bad potential measure', ['--potential', 'ltv'], 'value.cli.badChoice'],
		['a missing column', ['--order', 'nope'], 'cli.noColumn']
	] as const)('exits with one message on %s', async (_name, args, code) => {
		try {
			await valueMatrixCommand([...AMOUNT, ...args]);
		} catch (e) {
			expect(isClienteleError(e) && e.code).toBe(code);
			expect(translate('en', (e as ClienteleError).code, (e as ClienteleError).params)).not.toMatch(/^value\.|^cli\./);
			return;
		}
		throw new Error('expected an error');
	});
});
