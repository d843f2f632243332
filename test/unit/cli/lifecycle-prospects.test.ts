import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lifecycleCommand } from '../../../src/cli/lifecycle.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

/*
 * Buyers without a paid order are potential customers (issue 13: "in the profile file, or a buyer
 * without a paid order, with no purchase on or before the as-of date"). test/fixtures/platforms/taobao.csv
 * with its order flags, by hand from its 11 rows (test/unit/run/order-rules.test.ts):
 *   kept purchases (paid date preferred): 张三 01-03 (95) and 02-01 (50 − 20 refund), 李四 03-05,
 *   孙七 paid 03-11, 王五 04-01 (his 02-10 order is closed), c**7 04-05;
 *   never paid: 赵六 (等待买家付款, ordered 03-01), 周八 (no paid date, 03-12), 吴九 (交易关闭, 04-02).
 * As of 2024-04-06 (default days 90/90/180): 张三 tenure 94 > 90, recency 65 → active; the other buyers
 * are within 90 days of their first purchase → new; 赵六, 周八, 吴九 → potential.
 * As of 2024-03-05: only 张三 (tenure 62 → new) and 李四 (0 → new) have bought; of the unpaid buyers only
 * 赵六 had ordered by then (周八 and 吴九 are not yet known: no row).
 */
const TX = [
	'--input', fixture('platforms', 'taobao.csv'), '--customer', '买家会员名', '--date', '订单创建时间', '--amount', '买家实际支付金额',
	'--order', '订单编号', '--status', '订单状态', '--paid-date', '订单付款时间', '--refund-amount', '退款金额'
];
const tmp = useTmpDir('clientele-lifecycle-prospects-');

async function run(args: string[]): Promise<string[]> {
	const out = path.join(tmp(), `out-${Math.random().toString(36).slice(2)}.csv`);
	expect(await lifecycleCommand([...args, '--out', out])).toBeNull();
	return fs.readFileSync(out, 'utf8').trimEnd().split('\r\n');
}

const stages = (lines: string[]): Record<string, string> => Object.fromEntries(lines.slice(1).map((l) => [l.split(',')[0]!, l.split(',').at(-1)!]));

describe('clientele lifecycle on a marketplace export: buyers without a paid order', () => {
	it('are potential from their first order on, with frequency 0 and empty dates', async () => {
		const lines = await run([...TX, '--as-of', '2024-04-06']);
		expect(stages(lines)).toEqual({ 张三: 'active', 李四: 'new', 孙七: 'new', 王五: 'new', 'c**7': 'new', 赵六: 'potential', 周八: 'potential', 吴九: 'potential' });
		expect(lines).toContain('赵六,,,0,,potential');
		expect(lines).toContain('张三,2024-01-03,2024-02-01,2,65,active');
		const counts = Object.values(stages(lines)).reduce<Record<string, number>>((a, s) => ({ ...a, [s]: (a[s] ?? 0) + 1 }), {});
		expect(counts).toEqual({ potential: 3, new: 4, active: 1 });
	});

	it('are not listed before their first order', async () => {
		expect(await run([...TX, '--as-of', '2024-03-05'])).toEqual([
			'customer_id,first_purchase,last_purchase,frequency,recency_days,stage',
			'张三,2024-01-03,2024-02-01,2,33,new',
			'李四,2024-03-05,2024-03-05,1,0,new',
			'赵六,,,0,,potential'
		]);
	});

	it('with --lang zh, and without the order flags every buyer is a customer (no potential)', async () => {
		expect(stages(await run([...TX, '--as-of', '2024-04-06', '--lang', 'zh']))['吴九']).toBe('潜在');
		// Every row a sale: 周八 and 吴九 are new buyers; 赵六's one order is 0.00 (no purchase, no profile) → churned.
		const plain = stages(await run([...TX.slice(0, 10), '--as-of', '2024-04-06']));
		expect(Object.values(plain)).not.toContain('potential');
		expect([plain['周八'], plain['吴九'], plain['赵六']]).toEqual(['new', 'new', 'churned']);
	});
});
