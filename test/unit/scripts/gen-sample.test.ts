import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, generate, type SampleOutput } from '../../../scripts/gen-sample.ts';
import { csvField, formatCents, toCsv } from '../../../scripts/sample/csv.ts';
import { Rng } from '../../../scripts/sample/rng.ts';
import {
	CUST,
	DATE_TIME,
	ID,
	isReturn,
	MONEY,
	PAID,
	PRICE,
	QTY,
	TIME,
	useSample
} from '../../helpers/sample-output.ts';

// customers.csv, touchpoints.csv and surveys.csv: gen-sample-tables.test.ts.
const out = useSample();

describe('determinism', () => {
	it('gives byte-identical files for the same seed', () => {
		const again = generate(DEFAULT_SEED);
		for (const name of Object.keys(out.files) as (keyof SampleOutput['files'])[]) {
			expect(again.files[name] === out.files[name], name).toBe(true);
		}
	});

	it('gives different data for a different seed', () => {
		const other = generate(DEFAULT_SEED + 1);
		expect(other.files['transactions.csv']).not.toBe(out.files['transactions.csv']);
		expect(other.files['customers.csv']).not.toBe(out.files['customers.csv']);
		expect(other.files['surveys.csv']).not.toBe(out.files['surveys.csv']);
	});

	it('has a reproducible PRNG with independent forks', () => {
		const a = new Rng(42);
		const b = new Rng(42);
		const xs = Array.from({ length: 5 }, () => a.nextU32());
		expect(Array.from({ length: 5 }, () => b.nextU32())).toEqual(xs);
		expect(new Rng(42).fork('x').nextU32()).not.toBe(new Rng(42).fork('y').nextU32());
		const u = Array.from({ length: 10_000 }, () => a.next());
		expect(Math.min(...u)).toBeGreaterThan(0);
		expect(Math.max(...u)).toBeLessThan(1);
		expect(u.reduce((s, x) => s + x, 0) / u.length).toBeCloseTo(0.5, 1);
	});
});

describe('CSV format', () => {
	it('quotes commas, quotes and line breaks', () => {
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField('茶很香，包装也精致')).toBe('茶很香，包装也精致');
		expect(toCsv(['a', 'b'], [['1', 'x,y']])).toBe('a,b\n1,"x,y"\n');
		expect(formatCents(128000)).toBe('1280.00');
		expect(formatCents(-3510)).toBe('-35.10');
		expect(formatCents(5)).toBe('0.05');
	});

	it('writes UTF-8 text without BOM, with LF endings, and parses back to the same rows', () => {
		const pairs = [
			['transactions.csv', out.headers.transactions, out.tables.transactions],
			['customers.csv', out.headers.customers, out.tables.customers],
			['touchpoints.csv', out.headers.touchpoints, out.tables.touchpoints],
			['surveys.csv', out.headers.surveys, out.tables.surveys]
		] as const;
		for (const [name, header, rows] of pairs) {
			const text = out.files[name];
			expect(text.charCodeAt(0), name).not.toBe(0xfeff);
			expect(text.includes('\r'), name).toBe(false);
			expect(text.endsWith('\n'), name).toBe(true);
			const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
			expect(parsed.errors, name).toEqual([]);
			expect(parsed.data[0]).toEqual(header);
			expect(parsed.data.slice(1)).toEqual(rows);
		}
		// The survey comments exercise quoting on purpose.
		expect(out.tables.surveys.some((r) => (r[5] ?? '').includes('\n'))).toBe(true);
		expect(out.tables.surveys.some((r) => (r[5] ?? '').includes(','))).toBe(true);
		expect(out.tables.surveys.some((r) => (r[5] ?? '').includes('"'))).toBe(true);
	});

	it('uses the agreed Chinese headers', () => {
		expect(out.headers.transactions.join(',')).toBe(
			'订单号,客户编号,下单时间,商品类别,数量,单价,实付金额,渠道,城市'
		);
		expect(out.headers.customers.join(',')).toBe(
			'客户编号,姓名,性别,年龄段,城市,注册日期,会员等级'
		);
		expect(out.headers.touchpoints.join(',')).toBe('客户编号,时间,触点,渠道,阶段,满意度,结果');
		expect(out.headers.surveys.join(',')).toBe('客户编号,日期,NPS,CSAT,CES,评论,地区,业务线');
	});

	it('keeps the output small', () => {
		expect(Buffer.byteLength(out.files['transactions.csv'])).toBeLessThan(8 * 1024 * 1024);
	});
});

