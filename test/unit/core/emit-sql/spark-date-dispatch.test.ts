/**
 * A date column whose detection lists several formats (DD/MM/YYYY with and without seconds) in
 * `--emit-sql spark`: the strptime dispatch (core/sql/strptime-dispatch.ts) gives one format per branch, so
 * each becomes Spark 3.5's try_to_timestamp(str, pattern) (a single pattern); DuckDB's list form,
 * try_strptime(v, [..]), has no Spark counterpart and was refused. Expected texts follow the documented
 * rules: LIKE's % and _ mean the same in Spark (no escape character in these patterns), contains(str, sub)
 * is Spark's since 3.3, %d/%m/%Y %H:%M:%S → d/M/yyyy H:m:s as in spark-expr.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { detectDateFormat } from '../../../../src/core/csv/dates.ts';
import { translate } from '../../../../src/core/emit-sql/spark-expr.ts';
import { SparkRefusal, tokenize } from '../../../../src/core/emit-sql/spark-tokens.ts';
import { strptimeOf } from '../../../../src/core/sql/strptime-dispatch.ts';
import { ident } from '../../../../src/core/sql/sql.ts';

/** The Spark text, runs of white space made one (the layout is not what is checked). */
const spark = (duck: string) => translate(tokenize(duck), { views: new Map() }).replace(/\s+/g, ' ');
const formats = (sample: string[]) => detectDateFormat(sample)!.format.strptime;

describe('--emit-sql spark: a dispatched list of date formats', () => {
	it('DD/MM/YYYY with and without seconds: LIKE on two colons (the same wildcards in Spark) picks the pattern', () => {
		const duck = strptimeOf(ident('t'), formats(['16/05/2023 14:23:11', '16/05/2023 14:23'])).text;
		expect(spark(duck)).toBe(`(CASE WHEN \`t\` LIKE '%:%:%' THEN try_to_timestamp(\`t\`, 'd/M/yyyy H:m:s') ELSE try_to_timestamp(\`t\`, 'd/M/yyyy H:m') END)`);
	});

	it('a date with or without a time: contains(t, ":")', () => {
		const duck = strptimeOf(ident('t'), formats(['2023/5/16 14:23', '2023/5/16'])).text;
		expect(spark(duck)).toBe(`(CASE WHEN contains(\`t\`, ':') THEN try_to_timestamp(\`t\`, 'yyyy/M/d H:m') ELSE try_to_timestamp(\`t\`, 'yyyy/M/d') END)`);
	});

	it('fractions of a second (%f) are still refused, as before', () => {
		const duck = strptimeOf(ident('t'), formats(['2023-05-16 14:23:11.5', '2023-05-16 14:23:11'])).text;
		expect(() => spark(duck)).toThrow(SparkRefusal);
	});
});
