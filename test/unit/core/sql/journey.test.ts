import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isClienteleError } from '../../../../src/core/errors.ts';
import { channelSplitSql, painPointsSql, stageScoresSql, touchpointVolumeSql, type TouchpointMapping } from '../../../../src/core/sql/journey.ts';
import { funnelSql, pathLinksSql, stepTimesSql, topPathsSql } from '../../../../src/core/sql/journey-paths.ts';
import type { Sql } from '../../../../src/core/sql/sql.ts';
import { buildTouchpoints } from '../../../../src/run/journey.ts';
import type { NodeDbClient } from '../../../../src/db/node.ts';
import { fixture, openDb } from '../../../helpers/db.ts';
import { loadCsv } from '../../../helpers/load-csv.ts';

/*
 * touchpoints.csv (times to the minute):
 * c1 社交媒体 10:00 → 官网 12:00 → 门店 next day 12:00 (converted)        new
 * c2 社交媒体 09:00 → 官网 10:00 (no score) → App +4 d → 门店 +15 d (converted) new
 * c3 官网 08:00 → 官网 09:00 → 客服电话 21:00 (complaint)                 regular
 * c4 社交媒体 10:00 → 官网 10:30 → 门店 11:30 (converted)                  vip
 * c5 邮件                                                                  regular
 */
let db: NodeDbClient;
beforeAll(async () => {
	db = await openDb();
	const file = fixture('kpi', 'touchpoints.csv');
	const f = await loadCsv(db, file);
	const dateFormat = f.sniff.columns.find((c) => c.name === 'time')!.date!.format;
	const mapping: TouchpointMapping = { customer: 'customer', date: 'time', dateFormat, touchpoint: 'touchpoint', stage: 'stage', score: 'score', outcome: 'outcome', segment: 'segment' };
	await buildTouchpoints(db, { file, mapping });
});
afterAll(async () => {
	await db.close();
});

const rows = async (q: Sql) => (await db.query(q)).rows;
const T = { table: 'tp' };

describe('journey map', () => {
	it('volume by stage × touchpoint', async () => {
		const r = await rows(touchpointVolumeSql(T));
		expect(r.map((x) => [x.stage, x.touchpoint, x.events, x.customers, x.scored, x.mean_score])).toEqual([
			['接触中', '门店', 3, 3, 3, 14 / 3],
			['接触中', 'App', 1, 1, 1, 4],
			['接触前', '官网', 5, 4, 4, 2.5],
			['接触前', '社交媒体', 3, 3, 3, 11 / 3],
			['接触前', '邮件', 1, 1, 1, 3],
			['接触后', '客服电话', 1, 1, 1, 1]
		]);
	});
	it('the score curve follows the stage order 接触前 → 接触中 → 接触后', async () => {
		const r = await rows(stageScoresSql(T));
		expect(r.map((x) => [x.stage, x.stage_rank, x.scored, x.mean_score, x.median])).toEqual([
			['接触前', 1, 8, 3, 3],
			['接触中', 2, 4, 4.5, 4.5],
			['接触后', 3, 1, 1, 1]
		]);
	});
	it('pain points: lowest means with at least 2 scores; gap to the overall mean 43/13', async () => {
		const r = await rows(painPointsSql({ ...T, minScored: 2, limit: 2 }));
		expect(r.map((x) => [x.touchpoint, x.scored, x.mean_score])).toEqual([
			['官网', 4, 2.5],
			['社交媒体', 3, 11 / 3]
		]);
		expect(r[0]!.gap).toBeCloseTo(2.5 - 43 / 13, 12);
	});
	it('online/offline with the default table, and with an edited one', async () => {
		expect((await rows(channelSplitSql(T))).map((x) => [x.channel, x.events, x.customers])).toEqual([
			['online', 10, 5],
			['offline', 4, 4]
		]);
		const edited = await rows(channelSplitSql({ ...T, channels: { 官网: 'online', 门店: 'offline' } }));
		expect(edited.map((x) => [x.channel, x.events])).toEqual([
			['unknown', 6],
			['online', 5],
			['offline', 3]
		]);
	});
});

