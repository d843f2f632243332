import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { R10_DOCS } from '../../../src/core/segments/rules.ts';
import { rfHeatmapSql, segmentSummarySql } from '../../../src/core/sql/rfm.ts';
import { ident, sql } from '../../../src/core/sql/sql.ts';
import { applyMapping } from '../../../src/run/stage.ts';
import { loadFile } from '../../../src/run/load-file.ts';
import { mappingFor } from '../../../src/core/import/mapping.ts';
import { type LoadedFile } from '../../../src/run/loaded-file.ts';
import type { NodeDbClient } from '../../../src/db/node.ts';
import { runRfm } from '../../../src/run/rfm.ts';
import { defaultAsOf } from '../../../src/run/as-of.ts';
import { RFM_TABLE } from '../../../src/run/tables.ts';
import { fixture, openDb } from '../../helpers/db.ts';

/*
 * test/fixtures/foundation/rfm_hand.csv, as-of 2024-07-01 (inclusive), frequency = distinct orders among
 * positive lines; returns netted in monetary. Worked out by hand:
 *
 *   id   last purchase  recency  orders                      monetary
 *   C01  2024-06-30       1      O1..O5 (O99 is 07-05: out)  100+200+300+400+500 = 1500
 *   C02  2024-06-25       6      O6..O9                      50+60+70+80 = 260
 *   C03  2024-06-10      21      O10 (two lines), O11        600+400+450 = 1450
 *   C04  2024-05-20      42      O12                         30
 *   C05  2024-05-01      61      O13,O14,O15 (R1 is a return) 2000+100+100-300 = 1900
 *   C06  2023-12-01     213      O16,O17                     80+90 = 170
 *   C07  2024-01-15     168      O18,O19,O20                 700+800+900 = 2400
 *   C08  2023-08-01     335      O21                         20
 *   C09  2024-06-28       3      O22,O23 (same day)          40+10 = 50
 *   C10  2023-06-01     396      O24 (R2 returns it all)     5000-5000 = 0
 *   C11  only 2024-07-02: after the as-of date, no row.
 *
 * Recency: 06-01→07-01 = 30; 05-01→07-01 = 31+30 = 61; 2023-12-01→2024-07-01 = 31+31+29+31+30+31+30 = 213;
 * 2024-01-15→07-01 = 17+151 = 168; 2023-08-01→2024-07-01 = 366-31 = 335; 2023-06-01→2024-06-01 = 366, +30 = 396.
 *
 * ntile(5) over 10 customers: groups of two, ties broken by customer id.
 *   R (recency desc): C10 C08 | C06 C07 | C05 C04 | C03 C02 | C09 C01  → 1,1,2,2,3,3,4,4,5,5
 *   F (asc):          C04 C08 | C10 C03 | C06 C09 | C05 C07 | C02 C01
 *   M (asc):          C10 C08 | C04 C09 | C06 C02 | C03 C01 | C05 C07
 *
 * R10 docs rules, first match:
 *   C01 554 potential_loyalist (R3-5 F3-5 M2-5; not champions: M4)   C02 453 potential_loyalist
 *   C03 424 loyal_customers (F2 fails PL)                             C04 312 about_to_sleep (M2 fails promising)
 *   C05 345 potential_loyalist                                        C06 233 loyal_customers
 *   C07 245 cant_lose_them (M5 fails loyal)                           C08 111 lost
 *   C09 532 potential_loyalist                                        C10 121 lost (M1 fails at_risk)
 */
const EXPECTED = [
	['C01', 1, 5, 1500, 5, 5, 4, 554, 'potential_loyalist'],
	['C02', 6, 4, 260, 4, 5, 3, 453, 'potential_loyalist'],
	['C03', 21, 2, 1450, 4, 2, 4, 424, 'loyal_customers'],
	['C04', 42, 1, 30, 3, 1, 2, 312, 'about_to_sleep'],
	['C05', 61, 3, 1900, 3, 4, 5, 345, 'potential_loyalist'],
	['C06', 213, 2, 170, 2, 3, 3, 233, 'loyal_customers'],
	['C07', 168, 3, 2400, 2, 4, 5, 245, 'cant_lose_them'],
	['C08', 335, 1, 20, 1, 1, 1, 111, 'lost'],
	['C09', 3, 2, 50, 5, 3, 2, 532, 'potential_loyalist'],
	['C10', 396, 1, 0, 1, 2, 1, 121, 'lost']
];

