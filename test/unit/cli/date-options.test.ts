import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { abcCommand } from '../../../src/cli/abc.ts';
import { dateOptionsFrom } from '../../../src/cli/date-options.ts';
import { TX_HELP } from '../../../src/cli/input.ts';
import { rfmCommand } from '../../../src/cli/rfm.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { en } from '../../../src/i18n/en.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const tmp = useTmpDir('clientele-dates-tz-');

const UNIX = fixture('import', 'rfm_unix_seconds.csv');
const AMBIGUOUS = fixture('import', 'ambiguous_dates.csv');

/** customer → recency_days of one in-process `clientele rfm` run. */
async function recency(input: string, roles: string[], extra: string[]): Promise<Record<string, number>> {
	const out = path.join(tmp(), `rfm-${Math.random().toString(36).slice(2)}.csv`);
	expect(await rfmCommand(['--input', input, ...roles, '--as-of', '2024-12-31', '--out', out, ...extra])).toBeNull();
	const rows = Papa.parse<{ customer_id: string; recency_days: string }>(fs.readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
	return Object.fromEntries(rows.map((r) => [r.customer_id, Number(r.recency_days)]));
}

async function codeOf(p: Promise<unknown>): Promise<string | null> {
	return p.then(
		() => null,
		(e: unknown) => (isClienteleError(e) ? e.code : String(e))
	);
}

describe('--date-format', () => {
	const roles = ['--customer', 'customer', '--date', 'date', '--amount', 'amount'];
	it('an all-≤12 file is not guessed: auto stops naming --date-format; each choice gives its recencies', async () => {
		expect(await codeOf(rfmCommand(['--input', AMBIGUOUS, ...roles, '--as-of', '2024-12-31']))).toBe('dates.cli.dayMonthUndecided');
		const dmy = await recency(AMBIGUOUS, roles, ['--date-format', 'DD/MM/YYYY']);
		const mdy = await recency(AMBIGUOUS, roles, ['--date-format', 'MM/DD/YYYY']);
		// 05/01/2024: 5 January (361 days before 31 December) or 1 May (244 days).
		expect(dmy.A1).toBe(361);
		expect(mdy.A1).toBe(244);
	});

	it('unix-s read explicitly gives what auto detects', async () => {
		const r = ['--customer', 'customer_id', '--date', 'order_date', '--amount', 'revenue'];
		expect(await recency(UNIX, r, ['--date-format', 'unix-s', '--tz', 'UTC'])).toEqual(await recency(UNIX, r, ['--tz', 'UTC']));
	});

	it('an unknown format is refused with the list of formats', async () => {
		expect(await codeOf(rfmCommand(['--input', AMBIGUOUS, ...roles, '--date-format', 'DD-MMM-YY']))).toBe('dates.cli.badFormat');
		expect(() => dateOptionsFrom({ 'date-format': 'x' })).toThrow(/DD\/MM\/YYYY.*unix-s.*excel-serial/);
	});
});

describe('--tz', () => {
	const roles = ['--customer', 'customer_id', '--date', 'order_date', '--amount', 'revenue'];
	it('Unix times at 10:00 UTC fall on the next day at UTC+14: every recency is one day shorter', async () => {
		const utc = await recency(UNIX, roles, ['--tz', 'UTC']);
		const kiritimati = await recency(UNIX, roles, ['--tz', 'Pacific/Kiritimati']);
		expect(Object.keys(kiritimati).sort()).toEqual(Object.keys(utc).sort());
		for (const [c, days] of Object.entries(utc)) expect(kiritimati[c], c).toBe(days - 1);
	});

	it('defaults to the machine zone; names are spelled canonically', () => {
		expect(dateOptionsFrom({}).timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
		expect(dateOptionsFrom({ tz: 'asia/shanghai' }).timeZone).toBe('Asia/Shanghai');
	});

	it('a bad name is refused before anything is read, with examples (every transactions command)', async () => {
		expect(await codeOf(rfmCommand(['--input', UNIX, ...roles, '--tz', 'Mars/Olympus']))).toBe('dates.cli.badZone');
		expect(await codeOf(abcCommand(['--input', '/nonexistent.csv', ...roles, '--tz', 'Mars/Olympus']))).toBe('dates.cli.badZone');
		expect(en['dates.cli.badZone']).toContain('{examples}');
		expect(TX_HELP).toMatch(/--tz ZONE/);
		expect(TX_HELP).toMatch(/--date-format/);
	});

	it('exit code 2 and one translated line on stderr (spawned)', () => {
		const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'rfm', '--input', UNIX, ...roles, '--tz', 'Mars/Olympus'], { cwd: ROOT, encoding: 'utf8' });
		expect(r.status).toBe(2);
		const lines = r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('npm warn'));
		expect(lines).toEqual(['clientele rfm: --tz Mars/Olympus: not a time zone name. Use an IANA name, e.g. UTC, Asia/Shanghai, Asia/Hong_Kong, Europe/Berlin, America/New_York']);
	});
});
