/**
 * The recorded pipeline as Spark SQL 3.5, for data on a cluster. NOT RUN HERE (no Spark on these
 * machines): checked by golden files against Spark SQL 3.5's documented functions and semantics.
 * DuckDB tables become temporary views, versioned where DuckDB changes a table in place (DELETE,
 * DROP COLUMN, INSERT); the CSV read becomes a csv data source with the sniffed schema and dialect;
 * the output is written as text lines formatted as the CLI formats its CSV (one part file).
 */
import { headerComments, type ScriptHeader } from './duckdb.ts';
import type { OutputColumn } from './csv-lines.ts';
import { headerLine } from './csv-lines.ts';
import { sparkCell } from './spark-output.ts';
import type { PipelineStep } from './pipeline.ts';
import { translate, type SparkContext } from './spark-expr.ts';
import { closing, SparkRefusal, sparkIdent, sparkString, tokenize, trimTokens, upper, type Token } from './spark-tokens.ts';

export { SparkRefusal };

export interface SparkOutput {
	/** The query whose rows the CLI writes (DuckDB dialect, ending in its ORDER BY). */
	rows: string;
	columns: readonly OutputColumn[];
	money: readonly string[];
	bom: boolean;
}

const NAME = String.raw`"((?:[^"]|"")+)"`;
const unq = (s: string) => s.replaceAll('""', '"');

class Views implements SparkContext {
	views = new Map<string, string>();
	private used = new Map<string, number>();
	fresh(table: string): string {
		const n = (this.used.get(table) ?? 0) + 1;
		this.used.set(table, n);
		const v = n === 1 ? table : `${table}__v${n}`;
		this.views.set(table, v);
		return v;
	}
	current(table: string): string {
		const v = this.views.get(table);
		if (!v) throw new SparkRefusal(`the table ${table} before it is made`);
		return v;
	}
}

/** read_csv(path, delim, quote, escape, header, skip = 0, columns = {…}) → a csv data source view + row numbers. */
function readCsv(table: string, text: string, v: Views): string[] {
	const m = /read_csv\('((?:[^']|'')*)',([\s\S]*)\)\s*$/.exec(text);
	if (!m) throw new SparkRefusal('this read_csv call');
	const opts = m[2]!;
	const get = (k: string) => new RegExp(String.raw`\b${k} = ('(?:[^']|'')*'|\w+)`).exec(opts)?.[1];
	const str = (s: string | undefined) => (s?.startsWith("'") ? s.slice(1, -1).replaceAll("''", "'") : s);
	for (const k of opts.matchAll(/\b(\w+) = /g)) if (!['delim', 'quote', 'escape', 'header', 'skip', 'store_rejects', 'rejects_table', 'rejects_scan', 'auto_detect', 'columns'].includes(k[1]!)) throw new SparkRefusal(`the read_csv option ${k[1]}`);
	if ((get('skip') ?? '0') !== '0') throw new SparkRefusal('read_csv skip (lines before the header)');
	const cols = /columns = \{([\s\S]*)\}/.exec(opts)?.[1];
	if (!cols) throw new SparkRefusal('read_csv without columns');
	const schema = [...cols.matchAll(/'((?:[^']|'')*)': 'VARCHAR'/g)].map((c) => `${sparkIdent(c[1]!.replaceAll("''", "'"))} STRING`);
	const file = v.fresh(`${table}__csv`);
	const view = v.fresh(table);
	const o = [
		['path', m[1]!.replaceAll("''", "'")],
		['header', String(upper({ kind: 'word', text: get('header') ?? 'false' }) === 'TRUE')],
		['sep', str(get('delim')) ?? ','],
		['quote', str(get('quote')) ?? '"'],
		['escape', str(get('escape')) ?? '"'],
		['mode', 'DROPMALFORMED'],
		['multiLine', 'true'],
		['encoding', 'UTF-8']
	];
	return [
		`CREATE OR REPLACE TEMPORARY VIEW ${sparkIdent(file)} (${schema.join(', ')}) USING csv OPTIONS (${o.map(([k, x]) => `${k} ${sparkString(x!)}`).join(', ')});`,
		`-- DuckDB's rowid: the row's place in the file, 0-based (monotonically_increasing_id follows the file's splits in order)`,
		`CREATE OR REPLACE TEMPORARY VIEW ${sparkIdent(view)} AS SELECT row_number() OVER (ORDER BY monotonically_increasing_id()) - 1 AS \`__rowid\`, * FROM ${sparkIdent(file)};`
	];
}

