/** Header names as written versus as loaded: renames reported, flags matched exactly (core/csv/header-names.ts). */
import { describe, expect, it } from 'vitest';
import { columnNamed, headerRenames, headerRenameWarnings } from '../../../../src/core/csv/header-names.ts';
import { sniffSample } from '../../../../src/core/csv/sniff.ts';

const sniff = (header: string) => sniffSample(`${header}\nC1,2024-01-01,1,100\nC2,2024-01-02,2,200\n`, { fileName: 'f.csv' });

describe('headerRenames()', () => {
	it('reports a repeated name (ignoring case) with the column it repeats, and a trimmed one', () => {
		expect(headerRenames(sniff('customer,date,Amount,amount'))).toEqual([{ column: 4, from: 'amount', to: 'amount_2', duplicateOf: 'Amount' }]);
		expect(headerRenames(sniff('customer, date ,amount,x'))).toEqual([{ column: 2, from: ' date ', to: 'date' }]);
		expect(headerRenames(sniff('customer,date,amount,x'))).toEqual([]);
	});

	it('10,000 repeated headers: each names the first column, in one pass (no quadratic search)', () => {
		const n = 10_000;
		const headers = Array.from({ length: n }, (_, i) => (i % 2 ? ' X ' : 'x'));
		const columns = headers.map((_, i) => ({ name: i === 0 ? 'x' : `x_${i + 1}` }));
		const t0 = performance.now();
		const renames = headerRenames({ headers, columns } as unknown as Parameters<typeof headerRenames>[0]);
		const ms = performance.now() - t0;
		expect(renames).toHaveLength(n - 1);
		expect(renames[0]).toEqual({ column: 2, from: ' X ', to: 'x_2', duplicateOf: 'x' });
		expect(renames[n - 2]).toEqual({ column: n, from: ' X ', to: `x_${n}`, duplicateOf: 'x' });
		expect(renames.every((r) => r.duplicateOf === 'x')).toBe(true);
		// The old search took 0.23 s here (Node), one pass 0.03 s; the bound only guards against far worse.
		expect(ms).toBeLessThan(1000);
	});

	it('one translated warning per rename, naming both names', () => {
		const w = headerRenameWarnings(sniff('customer,date,Amount, amount '), 'f.csv');
		expect(w.map((e) => [e.code, e.params])).toEqual([['header.duplicate', { file: 'f.csv', column: 4, from: ' amount ', to: 'amount_2', other: 'Amount' }]]);
	});
});

describe('columnNamed(): the header as written wins, then the name as loaded; never trimmed or case-folded', () => {
	const s = sniff('customer,date,Amount,amount');
	it.each([
		['Amount', 'Amount'],
		['amount', 'amount_2'],
		['amount_2', 'amount_2'],
		['AMOUNT', undefined],
		[' Amount', undefined]
	])('%j → %j', (name, loaded) => {
		expect(columnNamed(s, name)).toBe(loaded);
	});

	it('with headers "Amount " and "Amount", "Amount" is the second column', () => {
		const t = sniff('customer,date,Amount ,Amount');
		expect(t.columns.map((c) => c.name)).toEqual(['customer', 'date', 'Amount', 'Amount_2']);
		expect(columnNamed(t, 'Amount')).toBe('Amount_2');
		expect(columnNamed(t, 'Amount ')).toBe('Amount');
	});
});