let db: NodeDbClient;
let file: LoadedFile;
beforeAll(async () => {
	db = await openDb();
	const p = fixture('foundation', 'rfm_hand.csv');
	const f = await loadFile(db, { fileName: 'rfm_hand.csv', source: { kind: 'path', path: p }, sample: fs.readFileSync(p, 'utf8') });
	if (!f) throw new Error('not loaded');
	file = f;
	const r = await applyMapping(db, file, mappingFor(file.sniff, file.guess));
	if (r.errors.length) throw r.errors[0];
});
afterAll(async () => {
	await db.close();
});

const customers = async () =>
	(
		await db.query(
			sql`SELECT customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_score, segment FROM ${ident(RFM_TABLE)} ORDER BY customer_id`
		)
	).rows.map((r) => Object.values(r));

describe('RFM on a hand-checked fixture (as-of 2024-07-01)', () => {
	it('the guess maps every role', () => {
		expect(file.guess).toEqual({ order: 'order_id', customer: 'customer_id', date: 'order_date', amount: 'amount' });
	});

	it('default as-of is the day after the last transaction (O99 of C01, 2024-07-05)', async () => {
		expect(await defaultAsOf(db, { today: '2030-01-01' })).toEqual({ asOf: '2024-07-06', firstDay: '2023-06-01', lastDay: '2024-07-05', strays: [], strayRows: 0 });
	});

	it('recency, frequency (orders), monetary, scores and segments', async () => {
		await runRfm(db, { asOf: '2024-07-01', frequency: 'orders', set: R10_DOCS });
		expect(await customers()).toEqual(EXPECTED);
	});

	it('frequency by purchase days: C09 bought twice on one day, C03 on two days', async () => {
		await runRfm(db, { asOf: '2024-07-01', frequency: 'days', set: R10_DOCS });
		const rows = await customers();
		expect(rows.find((r) => r[0] === 'C09')?.[2]).toBe(1);
		expect(rows.find((r) => r[0] === 'C03')?.[2]).toBe(2);
		expect(rows.find((r) => r[0] === 'C01')?.[2]).toBe(5);
	});

	it('segment summary: customers, share, orders, revenue, revenue share, AOV, medians', async () => {
		await runRfm(db, { asOf: '2024-07-01', frequency: 'orders', set: R10_DOCS });
		const s = (await db.query(segmentSummarySql(RFM_TABLE))).rows;
		// Total revenue 7780. PL: C01 C02 C05 C09 — orders 5+4+3+2 = 14, revenue 3710, AOV 3710/14 = 265,
		// median R of 1,3,6,61 = 4.5, F of 2,3,4,5 = 3.5, M of 50,260,1500,1900 = 880.
		const cols = ['segment', 'customers', 'share', 'orders', 'revenue', 'revenue_share', 'aov', 'median_recency', 'median_frequency', 'median_monetary'];
		expect(s.map((r) => cols.map((c) => r[c]))).toEqual([
			['potential_loyalist', 4, 0.4, 14, 3710, 3710 / 7780, 265, 4.5, 3.5, 880],
			['cant_lose_them', 1, 0.1, 3, 2400, 2400 / 7780, 800, 168, 3, 2400],
			['loyal_customers', 2, 0.2, 4, 1620, 1620 / 7780, 405, 117, 2, 810],
			['about_to_sleep', 1, 0.1, 1, 30, 30 / 7780, 30, 42, 1, 30],
			['lost', 2, 0.2, 2, 20, 20 / 7780, 10, 365.5, 1, 10]
		]);
	});

	it('R×F heatmap: one customer per cell here, mean monetary = theirs', async () => {
		const h = (await db.query(rfHeatmapSql(RFM_TABLE))).rows;
		expect(h.map((r) => [r.r_score, r.f_score, r.customers, r.mean_monetary])).toEqual([
			[1, 1, 1, 20], // C08
			[1, 2, 1, 0], // C10
			[2, 3, 1, 170], // C06
			[2, 4, 1, 2400], // C07
			[3, 1, 1, 30], // C04
			[3, 4, 1, 1900], // C05
			[4, 2, 1, 1450], // C03
			[4, 5, 1, 260], // C02
			[5, 3, 1, 50], // C09
			[5, 5, 1, 1500] // C01
		]);
	});
});
