import { RAGGED_LISTED, raggedError, type RaggedPolicy, type RaggedReport, type SampleScan } from '../core/csv/ragged.ts';
import { ClienteleError } from '../core/errors.ts';
import { gunzipStream } from '../core/import/gunzip.ts';
import { loadRawSql, type CsvRead } from '../core/sql/read-csv.ts';
import { countRecordsIntoSql, raggedRowsSql, rejectSummarySql } from '../core/sql/ragged.ts';
import type { Sql } from '../core/sql/sql.ts';
import { dropTableSql, readCountSql } from '../core/sql/table-ops.ts';
import type { DbClient, FileSource } from '../db/client.ts';
import { checkLongLines, openBlob } from './long-lines.ts';
import { countRows, replaceTable } from './table-ops.ts';

/**
 * Ragged rows in the whole-file read. The file is read once into a staging table with the ragged
 * rows left out; the decision (skip or stop, perhaps the user's) then keeps it (renamed to the
 * target: the previous table lives until then) or drops it. Only the many-ragged-rows way below
 * reads the file a second time, to count.
 *
 * Two ways to find them, chosen by the sample: DuckDB's rejects table costs nothing on a clean
 * file and gives every ragged row's byte position, but ≈ 20 µs per ragged row; when the sample
 * already shows many ragged rows, the rows are dropped unrecorded and counted by a second, cheap
 * lenient read, and the first ones listed are the sample's.
 */

/** Ragged rows in the sample from which the cheap way is taken. */
export const BULK_FROM = 50;

export interface RaggedLoad {
	db: DbClient;
	/** Display name (messages). */
	fileName: string;
	source: FileSource;
	table: string;
	/** How the file is read (fileName is the registered name). */
	read: CsvRead;
	scan: SampleScan;
	policy: RaggedPolicy;
	onProgress?: (fraction: number) => void;
	/** What the table holds instead of the text rows (loadRawSql's `select`). */
	select?: (csv: Sql) => Sql;
	/**
	 * A second read of a file already read with this policy (the text table of a typed-first load):
	 * its ragged rows are left out unrecorded (no report, nothing to ask), the read cannot be
	 * cancelled (it still reports progress), it stages under its own name, and `keep()` is asked last: false leaves the target
	 * alone (a newer file owns it) and resolves 'cancelled'.
	 */
	deferred?: { stage: string; keep: () => boolean };
}

/**
 * Reads the file into `o.table`, ragged rows left out. Resolves the ragged report (null: none) or
 * 'cancelled'; throws raggedError when the policy says stop, import.readFailed on other read errors.
 * On cancel or stop the previous table is untouched.
 */
export async function loadWithoutRagged(o: RaggedLoad): Promise<RaggedReport | null | 'cancelled'> {
	if (o.deferred) return loadAgain(o, o.deferred);
	const { db } = o;
	const stage = `${o.table}__load`;
	const rejects = { table: `${o.table}__rejects`, scan: `${o.table}__rejects_scan` };
	const bulk = o.scan.count >= BULK_FROM;
	const dropRejects = async () => {
		await db.exec(dropTableSql(rejects.table));
		await db.exec(dropTableSql(rejects.scan));
	};
	const dropStage = () => db.exec(dropTableSql(stage));
	let report: RaggedReport | null;
	// The long-line scan reads the file on the page's thread while the engine reads it in its worker
	// (two cores): after the load it added ≈ 0.3 s at 1M rows and ≈ 1.2 s at 5M. Its verdict is taken
	// where it always was, after the ragged rows; a load that stops first abandons it.
	const scan = new AbortController();
	const longLines = checkLongLines(o.fileName, o.read.fileName, o.source, scan.signal);
	longLines.catch(() => undefined);
	try {
		await dropRejects();
		const load = loadRawSql({ ...o.read, table: stage, ragged: bulk ? { mode: 'ignore' } : { mode: 'rejects', ...rejects } }, o.select);
		if (!(await db.execCancellable(load, o.onProgress))) {
			await dropStage();
			return 'cancelled';
		}
		const found = bulk ? await bulkReport(o, stage) : await rejectsReport(o, rejects.table);
		if (found === 'cancelled') {
			await dropStage();
			return 'cancelled';
		}
		report = found;
		await longLines;
	} catch (e) {
		if (e instanceof ClienteleError && e.code === 'engine.lineTooLong') {
			await dropStage();
			throw e;
		}
		await dropStage();
		throw new ClienteleError('import.readFailed', { file: o.fileName, detail: e instanceof Error ? e.message : String(e) });
	} finally {
		scan.abort();
		await dropRejects();
	}
	if (report) {
		try {
			const choice = typeof o.policy === 'function' ? await o.policy(report) : o.policy;
			if (choice === 'stop') throw raggedError(o.fileName, report);
		} catch (e) {
			await dropStage();
			throw e;
		}
	}
	// A file with no rows left (header only, or every row ragged and skipped) must not replace the
	// table the previous file is still mapped to.
	const kept = await countRows(db, stage);
	if (kept === 0) {
		await dropStage();
		throw new ClienteleError('import.noRows', { file: o.fileName });
	}
	await replaceTable(db, stage, o.table);
	return report;
}

