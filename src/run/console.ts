/**
 * The SQL console (issue 16): one statement per run, checked before anything runs. DuckDB's lexer
 * tokenizes it (core/sql-console decides its kind and refuses readers, ATTACH, COPY, SET …),
 * DuckDB's parser and binder list the tables each query part reads (each must be in the catalog:
 * a quoted file name or URL is not), and only then does it run: a query into a temporary table the
 * grid pages, EXPLAIN as text, a write into `scratch` only.
 */
import { ConsoleError } from '../core/sql-console/console-error.ts';
import { engineError } from '../core/sql-console/engine-error.ts';
import { checkNames, checkTableSlots } from '../core/sql-console/names.ts';
import { addEdits, pivotProbe, PROBE_PREFIX, probeText, usingEdits } from '../core/sql-console/probe.ts';
import { checkedSql, resultPageSource, resultPrefix, resultSql, schemaSql, scratchSchemaSql, RELATIONS_SQL, TABLE_FUNCTIONS_SQL } from '../core/sql-console/sql.ts';
import { checkStatement, SCRATCH_SCHEMA, type CheckedStatement, type QueryPart } from '../core/sql-console/statement.ts';
import { toTokens, type Token } from '../core/sql-console/tokens.ts';
import type { Sql } from '../core/sql/sql.ts';
import type { DbClient } from '../db/client.ts';
import { CONSOLE_RESULT, isGridInternal } from './tables.ts';

export interface ConsoleOptions {
	/** Writes into the `scratch` schema are allowed (the console's explicit switch). */
	scratch: boolean;
}

export type ConsoleOutcome =
	| { kind: 'rows'; source: Sql; ms: number }
	| { kind: 'plan'; text: string; ms: number }
	| { kind: 'done'; action: 'create' | 'insert' | 'drop'; target: string; ms: number }
	| { kind: 'cancelled' };

