import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffSample } from '../../../../src/core/csv/sniff.ts';
import { checkCtRoles, customerMappingFor, guessCustomerRoles, guessFileRole, withCtRole, type CtRoles } from '../../../../src/core/import/customer-roles.ts';
import { fixture } from '../../../helpers/db.ts';

const sniff = (text: string) => sniffSample(text, { fileName: 't.csv' });
const head = (file: string) => fs.readFileSync(file, 'utf8').slice(0, 100_000);

const CN_DATE = `客户编号,最近消费日期,消费次数,累计消费金额,城市
C001,2024-03-01,5,1200.50,上海
C002,2024-05-12,1,88.00,北京
C003,2023-12-30,12,5300.00,杭州
`;
const CN_DAYS = `会员号,最近消费天数,订单数,消费总额
M01,12,3,300
M02,200,0,0
M03,45,7,1999.9
`;
const EN_MIXED = `Customer,Days since last order,Total orders,Lifetime value
a1,3,2,50.5
a2,40,9,700.25
`;

describe('customer-table role guessing', () => {
	const cases: { name: string; text: string; roles: CtRoles }[] = [
		{
			name: 'R rfm_data_customer.csv (recency days preferred over most_recent_visit)',
			text: head(fixture('rfm_r', 'rfm_data_customer.csv')),
			roles: { customer: 'customer_id', recency: 'recency_days', orders: 'number_of_orders', revenue: 'revenue' }
		},
		{
			name: 'Chinese headers with a last purchase date',
			text: CN_DATE,
			roles: { customer: '客户编号', lastDate: '最近消费日期', orders: '消费次数', revenue: '累计消费金额' }
		},
		{
			name: 'Chinese headers with recency days',
			text: CN_DAYS,
			roles: { customer: '会员号', recency: '最近消费天数', orders: '订单数', revenue: '消费总额' }
		},
		{
			name: 'English variants',
			text: EN_MIXED,
			roles: { customer: 'Customer', recency: 'Days since last order', orders: 'Total orders', revenue: 'Lifetime value' }
		}
	];
	it.each(cases)('$name', ({ text, roles }) => {
		const cols = sniff(text).columns;
		expect(guessCustomerRoles(cols)).toEqual(roles);
		expect(guessFileRole(cols)).toBe('customers');
	});

	it.each([
		{ name: 'the page sample (Chinese transactions)', file: 'public/sample/transactions.csv' },
		{ name: 'R rfm_data_orders.csv', file: fixture('rfm_r', 'rfm_data_orders.csv') }
	])('$name looks like transactions', ({ file }) => {
		expect(fs.existsSync(file)).toBe(true);
		expect(guessFileRole(sniff(head(file)).columns)).toBe('transactions');
	});
});

describe('customer-table roles in the form', () => {
	it('recency days and last purchase date exclude each other', () => {
		const a = withCtRole({ recency: 'r' }, 'lastDate', 'd');
		expect(a).toEqual({ recency: undefined, lastDate: 'd' });
		expect(withCtRole(a, 'recency', 'r')).toEqual({ recency: 'r', lastDate: undefined });
		expect(withCtRole(a, 'lastDate', '')).toEqual({ recency: undefined, lastDate: undefined });
	});

	it.each([
		{ roles: {}, codes: ['ct.missingCustomer', 'ct.missingRecency', 'ct.missingOrders', 'ct.missingRevenue'] },
		{ roles: { customer: 'id', recency: 'x', orders: 'x', revenue: 'm' }, codes: ['ct.sameColumn'] },
		{ roles: { customer: 'id', lastDate: 'd', orders: 'n', revenue: 'm' }, codes: [] }
	])('checks $roles', ({ roles, codes }) => {
		const errors = checkCtRoles(roles, 'f.csv');
		expect(errors.map((e) => e.code)).toEqual(codes);
		for (const e of errors) expect(e.params.file).toBe('f.csv');
	});

	it('takes the date and number formats the sniffer found', () => {
		const s = sniff(`id;last;n;rev\na;05.01.2024;2;1.234,50\nb;17.03.2024;1;99,00\n`);
		const m = customerMappingFor(s, { customer: 'id', lastDate: 'last', orders: 'n', revenue: 'rev' });
		expect(m.dateFormat?.label).toMatch(/DD.MM.YYYY/);
		expect(m.numberFormats?.revenue?.decimal).toBe(',');
		expect(m.recency).toBeUndefined();
	});
});
