/**
 * One open-file pipeline (run/open-file.ts): the CLI (text first, then the user's mapping) and the
 * page (typed-first on a recognised transactions file, ragged rows asked about) go through it with
 * their own options and adapters — and must give the same typed table, row for row.
 */
import fs from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { NODE_FILES, type PreparedPath } from '../../../src/cli/io.ts';
import { loadTransactions } from '../../../src/cli/input.ts';
import type { RaggedReport } from '../../../src/core/csv/ragged.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { copyTableSql, countRowsSql } from '../../../src/core/sql/table-ops.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import type { FileSource } from '../../../src/db/client.ts';
import type { NodeDbClient } from '../../../src/db/node.ts';
import { ensureText } from '../../../src/run/loaded-file.ts';
import { openFile, type OpenFileIo } from '../../../src/run/open-file.ts';
import { RAW_TABLE, TX_TABLE } from '../../../src/run/tables.ts';
import { fileInput } from '../../../src/state/file-input.ts';
import { fixture, useDb } from '../../helpers/db.ts';

const db = useDb();

const rows = async (table: string) => (await db.query(sql`SELECT * FROM ${ident(table)} ORDER BY src_row`)).rows;
const count = async (table: string) => (await db.query<{ n: number }>(countRowsSql(table))).rows[0]!.n;

/** The CLI's way: openInput (text table), the roles given on the command line, applyMapping. */
async function viaCli(input: string, roles: Record<string, string>): Promise<void> {
	const warn = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
	try {
		await loadTransactions(db as unknown as NodeDbClient, { input, ...roles }, roles);
	} finally {
		warn.mockRestore();
	}
	await db.exec(copyTableSql({ source: TX_TABLE, target: 'tx_cli' }));
}

/** The page's File adapter under Node: File objects are registered as their text (the Node client reads paths). */
function withFiles(client: typeof db): typeof db {
	return new Proxy(client, {
		get(target, prop) {
			if (prop !== 'registerFile') return Reflect.get(target, prop) as unknown;
			return async (name: string, source: FileSource) =>
				target.registerFile(name, source.kind === 'file' ? { kind: 'text', text: await source.file.text() } : source);
		}
	});
}

const CASES = [
	['public sample (amount, quantity and price: amount wins)', 'public/sample/transactions.csv'],
	['GBK, gzip-compressed (transcoded to a temporary copy)', fixture('import', 'rfm_gbk.csv.gz')],
	['ragged rows after the sample (left out alike)', fixture('import', 'ragged_long_late.csv')],
	['decimal commas, semicolons, dd.mm.yyyy', fixture('import', 'rfm_semicolon_decimal_comma.csv')]
] as const;

describe('the CLI and the page open a file through one pipeline and build the same typed table', () => {
	it.each(CASES)('%s', async (_, input) => {
		// The page's options with the Node adapter: typed-first on the guessed roles, ragged rows asked.
		const asked: RaggedReport[] = [];
		let prepared: PreparedPath | null = null;
		const io: OpenFileIo<string> = {
			...NODE_FILES,
			prepare: async (f, kind, o) => (prepared = await NODE_FILES.prepare(f, kind, o)),
			askRagged: (r) => {
				asked.push(r);
				return Promise.resolve('skip');
			}
		};
		const page = await openFile(db, input, { ragged: 'ask', typedFirst: {} }, io);
		expect(page?.typed?.result.errors).toEqual([]);
		const roles = page!.typed!.mapping.roles as Record<string, string>;
		const pageTx = await rows(TX_TABLE);
		expect(pageTx.length).toBe(page!.typed!.result.txRows);
		expect(asked.map((r) => r.count)).toEqual(page!.file.ragged ? [page!.file.ragged.count] : []);

		// The text table is read when first needed; a temporary copy is let go after that.
		await ensureText(page!.file);
		const pageRaw = await count(RAW_TABLE);
		if (prepared!.path !== input) expect(fs.existsSync(prepared!.path)).toBe(false);

		await viaCli(input, roles);
		expect(await rows('tx_cli')).toEqual(pageTx);
		expect(await count(RAW_TABLE)).toBe(pageRaw);
	});

	it('the page adapter (File objects, workers in place under Node) gives the same table as the CLI', async () => {
		const input = 'public/sample/transactions.csv';
		const file = new File([fs.readFileSync(input)], 'transactions.csv', { type: 'text/csv' });
		const page = await openFile(withFiles(db), file, { ragged: 'ask', typedFirst: {} }, fileInput({ askRagged: () => Promise.resolve('skip') }));
		expect(page?.detection.encoding).toBe('utf-8');
		const pageTx = await rows(TX_TABLE);
		await viaCli(input, page!.typed!.mapping.roles as Record<string, string>);
		expect(await rows('tx_cli')).toEqual(pageTx);
	});

	it('a text load (the datasets panel, the CLI) goes into the table asked for, typed table untouched', async () => {
		const before = await count(TX_TABLE);
		const opened = await openFile(db, 'public/sample/touchpoints.csv', { table: 'raw_tp' }, NODE_FILES);
		expect(opened?.typed).toBeUndefined();
		expect(opened?.file).toMatchObject({ table: 'raw_tp', fileName: 'public/sample/touchpoints.csv' });
		expect(await count('raw_tp')).toBe(opened!.file.rows);
		expect(await count(TX_TABLE)).toBe(before);
	});

	it('prepare refuses what cannot be read before anything is loaded, the same way for both adapters', async () => {
		const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		const e1: unknown = await openFile(db, new File([ole], 'old.xls'), {}, fileInput()).catch((x: unknown) => x);
		expect(isClienteleError(e1) && [e1.code, e1.params.file]).toEqual(['xlsx.legacy', 'old.xls']);
		const e2: unknown = await openFile(db, 'public/sample/transactions.csv', { sheet: 'x' }, NODE_FILES).catch((x: unknown) => x);
		expect(isClienteleError(e2) && e2.code).toBe('xlsx.notWorkbook');
	});
});