/** loadWithoutRagged for a file read before (RaggedLoad.deferred). */
async function loadAgain(o: RaggedLoad, d: { stage: string; keep: () => boolean }): Promise<'cancelled' | null> {
	const { db } = o;
	const drop = () => db.exec(dropTableSql(d.stage));
	try {
		await db.exec(loadRawSql({ ...o.read, table: d.stage, ragged: { mode: 'ignore' } }, o.select), o.onProgress);
	} catch (e) {
		await drop();
		throw new ClienteleError('import.readFailed', { file: o.fileName, detail: e instanceof Error ? e.message : String(e) });
	}
	if (!d.keep()) {
		await drop();
		return 'cancelled';
	}
	await replaceTable(db, d.stage, o.table);
	return null;
}


async function rejectsReport(o: RaggedLoad, rejects: string): Promise<RaggedReport | null> {
	const s = (await o.db.query<{ ragged: number; otherLine: number | null; otherMessage: string | null }>(rejectSummarySql({ rejects }))).rows[0];
	// Anything but a field count (an unclosed quote …) stops the read, as it always did.
	if (s?.otherMessage) throw new Error(`line ${s.otherLine ?? '?'}: ${s.otherMessage}`);
	if (!s?.ragged) return null;
	const rows = (await o.db.query<{ pos: number; line: number; found: number }>(raggedRowsSql({ rejects, limit: RAGGED_LISTED }))).rows;
	const lines = await lineNumbersAt(o.source, o.read.fileName.endsWith('.gz'), rows.map((r) => r.pos)).catch(() => null);
	return {
		count: s.ragged,
		expected: o.read.columns.length,
		rows: rows.map((r, i) => ({ line: lines?.[i] ?? r.line, found: r.found }))
	};
}

async function bulkReport(o: RaggedLoad, stage: string): Promise<RaggedReport | null | 'cancelled'> {
	// A second read of the whole file (lenient, to count every record): cancellable like the first.
	const counted = `${stage}__count`;
	if (!(await o.db.execCancellable(countRecordsIntoSql({ read: o.read, target: counted })))) return 'cancelled';
	const total = (await o.db.query<{ n: number }>(readCountSql(counted))).rows[0]?.n ?? 0;
	await o.db.exec(dropTableSql(counted));
	const kept = await countRows(o.db, stage);
	const count = Math.max(total - kept, o.scan.count);
	return { count, expected: o.read.columns.length, rows: o.scan.rows };
}

/**
 * The 1-based line each row starts on, from the byte positions DuckDB gives (the row's first byte,
 * or the line break just before it): line breaks are counted in the bytes up to the row — quoted
 * line breaks included, which DuckDB's own line numbers leave out. Reads only up to the last one.
 */
export async function lineNumbersAt(source: FileSource, gzip: boolean, positions: readonly number[]): Promise<number[]> {
	const blob = await openBlob(source);
	return countLines(gzip ? gunzipStream(blob) : blob.stream(), positions);
}

/** Line numbers at sorted byte positions: breaks before the position, and any right at it. */
export async function countLines(stream: ReadableStream<Uint8Array>, positions: readonly number[]): Promise<number[]> {
	const out: number[] = [];
	const reader = stream.getReader();
	let offset = 0;
	let breaks = 0;
	let atRow = false; // counting the breaks at a position, up to the row's first byte
	try {
		while (out.length < positions.length) {
			const { done, value } = await reader.read();
			if (done) break;
			let i = 0;
			while (out.length < positions.length && i < value.length) {
				if (!atRow) {
					const target = Math.max(i, positions[out.length]! - offset);
					const stop = Math.min(target, value.length);
					breaks += countByte(value, 10, i, stop);
					i = stop;
					if (target >= value.length) break;
					atRow = true;
				}
				while (i < value.length && (value[i] === 10 || value[i] === 13)) if (value[i++] === 10) breaks++;
				if (i < value.length) {
					out.push(breaks + 1);
					atRow = false;
				}
			}
			offset += value.length;
		}
	} finally {
		await reader.cancel();
	}
	while (out.length < positions.length) out.push(breaks + 1);
	return out;
}

function countByte(a: Uint8Array, byte: number, from: number, to: number): number {
	let n = 0;
	for (let j = a.indexOf(byte, from); j >= 0 && j < to; j = a.indexOf(byte, j + 1)) n++;
	return n;
}
