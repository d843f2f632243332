/**
 * The CLI reads a file that is UTF-8 but for three lines as UTF-8: the good lines' values are intact
 * (José, Zoë, 张三 — never JosÃ©), each customer's total is the hand sum, and stderr names the file,
 * the 3 lines and their numbers. Bad bytes past the 256 KB sample the encoding is detected from make
 * the engine refuse the file: the load is repaired and tried again, with the same warning.
 */
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rfmCommand } from '../../../src/cli/rfm.ts';
import { SAMPLE_BYTES } from '../../../src/core/csv/inspect.ts';
import { useTmpDir } from '../../helpers/db.ts';
import { BAD_LINES, mostlyTotals, mostlyUtf8Csv } from '../../helpers/mostly-utf8.ts';

const tmp = useTmpDir('clientele-utf8-');
let stderr: string[] = [];
beforeEach(() => {
	stderr = [];
	vi.spyOn(process.stderr, 'write').mockImplementation((s) => (stderr.push(String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

async function monetary(input: string): Promise<Record<string, number>> {
	const out = path.join(tmp(), 'rfm.csv');
	expect(await rfmCommand(['--input', input, '--customer', 'customer', '--date', 'date', '--amount', 'amount', '--as-of', '2024-03-01', '--out', out])).toBeNull();
	const rows = Papa.parse<Record<string, string>>(fs.readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
	return Object.fromEntries(rows.map((r) => [r.customer_id!, Number(r.monetary)]));
}

const warnings = () => stderr.join('').split('\n').filter((l) => l.startsWith('warning: '));

describe('rfm on a file that is UTF-8 but for a few lines', () => {
	it('keeps UTF-8: names intact, totals the hand sums, one warning naming the lines', async () => {
		const input = path.join(tmp(), 'mostly.csv');
		fs.writeFileSync(input, mostlyUtf8Csv());
		const got = await monetary(input);
		const want = mostlyTotals();
		expect(Object.keys(got).sort()).toEqual(['Ana', 'José', 'Renée', 'Zoë', '张三']);
		for (const [c, v] of Object.entries(want)) expect(got[c]).toBeCloseTo(v, 6);
		const w = warnings();
		expect(w).toHaveLength(1);
		expect(w[0]).toContain(`${input} is read as UTF-8 except for bytes that are not UTF-8 on 3 line(s) — line numbers ${BAD_LINES.join(', ')}.`);
		expect(w[0]).toContain('Save the file again as UTF-8');
	});

	it('bad bytes after the sample: the load is repaired and tried again, the line named', async () => {
		// rows of ~35 bytes: 12,000 rows pass the 256 KB sample; the only bad line is the 10,001st
		const rows = 12_000;
		const bytes = mostlyUtf8Csv(rows, '\n', [10_001]);
		let line10001 = 0; // the byte where line 10,001 starts: after the 10,000th line end
		for (let n = 0; n < 10_000; n++) line10001 = bytes.indexOf(0x0a, line10001) + 1;
		expect(line10001).toBeGreaterThan(SAMPLE_BYTES);
		const input = path.join(tmp(), 'late.csv');
		fs.writeFileSync(input, bytes);
		const got = await monetary(input);
		for (const [c, v] of Object.entries(mostlyTotals(rows))) expect(got[c]).toBeCloseTo(v, 4);
		const w = warnings();
		expect(w).toHaveLength(1);
		expect(w[0]).toContain('on 1 line(s) — line numbers 10001.');
	});
});
