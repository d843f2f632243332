/**
 * A pivot table in SQL: one statement gives the cells, the subtotals and the grand total (GROUPING
 * SETS; `depth` = how many row fields a row is grouped by: the row fields' count for a cell row, fewer
 * for a subtotal, 0 for the grand total), with the column fields' keys pivoted into columns
 * `c<i>_v<j>` (key i, value j) and the total over all columns in `t_v<j>`. The keys come from a first,
 * small query (pivotKeysSql), capped at PIVOT_COLUMN_CAP: the statement never grows beyond. Field
 * names reach SQL only through ident(), and the keys never reach it at all (columns are matched by
 * their rank among the sorted keys, an integer). Empty text keys are NULL (shown as "(empty)").
 * Medians are taken over DOUBLE; a share is the value over the grand total of the same measure.
 */
import { ident, join, lit, raw, sql, type Sql } from './sql.ts';
import { checkPivot, PIVOT_COLUMN_CAP, PIVOT_ROW_CAP, type DateGrain, type FieldKind, type PivotField, type PivotSpec, type PivotValue } from './pivot-spec.ts';

export * from './pivot-spec.ts';

const r = (i: number) => raw(`r${i}`);
const c = (i: number) => raw(`c${i}`);
const v = (j: number) => raw(`v${j}`);
const a = (j: number) => raw(`a${j}`);
/** The id of value j's column under column key i (null: the total over all columns). */
export const valueColumn = (key: number | null, j: number) => (key === null ? `t_v${j}` : `c${key}_v${j}`);

/** A group-by field as read from the rows: text as text, numbers as DOUBLE, dates cut to the grain. */
function rawKey(field: string, kind: FieldKind, grain: DateGrain): Sql {
	const x = ident(field);
	if (kind === 'number') return sql`CAST(${x} AS DOUBLE)`;
	if (kind === 'bool') return x;
	if (kind === 'text') return sql`CAST(${x} AS VARCHAR)`;
	return sql`date_trunc(${lit(grain)}, CAST(${x} AS TIMESTAMP))`;
}

/** The key shown: text trimmed (blank → NULL), dates as sortable text of the grain (2024, 2024-Q1, 2024-03, 2024-03-09). */
function finishKey(e: Sql, kind: FieldKind, grain: DateGrain): Sql {
	if (kind === 'text') return sql`NULLIF(trim(${e}), '')`;
	if (kind !== 'date') return e;
	if (grain === 'year') return sql`strftime(${e}, '%Y')`;
	if (grain === 'quarter') return sql`strftime(${e}, '%Y') || '-Q' || CAST(quarter(${e}) AS VARCHAR)`;
	return grain === 'day' ? sql`strftime(${e}, '%Y-%m-%d')` : sql`strftime(${e}, '%Y-%m')`;
}

/** Aggregates that combine from partial ones (a sum of sums, a min of mins): the rows are grouped once by the raw keys first. */
const DECOMPOSABLE = new Set(['count', 'sum', 'mean', 'min', 'max', 'share']);
export const twoStage = (spec: PivotSpec) => spec.values.every((x) => DECOMPOSABLE.has(x.agg));

/** The partial aggregates of value j over the rows (p<j>, and q<j> for a mean's count). */
function partials(x: PivotValue, j: number): Sql[] {
	const f = x.field === undefined ? null : ident(x.field);
	const d = f ? sql`CAST(${f} AS DOUBLE)` : null;
	const p = raw(`p${j}`);
	if (x.agg === 'count' || (x.agg === 'share' && !f)) return [f ? sql`count(${f}) AS ${p}` : sql`count(*) AS ${p}`];
	if (x.agg === 'min' || x.agg === 'max') return [sql`${raw(x.agg)}(${f}) AS ${p}`];
	if (x.agg === 'mean') return [sql`sum(${d}) AS ${p}`, sql`count(${f}) AS ${raw(`q${j}`)}`];
	return [sql`sum(${d}) AS ${p}`];
}

