import { describe, expect, it } from 'vitest';
import { seriesSql, type SeriesSource } from '../../../../src/core/sql/forecast.ts';
import { channelExpr, DEFAULT_CHANNELS } from '../../../../src/core/sql/journey.ts';
import { raw } from '../../../../src/core/sql/sql.ts';
import { useDb } from '../../../helpers/db.ts';

/*
 * The page's forecast groups beyond a column: a basis' customers (a select of customer_id, grp — quadrants,
 * tiers, stages) and an expression over the table's own columns (journey's online/offline channel of an event).
 */
const db = useDb();
const rows = async (src: SeriesSource, metric: 'orders' | 'events') =>
	(await db.query<{ g: string; period: string; value: number }>(seriesSql(src, metric, 'week', '2024-01-01', '2024-01-08'))).rows.map((r) => `${r.g} ${r.period} ${r.value}`);

describe('forecast series by a basis or an expression (DuckDB-WASM)', () => {
	it('a basis select: each customer’s group; a customer in none is (none)', async () => {
		await db.exec(raw(`CREATE OR REPLACE TABLE fg_tx AS SELECT * FROM (VALUES
			(1, 'a', 'o1', TIMESTAMP '2024-01-01 10:00', 10.0),
			(2, 'b', 'o2', TIMESTAMP '2024-01-02 10:00', 5.0),
			(3, 'c', 'o3', TIMESTAMP '2024-01-09 10:00', 5.0),
			(4, 'a', 'o4', TIMESTAMP '2024-01-10 10:00', 5.0)
		) t(src_row, customer_id, order_id, ts, amount)`));
		// a, b in star; c in no group of the basis.
		const src: SeriesSource = { kind: 'tx', table: 'fg_tx', groups: raw(`SELECT * FROM (VALUES ('a', 'star'), ('b', 'star')) g(customer_id, grp)`) };
		// (none): c's o3 in week 01-08; star: a's o1 and b's o2 in week 01-01, a's o4 in 01-08.
		expect(await rows(src, 'orders')).toEqual(['(none) 2024-01-01 0', '(none) 2024-01-08 1', 'star 2024-01-01 2', 'star 2024-01-08 1']);
	});

	it('events by channel: the channel column when filled, else the default touchpoint table, else unknown', async () => {
		await db.exec(raw(`CREATE OR REPLACE TABLE fg_tp AS SELECT * FROM (VALUES
			('a', TIMESTAMP '2024-01-01 10:00', 'App', NULL),
			('a', TIMESTAMP '2024-01-02 10:00', '门店', NULL),
			('b', TIMESTAMP '2024-01-03 10:00', 'Kiosk', '线下'),
			('b', TIMESTAMP '2024-01-09 10:00', 'Kiosk', NULL)
		) t(customer_id, ts, touchpoint, channel)`));
		const src: SeriesSource = { kind: 'tp', table: 'fg_tp', expr: channelExpr(DEFAULT_CHANNELS) };
		expect(await rows(src, 'events')).toEqual([
			'offline 2024-01-01 1',
			'offline 2024-01-08 0',
			'online 2024-01-01 1',
			'online 2024-01-08 0',
			'unknown 2024-01-01 0',
			'unknown 2024-01-08 1',
			'线下 2024-01-01 1',
			'线下 2024-01-08 0'
		]);
	});
});
