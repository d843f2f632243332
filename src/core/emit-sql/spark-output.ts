/**
 * The CLI's CSV cells in Spark SQL 3.5 (core/emit-sql/csv-lines.ts is the DuckDB twin): numbers in
 * JavaScript's shortest form through DECIMAL (Spark's double → decimal cast starts from Java's
 * Double.toString, the shortest repr on Java 19+; older Javas can differ in the last digit for a few
 * values), money rounded HALF_UP on that decimal (= half away from zero), text neutralised and quoted.
 */
import type { OutputColumn } from './csv-lines.ts';
import { sparkIdent, sparkString } from './spark-tokens.ts';

const strip = (s: string) => `trim(TRAILING '.' FROM trim(TRAILING '0' FROM ${s}))`;

function jsNumber(d: string): string {
	const whole = `(CASE WHEN ${d} < 0 THEN ceil(${d}) ELSE floor(${d}) END)`;
	return `CASE WHEN isnan(${d}) THEN 'NaN' WHEN ${d} = double('Infinity') THEN 'Infinity' WHEN ${d} = double('-Infinity') THEN '-Infinity'
		WHEN ${d} = ${whole} AND abs(${d}) < 1e18 THEN CAST(CAST(${d} AS BIGINT) AS STRING)
		WHEN abs(${d}) >= 1e-6 AND abs(${d}) < 1e18 THEN ${strip(`CAST(CAST(${d} AS DECIMAL(38,18)) AS STRING)`)}
		ELSE CAST(${d} AS STRING) END`;
}

function money(d: string): string {
	const r = strip(`CAST(round(CAST(${d} AS DECIMAL(38,18)), 2) AS STRING)`);
	return `CASE WHEN NOT isnan(${d}) AND abs(${d}) < 9007199254740992 THEN CASE WHEN ${r} = '-0' THEN '0' ELSE ${r} END ELSE ${jsNumber(d)} END`;
}

function text(e: string): string {
	const n = `CASE WHEN ${e} RLIKE ${sparkString('^[=+\\-@\\t\\r]')} AND NOT ${e} RLIKE ${sparkString('^[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?$')} THEN concat(${sparkString("'")}, ${e}) ELSE ${e} END`;
	return `CASE WHEN (${n}) RLIKE ${sparkString('[",\\r\\n\\x{FEFF}]')} OR startswith(${n}, ' ') OR endswith(${n}, ' ') THEN concat('"', replace(${n}, '"', '""'), '"') ELSE ${n} END`;
}

export function sparkCell(c: OutputColumn, isMoney: boolean): string {
	const e = `q.${sparkIdent(c.name)}`;
	const t = c.type.toUpperCase();
	const d = `CAST(${e} AS DOUBLE)`;
	let s: string;
	if (t === 'VARCHAR') s = text(e);
	else if (t === 'BOOLEAN') s = `CASE WHEN ${e} THEN 'true' ELSE 'false' END`;
	else if (t === 'DATE' || t === 'TIMESTAMP') s = `CAST(unix_millis(CAST(${e} AS TIMESTAMP)) AS STRING)`;
	else if (isMoney) s = money(d);
	else if (t === 'DOUBLE' || t === 'DECIMAL') s = jsNumber(d);
	else s = `CAST(${e} AS STRING)`;
	return `coalesce(${s}, '')`;
}
