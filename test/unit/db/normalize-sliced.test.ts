import { describe, expect, it } from 'vitest';
import { normalizeArrow, normalizeArrowSliced } from '../../../src/db/normalize.ts';

/** A table shaped as apache-arrow's (the part normalize.ts reads): a string, a BIGINT and a DECIMAL(9,2) column. */
function table(n: number) {
	const ids = Array.from({ length: n }, (_, i) => `C${i}`);
	const counts = Array.from({ length: n }, (_, i) => BigInt(i * 3));
	const cents = Array.from({ length: n }, (_, i) => (i % 2 ? -1 : 1) * i * 7); // unscaled
	const col = (values: unknown[]) => ({ get: (i: number) => values[i] });
	return {
		schema: {
			fields: [
				{ name: 'id', type: { toString: () => 'Utf8', typeId: 5 } },
				{ name: 'n', type: { toString: () => 'Int64', typeId: 2 } },
				{ name: 'm', type: { toString: () => 'Decimal[9e+2]', typeId: 7, scale: 2 } }
			]
		},
		numRows: n,
		getChildAt: (c: number) => [col(ids), col(counts), col(cents)][c] ?? null
	};
}

describe('normalizeArrowSliced: the rows of normalizeArrow, made between pauses', () => {
	it('gives the same rows and columns, pausing once per 256 rows', async () => {
		for (const n of [0, 1, 255, 256, 1000]) {
			let pauses = 0;
			const sliced = await normalizeArrowSliced(table(n), () => void pauses++);
			expect(sliced).toEqual(normalizeArrow(table(n)));
			expect(sliced.rows).toHaveLength(n);
			expect(pauses).toBe(Math.floor(n / 256));
		}
		const r = (await normalizeArrowSliced(table(4), () => undefined)).rows;
		// Written by hand: id C3, n 3 × 3 = 9 (a number, not a BigInt), m −(3 × 7) cents = −0.21.
		expect(r[3]).toEqual({ id: 'C3', n: 9, m: -0.21 });
		expect((await normalizeArrowSliced(table(1), () => undefined)).columns).toEqual([
			{ name: 'id', type: 'VARCHAR' },
			{ name: 'n', type: 'BIGINT' },
			{ name: 'm', type: 'DECIMAL' }
		]);
	});

	it('waits on each pause before going on', async () => {
		const order: string[] = [];
		const done = normalizeArrowSliced(table(600), async () => {
			order.push('pause');
			await new Promise((res) => setTimeout(res, 0));
		}).then(() => order.push('done'));
		order.push('returned');
		await done;
		// The first 256 rows are made before the call returns; the rest only after each pause resolved.
		expect(order).toEqual(['pause', 'returned', 'pause', 'done']);
	});
});