async function nameSet(db: DbClient, q: Sql): Promise<Set<string>> {
	return new Set((await db.query<{ name: string }>(q)).rows.map((r) => r.name));
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
const singleStatement = (e: unknown) => /Expected a single statement/.test(message(e));
const parserError = (e: unknown) => /"exception_type":"Parser"|^Parser Error/.test(message(e));

/**
 * The tables one query part reads, by DuckDB's parser and binder. A PIVOT without an IN list parses
 * into more than one statement, and the lister knows no table's columns (UNPIVOT's ON, a join's USING
 * fail): then the part is read again with each simplified PIVOT/UNPIVOT as `FROM <its source>` and
 * each `USING (a, b)` as `ON (true)` (core/sql-console/probe.ts), wherever they stand. `pivoted`: a
 * PIVOT without IN made that second reading necessary.
 */
async function partNames(
	db: Required<Pick<DbClient, 'tableNames'>>,
	text: string,
	part: QueryPart,
	tokens: readonly Token[],
	relations: ReadonlySet<string>
): Promise<{ names: string[]; pivoted: boolean }> {
	const shift = PROBE_PREFIX.length - part.start;
	const fail = (e: unknown, probe: string) => {
		checkTableSlots(tokens, relations, true);
		return engineError(e, probe, shift, text);
	};
	const probe = probeText(text, part.start, part.end, part.edits);
	try {
		return { names: await db.tableNames(probe), pivoted: false };
	} catch (e) {
		const pivots = pivotProbe(text, tokens, part.start, part.end);
		// none over another (a table named pivot in a blanked INSERT INTO scratch.pivot, a join's USING in a PIVOT's clauses)
		const own = part.edits ?? [];
		const edits = addEdits(own, [...pivots.edits, ...usingEdits(text, tokens, part.start, part.end)]);
		if (edits.length === own.length) throw singleStatement(e) ? dynamicPivot(pivots.nested ?? pivots.heads[0], part) : fail(e, probe);
		const probe2 = probeText(text, part.start, part.end, edits);
		try {
			return { names: await db.tableNames(probe2), pivoted: singleStatement(e) };
		} catch (e2) {
			if (!singleStatement(e)) throw fail(e, probe);
			throw singleStatement(e2) || parserError(e2) ? dynamicPivot(pivots.nested ?? pivots.heads[0], part) : fail(e2, probe2);
		}
	}
}

const dynamicPivot = (head: Token | undefined, part: QueryPart) => new ConsoleError('console.refused.dynamicPivot', {}, head?.start ?? part.start);

/** Checks a statement without running it: its kind, its calls, and every table it reads. Throws ConsoleError. */
export async function checkConsole(db: DbClient, text: string, opts: ConsoleOptions): Promise<CheckedStatement & { pivoted: boolean }> {
	if (!db.tokenize || !db.tableNames) throw new Error('the SQL console needs DuckDB-WASM (its lexer and parser)');
	const lexed = await db.tokenize(text);
	const tokens = toTokens(text, lexed.offsets, lexed.types);
	const checked = checkStatement(text, tokens, { scratch: opts.scratch, tableFunctions: await nameSet(db, TABLE_FUNCTIONS_SQL) });
	const relations = await nameSet(db, RELATIONS_SQL);
	checkTableSlots(tokens, relations, false);
	let pivoted = false;
	for (const part of checked.parts) {
		const listed = await partNames({ tableNames: db.tableNames.bind(db) }, text, part, tokens, relations);
		checkNames(listed.names, relations, tokens);
		pivoted ||= listed.pivoted;
	}
	return { ...checked, pivoted };
}

/** Checks, then runs one statement. `onProgress` gets the engine's estimate (0–1) while a query runs; db.cancel() stops it. */
export async function runConsole(
	db: DbClient,
	text: string,
	opts: ConsoleOptions,
	onProgress?: (fraction: number) => void
): Promise<ConsoleOutcome> {
	const checked = await checkConsole(db, text, opts);
	const started = performance.now();
	const ms = () => Math.round(performance.now() - started);
	if (checked.kind === 'explain') {
		try {
			const r = await db.query<{ explain_key: string; explain_value: string }>(checkedSql(checked));
			return { kind: 'plan', text: r.rows.map((row) => row.explain_value).join('\n'), ms: ms() };
		} catch (e) {
			throw engineError(e, checked.text, 0, text, checked.pivoted);
		}
	}
	if (checked.kind === 'write') {
		await db.exec(scratchSchemaSql(SCRATCH_SCHEMA));
		try {
			if (!(await db.execCancellable(checkedSql(checked), onProgress))) return { kind: 'cancelled' };
		} catch (e) {
			throw engineError(e, checked.text, 0, text, checked.pivoted);
		}
		return { kind: 'done', action: checked.action, target: checked.target, ms: ms() };
	}
	const q = resultSql(CONSOLE_RESULT, { ...checked, kind: 'query' });
	try {
		if (!(await db.execCancellable(q, onProgress))) return { kind: 'cancelled' };
	} catch (e) {
		throw engineError(e, q.text, resultPrefix(CONSOLE_RESULT).length, text, checked.pivoted);
	}
	return { kind: 'rows', source: resultPageSource(CONSOLE_RESULT), ms: ms() };
}

export interface ConsoleTable {
	schema: string;
	name: string;
	columns: { name: string; type: string }[];
}

/**
 * The tables and views the console lists: the loaded data and results (main) and the user's own
 * (scratch); not the data grid's typed copies and search indexes (the same rows as the loaded table).
 */
export async function consoleSchema(db: DbClient): Promise<ConsoleTable[]> {
	const r = await db.query<{ schema: string; table: string; column: string; type: string }>(schemaSql(['main', SCRATCH_SCHEMA]));
	const out: ConsoleTable[] = [];
	for (const row of r.rows) {
		if (row.schema === 'main' && isGridInternal(row.table)) continue;
		const last = out[out.length - 1];
		if (last && last.schema === row.schema && last.name === row.table) last.columns.push({ name: row.column, type: row.type });
		else out.push({ schema: row.schema, name: row.table, columns: [{ name: row.column, type: row.type }] });
	}
	return out;
}
