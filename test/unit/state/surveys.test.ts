import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { guessDatasetRoles } from '../../../src/core/import/dataset-roles.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { idMatch } from '../../../src/run/survey-scale.ts';
import { gridSearchIndex, gridSource } from '../../../src/run/grid-source.ts';
import { RAW_SURVEYS, RAW_SURVEYS_NEXT, TX_TABLE, gridCopyOf, gridHitsOf, gridHitsPrefix, gridSearchOf } from '../../../src/run/tables.ts';
import { DatasetState } from '../../../src/state/datasets.svelte.ts';
import { useDb } from '../../helpers/db.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../../public/sample/surveys.csv');
const SAMPLE_TEXT = fs.readFileSync(SAMPLE, 'utf8');

describe('survey import: scales, CES direction, a failed import keeps the previous answers (real DuckDB)', () => {
	const db = useDb();
	const ds = new DatasetState('surveys');

	/** Loads text into a survey table and makes it the dataset's draft, as open() does. */
	async function draft(text: string, fileName: string, table: string) {
		const file = (await loadFile(db, { fileName, source: { kind: 'text', text }, sample: text, table }))!;
		ds.db = db;
		ds.file = file;
		ds.roles = guessDatasetRoles('surveys', file.sniff.columns);
	}
	const count = async (t: string) => (await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(t)}`)).rows[0]!.n;

	beforeAll(async () => {
		await draft(SAMPLE_TEXT, 'surveys.csv', RAW_SURVEYS);
		await ds.apply();
	});

	it('the sample: CSAT 1–5, CES 1–7 read as ease (its answers sit high), so the CES target points up', () => {
		expect(ds.error).toBeNull();
		expect(ds.ready).toBe(true);
		expect(ds.applied?.scales).toEqual({ csat: '1-5', ces: '1-7', cesDirection: 'ease' });
	});

	it('a chosen scale is checked: CES as effort flips the direction; 1–5 for answers up to 7 fails and keeps what was applied', async () => {
		await ds.choose({ cesDirection: 'effort' });
		expect(ds.applied?.scales.cesDirection).toBe('effort');
		await ds.choose({ ces: '1-5' });
		expect(ds.error?.code).toBe('kpi.badScore');
		expect(ds.applied?.scales).toEqual({ csat: '1-5', ces: '1-7', cesDirection: 'effort' });
		await ds.choose({ ces: 'auto', cesDirection: 'auto' });
		expect(ds.applied?.scales.ces).toBe('1-7');
	});

	it('a new file whose answers fit no scale fails; the previous answers, their table and version stay in use', async () => {
		const version = ds.version;
		const rows = await count(RAW_SURVEYS);
		await draft('客户编号,日期,CSAT\nC000001,2024-01-05,12\nC000002,2024-01-06,3\n', 'bad.csv', RAW_SURVEYS_NEXT);
		await ds.apply();
		expect(ds.error).toMatchObject({ code: 'survey.noScale', params: { file: 'bad.csv', column: 'CSAT', min: 3, max: 12 } });
		expect(ds.warnings.map((w) => [w.code, w.params.file])).toEqual([['survey.keptPrevious', 'surveys.csv']]);
		expect([ds.ready, ds.version, ds.applied?.file.fileName, ds.applied?.table]).toEqual([true, version, 'surveys.csv', RAW_SURVEYS]);
		expect(await count(RAW_SURVEYS)).toBe(rows);
	});

	it('id match: the sample’s survey ids against transactions of other customers → 0 %', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE ${ident(TX_TABLE)} AS SELECT 'X' || i AS customer_id FROM range(10) t(i)`);
		const ids = new Set(Papa.parse<string[]>(SAMPLE_TEXT, { skipEmptyLines: true }).data.slice(1).map((r) => r[0]!.trim()).filter(Boolean)).size;
		expect(await idMatch(db, { source: RAW_SURVEYS, column: '客户编号' })).toEqual({ ids, matched: 0 });
		await db.exec(sql`CREATE OR REPLACE TABLE ${ident(TX_TABLE)} AS SELECT 'C000399' AS customer_id UNION ALL SELECT 'nobody'`);
		expect(await idMatch(db, { source: RAW_SURVEYS, column: '客户编号' })).toEqual({ ids, matched: 1 });
	});
});

describe('a replaced survey file lets go of its grid copy (real DuckDB)', () => {
	const db = useDb();
	it('the copy and search index the pivot made of the old file are dropped once the new file is applied', async () => {
		const ds = new DatasetState('surveys');
		const load = async (fileName: string, table: string) => {
			const file = (await loadFile(db, { fileName, source: { kind: 'text', text: SAMPLE_TEXT }, sample: SAMPLE_TEXT, table }))!;
			ds.db = db;
			ds.file = file;
			ds.roles = guessDatasetRoles('surveys', file.sniff.columns);
			await ds.apply();
			return file;
		};
		const tables = async () => (await db.query<{ t: string }>(sql`SELECT table_name AS t FROM duckdb_tables()`)).rows.map((r) => r.t);
		const first = await load('a.csv', RAW_SURVEYS);
		await gridSource(db, first);
		await gridSearchIndex(db, first)!.ensure(['客户编号']);
		// A search's rows found once (a temporary table) go with the copy too.
		expect(await gridSearchIndex(db, first).prepare!('c')).toBeGreaterThan(0);
		expect(await tables()).toEqual(expect.arrayContaining([gridCopyOf(RAW_SURVEYS), gridSearchOf(RAW_SURVEYS), gridHitsOf(RAW_SURVEYS, 1)]));
		await load('b.csv', RAW_SURVEYS_NEXT);
		expect(ds.applied?.table).toBe(RAW_SURVEYS_NEXT);
		const left = await tables();
		expect(left).not.toContain(gridCopyOf(RAW_SURVEYS));
		expect(left).not.toContain(gridSearchOf(RAW_SURVEYS));
		expect(left.filter((t) => t.startsWith(gridHitsPrefix(RAW_SURVEYS)))).toEqual([]);
	});
});