/** One recorded statement as Spark statements (none for a DROP or a RENAME: views are renamed in the script's map). */
export function sparkStatements(step: PipelineStep, v: Views): string[] {
	const s = step.sql.trim();
	let m: RegExpExecArray | null;
	if ((m = new RegExp(String.raw`^DROP\s+(?:TABLE|VIEW)\s+IF\s+EXISTS\s+${NAME}$`, 'i').exec(s))) {
		v.views.delete(unq(m[1]!));
		return [];
	}
	if ((m = new RegExp(String.raw`^ALTER\s+TABLE\s+${NAME}\s+RENAME\s+TO\s+${NAME}$`, 'i').exec(s))) {
		v.views.set(unq(m[2]!), v.current(unq(m[1]!)));
		v.views.delete(unq(m[1]!));
		return [];
	}
	if ((m = new RegExp(String.raw`^ALTER\s+TABLE\s+${NAME}\s+DROP\s+COLUMN\s+${NAME}$`, 'i').exec(s))) {
		const t = unq(m[1]!);
		if (!step.after) throw new SparkRefusal('DROP COLUMN without the table’s columns');
		const from = v.current(t);
		return [`CREATE OR REPLACE TEMPORARY VIEW ${sparkIdent(v.fresh(t))} AS SELECT ${step.after.map(sparkIdent).join(', ')} FROM ${sparkIdent(from)};`];
	}
	if ((m = new RegExp(String.raw`^DELETE\s+FROM\s+${NAME}\s+WHERE\s+([\s\S]+)$`, 'i').exec(s))) {
		const t = unq(m[1]!);
		const from = v.current(t);
		const cond = translate(tokenize(m[2]!), v);
		return [`CREATE OR REPLACE TEMPORARY VIEW ${sparkIdent(v.fresh(t))} AS SELECT * FROM ${sparkIdent(from)} WHERE NOT coalesce((${cond}), false);`];
	}
	if ((m = new RegExp(String.raw`^INSERT\s+INTO\s+${NAME}\s+((?:SELECT|WITH|FROM)[\s\S]+)$`, 'i').exec(s))) {
		const t = unq(m[1]!);
		const from = v.current(t);
		const q = translate(tokenize(m[2]!), v);
		return [`CREATE OR REPLACE TEMPORARY VIEW ${sparkIdent(v.fresh(t))} AS SELECT * FROM ${sparkIdent(from)} UNION ALL (${q});`];
	}
	if ((m = new RegExp(String.raw`^CREATE\s+OR\s+REPLACE\s+(?:TABLE|VIEW)\s+${NAME}\s+AS\s+([\s\S]+)$`, 'i').exec(s))) {
		const t = unq(m[1]!);
		if (/^SELECT \* FROM read_csv\(/.test(m[2]!)) return readCsv(t, m[2]!, v);
		const q = translate(tokenize(m[2]!), v);
		return [`CREATE OR REPLACE TEMPORARY VIEW ${sparkIdent(v.fresh(t))} AS ${q};`];
	}
	throw new SparkRefusal(`the statement ${s.split(/\s+/).slice(0, 3).join(' ')} …`);
}

/** Index of the last `word` at the top level of the last top-level SELECT (-1: none). */
function topLevel(t: readonly Token[], word: string): number {
	let depth = 0;
	let at = -1;
	t.forEach((x, i) => {
		if (x.text === '(') depth++;
		if (x.text === ')') depth--;
		if (depth === 0 && upper(x) === 'SELECT') at = -1;
		if (depth === 0 && upper(x) === word && at < 0) at = i;
	});
	return at;
}

/** Index of the last top-level ORDER BY in `t` (-1: none). */
function topOrderBy(t: readonly Token[]): number {
	let depth = 0;
	let at = -1;
	t.forEach((x, i) => {
		if (x.text === '(') depth++;
		if (x.text === ')') depth--;
		if (depth === 0 && upper(x) === 'ORDER' && upper(t.slice(i + 1).find((y) => y.kind !== 'space')) === 'BY') at = i;
	});
	return at;
}

/** ORDER BY keys that are plain (maybe qualified) column names, as `name ASC|DESC`; anything else refused. */
function orderKeys(body: readonly Token[], known: readonly string[]): string[] {
	return body
		.map((x) => x.text)
		.join('')
		.split(',')
		.map((k) => {
			const m = /^\s*(?:"?\w+"?\.)?("(?:[^"]|"")+"|\w+)\s*(ASC|DESC)?\s*(NULLS\s+(?:FIRST|LAST))?\s*$/i.exec(k);
			const name = m ? unq(m[1]!.replace(/^"|"$/g, '')) : undefined;
			if (!name || !known.includes(name)) throw new SparkRefusal(`the output order ${k.trim()}`);
			return `${sparkIdent(name)} ${m![2]?.toUpperCase() ?? 'ASC'} ${m![3]?.toUpperCase().replace(/\s+/, ' ') ?? 'NULLS LAST'}`;
		});
}