describe('paths', () => {
	it('top 2 paths of 3 steps, the rest as "other"', async () => {
		const r = await rows(topPathsSql({ ...T, steps: 3, top: 2 }));
		expect(r.map((x) => [x.rank, x.path, x.customers, x.share])).toEqual([
			[1, '社交媒体 → 官网 → 门店', 2, 0.4],
			[2, '官网 → 官网 → 客服电话', 1, 0.2],
			[null, 'other', 2, 0.4]
		]);
	});
	it('collapsing repeats: 官网 → 官网 → 客服电话 becomes 官网 → 客服电话', async () => {
		const r = await rows(topPathsSql({ ...T, steps: 3, top: 10, collapseRepeats: true }));
		expect(r.map((x) => x.path)).toContain('官网 → 客服电话');
		expect(r.reduce((s, x) => s + Number(x.customers), 0)).toBe(5);
	});
	it('links for a flow chart', async () => {
		const r = await rows(pathLinksSql({ ...T, steps: 3 }));
		expect(r.map((x) => [x.step, x.source, x.target, x.customers])).toEqual([
			[1, '社交媒体', '官网', 3],
			[1, '官网', '官网', 1],
			[2, '官网', '门店', 2],
			[2, '官网', 'App', 1],
			[2, '官网', '客服电话', 1]
		]);
	});
	it('time between steps in hours: median, P75, P90 (linear interpolation)', async () => {
		const r = await rows(stepTimesSql(T));
		const pick = (x: Record<string, unknown>) => [x.label, x.transitions, x.median_hours, x.p75_hours, x.p90_hours].map((v) => (typeof v === 'number' ? Math.round(v * 1e6) / 1e6 : v));
		expect(r.map(pick)).toEqual([
			['all', 9, 2, 24, 148.8],
			['1→2', 4, 1, 1.25, 1.7],
			['2→3', 4, 18, 42, 74.4],
			['3→4', 1, 360, 360, 360]
		]);
	});
});

describe('funnel with ordered steps and a conversion window', () => {
	const steps = ['社交媒体', '官网', '门店'];
	it.each([
		{ window: 2, counts: [3, 3, 2] },
		{ window: 1, counts: [3, 3, 1] },
		{ window: undefined, counts: [3, 3, 3] }
	])('window $window days → $counts', async ({ window, counts }) => {
		const r = await rows(funnelSql({ ...T, steps, windowDays: window }));
		expect(r.map((x) => x.customers)).toEqual(counts);
		expect(r[0]).toMatchObject({ group: 'all', step: 1, step_name: '社交媒体', conversion: 1, step_conversion: null, drop_off: null });
		expect(r[2]!.conversion).toBeCloseTo(counts[2]! / 3, 12);
		expect(r[2]!.drop_off).toBe(counts[1]! - counts[2]!);
	});
	it('order matters: 门店 then 官网 is reached by nobody', async () => {
		expect((await rows(funnelSql({ ...T, steps: ['门店', '官网'] }))).map((x) => x.customers)).toEqual([3, 0]);
	});
	it('the same touchpoint twice needs two events (c3 visits 官网 twice)', async () => {
		expect((await rows(funnelSql({ ...T, steps: ['官网', '官网'] }))).map((x) => x.customers)).toEqual([4, 1]);
	});
	it('a step can be an outcome', async () => {
		expect((await rows(funnelSql({ ...T, steps: ['官网', { field: 'outcome', value: 'converted' }] }))).map((x) => x.customers)).toEqual([4, 3]);
	});
	it('by segment', async () => {
		const r = await rows(funnelSql({ ...T, steps, windowDays: 2, by: { column: 'segment' } }));
		expect(r.map((x) => [x.group, x.step, x.customers])).toEqual([
			['new', 1, 2],
			['new', 2, 2],
			['new', 3, 1],
			['vip', 1, 1],
			['vip', 2, 1],
			['vip', 3, 1]
		]);
	});
	it('rejects an empty funnel and a window ≤ 0', () => {
		expect(() => funnelSql({ ...T, steps: [] })).toThrow(RangeError);
		expect(() => funnelSql({ ...T, steps, windowDays: 0 })).toThrow(RangeError);
	});
});

describe('touchpoint import errors', () => {
	it.each([
		{ file: 'touchpoints_bad_date.csv', code: 'journey.badDate', row: 4, column: 'time', value: 'yesterday' },
		{ file: 'touchpoints_bad_score.csv', code: 'journey.badScore', row: 2, column: 'score', value: 'good' }
	])('$file: $code at row $row', async ({ file, code, row, column, value }) => {
		const path = fixture('kpi', file);
		const f = await loadCsv(db, path);
		const dateFormat = f.sniff.columns.find((c) => c.name === 'time')!.date!.format;
		let err: unknown;
		try {
			await buildTouchpoints(db, { file: path, target: 'tp_bad', mapping: { customer: 'customer', date: 'time', dateFormat, touchpoint: 'touchpoint', score: 'score' } });
		} catch (e) {
			err = e;
		}
		expect(isClienteleError(err) && err.code).toBe(code);
		expect(isClienteleError(err) && err.params).toMatchObject({ file: path, row, column, value });
	});
});
