import { describe, expect, it } from 'vitest';
import { rowsPerByte } from '../../../../src/core/import/load-stats.ts';

describe('rowsPerByte (rows-read estimate while DuckDB reads a file)', () => {
	it.each([
		['a,b\n1,2\n3,4\n', 'x.csv', 3 / 12],
		// Multi-byte text counts in UTF-8 bytes, as DuckDB reads it: '客户' is 6 bytes.
		['客户\n1\n', 'x.csv', 2 / 9],
		['a,b\n1,2\n', 'x.csv.gz', 0],
		['', 'x.csv', 0]
	])('%j in %s → %d lines per byte', (sample, name, expected) => {
		expect(rowsPerByte(sample, name)).toBeCloseTo(expected, 10);
	});
});
