import { describe, expect, it } from 'vitest';
import { columnLabel, formatCell, formatMoney, typeName } from '../../../src/ui/format.ts';

describe('formatMoney(): two decimals and separators on screen', () => {
	it.each([
		['en', 317.4, false, '317.40'],
		['en', 12643575.004, false, '12,643,575.00'],
		['zh-CN', 12643575.004, false, '12,643,575.00'],
		['en', -1234.5, false, '-1,234.50'],
		['zh-CN', 9999.994, true, '9,999.99'],
		['zh-CN', 12345, true, '1.23万'], // 12,345 ÷ 10,000
		['zh-CN', 12643575, true, '1,264.36万'],
		['zh-CN', 3.2e8, true, '3.20亿'],
		['en', 99999, true, '99,999.00'],
		['en', 250000, true, '250.00K'],
		['en', 12643575, true, '12.64M'],
		['en', 2.5e9, true, '2.50B']
	] as const)('%s %d (compact %s) → %s', (lang, v, compact, out) => {
		expect(formatMoney(lang, v, compact)).toBe(out);
	});

	it('shows a dash when there is no amount', () => {
		expect(formatMoney('en', null)).toBe('—');
		expect(formatMoney('zh-CN', Number.NaN, true)).toBe('—');
	});
});

describe('grid labels', () => {
	it('names result columns in words, leaves a file’s own headers alone', () => {
		expect(columnLabel('zh-CN', 'customer_id')).toBe('客户编号');
		expect(columnLabel('en', 'customer_id')).toBe('Customer ID');
		expect(columnLabel('en', '实付金额')).toBe('实付金额');
	});

	it('calls DuckDB types as the import preview does', () => {
		expect(typeName('zh-CN', 'VARCHAR')).toBe('文本');
		expect(typeName('zh-CN', 'DOUBLE')).toBe('数值');
		expect(typeName('zh-CN', 'DECIMAL(18,2)')).toBe('数值');
		expect(typeName('zh-CN', 'BIGINT')).toBe('整数');
		expect(typeName('zh-CN', 'TIMESTAMP')).toBe('日期');
		expect(typeName('en', 'DATE')).toBe('date');
	});

	it('writes a money cell with two decimals, another number as it is', () => {
		expect(formatCell('en', 317.4, 'DOUBLE', true)).toBe('317.40');
		expect(formatCell('en', 317.4, 'DOUBLE')).toBe('317.4');
	});
});

describe('formatCell() in a loaded file’s grid (General, as a spreadsheet shows numbers)', () => {
	it('shows ids and amounts as written, without thousands separators; result grids keep them', () => {
		expect(formatCell('en', 17850, 'DOUBLE', false, true)).toBe('17850');
		expect(formatCell('zh-CN', 536526, 'DOUBLE', false, true)).toBe('536526');
		expect(formatCell('en', 1234.567, 'DOUBLE', false, true)).toBe('1234.567');
		expect(formatCell('en', -0.125, 'DOUBLE', false, true)).toBe('-0.125');
		expect(formatCell('en', 17850, 'DOUBLE')).toBe('17,850');
		// Money stays money; dates stay dates.
		expect(formatCell('en', 1234.5, 'DOUBLE', true, true)).toBe('1,234.50');
		expect(formatCell('en', Date.UTC(2010, 11, 1), 'TIMESTAMP', false, true)).toBe('2010-12-01');
	});
});
