import { describe, expect, it } from 'vitest';
import { CUST, DATE_TIME, TIME, useSample } from '../../helpers/sample-output.ts';

// Determinism, the CSV format and transactions.csv: gen-sample.test.ts.
const out = useSample();

describe('customers.csv', () => {
	it('has one row per customer, every buyer and about 300 prospects', () => {
		const rows = out.tables.customers;
		const ids = rows.map((r) => r[0] ?? '');
		expect(new Set(ids).size).toBe(rows.length);
		expect([...ids].sort()).toEqual(ids);
		const buyers = new Set(out.tables.transactions.map((r) => r[CUST]).filter((c) => c !== ''));
		const idSet = new Set(ids);
		expect([...buyers].filter((b) => b !== undefined && !idSet.has(b))).toEqual([]);
		const prospects = ids.filter((id) => !buyers.has(id));
		expect(prospects.length).toBe(300);
		const tiers = ['普通会员', '银卡会员', '金卡会员', '黑金会员'];
		const bad = rows.filter(
			(r) =>
				!/^[\u4e00-\u9fff]{2,4}$/.test(r[1] ?? '') ||
				!['女', '男', '未知'].includes(r[2] ?? '') ||
				!/^\d{4}-\d{2}-\d{2}$/.test(r[5] ?? '') ||
				!tiers.includes(r[6] ?? '')
		);
		expect(bad).toEqual([]);
		for (const t of tiers) expect(rows.some((r) => r[6] === t)).toBe(true);
	});

	it('registers customers no later than their first order', () => {
		const registered = new Map(out.tables.customers.map((r) => [r[0] ?? '', r[5] ?? '']));
		const bad = out.tables.transactions.filter((r) => {
			const t = r[TIME] ?? '';
			return (
				r[CUST] && DATE_TIME.test(t) && !((registered.get(r[CUST]) ?? '9999') <= t.slice(0, 10))
			);
		});
		expect(bad).toEqual([]);
	});
});

describe('touchpoints.csv', () => {
	it('has about 40,000 consistent events', () => {
		const rows = out.tables.touchpoints;
		expect(rows.length).toBeGreaterThan(35_000);
		expect(rows.length).toBeLessThan(48_000);
		const ids = new Set(out.tables.customers.map((r) => r[0]));
		const buyers = new Set(out.tables.transactions.map((r) => r[CUST]));
		const offline = new Set(['门店', '客服电话']);
		const points = ['官网', 'App', '小程序', '门店', '客服电话', '社交媒体', '邮件'];
		const bad = rows.filter(
			(r) =>
				!ids.has(r[0]) ||
				!DATE_TIME.test(r[1] ?? '') ||
				(r[1] ?? '') < '2024-01-01' ||
				(r[1] ?? '') >= '2026-01-01' ||
				!points.includes(r[2] ?? '') ||
				r[3] !== (offline.has(r[2] ?? '') ? '线下' : '线上') ||
				!['接触前', '接触中', '接触后'].includes(r[4] ?? '') ||
				!['', '1', '2', '3', '4', '5'].includes(r[5] ?? '') ||
				!['', '转化', '投诉', '已解决'].includes(r[6] ?? '') ||
				(r[6] === '转化' && (!buyers.has(r[0]) || r[4] !== '接触中'))
		);
		expect(bad).toEqual([]);
		for (const p of points)
			expect(
				rows.some((r) => r[2] === p),
				p
			).toBe(true);
		for (const stage of ['接触前', '接触中', '接触后'])
			expect(rows.some((r) => r[4] === stage)).toBe(true);
		for (const outcome of ['转化', '投诉', '已解决'])
			expect(rows.some((r) => r[6] === outcome)).toBe(true);
		expect(rows.some((r) => r[5] === '')).toBe(true);
	});
});

describe('surveys.csv', () => {
	it('has realistic, value-correlated scores', () => {
		const rows = out.tables.surveys;
		expect(rows.length).toBe(3000);
		const nps = rows.filter((r) => r[2] !== '').map((r) => Number(r[2]));
		const csat = rows.filter((r) => r[3] !== '').map((r) => Number(r[3]));
		const ces = rows.filter((r) => r[4] !== '').map((r) => Number(r[4]));
		expect(nps.length).toBeLessThan(rows.length); // some blanks
		expect(csat.length).toBeLessThan(rows.length);
		expect(ces.length).toBeLessThan(rows.length);
		expect(nps.filter((v) => !(Number.isInteger(v) && v >= 0 && v <= 10))).toEqual([]);
		expect(csat.filter((v) => !(Number.isInteger(v) && v >= 1 && v <= 5))).toEqual([]);
		expect(ces.filter((v) => !(Number.isInteger(v) && v >= 1 && v <= 7))).toEqual([]);
		const score =
			(100 * (nps.filter((v) => v >= 9).length - nps.filter((v) => v <= 6).length)) / nps.length;
		expect(score).toBeGreaterThanOrEqual(20);
		expect(score).toBeLessThanOrEqual(35);
		const top2 = csat.filter((v) => v >= 4).length / csat.length;
		expect(top2).toBeGreaterThan(0.75);
		expect(top2).toBeLessThan(0.85);

		const tier = new Map(out.tables.customers.map((r) => [r[0] ?? '', r[6] ?? '']));
		const meanNps = (pred: (t: string) => boolean): number => {
			const xs = rows
				.filter((r) => r[2] !== '' && pred(tier.get(r[0] ?? '') ?? ''))
				.map((r) => Number(r[2]));
			return xs.reduce((a, b) => a + b, 0) / xs.length;
		};
		expect(meanNps((t) => t === '金卡会员' || t === '黑金会员')).toBeGreaterThan(
			meanNps((t) => t === '普通会员') + 0.5
		);
		const ids = new Set(out.tables.customers.map((r) => r[0]));
		const bad = rows.filter(
			(r) =>
				!ids.has(r[0]) ||
				!/^\d{4}-\d{2}-\d{2}$/.test(r[1] ?? '') ||
				!['华东', '华北', '华南', '华中', '西南', '西北'].includes(r[6] ?? '') ||
				!['新式茶饮', '门店零售', '线上商城', '礼品团购'].includes(r[7] ?? '')
		);
		expect(bad).toEqual([]);
	});
});
