/**
 * The guesses made with the inspection (the page runs it in its worker, so a wide file's role guess
 * never runs on the main thread) are the guesses the loaders made before; and the column lookup the
 * mapping form uses gives what `find` gives.
 */
import { describe, expect, it } from 'vitest';
import { columnByName } from '../../../../src/core/csv/column-lookup.ts';
import { inspectSample } from '../../../../src/core/csv/inspect.ts';
import { guessCustomerRoles, guessFileRole } from '../../../../src/core/import/customer-roles.ts';
import { guessTxRoles } from '../../../../src/core/import/presets.ts';

const ROWS = ['C1,2024-01-01,10', 'C1,2024-01-11,20', 'C2,2024-01-06,5'];

/** `n` filler columns (values `fill`) before the three roles. */
function wide(n: number, fill: string): string {
	const head = [...[...Array(n).keys()].map((i) => `x${i}`), 'Customer ID', 'Order Date', 'Amount'];
	return [head, ...ROWS.map((r) => [...Array<string>(n).fill(fill), ...r.split(',')])].map((r) => r.join(',')).join('\n') + '\n';
}

describe('inspectSample guesses the roles', () => {
	it.each([
		['a transactions file', 'Customer ID,Order Date,Amount\n' + ROWS.join('\n') + '\n'],
		['a customer table', 'customer_id,recency,frequency,monetary\nC1,3,2,30\nC2,10,1,5\n'],
		['a Taobao export', '订单编号,买家会员名,买家应付货款,买家实际支付金额,订单状态,订单创建时间,订单付款时间,收货地址,宝贝种类,退款金额\n1,a,10,10,交易成功,2024-01-01 10:00:00,2024-01-01 10:01:00,x,1,0\n'],
		['10,000 columns of numbers', wide(9997, '7')]
	])('%s: the same guesses as from the columns', (_n, text) => {
		const { sniff, guess } = inspectSample(text, 'f.csv');
		const tx = guessTxRoles(sniff.columns);
		expect(guess.roles).toEqual(tx.roles);
		expect(guess.preset).toEqual(tx.preset);
		expect(guess.fileRole).toBe(guessFileRole(sniff.columns));
		expect(guess.customerRoles).toEqual(guessCustomerRoles(sniff.columns));
	});

	it('10,000 columns: the three roles are found among the filler', () => {
		expect(inspectSample(wide(9997, 'abc'), 'f.csv').guess).toMatchObject({
			roles: { customer: 'Customer ID', date: 'Order Date', amount: 'Amount' },
			fileRole: 'transactions'
		});
	});
});

describe('columnByName', () => {
	const { sniff } = inspectSample(wide(50, ''), 'f.csv');
	it('finds what find finds, the first of a name, undefined for none', () => {
		for (const name of ['x0', 'x49', 'Amount', 'nope', undefined])
			expect(columnByName(sniff.columns, name)).toBe(sniff.columns.find((c) => c.name === name));
		const twice = [sniff.columns[0]!, { ...sniff.columns[1]!, name: 'x0' }];
		expect(columnByName(twice, 'x0')).toBe(twice[0]);
	});
});
