import { describe, expect, it } from 'vitest';
import { checkMapping, sameMapping } from '../../../../src/core/project/mapping-check.ts';

describe('a project mapping on next month’s file', () => {
	it('keeps the roles whose column is there, drops the others and lists the column differences', () => {
		const { roles, report } = checkMapping(
			['客户编号', '下单日期', '金额', '状态'],
			{ customer: '客户编号', date: '下单日期', amount: '金额', status: '状态', order: undefined },
			['客户编号', '下单日期', '金额', '渠道']
		);
		expect(roles).toEqual({ customer: '客户编号', date: '下单日期', amount: '金额' });
		expect(report).toEqual({ missing: ['状态'], added: ['渠道'], dropped: [{ role: 'status', column: '状态' }] });
		expect(sameMapping(report)).toBe(false);
	});

	it('the same columns: nothing to report; a link (no saved columns) reports no new columns', () => {
		expect(sameMapping(checkMapping(['a', 'b'], { customer: 'a' }, ['a', 'b']).report)).toBe(true);
		expect(checkMapping([], { customer: 'a' }, ['a', 'b']).report.added).toEqual([]);
	});
});
