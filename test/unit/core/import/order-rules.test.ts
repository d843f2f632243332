import { describe, expect, it } from 'vitest';
import {
	classifyStatuses,
	DEFAULT_EXCLUDED_STATUSES,
	isExcludedStatus,
	parseStatusList,
	statusKey,
	unwrapExcel
} from '../../../../src/core/import/order-rules.ts';

describe('the default exclusion list', () => {
	it('is exactly the list issue 11 writes, in its order', () => {
		const issue = '交易关闭, 已关闭, 已取消, 取消, 未付款, 等待买家付款, 待付款, 退款成功, 已退款, 全额退款, cancelled, canceled, voided, refunded, pending, expired, closed';
		expect(DEFAULT_EXCLUDED_STATUSES).toEqual(issue.split(', '));
	});
});

describe('status matching', () => {
	it('matches exactly after trimming, ASCII case-insensitive', () => {
		expect(isExcludedStatus('  Cancelled ', DEFAULT_EXCLUDED_STATUSES)).toBe(true);
		expect(isExcludedStatus('VOIDED', DEFAULT_EXCLUDED_STATUSES)).toBe(true);
		// Exact: a longer value is not a match, nor is a value that only contains one.
		expect(isExcludedStatus('交易关闭中', DEFAULT_EXCLUDED_STATUSES)).toBe(false);
		expect(isExcludedStatus('partially_refunded', DEFAULT_EXCLUDED_STATUSES)).toBe(false);
		// Only ASCII letters are folded: 'É' stays 'É'.
		expect(statusKey('ÉTAT Paid')).toBe('État paid');
	});

	it('reads a comma-separated list (ASCII or full-width commas), dropping blanks and repeats', () => {
		expect(parseStatusList(' 交易关闭，已取消 , ,Closed,closed ')).toEqual(['交易关闭', '已取消', 'Closed']);
		expect(parseStatusList('')).toEqual([]);
	});

	it('classifies values: excluded, kept, and in neither list', () => {
		const rows = [
			{ value: '交易成功', rows: 5, amount: 661 },
			{ value: '交易关闭', rows: 3, amount: 370 },
			{ value: '付款确认中', rows: 1, amount: 40 }
		];
		expect(classifyStatuses(rows, DEFAULT_EXCLUDED_STATUSES).map((s) => [s.value, s.excluded, s.unknown])).toEqual([
			['交易成功', false, false],
			['交易关闭', true, false],
			['付款确认中', false, true]
		]);
	});
});

describe("Excel's text wrappers", () => {
	it.each([
		['="240101000001"', '240101000001'],
		["'0012345", '0012345'],
		['  ="12.50" ', '12.50'],
		['=SUM(A1)', '=SUM(A1)'],
		['plain', 'plain']
	])('%s → %s', (input, out) => {
		expect(unwrapExcel(input)).toBe(out);
	});
});
