/**
 * Day or month first, decided from the whole date column (run/stage.ts, core/sql/day-month.ts): a
 * file whose first 256 KB read both ways but whose row 12,001 is '01/25/2024' is month/day; a file
 * with both '13/01/2024' and '01/25/2024' is refused naming both rows (none dropped); a file where no
 * value decides stops before the typed table exists, until the user chooses. Typed-first (the page's
 * first load) and text-first (a new mapping) give the same answers.
 */
import { describe, expect, it } from 'vitest';
import { inspectSample } from '../../../src/core/csv/inspect.ts';
import { guessRoles } from '../../../src/core/csv/roles.ts';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { dateFormatForLabel } from '../../../src/core/csv/dates.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { loadFile, loadTyped } from '../../../src/run/load-file.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { TX_TABLE } from '../../../src/run/tables.ts';
import { useDb } from '../../helpers/db.ts';

const db = useDb();

/** 12,000 rows dated 05/01/2024 … (day and month ≤ 12: the sample cannot decide), then `tail`. */
function csv(tail: string[]): string {
	const lines = ['customer,date,amount'];
	for (let i = 0; i < 12_000; i++) lines.push(`C${String(i % 500).padStart(4, '0')},0${1 + (i % 9)}/0${1 + (i % 9)}/2024,10.00`);
	lines.push(...tail);
	return lines.join('\n') + '\n';
}

async function typedFirst(text: string, fileName: string) {
	const sample = text.slice(0, 256 * 1024);
	const sniff = inspectSample(sample, fileName).sniff;
	const mapping = mappingFor(sniff, guessRoles(sniff.columns));
	return loadTyped(db, { fileName, source: { kind: 'text', text }, sample, mapping });
}

const tsOf = async (customer: string) =>
	(await db.query<{ d: string }>(sql`SELECT strftime(ts, '%Y-%m-%d') AS d FROM ${ident(TX_TABLE)} WHERE customer_id = ${customer}`)).rows.map((r) => r.d);

describe('the whole column decides day and month', () => {
	it('the sample reads both ways; row 12,001 (01/25/2024) makes the whole file month/day', async () => {
		const text = csv(['LATE,01/25/2024,5.00', 'MAY,05/01/2024,7.00']);
		const sample = inspectSample(text.slice(0, 256 * 1024), 'late.csv').sniff;
		expect(sample.columns.find((c) => c.name === 'date')?.date).toMatchObject({ ambiguous: true });
		const r = (await typedFirst(text, 'late.csv'))!;
		expect(r.result.errors).toEqual([]);
		expect(r.result.mapping?.dateFormat.label).toBe('MM/DD/YYYY');
		expect(r.result.txRows).toBe(12_002);
		// 05/01/2024 month first is 1 May; nothing was dropped.
		expect(await tsOf('MAY')).toEqual(['2024-05-01']);
		expect(await tsOf('LATE')).toEqual(['2024-01-25']);
	});

	it('both orders in one column: refused naming a row of each, no row dropped', async () => {
		const r = (await typedFirst(csv(['A,13/01/2024,5.00', 'B,01/25/2024,5.00']), 'mixed.csv'))!;
		expect(r.result.errors.map((e) => [e.code, e.params])).toEqual([
			['dates.mixedOrder', { file: 'mixed.csv', column: 'date', dmyRow: 12_001, dmyValue: '13/01/2024', mdyRow: 12_002, mdyValue: '01/25/2024' }]
		]);
	});

	it('no value decides: the question comes before any typed table; a choice (either) maps it', async () => {
		await db.exec(sql`DROP TABLE IF EXISTS ${ident(TX_TABLE)}`);
		const text = csv([]);
		const r = (await typedFirst(text, 'ask.csv'))!;
		expect(r.result.errors.map((e) => e.code)).toEqual(['dates.dayMonthUndecided']);
		// 01/01/2024 reads the same both ways; the example is the first whose day and month differ: none → the first value.
		expect(r.result.errors[0]!.params).toMatchObject({ file: 'ask.csv', column: 'date', value: '01/01/2024' });
		expect((await db.query(sql`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ${TX_TABLE}`)).rows[0]).toEqual({ n: 0 });
		const f = (await loadFile(db, { fileName: 'ask.csv', source: { kind: 'text', text }, sample: text.slice(0, 256 * 1024) }))!;
		const mdy = dateFormatForLabel('MM/DD/YYYY')!;
		const chosen = await applyMapping(db, f, mappingFor(f.sniff, f.guess, mdy), { dayMonthChosen: true });
		expect(chosen.errors).toEqual([]);
		expect(chosen.txRows).toBe(12_000);
	});

	it('text-first (a new mapping) decides the same way as typed-first', async () => {
		const text = csv(['LATE,01/25/2024,5.00']);
		const f = (await loadFile(db, { fileName: 'late2.csv', source: { kind: 'text', text }, sample: text.slice(0, 256 * 1024) }))!;
		const r = await applyMapping(db, f, mappingFor(f.sniff, f.guess));
		expect(r.errors).toEqual([]);
		expect(r.mapping?.dateFormat.label).toBe('MM/DD/YYYY');
		expect(await tsOf('LATE')).toEqual(['2024-01-25']);
	});
});