/**
 * pv_src: the keys (r<i>, c<i>) and what is aggregated — each row's fields (v<j>), or, when every
 * aggregate combines from partial ones, one row per distinct raw key with the partial aggregates
 * (p<j>, q<j>): trimming and formatting the keys then touch the groups, not the million rows.
 */
function sourceCte(source: Sql, spec: PivotSpec, kinds: Map<string, FieldKind>, withValues: boolean): Sql {
	const grain = spec.dateGrain ?? 'month';
	const groups = [...spec.rows.map((f, i) => [f, `r${i}`] as const), ...spec.columns.map((f, i) => [f, `c${i}`] as const)];
	if (withValues && !twoStage(spec)) {
		const cols = [
			...groups.map(([f, as]) => sql`${finishKey(rawKey(f, kinds.get(f)!, grain), kinds.get(f)!, grain)} AS ${raw(as)}`),
			...spec.values.map((x, j) => sql`${x.field === undefined ? sql`NULL` : ident(x.field)} AS ${v(j)}`)
		];
		return sql`pv_src AS (SELECT ${join(cols)} FROM (${source}) AS pv_in)`;
	}
	const rawCols = groups.map(([f], i) => sql`${rawKey(f, kinds.get(f)!, grain)} AS ${raw(`x${i}`)}`);
	const parts = withValues ? spec.values.flatMap(partials) : [];
	const inner = [...rawCols, ...parts];
	const grouped = sql`SELECT ${inner.length ? join(inner) : sql`count(*) AS pv_n`} FROM (${source}) AS pv_in${rawCols.length ? sql` GROUP BY ALL` : sql``}`;
	const outer = [
		...groups.map(([f, as], i) => sql`${finishKey(raw(`x${i}`), kinds.get(f)!, grain)} AS ${raw(as)}`),
		...spec.values.flatMap((x, j) => (withValues ? [raw(`p${j}`), ...(x.agg === 'mean' ? [raw(`q${j}`)] : [])] : []))
	];
	return sql`pv_src AS (SELECT ${outer.length ? join(outer) : sql`1 AS one`} FROM (${grouped}) AS pv_raw)`;
}

const colList = (n: number) => join(Array.from({ length: n }, (_, i) => c(i)));
const colOrder = (n: number) => join(Array.from({ length: n }, (_, i) => sql`${c(i)} NULLS LAST`));

/** The column fields' distinct keys, sorted (NULL last), the first `cap`, with how many there are (n_keys). */
export function pivotKeysSql(o: { source: Sql; spec: PivotSpec; fields: readonly PivotField[]; cap?: number }): Sql {
	const kinds = checkPivot(o.spec, o.fields);
	const n = o.spec.columns.length;
	if (n === 0) throw new Error('pivotKeysSql needs a column field');
	const only = { ...o.spec, rows: [] };
	return sql`WITH ${sourceCte(o.source, only, kinds, false)}, pv_k AS (SELECT DISTINCT ${colList(n)} FROM pv_src)
	SELECT ${colList(n)}, count(*) OVER () AS n_keys FROM pv_k ORDER BY ${colOrder(n)} LIMIT ${lit(o.cap ?? PIVOT_COLUMN_CAP)}`;
}

const dbl = (j: number) => sql`CAST(${v(j)} AS DOUBLE)`;

