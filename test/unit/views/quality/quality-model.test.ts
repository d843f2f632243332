import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ident, sql } from '../../../../src/core/sql/sql.ts';
import { applyMapping } from '../../../../src/run/stage.ts';
import { loadFile } from '../../../../src/run/load-file.ts';
import { mappingFor } from '../../../../src/core/import/mapping.ts';
import { TX_TABLE } from '../../../../src/run/tables.ts';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { quality } from '../../../../src/state/quality.svelte.ts';
import { session } from '../../../../src/state/session.svelte.ts';
import { QualityModel } from '../../../../src/views/quality/quality-model.svelte.ts';
import { openDb } from '../../../helpers/db.ts';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../public/sample/transactions.csv');
let db: NodeDbClient;
let loadedRows = 0;

beforeAll(async () => {
	db = await openDb();
	const file = await loadFile(db, { fileName: 'transactions.csv', source: { kind: 'path', path: SAMPLE }, sample: fs.readFileSync(SAMPLE, 'utf8').slice(0, 200_000) });
	const mapping = mappingFor(file!.sniff, file!.guess);
	const result = await applyMapping(db, file!, mapping);
	loadedRows = result.txRows;
	Object.assign(session, { db, file, mapping, result });
});
afterAll(async () => {
	await db.close();
});

const txCount = async () => (await db.query<{ n: number }>(sql`SELECT count(*) AS n FROM ${ident(TX_TABLE)}`)).rows[0]!.n;

describe('QualityModel on the sample (real DuckDB)', () => {
	const model = new QualityModel(() => new Date(2026, 10, 23));

	it('runs the report for the current data; the as-of is the injected clock, the stray late rows left out', async () => {
		quality.reset();
		expect(model.stale).toBe(true);
		await model.run();
		expect(model.status).toBe('ready');
		expect(model.stale).toBe(false);
		const r = quality.report!;
		// The injected clock says 2026-11-23; the sample's planted late rows (2026-10/11, a small cluster
		// after a gap) are strays (core/as-of.ts), so the report's as-of is the last day before them.
		expect(r.options.asOf).toBe('2025-12-31');
		expect(r.rows).toBe(60_078);
		expect(r.findings.find((f) => f.kind === 'exactDuplicates')?.count).toBe(20);
	});

	it.each([
		['exactDuplicates', 'drop', 20],
		['negativeAmounts', 'drop', 1233]
	] as const)('%s → %s leaves %i rows out, bumps txVersion, and undo restores the table', async (kind, policy, less) => {
		const v0 = session.txVersion;
		await model.setPolicy(kind, policy);
		expect(model.status).toBe('ready');
		expect(quality.applied).toEqual({ [kind]: policy });
		expect(quality.activeFixes).toEqual([{ kind, policy }]);
		expect(session.txVersion).toBe(v0 + 1);
		expect(session.result?.txRows).toBe(loadedRows - less);
		expect(await txCount()).toBe(loadedRows - less);
		expect(model.policy(kind)).toBe(policy);
		expect(quality.report?.findings.find((f) => f.kind === kind)?.policy).toBe(policy);
		expect(model.stale).toBe(false);

		await model.setPolicy(kind, 'keep');
		expect(quality.applied).toEqual({});
		expect(session.txVersion).toBe(v0 + 2);
		expect(await txCount()).toBe(loadedRows);
	});

	it('several fixes combine; undo all returns to the table as loaded', async () => {
		await model.setPolicy('exactDuplicates', 'drop');
		await model.setPolicy('negativeAmounts', 'net');
		expect(quality.activeFixes.map((f) => f.kind)).toEqual(['exactDuplicates', 'negativeAmounts']);
		expect(await txCount()).toBeLessThan(loadedRows);
		await model.undoAll();
		expect(quality.applied).toEqual({});
		expect(await txCount()).toBe(loadedRows);
	});

	it('a policy a finding does not offer is refused and nothing changes', async () => {
		const v0 = session.txVersion;
		await expect(model.setPolicy('exactDuplicates', 'net')).rejects.toMatchObject({ code: 'quality.badFix' });
		expect(session.txVersion).toBe(v0);
		expect(await txCount()).toBe(loadedRows);
	});
});
