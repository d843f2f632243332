import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from '../../helpers/cli-run.ts';

/**
 * Golden files of `--emit-sql spark` (test/fixtures/emit-sql/spark/). No Spark runs on these
 * machines: the files were read against Spark SQL 3.5's documentation (the translations themselves
 * are checked one by one in test/unit/core/emit-sql/spark-expr.test.ts); this test keeps them from
 * drifting. UPDATE_GOLDEN=1 rewrites them (then read the diff).
 */
afterEach(() => vi.restoreAllMocks());


const HAND = ['--input', 'test/fixtures/foundation/rfm_hand.csv', '--customer', 'customer_id', '--date', 'order_date', '--amount', 'amount', '--order', 'order_id'];
const GOLDEN = path.join('test', 'fixtures', 'emit-sql', 'spark');

describe('--emit-sql spark: golden files', () => {
	it.each([
		['rfm', ['rfm', ...HAND, '--as-of', '2024-07-01', '--out', 'rfm.csv']],
		['migrate', ['migrate', '--from', '2024-04-01', '--to', '2024-07-01', ...HAND, '--out', 'migrate.csv']],
		['abc-zh', ['abc', '--lang', 'zh', ...HAND, '--out', 'abc.csv']],
		['lifecycle', ['lifecycle', '--as-of', '2024-07-01', ...HAND, '--out', 'lifecycle.csv']],
		['kpi-retention', ['kpi', 'retention', '--start', '2024-01-01', '--end', '2024-03-31', '--lang', 'zh', ...HAND, '--out', 'retention.csv']]
	])('%s', async (name, argv) => {
		const r = await cli([...argv, '--emit-sql', 'spark']);
		expect(r.code, r.err).toBe(0);
		const text = r.out.replace(/^-- Written \S+\./m, '-- Written (date).');
		const file = path.join(GOLDEN, `${name}.sql`);
		if (process.env.UPDATE_GOLDEN) fs.writeFileSync(file, text);
		expect(text).toBe(fs.readFileSync(file, 'utf8'));
		expect(text).toContain('NOT RUN HERE');
		expect(text).toMatch(/USING csv OPTIONS \(path 'test\/fixtures\/foundation\/rfm_hand\.csv', header 'true'/);
		expect(text).toMatch(/INSERT OVERWRITE DIRECTORY '[a-z]+\.csv' USING text\n/);
	}, 60_000);

	it('what it cannot translate is refused with exit 2 naming the step and the construct', async () => {
		const r = await cli(['kpi', 'retention', '--start', '2024-01-01', '--end', '2024-03-31', '--report', 'cohorts', ...HAND, '--emit-sql', 'spark']);
		expect([r.code, r.out]).toEqual([2, '']);
		expect(r.err).toContain('clientele kpi: --emit-sql spark: step output uses the DuckDB function unnest() as called here, which this exporter cannot translate faithfully to Spark SQL 3.5. Use --emit-sql duckdb.');
	}, 60_000);
});