describe('transactions.csv', () => {
	it('has about 5,000 customers and 60,000 lines, with multi-line orders', () => {
		const tx = out.tables.transactions;
		expect(tx.length).toBeGreaterThan(55_000);
		expect(tx.length).toBeLessThan(68_000);
		const customers = new Set(tx.map((r) => r[CUST]).filter((c) => c !== ''));
		expect(customers.size).toBe(5000);
		const linesPerOrder = new Map<string, number>();
		for (const r of tx)
			if (!isReturn(r)) linesPerOrder.set(r[ID] ?? '', (linesPerOrder.get(r[ID] ?? '') ?? 0) + 1);
		const sizes = [...linesPerOrder.values()];
		expect(Math.max(...sizes)).toBeGreaterThanOrEqual(4);
		expect(sizes.filter((n) => n > 1).length / sizes.length).toBeGreaterThan(0.3);
	});

	it('keeps customer ids as text with leading zeros', () => {
		const ids = out.tables.transactions.map((r) => r[CUST] ?? '').filter((c) => c !== '');
		expect(ids.filter((id) => !/^C\d{6}$/.test(id))).toEqual([]);
		expect(ids.some((id) => id.startsWith('C000'))).toBe(true);
		expect(out.tables.customers[0]?.[0]).toBe('C000001');
		expect(out.files['customers.csv']).toContain('\nC000123,');
	});

	it('has plausible plain amounts and well-formed values', () => {
		const flawed = new Set(out.flaws.outliers);
		const bad = out.tables.transactions.filter((r) => {
			if (
				!MONEY.test(r[PAID] ?? '') ||
				!MONEY.test(r[PRICE] ?? '') ||
				!/^-?[1-9]\d*$/.test(r[QTY] ?? '')
			)
				return true;
			if (flawed.has(r[ID] ?? '')) return false;
			const paid = Math.abs(Number(r[PAID]));
			return paid < 10 || paid > 3000 || Math.abs(Number(r[QTY])) * Number(r[PRICE]) < paid - 0.005;
		});
		expect(bad).toEqual([]);
		expect(new Set(out.tables.transactions.map((r) => r[7]))).toEqual(
			new Set(['门店', '官网', '小程序', 'App'])
		);
	});

	it('has about 2 % returns that point to an earlier order of the same customer', () => {
		const tx = out.tables.transactions;
		const returns = tx.filter(isReturn);
		expect(returns.length / tx.length).toBeGreaterThan(0.015);
		expect(returns.length / tx.length).toBeLessThan(0.026);
		const originals = new Map<string, string[]>();
		for (const r of tx)
			if (!isReturn(r) && !originals.has(r[ID] ?? '')) originals.set(r[ID] ?? '', r);
		const bad = returns.filter((r) => {
			const orig = originals.get((r[ID] ?? '').slice(0, -2));
			return (
				!orig ||
				Number(r[QTY]) >= 0 ||
				Number(r[PAID]) >= 0 ||
				r[CUST] !== orig[CUST] ||
				(r[TIME] ?? '') <= (orig[TIME] ?? '')
			);
		});
		expect(bad).toEqual([]);
	});

	it('contains exactly the planted flaws', () => {
		const tx = out.tables.transactions;
		const f = out.flaws;
		expect(f.duplicates).toHaveLength(20);
		expect(f.emptyCustomer).toHaveLength(15);
		expect(f.outliers).toHaveLength(3);
		expect(f.futureDates).toHaveLength(2);
		expect(f.unparseableDates).toHaveLength(5);

		let adjacentDuplicates = 0;
		for (let i = 1; i < tx.length; i++)
			if (tx[i]?.join('\u0001') === tx[i - 1]?.join('\u0001')) adjacentDuplicates++;
		expect(adjacentDuplicates).toBe(20);
		expect(new Set(tx.map((r) => r.join('\u0001'))).size).toBe(tx.length - 20);

		expect(tx.filter((r) => r[CUST] === '').length).toBe(15);
		expect(tx.filter((r) => Number(r[PAID]) > 3000).length).toBe(3);
		expect(tx.filter((r) => (r[TIME] ?? '').startsWith('2026-')).length).toBe(2);
		expect(tx.filter((r) => r[TIME] === '待确认').length).toBe(5);
		// Everything else is a valid timestamp inside the window, and no amount has a currency sign.
		const other = tx.filter((r) => r[TIME] !== '待确认' && !(r[TIME] ?? '').startsWith('2026-'));
		expect(
			other.filter((r) => !DATE_TIME.test(r[TIME] ?? '') || (r[TIME] ?? '') < '2024-01-01')
		).toEqual([]);
		expect(out.files['transactions.csv']).not.toMatch(/[¥￥]/);
		// The README lists them.
		for (const id of [...f.emptyCustomer, ...f.outliers, ...f.futureDates, ...f.unparseableDates]) {
			expect(out.files['README.md']).toContain(id);
		}
	});

	it('peaks around 618 and 双11', () => {
		const perMonth = new Map<string, Set<string>>();
		const perDay = new Map<string, Set<string>>();
		for (const r of out.tables.transactions) {
			const t = r[TIME] ?? '';
			if (isReturn(r) || !DATE_TIME.test(t) || t >= '2026') continue;
			const month = t.slice(0, 7);
			const day = t.slice(0, 10);
			if (!perMonth.has(month)) perMonth.set(month, new Set());
			if (!perDay.has(day)) perDay.set(day, new Set());
			perMonth.get(month)?.add(r[ID] ?? '');
			perDay.get(day)?.add(r[ID] ?? '');
		}
		const orders = (k: string): number => perMonth.get(k)?.size ?? 0;
		for (const year of ['2024', '2025']) {
			const months = Array.from({ length: 12 }, (_, i) =>
				orders(`${year}-${String(i + 1).padStart(2, '0')}`)
			);
			const mean = months.reduce((a, b) => a + b, 0) / 12;
			expect(orders(`${year}-06`), `${year}-06`).toBeGreaterThan(mean * 1.1);
			expect(orders(`${year}-11`), `${year}-11`).toBeGreaterThan(mean * 1.1);
			// The busiest day of the year is 11-11, and 06-18 beats every other June day.
			const days = [...perDay]
				.filter(([d]) => d.startsWith(year))
				.sort((a, b) => b[1].size - a[1].size);
			expect(days[0]?.[0]).toBe(`${year}-11-11`);
			const june = days.filter(([d]) => d.startsWith(`${year}-06`));
			expect(june[0]?.[0]).toBe(`${year}-06-18`);
		}
		// New customers keep arriving: first purchases in every quarter.
		const first = new Map<string, string>();
		for (const r of out.tables.transactions) {
			const c = r[CUST] ?? '';
			const t = r[TIME] ?? '';
			if (c && DATE_TIME.test(t) && t < '2026' && (!first.has(c) || t < (first.get(c) ?? '')))
				first.set(c, t);
		}
		const registered = new Map(out.tables.customers.map((r) => [r[0] ?? '', r[5] ?? '']));
		const newIn2025 = [...first].filter(([c]) => (registered.get(c) ?? '') >= '2025').length;
		expect(newIn2025).toBeGreaterThan(1000);
	});
});
