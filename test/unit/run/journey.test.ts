import { beforeAll, describe, expect, it } from 'vitest';
import { touchpointVolumeSql, type TouchpointMapping } from '../../../src/core/sql/journey.ts';
import { topPathsSql } from '../../../src/core/sql/journey-paths.ts';
import { sql } from '../../../src/core/sql/sql.ts';
import * as journey from '../../../src/run/journey.ts';
import { TOUCHPOINT_TABLE, TP_NO_CHANNEL, TP_SELECTED } from '../../../src/run/tables.ts';
import { fixture, useDb } from '../../helpers/db.ts';
import { loadCsv } from '../../helpers/load-csv.ts';

/*
 * The journey runner in Node on touchpoints.csv (see journey-sql.test.ts): c1, c2, c4 start on
 * 社交媒体 and end in 门店; c3 calls the service line; c5 only gets an email.
 */
const db = useDb();

async function mapping(file: string): Promise<TouchpointMapping> {
	const f = await loadCsv(db, file);
	const dateFormat = f.sniff.columns.find((c) => c.name === 'time')!.date!.format;
	return { customer: 'customer', date: 'time', dateFormat, touchpoint: 'touchpoint', stage: 'stage', score: 'score', outcome: 'outcome', segment: 'segment' };
}

beforeAll(async () => {
	const file = fixture('kpi', 'touchpoints.csv');
	const load = await journey.buildTouchpoints(db, { file, mapping: await mapping(file) });
	expect(load).toEqual({ rows: 14, warnings: [] });
});

describe('reports', () => {
	it('one statement each, the builders of core/sql/journey*.ts over the typed table', async () => {
		expect(journey.journeyReportSql({ report: 'touchpoints' }).text).toBe(touchpointVolumeSql({ table: TOUCHPOINT_TABLE }).text);
		expect(journey.journeyReportSql({ report: 'paths' }, 'x').text).toBe(topPathsSql({ table: 'x', steps: 3, top: 10 }).text);
		const step = journey.reportStep({ report: 'paths', steps: 3, top: 2 });
		expect(await step.run(db)).toEqual(await journey.journeyReport(db, { report: 'paths', steps: 3, top: 2 }));
		expect((await step.run(db)).map((r) => r.path)).toEqual(['社交媒体 → 官网 → 门店', '官网 → 官网 → 客服电话', 'other']);
	});

	it('the stage funnel: stages in their order; none with fewer than two', async () => {
		const stages = await journey.journeyReport(db, { report: 'stages' });
		const r = journey.stageDropsReport(stages);
		expect(r).toEqual({ report: 'funnel', steps: ['接触前', '接触中', '接触后'].map((value) => ({ field: 'stage', value })) });
		expect((await journey.journeyReport(db, r!)).map((x) => x.step_name)).toEqual(['接触前', '接触中', '接触后']);
		expect(journey.stageDropsReport(stages.slice(0, 1))).toBeNull();
	});
});

describe('the view’s steps: one group of customers, the channel table, value lists', () => {
	it('narrows to whole customers of a group and reports over them', async () => {
		await db.exec(sql`CREATE OR REPLACE TABLE seg AS SELECT * FROM (VALUES ('c1', 'x'), ('c3', 'x'), ('c2', 'y')) AS t(customer_id, segment)`);
		expect(await journey.selectCustomersStep({ table: 'seg', column: 'segment', value: 'x' }).run(db)).toBe(TP_SELECTED);
		const volume = await journey.journeyReport(db, { report: 'touchpoints' }, TP_SELECTED);
		expect(volume.reduce((a, r) => a + r.events, 0)).toBe(6);
		expect(await journey.valuesStep(TP_SELECTED, 'touchpoint').run(db)).toEqual(['官网', '客服电话', '社交媒体', '门店']);
	});

	it('without the channel column, the table decides; value lists for the funnel', async () => {
		expect(await journey.withoutChannelStep(TOUCHPOINT_TABLE).run(db)).toBe(TP_NO_CHANNEL);
		const channels = await journey.journeyReport(db, { report: 'channels', channels: { 官网: 'online' } }, TP_NO_CHANNEL);
		expect(channels.map((r) => [r.channel, r.events])).toEqual([
			['unknown', 9],
			['online', 5]
		]);
		const lists = await journey.valueListsStep(TOUCHPOINT_TABLE).run(db);
		expect(lists.touchpoint.slice(0, 2)).toEqual(['官网', '社交媒体']);
		expect(lists.stage).toEqual(expect.arrayContaining(['接触前', '接触中', '接触后']));
		expect(journey.valueListsStep(TOUCHPOINT_TABLE).sql).toHaveLength(3);
	});
});
