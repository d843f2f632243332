import { beforeAll, describe, expect, it } from 'vitest';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import type { DbClient } from '../../../src/db/client.ts';
import { runBehaviour, runPersona } from '../../../src/run/persona.ts';
import { BEHAVIOUR_TABLE, RAW_TABLE, VALUE_MATRIX_TABLE } from '../../../src/run/tables.ts';
import { useDb } from '../../helpers/db.ts';
import { loadPersonaFixture } from '../../helpers/persona-fixture.ts';

/*
 * test/fixtures/persona/behaviour_hand.csv, as-of 2024-03-31 (E's only order, 04-02, is after it).
 * An order is timed, placed and channelled by its first line; a purchase order has a positive line.
 *
 *  id  orders (hour, weekday)                     daypart    night owl  weekend  days / median gap  category spend      channel  city  discount orders
 *  A   O1 23h Sat, O2 01h Wed, O3 09h Sat         night 2    yes 2/3    2/3 wkd  3 / gaps 4,10 → 7  book 50, toy 60      online 2 上海   O1 (5): 1/3 sometimes
 *  B   O4 12h Thu, O5 18h Fri, O6 12h Mon         afternoon  no         0        3 / gaps 1,3 → 2   book 140, food 40    offline 2 北京  O5 yes, O6 10: 2/3 mostly
 *  C   O7 22h Fri, O8 10h Fri (same day)          morning (tie 1–1: morning first)  yes 1/2  0  1 day → once  food 100  offline (tie: by name) 广州  never
 *  D   O9 14h Wed, O11 14h Sun (O10 only a return) afternoon no        1/2 → weekend  2 / gap 67  book 60, toy −30   online  上海 (O11's empty)  never
 *  F   O13 09h Sat, every class column empty      morning    no         weekend  1 day → once       —                   —        —     never
 * The median of the median gaps of customers with ≥ 2 purchase days (A 7, B 2, D 67) is 7: B high (2 < 7),
 * A low (7 is not shorter), D low. Breadth (categories with a positive line): A 2, B 2, C 1, D 2 (toy's O11), F 0.
 * Revenue: A 110, B 180, C 100, D 30 (60 − 60 + 30), F 10.
 */
const db: DbClient = useDb();
const AS_OF = '2024-03-31';
const COLUMNS = { category: 'category', channel: 'channel', region: 'city', discount: 'discount' };
let textColumns: string[] = [];

beforeAll(async () => {
	textColumns = await loadPersonaFixture(db);
});

const text = () => ({ table: RAW_TABLE, columns: textColumns });

describe('behaviour classes on the hand-checked fixture', () => {
	it('every class per customer, as the table above says', async () => {
		const info = await runBehaviour(db, { asOf: AS_OF, columns: COLUMNS, text: text() });
		expect(info.times).toBe(true);
		expect(info.missing).toEqual([]);
		const rows = (await db.query(sql`SELECT * EXCLUDE (weekend_share, discount_share) FROM ${ident(BEHAVIOUR_TABLE)} ORDER BY customer_id`)).rows;
		expect(rows.map((r) => Object.values(r))).toEqual([
			['A', 3, 110, 36.67, 'night', 'yes', 'weekend', 3, 7, 'low', 'toy', 2, 'online', '上海', 'sometimes'],
			['B', 3, 180, 60, 'afternoon', 'no', 'weekday', 3, 2, 'high', 'book', 2, 'offline', '北京', 'mostly'],
			['C', 2, 100, 50, 'morning', 'yes', 'weekday', 1, null, 'once', 'food', 1, 'offline', '广州', 'never'],
			['D', 2, 30, 15, 'afternoon', 'no', 'weekend', 2, 67, 'low', 'book', 2, 'online', '上海', 'never'],
			['F', 1, 10, 10, 'morning', 'no', 'weekend', 1, null, 'once', null, 0, null, null, 'never']
		]);
	});

	it('without the class columns those classes are not offered, and say which column would enable them', async () => {
		const info = await runBehaviour(db, { asOf: AS_OF });
		expect(info.offered).toEqual(['daypart', 'night_owl', 'weekday_weekend', 'purchase_frequency']);
		expect(info.missing.map((m) => m.needs)).toEqual(['category', 'category', 'channel', 'region', 'discount']);
	});

	it('the night-owl rule is editable: 3 orders needed leaves only A', async () => {
		await runBehaviour(db, { asOf: AS_OF, settings: { nightOwl: { minOrders: 3, share: 0.5, fromHour: 22, toHour: 2 }, weekendShare: 0.5 } });
		const owls = (await db.query(sql`SELECT customer_id FROM ${ident(BEHAVIOUR_TABLE)} WHERE night_owl = 'yes'`)).rows.map((r) => r.customer_id);
		expect(owls).toEqual(['A']);
	});
});

