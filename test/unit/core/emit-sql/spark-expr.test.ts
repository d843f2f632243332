import { describe, expect, it } from 'vitest';
import { sparkDatePattern, translate } from '../../../../src/core/emit-sql/spark-expr.ts';
import { SparkRefusal, sparkString, tokenize } from '../../../../src/core/emit-sql/spark-tokens.ts';

/**
 * Expected texts written by hand from Spark SQL 3.5's documentation (sql-ref-functions-builtin,
 * sql-ref-syntax-qry-select-orderby, sql-ref-literals, sql-ref-datetime-pattern) against DuckDB 1.4's.
 */
const spark = (duck: string, views: [string, string][] = []) => translate(tokenize(duck), { views: new Map(views) });

describe('DuckDB → Spark SQL 3.5 expressions', () => {
	it('date arithmetic: date_diff(unit, start, end) → datediff(end, start); months count boundaries', () => {
		expect(spark(`date_diff('day', a, DATE '2024-07-01')`)).toBe(`datediff( DATE '2024-07-01',  a)`);
		expect(spark(`date_diff('month', a, b)`)).toBe('((year( b) - year( a)) * 12 + month( b) - month( a))');
		expect(() => spark(`date_diff('hour', a, b)`)).toThrow(SparkRefusal);
	});

	it('window ordering: NULLs last in both directions (Spark puts them first when ascending), explicit tiebreakers kept', () => {
		expect(spark('ntile(5) OVER (ORDER BY "recency_days" DESC, customer_id)')).toBe('ntile(5) OVER (ORDER BY `recency_days` DESC NULLS LAST, customer_id NULLS LAST)');
		expect(spark('row_number() OVER (PARTITION BY c ORDER BY ts NULLS FIRST)')).toBe('row_number() OVER (PARTITION BY c ORDER BY ts NULLS FIRST)');
	});

	it('integer division // → div; / stays a fractional division in both', () => {
		expect(spark('a // 7 + b / 2')).toBe('a  div  7 + b / 2');
	});

	it('string literals: quotes and backslashes escaped with a backslash (Spark unescapes literals)', () => {
		expect(spark(`'Can''t' || 'a\\b'`)).toBe(`'Can\\'t' || 'a\\\\b'`);
		expect(sparkString('line\r\n')).toBe(`'line\\r\\n'`);
	});

	it('regular expressions: full match anchored, one-match regexp_replace only when anchored, $1 back references', () => {
		expect(spark(`regexp_full_match(x, '\\d+')`)).toBe(`(x RLIKE '^(?:\\\\d+)$')`);
		expect(spark(`regexp_replace(x, '^(\\d+)\\.0+$', '\\1')`)).toBe(`regexp_replace(x, '^(\\\\d+)\\\\.0+$', '$1')`);
		expect(() => spark(`regexp_replace(x, 'a', 'b')`)).toThrow(SparkRefusal);
		expect(spark(`regexp_replace(x, 'a', 'b', 'g')`)).toBe(`regexp_replace(x, 'a', 'b')`);
	});

	it('GLOB → an anchored RLIKE: classes ([!…] negated), * and ? translated, other characters literal', () => {
		expect(spark(`"t" GLOB '[0-9][0-9]-[!a-c]*?' OR x`)).toBe(`\`t\` RLIKE '^[0-9][0-9]\\\\-[^a-c].*.$' OR x`);
		expect(() => spark(`x GLOB y`)).toThrow(SparkRefusal);
		expect(() => spark(`x GLOB '[^a]'`)).toThrow(SparkRefusal);
	});

	it('casts: TRY_CAST → try_cast, VARCHAR → STRING, TIMESTAMP → TIMESTAMP_NTZ, literal::TYPE → CAST', () => {
		expect(spark('TRY_CAST("t" AS DOUBLE)')).toBe('try_cast(`t`  AS DOUBLE)');
		expect(spark('CAST(x AS VARCHAR)')).toBe('cast(x  AS STRING)');
		expect(spark('CAST(x AS TIMESTAMP)')).toBe('cast(x  AS TIMESTAMP_NTZ)');
		expect(spark(`'inf'::DOUBLE`)).toBe(`CAST('inf' AS DOUBLE)`);
	});

	it("round(x, 2) of a DOUBLE keeps DuckDB's round(x·100)/100, half away from zero", () => {
		expect(spark('round(m, 2)')).toBe('(CASE WHEN (abs(m) * 1e2) - floor((abs(m) * 1e2)) >= 0.5 THEN ceil((abs(m) * 1e2)) ELSE floor((abs(m) * 1e2)) END * signum(m) / 1e2)');
	});

	it('renamed functions, tables read through their current view', () => {
		expect(spark(`SELECT starts_with(a, 'x'), strlen(a), length(a), quantile_cont(v, 0.5) FROM "tx"`, [['tx', 'tx_stage__v6']])).toBe(
			"SELECT startswith(a,  'x'), octet_length(a), char_length(a), percentile(v,  0.5) FROM `tx_stage__v6`"
		);
	});

	it('strftime / strptime formats become datetime patterns', () => {
		expect(sparkDatePattern('%Y-%m-%d %H:%M', { '%Y': 'yyyy', '%m': 'MM', '%d': 'dd', '%H': 'HH', '%M': 'mm' })).toBe('yyyy-MM-dd HH:mm');
		expect(spark(`try_strptime(t, '%d.%m.%Y')`)).toBe(`try_to_timestamp(t, 'd.M.yyyy')`);
		expect(() => spark(`strftime(t, '%j')`)).toThrow(SparkRefusal);
	});

	it('refuses what has no faithful translation: GROUP BY ALL, QUALIFY, unknown functions, list syntax', () => {
		for (const q of ['SELECT a FROM t GROUP BY ALL', 'SELECT a FROM t QUALIFY row_number() OVER () = 1', 'SELECT list_sum(a) FROM t', 'SELECT a[1] FROM t'])
			expect(() => spark(q), q).toThrow(SparkRefusal);
	});
});
