import { describe, expect, it } from 'vitest';
import { quintileBins } from '../../../../src/core/persona/bins.ts';
import { featureCountsSql, quintileEdgesSql } from '../../../../src/core/sql/persona.ts';
import { ident, sql } from '../../../../src/core/sql/sql.ts';
import type { DbClient } from '../../../../src/db/client.ts';
import { useDb } from '../../../helpers/db.ts';

const db: DbClient = useDb();

/*
 * Ten customers aged 20, 21, …, 29 (g1: 20–23, g2: 24–29) and one of unknown age (g1). The quintile
 * edges are data values (quantile_disc), from min 20 to max 29; each age must land in the [a, b) bin
 * that holds it, 29 in the last, closed one, computed here from the edges.
 */
describe('persona SQL: quintile edges, bins and counts', () => {
	it('cuts at the quintiles as [a, b), the last closed; an edge value goes to the bin it opens; NULL is unknown', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE ${ident('p')} AS SELECT 'c' || i AS customer_id, CASE WHEN i < 4 OR i = 10 THEN 'g1' ELSE 'g2' END AS grp,
			CASE WHEN i = 10 THEN NULL ELSE 20 + i END AS age FROM range(10) t(i)`);
		await db.exec(sql`INSERT INTO ${ident('p')} VALUES ('c10', 'g1', NULL)`);
		const e = (await db.query(quintileEdgesSql('p', ['age']))).rows[0]!;
		const edges = ['min', 'q1', 'q2', 'q3', 'q4', 'max'].map((k) => Number(e[`${k}_0`]));
		expect(edges[0]).toBe(20);
		expect(edges[5]).toBe(29);
		// Each quintile edge is a data value (nearest rank), ascending.
		expect(edges.every((x, i) => Number.isInteger(x) && (i === 0 || x >= edges[i - 1]!))).toBe(true);
		const bins = quintileBins(edges);
		const rows = (await db.query(sql`${featureCountsSql('p', [{ id: 'age', column: 'age', bins }])} ORDER BY grp, value NULLS LAST`)).rows;
		const total = rows.reduce((s, r) => s + Number(r.customers), 0);
		expect(total).toBe(11);
		// Every value lands in the bin whose [a, b) holds it; 29 in the last, closed bin.
		const expectBin = (v: number) => bins.labels[bins.edges.findIndex((x, i) => i === bins.edges.length - 2 || (v >= x && v < bins.edges[i + 1]!))]!;
		const want = new Map<string, number>();
		for (let i = 0; i < 10; i++) {
			const k = `${i < 4 ? 'g1' : 'g2'}|${expectBin(20 + i)}`;
			want.set(k, (want.get(k) ?? 0) + 1);
		}
		want.set('g1|null', 1);
		expect(new Map(rows.map((r) => [`${r.grp}|${r.value ?? 'null'}`, Number(r.customers)]))).toEqual(want);
	});
});
