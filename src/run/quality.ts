/**
 * The quality runner: the data-quality report on the text table under a mapping, and the typed
 * table rebuilt with the user's fixes. SQL: core/sql/quality.ts; findings: core/csv/quality.ts.
 */
import {
	assembleFindings,
	resolveQualityOptions,
	type ColumnQuality,
	type FindingKind,
	type QualityFixes,
	type QualityOptions,
	type QualityReport
} from '../core/csv/quality.ts';
import type { TxMapping } from '../core/sql/parse.ts';
import { strayCutoff } from '../core/as-of.ts';
import { defaultAsOf } from './as-of.ts';
import {
	cleanTxSql,
	columnExamplesSql,
	markStraysSql,
	columnQualitySql,
	duplicatesChecked,
	qualityExamplesSql,
	qualityFindingsSql,
	qualityFlagsSql,
	type QualityColumn
} from '../core/sql/quality.ts';
import { dropTableSql } from '../core/sql/table-ops.ts';
import type { DbClient } from '../db/client.ts';
import { ensureText, type LoadedFile } from './loaded-file.ts';
import { countRows } from './table-ops.ts';
import { reapplyOrderRules } from './order-rules.ts';
import { QUALITY_FLAGS, RAW_TABLE, TX_TABLE } from './tables.ts';

/**
 * At most this many columns get the per-column check: the mapped ones, then the others in file
 * order. Its cost grows faster than the column count (one aggregate pair per column, planned
 * together): 250 columns took ≈ 0.7 s, a 10,000-column file over a minute — and held the engine
 * while the analyses waited. A wide file's report says how many columns were not checked.
 */
export const QUALITY_MAX_COLUMNS = 200;

/** The sniffed columns (at most QUALITY_MAX_COLUMNS), with the mapping's role and formats for the mapped ones. */
function qualityColumns(file: LoadedFile, mapping: TxMapping): QualityColumn[] {
	const roleOf = new Map<string, string>();
	for (const [role, col] of Object.entries(mapping.roles)) if (col) roleOf.set(col, role);
	let room = QUALITY_MAX_COLUMNS - file.sniff.columns.filter((c) => roleOf.has(c.name)).length;
	const kept = file.sniff.columns.filter((c) => roleOf.has(c.name) || room-- > 0);
	return kept.map((c) => {
		const role = roleOf.get(c.name) ?? null;
		if (role === 'date') return { ...c, role, kind: 'date', date: { format: mapping.dateFormat } };
		const nf = role === 'amount' || role === 'quantity' || role === 'price' ? mapping.numberFormats[role] : undefined;
		if (nf) return { ...c, role, kind: 'number', number: { format: nf } };
		// Ids are text whatever they look like.
		if (role === 'customer' || role === 'order') return { ...c, role, kind: 'text', number: null, date: null };
		return { ...c, role };
	});
}

/** What a report or a rebuild runs under (plain data): the mapping, the options, the fixes in effect. */
export interface QualityRun {
	mapping: TxMapping;
	options: QualityOptions;
	fixes?: QualityFixes;
}

/** Runs the data-quality report on the file's text table under a mapping. Nothing is modified but a temp table. */
export async function runQualityReport(db: DbClient, file: LoadedFile, o: QualityRun): Promise<QualityReport> {
	await ensureText(file);
	const options = resolveQualityOptions(o.options);
	const columns = qualityColumns(file, o.mapping);
	const names = file.sniff.columns.map((c) => c.name);
	const counts = (await db.query(columnQualitySql({ source: RAW_TABLE, columns }))).rows[0] ?? {};
	const want: { index: number; problem: 'missing' | 'invalid' }[] = [];
	columns.forEach((_, i) => {
		if (Number(counts[`m_${i}`] ?? 0) > 0) want.push({ index: i, problem: 'missing' });
		if (Number(counts[`i_${i}`] ?? 0) > 0) want.push({ index: i, problem: 'invalid' });
	});
	const colEx = (await db.query(columnExamplesSql({ source: RAW_TABLE, columns, want, n: options.examples }))).rows;
	const colReport: ColumnQuality[] = columns.map((c, i) => {
		const mine = colEx.filter((e) => Number(e.col) === i).sort((a, b) => Number(a.row) - Number(b.row));
		return {
			column: c.name,
			role: c.role ?? null,
			missing: Number(counts[`m_${i}`] ?? 0),
			invalid: Number(counts[`i_${i}`] ?? 0),
			missingRows: mine.filter((e) => e.problem === 'missing').map((e) => Number(e.row)),
			invalidExamples: mine.filter((e) => e.problem === 'invalid').map((e) => ({ row: Number(e.row), value: e.value === null ? null : String(e.value) }))
		};
	});
	await db.exec(qualityFlagsSql({ source: RAW_TABLE, mapping: o.mapping, columns: names, options, target: QUALITY_FLAGS }));
	try {
		// Future dates are the stray dates of the default as-of (core/as-of.ts): after the machine's day
		// (options.asOf), or in a small late cluster far after the rest, which starts earlier.
		const cutoff = strayCutoff(await defaultAsOf(db, { today: options.asOf, tx: QUALITY_FLAGS }), options.asOf);
		if (cutoff < options.asOf) {
			await db.exec(markStraysSql(QUALITY_FLAGS, cutoff));
			options.asOf = cutoff;
		}
		const f = (await db.query(qualityFindingsSql({ flags: QUALITY_FLAGS, options }))).rows[0] ?? {};
		const kinds = Object.keys(f)
			.filter((k) => k.startsWith('n_') && Number(f[k]) > 0)
			.map((k) => k.slice(2) as FindingKind);
		const ex = (await db.query(qualityExamplesSql({ flags: QUALITY_FLAGS, n: options.examples, kinds }))).rows;
		const threshold = f.outlier_threshold;
		return {
			rows: Number(counts.total ?? 0),
			usableRows: Number(f.usable_rows ?? 0),
			customers: Number(f.customers ?? 0),
			firstTs: typeof f.first_ts === 'number' ? f.first_ts : null,
			lastTs: typeof f.last_ts === 'number' ? f.last_ts : null,
			outlierThreshold: typeof threshold === 'number' ? threshold : null,
			columns: colReport,
			uncheckedColumns: file.sniff.columns.length - columns.length,
			duplicatesUnchecked: !duplicatesChecked(names.length),
			findings: assembleFindings(f, ex, o.fixes ?? {}, options),
			options
		};
	} finally {
		await db.exec(dropTableSql(QUALITY_FLAGS));
	}
}

/**
 * Rebuilds the analysis table (tx) from the raw table with the fixes applied; returns its row count.
 * With no fixes it equals what applyMapping built (run/stage.ts). The raw table is never touched.
 */
export async function applyQualityFixes(db: DbClient, file: LoadedFile, o: QualityRun & { fixes: QualityFixes }): Promise<number> {
	await ensureText(file);
	const options = resolveQualityOptions(o.options);
	const names = file.sniff.columns.map((c) => c.name);
	await db.exec(cleanTxSql({ source: RAW_TABLE, target: TX_TABLE, mapping: o.mapping, columns: names, options, fixes: o.fixes }));
	await reapplyOrderRules(db, TX_TABLE);
	return countRows(db, TX_TABLE);
}
