import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNEY_HELP, JOURNEY_REPORTS, journeyCommand } from '../../../src/cli/journey.ts';
import { isClienteleError } from '../../../src/core/errors.ts';
import { translate } from '../../../src/i18n/translate.ts';
import { fixture, useTmpDir } from '../../helpers/db.ts';

const tmp = useTmpDir('clientele-journey-');

const TP = fixture('kpi', 'touchpoints.csv');
const BASE = ['--input', TP, '--customer', 'customer', '--date', 'time', '--touchpoint', 'touchpoint'];

async function run(args: string[]): Promise<string[]> {
	const out = path.join(tmp(), `out-${Math.random().toString(36).slice(2)}.csv`);
	expect(await journeyCommand([...args, '--out', out])).toBeNull();
	return fs.readFileSync(out, 'utf8').trimEnd().split('\r\n');
}

async function failure(args: string[]): Promise<{ code: string; message: string }> {
	try {
		await journeyCommand(args);
	} catch (e) {
		if (isClienteleError(e)) return { code: e.code, message: translate('en', e.code, e.params) };
		throw e;
	}
	throw new Error('expected a ClienteleError');
}

describe('journey (hand-checked fixture, see test/unit/core/sql/journey.test.ts)', () => {
	it('default report: volume and score by stage × touchpoint', async () => {
		expect(await run([...BASE, '--stage', 'stage', '--score', 'score'])).toEqual([
			'stage,touchpoint,events,customers,scored,mean_score,sd_score',
			'接触中,门店,3,3,3,4.6667,0.5774',
			'接触中,App,1,1,1,4,',
			'接触前,官网,5,4,4,2.5,1.291',
			'接触前,社交媒体,3,3,3,3.6667,1.5275',
			'接触前,邮件,1,1,1,3,',
			'接触后,客服电话,1,1,1,1,'
		]);
	});
	it('paths: top 2, rest "other"', async () => {
		expect(await run([...BASE, '--report', 'paths', '--top', '2'])).toEqual([
			'rank,path,steps,customers,share',
			'1,社交媒体 → 官网 → 门店,3,2,0.4',
			'2,官网 → 官网 → 客服电话,3,1,0.2',
			',other,,2,0.4'
		]);
	});
	it('times: median, P75, P90 in hours', async () => {
		expect((await run([...BASE, '--report', 'times'])).slice(0, 3)).toEqual([
			'label,transitions,mean_hours,median_hours,p75_hours,p90_hours',
			'all,9,55.2778,2,24,148.8',
			'1→2,4,1.125,1,1.25,1.7'
		]);
	});
	it('funnel with a 2-day window, by segment', async () => {
		expect(await run([...BASE, '--segment', 'segment', '--report', 'funnel', '--steps', '社交媒体, 官网, 门店', '--window-days', '2', '--by-segment'])).toEqual([
			'group,step,step_name,customers,conversion,step_conversion,drop_off',
			'new,1,社交媒体,2,1,,',
			'new,2,官网,2,1,1,0',
			'new,3,门店,1,0.5,0.5,1',
			'vip,1,社交媒体,1,1,,',
			'vip,2,官网,1,1,1,0',
			'vip,3,门店,1,1,1,0'
		]);
	});
	it('channels with an edited table', async () => {
		expect(await run([...BASE, '--report', 'channels', '--channel-map', '邮件=offline'])).toEqual([
			'channel,events,customers,scored,mean_score,event_share',
			'online,9,4,0,,0.6429',
			'offline,5,5,0,,0.3571'
		]);
	});
	it.each(Object.keys(JOURNEY_REPORTS))('--help documents the %s report and its columns', (r) => {
		expect(JOURNEY_HELP).toContain(`  ${r}`);
	});
	it('--help', async () => {
		expect(await journeyCommand(['--help'])).toBe(JOURNEY_HELP);
	});
});

describe('journey errors', () => {
	it('an unreadable time: file, row and column', async () => {
		const f = await failure(['--input', fixture('kpi', 'touchpoints_bad_date.csv'), '--customer', 'customer', '--date', 'time', '--touchpoint', 'touchpoint']);
		expect(f.code).toBe('journey.badDate');
		expect(f.message).toMatch(/touchpoints_bad_date\.csv, row 4, column time: 'yesterday' is not a date/);
	});
	it('an unreadable score', async () => {
		const f = await failure(['--input', fixture('kpi', 'touchpoints_bad_score.csv'), '--customer', 'customer', '--date', 'time', '--touchpoint', 'touchpoint', '--score', 'score']);
		expect(f.message).toMatch(/row 2, column score: 'good' is not a number/);
	});
	it.each([
		[['--report', 'funnel'], 'journey.noSteps'],
		[['--report', 'funnel', '--steps', 'App', '--window-days', 'soon'], 'journey.badNumber'],
		[['--report', 'funnel', '--steps', 'App', '--by-segment'], 'cli.missingOption'],
		[['--report', 'sankey'], 'cli.badChoice'],
		[['--report', 'channels', '--channel-map', 'App=web'], 'journey.badChannelMap'],
		[['--report', 'paths', '--top', '0'], 'kpi.badWhole']
	])('%j → %s', async (args, code) => {
		expect((await failure([...BASE, ...args])).code).toBe(code);
	});
});

describe('journey reads Unix-time dates like transactions (--tz)', () => {
	it.each(['touchpoints', 'times', 'paths', 'funnel'])('--report %s: the same rows from Unix seconds (read in Asia/Shanghai) as from the text times', async (report) => {
		// The fixture's wall times, taken as Shanghai time (UTC+8, no daylight saving), as Unix seconds.
		const text = fs.readFileSync(TP, 'utf8');
		const unix = text.replace(/(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/g, (_, y, mo, d, h, mi) => String(Date.UTC(+y, +mo - 1, +d, +h - 8, +mi) / 1000));
		expect(unix).not.toBe(text);
		const file = path.join(tmp(), 'touchpoints-unix.csv');
		fs.writeFileSync(file, unix);
		const extra = report === 'funnel' ? ['--steps', '社交媒体,门店'] : [];
		const fromText = await run([...BASE, '--report', report, ...extra]);
		const fromUnix = await run(['--input', file, ...BASE.slice(2), '--report', report, ...extra, '--tz', 'Asia/Shanghai']);
		expect(fromUnix).toEqual(fromText);
		expect(fromText.length).toBeGreaterThan(1);
	});
});
