import { describe, expect, it } from 'vitest';
import { guessRoles, ORDER_ROLES, TX_ROLES } from '../../../../src/core/csv/roles.ts';
import { sniffSample } from '../../../../src/core/csv/sniff.ts';


const guess = (header: string, ...rows: string[]) => guessRoles(sniffSample([header, ...rows].join('\n') + '\n', { fileName: 'x.csv' }).columns);

describe('the cost role', () => {
	it('comes after the first roles and before only the optional order roles: an old mapping stays valid without it', () => {
		expect(TX_ROLES.slice(0, TX_ROLES.indexOf('cost') + 1)).toEqual(['customer', 'date', 'amount', 'quantity', 'price', 'order', 'cost']);
		expect(TX_ROLES.slice(TX_ROLES.indexOf('cost') + 1).every((r) => (ORDER_ROLES as readonly string[]).includes(r))).toBe(true);
		expect(guess('customer,date,amount', 'C1,2024-01-05,100.50', 'C2,2024-01-06,80.25').cost).toBeUndefined();
	});

	it.each([
		['成本 beside 实付金额', '客户编号,下单日期,实付金额,成本', ['C1,2024-01-05,100.50,60.20', 'C2,2024-01-06,80.25,50.10'], '实付金额', '成本'],
		['成本 before 金额 (not taken as the amount)', '客户编号,下单日期,成本,金额', ['C1,2024-01-05,60.20,100.50', 'C2,2024-01-06,50.10,80.25'], '金额', '成本'],
		['成本金额 (contains 金额) beside 实付金额', '客户编号,下单日期,成本金额,实付金额', ['C1,2024-01-05,60.20,100.50', 'C2,2024-01-06,50.10,80.25'], '实付金额', '成本金额'],
		['进价合计', '客户编号,日期,进价合计,销售额', ['C1,2024-01-05,60.20,100.50', 'C2,2024-01-06,50.10,80.25'], '销售额', '进价合计'],
		['cost beside amount', 'customer_id,date,cost,amount', ['C1,2024-01-05,60.20,100.50', 'C2,2024-01-06,50.10,80.25'], 'amount', 'cost'],
		['COGS beside Sales', 'Customer ID,Order Date,COGS,Sales', ['C1,2024-01-05,60.20,100.50', 'C2,2024-01-06,50.10,80.25'], 'Sales', 'COGS'],
		['Total Cost beside Total', 'Customer,Date,Total Cost,Total', ['C1,2024-01-05,60.20,100.50', 'C2,2024-01-06,50.10,80.25'], 'Total', 'Total Cost']
	])('%s', (_name, header, rows, amount, cost) => {
		const g = guess(header, ...rows);
		expect(g.amount).toBe(amount);
		expect(g.cost).toBe(cost);
	});

	it.each([
		['a numeric column without a cost name', 'customer,date,amount,discount', ['C1,2024-01-05,100.50,5.20', 'C2,2024-01-06,80.25,3.10']],
		['a unit cost (per unit, not the line)', '客户编号,下单日期,实付金额,成本价', ['C1,2024-01-05,100.50,60.20', 'C2,2024-01-06,80.25,50.10']],
		['单位成本', '客户编号,下单日期,实付金额,单位成本', ['C1,2024-01-05,100.50,60.20', 'C2,2024-01-06,80.25,50.10']],
		['a cost column of text', 'customer,date,amount,cost', ['C1,2024-01-05,100.50,high', 'C2,2024-01-06,80.25,low']]
	])('is never guessed from %s', (_name, header, rows) => {
		expect(guess(header, ...rows).cost).toBeUndefined();
	});

	it('leaves 成本 alone when it is the only number: the amount is not guessed from it', () => {
		const g = guess('客户编号,下单日期,成本', 'C1,2024-01-05,60.20', 'C2,2024-01-06,50.10');
		expect(g.cost).toBe('成本');
		expect(g.amount).toBeUndefined();
	});

	it('keeps unit cost as the unit price (amount = quantity × unit cost, as before)', () => {
		const g = guess('customer,date,quantity,unit cost', 'C1,2024-01-05,2,30.10', 'C2,2024-01-06,3,25.05');
		expect(g.price).toBe('unit cost');
		expect(g.cost).toBeUndefined();
	});
});