/** Value j's aggregate over pv_src: from the rows, or (two stages) from the partial aggregates. */
function aggExpr(x: PivotValue, j: number, staged: boolean): Sql {
	if (staged) {
		const p = raw(`p${j}`);
		if (x.agg === 'count') return sql`CAST(sum(${p}) AS BIGINT)`;
		if (x.agg === 'min' || x.agg === 'max') return sql`${raw(x.agg)}(${p})`;
		if (x.agg === 'mean') return sql`sum(${p}) / NULLIF(sum(${raw(`q${j}`)}), 0)`;
		if (x.agg === 'share') return sql`CAST(sum(${p}) AS DOUBLE) / (SELECT ${raw(`s${j}`)} FROM pv_tot)`;
		return sql`sum(${p})`;
	}
	switch (x.agg) {
		case 'count':
			return x.field === undefined ? sql`count(*)` : sql`count(${v(j)})`;
		case 'distinct':
			return sql`count(DISTINCT ${v(j)})`;
		case 'sum':
			return sql`sum(${dbl(j)})`;
		case 'mean':
			return sql`avg(${dbl(j)})`;
		case 'median':
			return sql`quantile_cont(${dbl(j)}, 0.5)`;
		case 'min':
			return sql`min(${v(j)})`;
		case 'max':
			return sql`max(${v(j)})`;
		case 'share':
			return sql`${shareBase(x, j)} / (SELECT ${raw(`s${j}`)} FROM pv_tot)`;
	}
}

const shareBase = (x: PivotValue, j: number, staged = false) =>
	staged ? sql`CAST(sum(${raw(`p${j}`)}) AS DOUBLE)` : x.field === undefined ? sql`CAST(count(*) AS DOUBLE)` : sql`sum(${dbl(j)})`;

/** The grouping sets: for each row depth shown, the row prefix with the column fields (cells) and without (totals). */
function groupingSets(spec: PivotSpec): Sql {
	const n = spec.rows.length;
	const depths = new Set<number>([n]);
	if (spec.subtotals) for (let d = 1; d < n; d++) depths.add(d);
	if (spec.totals) depths.add(0);
	const sets: Sql[][] = [];
	for (const d of [...depths].sort((x, y) => y - x)) {
		const prefix = Array.from({ length: d }, (_, i) => r(i));
		if (spec.columns.length) sets.push([...prefix, ...spec.columns.map((_, i) => c(i))]);
		if (!spec.columns.length || spec.totals) sets.push(prefix);
	}
	return join(sets.map((s) => sql`(${join(s)})`));
}

export interface PivotSqlOptions {
	source: Sql;
	spec: PivotSpec;
	fields: readonly PivotField[];
	/** How many column keys to pivot (the keys query's rows, at most PIVOT_COLUMN_CAP). */
	keys: number;
	rowCap?: number;
}

/** The value columns' ids in the order they are selected (each key's values, then the totals). */
export function valueColumns(spec: PivotSpec, keys: number): string[] {
	const out: string[] = [];
	const shown = Math.min(keys, PIVOT_COLUMN_CAP);
	if (spec.columns.length) for (let i = 0; i < shown; i++) spec.values.forEach((_, j) => out.push(valueColumn(i, j)));
	if (!spec.columns.length || spec.totals) spec.values.forEach((_, j) => out.push(valueColumn(null, j)));
	return out;
}

