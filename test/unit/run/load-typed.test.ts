/**
 * loadTyped parses a transactions file on its way in and reads the text table only when asked
 * (ensureText). It must give exactly what the text-first path gives — loadFile, then applyMapping
 * — on every fixture: the same checks, the same typed table row for row (src_row included, ragged
 * rows left out alike), the same row count and ragged report, and afterwards the same text table.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSample, detectEncoding } from '../../../src/core/csv/encoding.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { applyMapping, canLoadTyped } from '../../../src/run/stage.ts';
import { ensureText } from '../../../src/run/loaded-file.ts';
import { loadFile, loadTyped } from '../../../src/run/load-file.ts';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { RAW_TABLE, TX_TABLE } from '../../../src/run/tables.ts';
import type { FileSource } from '../../../src/db/client.ts';
import { inspectSample } from '../../../src/core/csv/inspect.ts';
import { guessRoles } from '../../../src/core/csv/roles.ts';
import { runQualityReport } from '../../../src/run/quality.ts';
import { fixture, useDb } from '../../helpers/db.ts';

const db = useDb();

async function rows(table: string, order: string) {
	return (await db.query(sql`SELECT * FROM ${ident(table)} ORDER BY ${ident(order)}`)).rows;
}

async function tableExists(name: string): Promise<boolean> {
	const r = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name = ${name}`);
	return (r.rows[0]?.n ?? 0) > 0;
}

function open(dir: string, name: string): { source: FileSource; sample: string } {
	const p = fixture(dir, name);
	const bytes = new Uint8Array(fs.readFileSync(p));
	const det = detectEncoding(bytes);
	const text = decodeSample(bytes, det.encoding);
	// Files that need transcoding are compared after the page would transcode them.
	const source: FileSource = det.encoding === 'utf-8' ? { kind: 'path', path: p } : { kind: 'text', text };
	return { source, sample: text };
}

const FILES = [
	...fs.readdirSync(fixture('import')).filter((f) => /\.(csv|tsv)$/.test(f)).map((f) => ['import', f] as const),
	...fs.readdirSync(fixture('foundation')).filter((f) => f.endsWith('.csv')).map((f) => ['foundation', f] as const)
];

describe('typed-first equals text-first on every fixture (guessed mapping)', () => {
	it.each(FILES)('%s/%s', async (dir, name) => {
		const { source, sample } = open(dir, name);
		const fileName = path.basename(name);
		// Text first, as before: the reference.
		const f = await loadFile(db, { fileName, source, sample }).catch((e: unknown) => {
			expect(e).toMatchObject({ code: 'import.readFailed' });
			return undefined;
		});
		const sniff = inspectSample(sample, fileName).sniff;
		const guessed = mappingFor(sniff, guessRoles(sniff.columns));
		if (f === undefined) {
			// A file the text-first path refuses, typed-first refuses the same way.
			if (canLoadTyped(guessed.roles))
				await expect(loadTyped(db, { fileName, source, sample, mapping: guessed })).rejects.toMatchObject({ code: 'import.readFailed' });
			return;
		}
		const mapping = mappingFor(f!.sniff, f!.guess);
		expect(mapping).toEqual(guessed);
		// Files whose roles are not all recognised wait for the user's mapping: text first only.
		if (!canLoadTyped(mapping.roles)) {
			await expect(loadTyped(db, { fileName, source, sample, mapping })).rejects.toThrow(/loadTyped needs/);
			return;
		}
		const before = await applyMapping(db, f!, mapping);
		await db.exec(sql`CREATE OR REPLACE TABLE raw_ref AS SELECT * FROM ${ident(RAW_TABLE)}`);
		if (before.errors.length === 0) await db.exec(sql`CREATE OR REPLACE TABLE tx_ref AS SELECT * FROM ${ident(TX_TABLE)}`);
		await db.exec(sql`DROP TABLE IF EXISTS ${ident(TX_TABLE)}`);

		const typed = await loadTyped(db, { fileName, source, sample, mapping });
		expect(typed).not.toBeNull();
		const { file, result } = typed!;
		expect(result.checks).toEqual(before.checks);
		expect(result.errors.map((e) => e.code)).toEqual(before.errors.map((e) => e.code));
		// The same warnings too (renamed headers, id guards): the page's first load says what a remapping says.
		expect(result.warnings.map((e) => [e.code, e.params])).toEqual(before.warnings.map((e) => [e.code, e.params]));
		expect(result.txRows).toBe(before.txRows);
		expect(file.rows).toBe(f!.rows);
		expect(file.ragged).toEqual(f!.ragged);
		if (before.errors.length === 0) expect(await rows(TX_TABLE, 'src_row')).toEqual(await rows('tx_ref', 'src_row'));
		// No text table until something asks for it; then the same one.
		expect(await tableExists(RAW_TABLE)).toBe(false);
		await ensureText(file);
		await ensureText(file);
		const raw = await db.query(sql`SELECT count(*) AS n FROM (SELECT * FROM ${ident(RAW_TABLE)} EXCEPT ALL SELECT * FROM raw_ref)`);
		expect(raw.rows[0]?.n).toBe(0);
		const n = await db.query<{ a: number; b: number }>(sql`SELECT (SELECT count(*) FROM ${ident(RAW_TABLE)}) AS a, (SELECT count(*) FROM raw_ref) AS b`);
		expect(n.rows[0]!.a).toBe(n.rows[0]!.b);
		// Row order too: rowid + 1 is the data-row number the messages give.
		expect(await db.query(sql`SELECT * FROM ${ident(RAW_TABLE)} ORDER BY rowid LIMIT 50`)).toEqual(await db.query(sql`SELECT * FROM raw_ref ORDER BY rowid LIMIT 50`));
	});
});

describe('the pending text table', () => {
	const rfm = () => open('foundation', 'rfm_hand.csv');
	const retail = () => open('foundation', 'online_retail_slice.csv');

	async function typedLoad(o: { source: FileSource; sample: string }, fileName: string) {
		const { sniff } = inspectSample(o.sample, fileName);
		const t = await loadTyped(db, { fileName, ...o, mapping: mappingFor(sniff, guessRoles(sniff.columns)) });
		expect(t).not.toBeNull();
		return t!;
	}

	it('belongs to the newest file: an older file’s never replaces it', async () => {
		const a = await typedLoad(rfm(), 'rfm_hand.csv');
		const b = await typedLoad(retail(), 'online_retail_slice.csv');
		await expect(ensureText(a.file)).rejects.toMatchObject({ code: 'import.textSuperseded', params: { file: 'rfm_hand.csv' } });
		expect(await tableExists(RAW_TABLE)).toBe(false);
		await ensureText(b.file);
		const cols = (await db.query(sql`SELECT * FROM ${ident(RAW_TABLE)} LIMIT 1`)).columns.map((c) => c.name);
		expect(cols).toEqual(b.file.sniff.columns.map((c) => c.name));
		// A text-first load later supersedes it too.
		const c = await typedLoad(rfm(), 'rfm_hand.csv');
		const f = await loadFile(db, { fileName: 'online_retail_slice.csv', ...retail() });
		expect(f).not.toBeNull();
		await expect(ensureText(c.file)).rejects.toMatchObject({ code: 'import.textSuperseded' });
	});

	it('a file opened again under the same name keeps its own registration', async () => {
		const a = await typedLoad(retail(), 'same.csv');
		// Another file under the same name (a reload with another encoding, the sample twice …).
		const b = await typedLoad(rfm(), 'same.csv');
		await expect(ensureText(a.file)).rejects.toMatchObject({ code: 'import.textSuperseded' });
		await ensureText(b.file);
		const cols = (await db.query(sql`SELECT * FROM ${ident(RAW_TABLE)} LIMIT 1`)).columns.map((c) => c.name);
		expect(cols).toEqual(b.file.sniff.columns.map((c) => c.name));
		const n = await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(RAW_TABLE)}`);
		expect(n.rows[0]?.n).toBe(b.file.rows);
	});

	it('is read before another mapping of the same file', async () => {
		const t = await typedLoad(retail(), 'online_retail_slice.csv');
		expect(t.result.errors).toEqual([]);
		const before = await rows(TX_TABLE, 'src_row');
		// Same roles again through applyMapping: the text table is read first, the typed table is the same.
		const again = await applyMapping(db, t.file, mappingFor(t.file.sniff, t.file.guess));
		expect(again.errors).toEqual([]);
		expect(await tableExists(RAW_TABLE)).toBe(true);
		expect(await rows(TX_TABLE, 'src_row')).toEqual(before);
	});

	it('is read by the quality report of a file loaded typed-first', async () => {
		const t = await typedLoad(retail(), 'online_retail_slice.csv');
		expect(await tableExists(RAW_TABLE)).toBe(false);
		const report = await runQualityReport(db, t.file, { mapping: mappingFor(t.file.sniff, t.file.guess), options: { asOf: '2012-01-01' } });
		expect(report.rows).toBe(t.file.rows);
		expect(await tableExists(RAW_TABLE)).toBe(true);
	});

	it('a mapping the checks reject keeps the previous typed table; the text table is read on demand', async () => {
		const good = await typedLoad(retail(), 'online_retail_slice.csv');
		expect(good.result.errors).toEqual([]);
		const kept = await rows(TX_TABLE, 'src_row');
		const { source, sample } = retail();
		const { sniff } = inspectSample(sample, 'retail.csv');
		// The description as the date: unreadable, so nothing is replaced.
		const bad = mappingFor(sniff, { customer: 'CustomerID', date: 'Description', quantity: 'Quantity', price: 'UnitPrice' });
		const t = await loadTyped(db, { fileName: 'retail.csv', source, sample, mapping: bad });
		expect(t!.result.errors.map((e) => e.code)).toContain('mapping.notDates');
		expect(await rows(TX_TABLE, 'src_row')).toEqual(kept);
		expect(await tableExists('tx_stage')).toBe(false);
		await ensureText(t!.file);
		expect(await tableExists(RAW_TABLE)).toBe(true);
	});
});
