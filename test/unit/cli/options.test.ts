/** Flags that conflict or would have no effect are refused before anything is read (exit 2). */
import { describe, expect, it } from 'vitest';
import { txRoles } from '../../../src/cli/options.ts';
import { parseScoring } from '../../../src/cli/rfm-options.ts';
import { PRESETS } from '../../../src/core/segments/presets.ts';
import { ClienteleError } from '../../../src/core/errors.ts';

function codeOf(f: () => unknown): string | null {
	try {
		f();
		return null;
	} catch (e) {
		return e instanceof ClienteleError ? `${e.code} ${JSON.stringify(e.params)}` : String(e);
	}
}

const base = { customer: 'c', date: 'd' };

describe('amount, quantity and price', () => {
	it('--amount with --quantity or --price is refused, naming the other flag', () => {
		expect(codeOf(() => txRoles({ ...base, amount: 'a', quantity: 'q', price: 'p' }))).toBe('cli.amountWithQtyPrice {"other":"quantity"}');
		expect(codeOf(() => txRoles({ ...base, amount: 'a', price: 'p' }))).toBe('cli.amountWithQtyPrice {"other":"price"}');
	});

	it('--quantity without --price (and the reverse) is refused, naming the missing one', () => {
		expect(codeOf(() => txRoles({ ...base, quantity: 'q' }))).toBe('cli.qtyPricePair {"given":"quantity","missing":"price"}');
		expect(codeOf(() => txRoles({ ...base, price: 'p' }))).toBe('cli.qtyPricePair {"given":"price","missing":"quantity"}');
	});

	it('the valid forms pass; none at all keeps its message', () => {
		expect(txRoles({ ...base, amount: 'a' }).amount).toBe('a');
		expect(txRoles({ ...base, quantity: 'q', price: 'p' }).price).toBe('p');
		expect(codeOf(() => txRoles(base))).toBe('cli.amountOrQtyPrice {}');
	});
});

describe('--bins', () => {
	const set = PRESETS.r10;
	it('with mean or median for every score it is refused', () => {
		expect(codeOf(() => parseScoring({ bins: '4', method: 'mean' }, set))).toBe('cli.binsNoEffect {"bins":4,"method":"mean"}');
		expect(codeOf(() => parseScoring({ bins: '3', 'r-method': 'median', 'f-method': 'mean', 'm-method': 'mean' }, set))).toBe('cli.binsNoEffect {"bins":3,"method":"median/mean"}');
	});

	it('counts when one score still bins (ntile for R)', () => {
		expect(codeOf(() => parseScoring({ bins: '5', method: 'mean', 'r-method': 'ntile' }, set))).toBeNull();
	});
});
