import { describe, expect, it } from 'vitest';
import { previousQuarterEnd } from '../../../../src/views/migrate/dates.ts';

describe('previousQuarterEnd', () => {
	it.each([
		['2026-01-01', '2025-09-30'],
		['2025-11-15', '2025-09-30'],
		['2025-10-01', '2025-06-30'],
		['2025-10-02', '2025-09-30'],
		['2024-04-01', '2023-12-31'],
		['2024-03-01', '2023-12-31']
	])('as-of %s → %s', (asOf, want) => {
		expect(previousQuarterEnd(asOf)).toBe(want);
	});

	it('rejects a non-date', () => {
		expect(() => previousQuarterEnd('2025-13-01')).toThrow();
	});
});