/**
 * The output query without its ORDER BY, and the order as keys of `q`. A query that wraps an ordered
 * subquery (SELECT … FROM (… ORDER BY k) AS r: labels or percentages added in SQL) gets the inner
 * order as a row number column, `__order`.
 */
function splitOrder(rows: string, columns: readonly OutputColumn[]): { query: Token[]; keys: string[] } {
	const t = tokenize(rows);
	const at = topOrderBy(t);
	if (at >= 0) {
		const body = t.slice(t.findIndex((x, i) => i > at && upper(x) === 'BY') + 1);
		return { query: trimTokens(t.slice(0, at)), keys: orderKeys(body, columns.map((c) => c.name)).map((k) => `q.${k}`) };
	}
	const from = topLevel(t, 'FROM');
	const open = t.findIndex((x, i) => i > from && x.kind !== 'space');
	if (from < 0 || t[open]?.text !== '(') throw new SparkRefusal('an output without ORDER BY');
	const close = closing(t, open);
	const inner = t.slice(open + 1, close);
	const innerAt = topOrderBy(inner);
	const innerFrom = topLevel(inner.slice(0, innerAt), 'FROM');
	if (innerAt < 0 || innerFrom < 0) throw new SparkRefusal('an output without ORDER BY');
	// the row's place in the inner order, computed where the inner ORDER BY's names are in scope
	const order = tokenize(`, row_number() OVER (ORDER BY ${inner.slice(inner.findIndex((x, i) => i > innerAt && upper(x) === 'BY') + 1).map((x) => x.text).join('')}) AS "__order" `);
	const ordered = [...inner.slice(0, innerFrom), ...order, ...inner.slice(innerFrom, innerAt)];
	return { query: [...t.slice(0, from), ...tokenize(', "__order" '), ...t.slice(from, open + 1), ...ordered, ...t.slice(close)], keys: ['q.`__order`'] };
}

/** The Spark SQL 3.5 script; throws SparkRefusal naming what it cannot translate. */
export function renderSpark(h: ScriptHeader, steps: readonly PipelineStep[], out: SparkOutput): string {
	const v = new Views();
	const lines = [
		...headerComments(h, 'Spark SQL 3.5', 'NOT RUN HERE: no Spark runs on the machines Clientele is tested on; checked against Spark SQL 3.5’s documentation only.'),
		'-- DuckDB semantics kept: naive timestamps, NULLs sorted last, non-ANSI casts (a bad value is NULL, as with TRY_CAST).',
		'SET spark.sql.timestampType = TIMESTAMP_NTZ;',
		'SET spark.sql.session.timeZone = UTC;',
		'SET spark.sql.ansi.enabled = false;',
		''
	];
	steps.forEach((s, i) => {
		let sql: string[];
		try {
			sql = sparkStatements(s, v);
		} catch (e) {
			if (e instanceof SparkRefusal) throw Object.assign(e, { step: i + 1 });
			throw e;
		}
		if (sql.length) lines.push(`-- step ${i + 1}: ${s.comment}`, ...sql, '');
	});
	const { query, keys } = splitOrder(out.rows, out.columns);
	const cells = out.columns.map((c) => sparkCell(c, out.money.includes(c.name)));
	const header = sparkString(headerLine(out.columns.map((c) => c.name), out.bom) + '\r');
	lines.push(
		`-- output: ${h.out} is written as a folder with one part file (text, one CSV line per row, CRLF), the header first.`,
		`INSERT OVERWRITE DIRECTORY ${sparkString(h.out)} USING text`,
		`SELECT /*+ COALESCE(1) */ line FROM (`,
		`  SELECT 0 AS k, CAST(0 AS BIGINT) AS n, ${header} AS line`,
		`  UNION ALL`,
		`  SELECT 1 AS k, row_number() OVER (ORDER BY ${keys.join(', ')}) AS n, concat(${cells.join(", ',', ")}, '\\r') AS line`,
		`  FROM (${translate(query, v)}) AS q`,
		`) AS t ORDER BY k, n;`,
		''
	);
	return lines.join('\n');
}