export function pivotSql(o: PivotSqlOptions): Sql {
	const { spec } = o;
	const kinds = checkPivot(spec, o.fields);
	const n = spec.rows.length;
	const m = spec.columns.length;
	const rowKeys = Array.from({ length: n }, (_, i) => r(i));
	const staged = twoStage(spec);
	const shares = spec.values.map((x, j) => (x.agg === 'share' ? sql`${shareBase(x, j, staged)} AS ${raw(`s${j}`)}` : null)).filter((x) => x !== null);
	const ctes: Sql[] = [sourceCte(o.source, spec, kinds, true)];
	if (shares.length) ctes.push(sql`pv_tot AS (SELECT ${join(shares)} FROM pv_src)`);
	const depth = n ? sql`${lit(n)} - (${join(rowKeys.map((k) => sql`GROUPING(${k})`), ' + ')})` : sql`0`;
	const gc = m ? sql`GROUPING(${c(0)})` : sql`1`;
	const groupCols = [...rowKeys, ...spec.columns.map((_, i) => c(i))];
	ctes.push(sql`pv_g AS (SELECT ${join([...groupCols, sql`${depth} AS depth`, sql`${gc} AS gc`, ...spec.values.map((x, j) => sql`${aggExpr(x, j, staged)} AS ${a(j)}`)])}
		FROM pv_src GROUP BY GROUPING SETS (${groupingSets(spec)}))`);
	if (m) ctes.push(sql`pv_ck AS (SELECT ${colList(m)}, row_number() OVER (ORDER BY ${colOrder(m)}) - 1 AS ci FROM (SELECT DISTINCT ${colList(m)} FROM pv_g WHERE gc = 0) AS pv_d)`);
	const ids = valueColumns(spec, o.keys);
	const cells = ids.map((id) => {
		const [, key, j] = /^(?:c(\d+)|t)_v(\d+)$/.exec(id)!;
		const where = key === undefined ? sql`g.gc = 1` : sql`k.ci = ${lit(Number(key))}`;
		return sql`max(g.${a(Number(j))}) FILTER (WHERE ${where}) AS ${raw(id)}`;
	});
	const join_ = m ? sql`LEFT JOIN pv_ck AS k ON g.gc = 0 AND ${join(spec.columns.map((_, i) => sql`g.${c(i)} IS NOT DISTINCT FROM k.${c(i)}`), ' AND ')}` : sql``;
	const gRows = rowKeys.map((k) => sql`g.${k}`);
	ctes.push(sql`pv_p AS (SELECT ${join([...gRows.map((k, i) => sql`${k} AS ${r(i)}`), sql`g.depth`, ...cells])} FROM pv_g AS g ${join_} GROUP BY ${join([...gRows, sql`g.depth`])})`);
	const { keys: sortKeys, order } = ordering(spec, ids);
	ctes.push(sql`pv_s AS (SELECT *, ${join([...sortKeys, sql`count(*) OVER () AS n_rows`])} FROM pv_p)`);
	const out = [...rowKeys, sql`depth`, ...ids.map((id) => raw(id)), sql`n_rows`];
	return sql`WITH ${join(ctes)} SELECT ${join(out)} FROM pv_s ORDER BY ${join(order)} LIMIT ${lit((o.rowCap ?? PIVOT_ROW_CAP) + 1)}`;
}

/**
 * The rows' order: the grand total first (so a row cap never drops it; the page shows it last), then
 * the rows by the sort — within each parent group when subtotals are shown (a subtotal before its
 * group's rows), else flat. Ties and unsorted rows by their keys, ascending, empty last.
 */
function ordering(spec: PivotSpec, ids: readonly string[]): { keys: Sql[]; order: Sql[] } {
	const n = spec.rows.length;
	const s = spec.sort;
	const dir = (desc: boolean) => (desc ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`);
	const byValue = s?.by === 'value' && ids.includes(s.column) ? raw(s.column) : null;
	const rowDesc = (i: number) => s?.by === 'row' && s.index === i && s.desc;
	const order: Sql[] = [sql`CASE WHEN depth = 0 THEN 0 ELSE 1 END`];
	const keys: Sql[] = [sql`0 AS pv_none`];
	if (!spec.subtotals || n < 2) {
		if (byValue) order.push(sql`${byValue} ${dir(s!.desc)}`);
		// Flat: the sorted row field first, then the others.
		const first = s?.by === 'row' && s.index < n ? [s.index] : [];
		for (const i of [...first, ...Array.from({ length: n }, (_, k) => k).filter((k) => !first.includes(k))]) order.push(sql`${r(i)} ${dir(rowDesc(i))}`);
		return { keys, order };
	}
	for (let i = 0; i < n; i++) {
		order.push(sql`CASE WHEN depth <= ${lit(i)} THEN 0 ELSE 1 END`);
		if (byValue) {
			const part = join(Array.from({ length: i + 1 }, (_, k) => r(k)));
			keys.push(sql`max(CASE WHEN depth = ${lit(i + 1)} THEN ${byValue} END) OVER (PARTITION BY ${part}) AS ${raw(`pv_s${i}`)}`);
			order.push(sql`${raw(`pv_s${i}`)} ${dir(s!.desc)}`);
		}
		order.push(sql`${r(i)} ${dir(rowDesc(i))}`);
	}
	return { keys, order };
}
