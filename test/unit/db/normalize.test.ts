import { describe, expect, it } from 'vitest';
import { raw } from '../../../src/core/sql/sql.ts';
import { useDb } from '../../helpers/db.ts';

const db = useDb();

describe('normalizeArrow(): plain values at the boundary', () => {
	it.each([
		['DECIMAL(4,1) negative (regression: the scale was ignored, -0.5 came back as -5)', '(-0.5)::DECIMAL(4,1)', -0.5, 'DECIMAL'],
		['DECIMAL(18,3)', '0.001::DECIMAL(18,3)', 0.001, 'DECIMAL'],
		['DECIMAL(38,2)', '(-12.34)::DECIMAL(38,2)', -12.34, 'DECIMAL'],
		['DECIMAL literal', '12.34', 12.34, 'DECIMAL'],
		['HUGEINT', 'sum(x) FROM (SELECT 7::HUGEINT x)', 7, 'DECIMAL'],
		['BIGINT', '9007199254740991::BIGINT', 9007199254740991, 'BIGINT'],
		['INTEGER', '-3::INTEGER', -3, 'BIGINT'],
		['DOUBLE', '0.1::DOUBLE', 0.1, 'DOUBLE'],
		['DATE → epoch ms', "DATE '2024-01-05'", Date.UTC(2024, 0, 5), 'DATE'],
		['TIMESTAMP → epoch ms', "TIMESTAMP '2024-01-05 08:30:00'", Date.UTC(2024, 0, 5, 8, 30), 'TIMESTAMP'],
		['VARCHAR', "'客户'", '客户', 'VARCHAR'],
		['BOOLEAN', 'true', true, 'BOOLEAN'],
		['NULL', 'NULL::VARCHAR', null, 'VARCHAR']
	])('%s', async (_n, expr, value, type) => {
		const r = await db.query(raw(`SELECT ${expr.includes(' FROM ') ? expr.replace(' FROM ', ' AS v FROM ') : expr + ' AS v'}`));
		expect(r.rows).toEqual([{ v: value }]);
		expect(r.columns).toEqual([{ name: 'v', type }]);
	});
});
