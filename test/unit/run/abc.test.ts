import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ABC_HELP, abcCommand } from '../../../src/cli/abc.ts';
import { DEFAULT_ABC } from '../../../src/core/sql/abc.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { abcCustomerList, abcDayRange, runAbc } from '../../../src/run/abc.ts';
import { TX_TABLE } from '../../../src/run/tables.ts';
import { AbcModel } from '../../../src/views/abc/abc-model.svelte.ts';
import { useDb, useTmpDir } from '../../helpers/db.ts';

/*
 * Six customers, worked out by hand (thresholds 0.7 / 0.9, all days):
 *   rank  id  revenue        cum share of the positive total 1000   class
 *   1     a   400+100 = 500  0.5                                   A
 *   2     b   300            0.8                                   B
 *   3     c   60+40 = 100    0.9 (at the cut: B)                   B
 *   4     d   60             0.96                                  C
 *   5     e   40             1.0                                   C
 *   6     f   20−30 = −10    1.0 (revenue ≤ 0: always C)           C
 * Share of customers for 80 % of revenue: rank 2 of 6. Gini of the positive revenues sorted up
 * (0, 40, 60, 100, 300, 500): 2·Σ i·v / (n·Σ v) − (n+1)/n = 2·5160/6000 − 7/6 = 0.553333….
 */
const LINES: [string, string, number][] = [
	['a', '2024-01-10', 400],
	['a', '2024-06-01', 100],
	['b', '2024-02-15', 300],
	['c', '2024-01-20', 60],
	['c', '2024-05-05', 40],
	['d', '2024-03-03', 60],
	['e', '2024-04-04', 40],
	['f', '2024-01-25', 20],
	['f', '2024-07-30', -30]
];
const HAND = [
	{ customer_id: 'a', revenue: 500, cum_share: 0.5, abc_class: 'A' },
	{ customer_id: 'b', revenue: 300, cum_share: 0.8, abc_class: 'B' },
	{ customer_id: 'c', revenue: 100, cum_share: 0.9, abc_class: 'B' },
	{ customer_id: 'd', revenue: 60, cum_share: 0.96, abc_class: 'C' },
	{ customer_id: 'e', revenue: 40, cum_share: 1, abc_class: 'C' },
	{ customer_id: 'f', revenue: -10, cum_share: 1, abc_class: 'C' }
];

const db = useDb();
const tmp = useTmpDir('clientele-run-abc-');
beforeAll(async () => {
	const values = LINES.map(([c, d, a]) => sql`(${c}, CAST(${d} AS TIMESTAMP), CAST(${a} AS DOUBLE))`).reduce((x, y) => sql`${x}, ${y}`);
	await db.exec(sql`CREATE TABLE ${ident(TX_TABLE)} AS SELECT * FROM (VALUES ${values}) t(customer_id, ts, amount)`);
});

describe('runAbc', () => {
	it('classes by cumulative share and reads the class table, the curve and the headline figures', async () => {
		const r = await runAbc(db, {});
		expect(r.classes.map((c) => [c.abc_class, c.customers, c.revenue, c.avg_revenue])).toEqual([
			['A', 1, 500, 500],
			['B', 2, 400, 200],
			['C', 3, 90, 30]
		]);
		r.classes.forEach((c, i) => expect(c.revenue_share).toBeCloseTo([0.5, 0.4, 0.1][i] as number, 12));
		expect(r.curve.map((p) => p.customer_share)).toEqual([1, 2, 3, 4, 5, 6].map((i) => i / 6));
		r.curve.forEach((p, i) => expect(p.cum_share).toBeCloseTo(HAND[i]!.cum_share, 12));
		expect(r.stats.share_for_80).toBeCloseTo(2 / 6, 12);
		expect(r.stats.gini).toBeCloseTo((2 * 5160) / 6000 - 7 / 6, 12);
	});

	it('lists the customers in rank order (the CLI rows)', async () => {
		await runAbc(db, { a: 0.7, b: 0.9 });
		expect(await abcCustomerList(db)).toEqual(HAND);
	});

	it('counts revenue only in the window; an empty class is still listed', async () => {
		// Up to 2024-01-31: a 400, c 60, f 20 → a 400/480 = 0.833 (above A's 0.7: B), c 0.958 and f 1.0 C.
		const r = await runAbc(db, { to: '2024-01-31' });
		expect(r.classes.map((c) => [c.abc_class, c.customers])).toEqual([
			['A', 0],
			['B', 1],
			['C', 2]
		]);
		expect((await abcCustomerList(db)).map((c) => [c.customer_id, c.revenue, c.abc_class])).toEqual([
			['a', 400, 'B'],
			['c', 60, 'C'],
			['f', 20, 'C']
		]);
	});

	it('reads the first and last day of the transactions', async () => {
		expect(await abcDayRange(db)).toEqual({ first_day: '2024-01-10', last_day: '2024-07-30' });
	});
});

describe('clientele abc = parsing + runAbc + output', () => {
	const cli = async (args: string[]): Promise<string> => {
		const input = path.join(tmp(), 'tx.csv');
		fs.writeFileSync(input, ['customer,date,amount', ...LINES.map((l) => l.join(','))].join('\n') + '\n');
		const out = path.join(tmp(), `abc-${Math.random().toString(36).slice(2)}.csv`);
		expect(await abcCommand(['--input', input, '--customer', 'customer', '--date', 'date', '--amount', 'amount', ...args, '--out', out])).toBeNull();
		return fs.readFileSync(out, 'utf8');
	};

	let defaults: Promise<string> | null = null;
	const withDefaults = (): Promise<string> => (defaults ??= cli([]));

	it('writes the hand-worked classes', async () => {
		const [header, ...rows] = (await withDefaults()).trimEnd().split('\r\n');
		expect(header).toBe('customer_id,revenue,cum_share,abc_class');
		expect(rows.map((l) => l.split(','))).toEqual(HAND.map((h) => [h.customer_id, String(h.revenue), String(h.cum_share), h.abc_class]));
	});

	it('page and CLI start from DEFAULT_ABC', async () => {
		const model = new AbcModel(db, 0);
		expect(model.params()).toEqual({ a: DEFAULT_ABC.a, b: DEFAULT_ABC.b, from: undefined, to: undefined });
		expect(model.applied).toEqual({ a: DEFAULT_ABC.a, b: DEFAULT_ABC.b });
		expect(await withDefaults()).toBe(await cli(['--a', String(DEFAULT_ABC.a), '--b', String(DEFAULT_ABC.b)]));
		expect(await withDefaults()).not.toBe(await cli(['--a', '0.4', '--b', String(DEFAULT_ABC.b)]));
		expect(ABC_HELP).toContain(`(default ${DEFAULT_ABC.a})`);
		expect(ABC_HELP).toContain(`(default ${DEFAULT_ABC.b})`);
	});
});