describe('personas by a profile column', () => {
	it('groups F (A, C, F) and M (B, D; G has no purchase): hand-checked share, lift and Fisher p', async () => {
		const res = await runPersona(db, {
			asOf: AS_OF,
			columns: COLUMNS,
			text: text(),
			basis: { basis: 'column', column: 'gender' },
			profiles: [
				{ name: 'gender', kind: 'text' },
				{ name: 'age', kind: 'number' }
			]
		});
		expect(res.groups.map((g) => [g.id, g.customers, g.revenue, g.small])).toEqual([
			['F', 3, 220, true],
			['M', 2, 210, true]
		]);
		// F · once: 2 of 3 (C, F); base: 2 of 5 → lift (2/3)/(2/5) = 5/3. Table (2, 1 | 0, 2): hypergeometric N 5,
		// row 3, column 2: P(0) = 1/10, P(1) = 6/10, P(2) = 3/10 → p = (1 + 3)/10 = 0.4.
		const once = res.rows.find((r) => r.group === 'F' && r.feature === 'purchase_frequency' && r.value === 'once')!;
		expect(once.customers).toBe(2);
		expect(once.share).toBeCloseTo(2 / 3, 12);
		expect(once.share_overall).toBeCloseTo(2 / 5, 12);
		expect(once.lift).toBeCloseTo(5 / 3, 12);
		expect(once.test).toBe('fisher');
		expect(once.p_value).toBeCloseTo(0.4, 12);
		// age (F's is empty): base ages 25, 35, 45, 55 → quintile edges (nearest rank) 25, 25, 35, 45, 55, 55.
		const ages = res.rows.filter((r) => r.group === 'M' && r.feature === 'age').map((r) => [r.value, r.customers]);
		expect(ages).toEqual([
			['[25, 35)', 0],
			['[35, 45)', 1],
			['[45, 55]', 1],
			[null, 0]
		]);
		expect(res.rows.every((r, i) => i === 0 || r.group >= res.rows[i - 1]!.group)).toBe(true);
		expect(res.skipped).toEqual([]);
		// AOV = revenue ÷ orders, to the cent: F 220 / (3 + 2 + 1) = 36.67, M 210 / (3 + 2) = 42; no value matrix: no CLV.
		expect(res.groups.map((g) => [g.aov, g.clv])).toEqual([
			[36.67, null],
			[210 / 5, null]
		]);
	});

	it('with a value matrix: each group’s mean CLV and P(alive) over its customers that have one', async () => {
		// F: A 100 / 0.5, C 300 / 0.9 (F has none) → 200, 0.7; M: B 50 / 0.2 → 50, 0.2.
		await db.exec(sql`CREATE OR REPLACE TABLE ${ident(VALUE_MATRIX_TABLE)} AS SELECT * FROM (VALUES ('A', 100.0, 0.5), ('C', 300.0, 0.9), ('B', 50.0, 0.2)) v(customer_id, clv, p_alive)`);
		const res = await runPersona(db, { asOf: AS_OF, basis: { basis: 'column', column: 'gender' }, profiles: [{ name: 'gender', kind: 'text' }] });
		await db.exec(sql`DROP TABLE ${ident(VALUE_MATRIX_TABLE)}`);
		expect(res.groups.map((g) => [g.id, g.clv, g.p_alive])).toEqual([
			['F', 200, 0.7],
			['M', 50, 0.2]
		]);
	});
});
