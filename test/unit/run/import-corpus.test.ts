import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ManifestCase } from '../../fixtures/import/make-fixtures.ts';
import { preparePath, type PreparedPath } from '../../../src/cli/io.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { RAW_TABLE, TX_TABLE } from '../../../src/run/tables.ts';
import { en } from '../../../src/i18n/en.ts';
import { fixture, useDb } from '../../helpers/db.ts';

const manifest = JSON.parse(fs.readFileSync(fixture('import', 'manifest.json'), 'utf8')) as ManifestCase[];

const db = useDb();

interface TxStats extends Record<string, number | null> {
	rows: number;
	customers: number;
	sum: number | null;
	first: number | null;
	last: number | null;
}

async function txStats(table: string): Promise<TxStats> {
	const r = await db.query<TxStats>(
		sql`SELECT count(*) AS rows, count(DISTINCT customer_id) AS customers, sum(amount) AS sum, min(ts) AS first, max(ts) AS last FROM ${ident(table)}`
	);
	return r.rows[0]!;
}

describe('import corpus (test/fixtures/import/manifest.json)', () => {
	it('covers every case the issue lists', () => {
		const files = manifest.map((c) => c.file);
		expect(files.length).toBeGreaterThanOrEqual(25);
		for (const f of files) expect(fs.existsSync(fixture('import', f)), f).toBe(true);
	});

	for (const c of manifest) {
		it(`${c.file}: ${c.case}`, async () => {
			let prepared: PreparedPath | undefined;
			try {
				prepared = await preparePath(fixture('import', c.file));
				expect(prepared.encoding).toBe(c.encoding);
				const load = loadFile(db, { fileName: prepared.fileName, source: { kind: 'path', path: prepared.path }, sample: prepared.sample });
				if (c.error) {
					const e: unknown = await load.then(
						() => null,
						(err: unknown) => err
					);
					expect(isClienteleError(e) && e.code).toBe(c.error);
					expect(Object.keys(en)).toContain(c.error);
					return;
				}
				const file = await load;
				expect(file).not.toBeNull();
				const { sniff } = file!;
				expect({ delimiter: sniff.delimiter, hasHeader: sniff.hasHeader, skipLines: sniff.skipLines, rows: file!.rows }).toEqual({
					delimiter: c.delimiter,
					hasHeader: c.hasHeader,
					skipLines: c.skipLines,
					rows: c.rows
				});
				if (c.columns) {
					expect(sniff.columns.map((x) => x.name)).toEqual(c.columns);
					const described = await db.query<{ column_name: string }>(sql`DESCRIBE ${ident(RAW_TABLE)}`);
					expect(described.rows.map((r) => r.column_name)).toEqual(c.columns);
				}
				const col = (name: string) => sniff.columns.find((x) => x.name === name);
				for (const [name, kind] of Object.entries(c.kinds ?? {})) expect(col(name)?.kind, name).toBe(kind);
				if (c.dateLabel) {
					const d = sniff.columns.find((x) => x.kind === 'date')?.date;
					expect(d?.format.label).toBe(c.dateLabel);
					if (c.dateAmbiguous !== undefined) expect(d?.ambiguous).toBe(c.dateAmbiguous);
				}
				for (const [name, values] of Object.entries(c.texts ?? {})) {
					const r = await db.query<{ v: string }>(sql`SELECT DISTINCT ${ident(name)} AS v FROM ${ident(RAW_TABLE)}`);
					expect(r.rows.map((x) => x.v)).toEqual(expect.arrayContaining(values));
				}
				if (c.roles && c.tx) {
					const mapping = mappingFor(sniff, c.roles);
					if (c.numericDate) expect(mapping.dateFormat.numeric).toBe(c.numericDate);
					// Numbers in the date column are read as Unix times or Excel serials by the same pipeline.
					const result = await applyMapping(db, file!, mapping);
					expect(result.errors).toEqual([]);
					const stats = await txStats(TX_TABLE);
					expect({ ...stats, sum: Math.round((stats.sum ?? 0) * 100) / 100, first: iso(stats.first), last: iso(stats.last) }).toEqual({
						...c.tx,
						sum: Math.round(c.tx.sum * 100) / 100
					});
				}
			} finally {
				prepared?.cleanup();
			}
		});
	}
});

function iso(ms: number | null): string | null {
	return ms === null ? null : new Date(ms).toISOString();
}
