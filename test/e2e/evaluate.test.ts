import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { openPage, ROOT, SHOTS, useSite } from './harness.ts';
import { cli, TX } from './sample-data.ts';

const site = useSite();

/** A downloaded CSV as rows (BOM stripped). */
function parse(text: string): { fields: string[]; rows: Record<string, string>[] } {
	expect(text.charCodeAt(0)).toBe(0xfeff);
	const p = Papa.parse<Record<string, string>>(text.slice(1).trim(), { header: true, skipEmptyLines: true });
	return { fields: p.meta.fields ?? [], rows: p.data };
}

describe('plan evaluation in Chromium', () => {
	it('a trainer evaluates a plan that started 2025-07-01 on the sample: the page equals `clientele evaluate` (zh, then en)', async () => {
		// The action list a trainer builds for a plan starting 2025-07-01, groups as of the day before.
		const list = cli(['plan', ...TX, '--basis', 'segment', '--as-of', '2025-06-30', '--start', '2025-07-01', '--lang', 'zh']);
		const { page, errors, context } = await openPage(site.browser, site.url, { lang: 'zh-CN', width: 1440, height: 900 });
		await page.getByTestId('load-sample').click();
		await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
		await page.getByTestId('as-of').fill('2025-06-30');
		await page.getByTestId('as-of').dispatchEvent('change');
		await page.locator('[data-testid="rfm-view"][data-status="ready"]').waitFor({ timeout: 60_000 });
		await page.getByTestId('tab-plan').click();
		await page.getByTestId('plan-editor').waitFor({ timeout: 60_000 });
		await page.getByTestId('plan-start').fill('2025-07-01');

		// The page's action list is the CLI's (once the plan has re-run on the new settings).
		const actions = path.join(SHOTS, 'evaluate-actions.csv');
		fs.mkdirSync(SHOTS, { recursive: true });
		const wantList = await list;
		await expect
			.poll(
				async () => {
					const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export').click()]);
					fs.copyFileSync(await d.path(), actions);
					return parse(fs.readFileSync(actions, 'utf8')).rows;
				},
				{ timeout: 60_000 }
			)
			.toEqual(wantList.rows);
		// The sample surveys load with the sample: NPS and CSAT per group too.
		const SURVEYS = ['--surveys', path.join(ROOT, 'public/sample/surveys.csv'), '--surveys-id', '客户编号', '--surveys-date', '日期', '--recommend', 'NPS', '--csat', 'CSAT'];
		const expected = cli(['evaluate', ...TX, '--actions', actions, ...SURVEYS]);
		// Migration between segments: the same list, the segments recomputed at S + L − 1 by the CLI.
		const migrationFile = path.join(SHOTS, 'evaluate-migration-cli.csv');
		const migrated = cli(['evaluate', ...TX, '--actions', actions, '--migration', migrationFile, '--basis', 'segment']);

		// The current action list; the start defaults to the plan's.
		expect(await page.getByTestId('evaluate-start').inputValue()).toBe('2025-07-01');
		// The sample's surveys load after its first RFM run: evaluate again until their table shows.
		await expect
			.poll(
				async () => {
					await page.getByTestId('evaluate-run').click();
					await page.getByTestId('evaluate-headline').waitFor({ timeout: 60_000 });
					return page.getByTestId('evaluate-surveys').count();
				},
				{ timeout: 90_000, interval: 2000 }
			)
			.toBe(1);
		expect(await page.getByTestId('evaluate-as-of-note').count()).toBe(0);
		expect(await page.getByTestId('evaluate-regression').textContent()).toContain('均值回归');
		const exportRows = async () => {
			const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evaluate-export').click()]);
			return parse(fs.readFileSync(await d.path(), 'utf8'));
		};
		const want = await expected;
		expect(want.rows.length).toBeGreaterThan(3);
		const fromPlan = await exportRows();
		expect(fromPlan.fields).toEqual(want.fields);
		expect(fromPlan.rows).toEqual(want.rows);
		expect(await page.getByTestId('evaluate-group').count()).toBe(want.rows.length);
		expect(want.rows.some((r) => r.nps_after !== '')).toBe(true);
		// The migration matrix: the page's export is the CLI's --migration file; up/same/down per side.
		await migrated;
		const wantMigration = Papa.parse<Record<string, string>>(fs.readFileSync(migrationFile, 'utf8').trim(), { header: true, skipEmptyLines: true }).data;
		expect(wantMigration.length).toBeGreaterThan(5);
		const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evaluate-migration-export').click()]);
		expect(parse(fs.readFileSync(await md.path(), 'utf8')).rows).toEqual(wantMigration);
		const changed = wantMigration.filter((r) => r.group_from !== r.group_to && r.contacted !== '0').reduce((a, r) => a + Number(r.contacted), 0);
		expect(await page.getByTestId('evaluate-moves-contacted').textContent()).toContain(`变化 ${changed.toLocaleString('zh-CN')}`);
		expect(await page.getByTestId('evaluate-migration-chart').count()).toBe(1);
		await page.getByTestId('evaluate').screenshot({ path: path.join(SHOTS, 'evaluate-zh-CN.png') });

		// The same list uploaded as an earlier action list: the same evaluation.
		await page.getByTestId('evaluate-file').setInputFiles(actions);
		await expect.poll(async () => page.getByTestId('evaluate-source-file').isChecked(), { timeout: 30_000 }).toBe(true);
		await page.getByTestId('evaluate-run').click();
		await expect.poll(async () => (await exportRows()).rows, { timeout: 30_000 }).toEqual(want.rows);

		// English: the groups of the current list are renamed; the evaluation follows on a new run.
		await page.getByTestId('lang').selectOption('en');
		await page.getByTestId('evaluate-source-plan').check();
		expect(await page.getByTestId('evaluate-stale').count()).toBe(1);
		await page.getByTestId('evaluate-run').click();
		await expect.poll(async () => page.locator('[data-testid="evaluate-group"][data-group="Champions"]').count(), { timeout: 30_000 }).toBe(1);
		expect(await page.getByTestId('evaluate-regression').textContent()).toContain('regression to the mean');
		expect(await page.getByTestId('evaluate-stale').count()).toBe(0);
		expect(await page.getByTestId('evaluate-moves-control').textContent()).toContain('Control:');
		await page.getByTestId('evaluate').screenshot({ path: path.join(SHOTS, 'evaluate-en.png') });

		// Stages: the plan re-runs on the lifecycle basis; its migration moves up and down (engagement order)
		// and equals `evaluate --migration --basis stage` on the exported list.
		await page.getByTestId('plan-basis').selectOption('stage');
		const stageList = path.join(SHOTS, 'evaluate-stage-actions.csv');
		await expect
			.poll(
				async () => {
					const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export').click()]);
					fs.copyFileSync(await d.path(), stageList);
					return parse(fs.readFileSync(stageList, 'utf8')).rows.some((r) => r.group === 'Active');
				},
				{ timeout: 60_000 }
			)
			.toBe(true);
		const stageFile = path.join(SHOTS, 'evaluate-stage-migration-cli.csv');
		const stageCli = cli(['evaluate', ...TX, '--actions', stageList, '--migration', stageFile, '--basis', 'stage']);
		await page.getByTestId('evaluate-run').click();
		await expect.poll(async () => page.getByTestId('evaluate-moves-contacted').textContent(), { timeout: 60_000 }).toContain(' up (');
		await stageCli;
		const [sd] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evaluate-migration-export').click()]);
		expect(parse(fs.readFileSync(await sd.path(), 'utf8')).rows).toEqual(Papa.parse(fs.readFileSync(stageFile, 'utf8').trim(), { header: true, skipEmptyLines: true }).data);
		await page.getByTestId('evaluate').screenshot({ path: path.join(SHOTS, 'evaluate-stage-en.png') });

		// Tiers (zh): the grading tab's standard (the VIP preset) re-applied at S + L − 1 equals
		// `evaluate --migration --basis tier --standard vip` on the exported list.
		await page.getByTestId('lang').selectOption('zh-CN');
		await page.getByTestId('tab-grade').click();
		await page.getByTestId('grade-tier-table').waitFor({ timeout: 60_000 });
		await page.getByTestId('tab-plan').click();
		await page.getByTestId('plan-basis').selectOption('tier');
		const tierList = path.join(SHOTS, 'evaluate-tier-actions.csv');
		await expect
			.poll(
				async () => {
					const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId('plan-export').click()]);
					fs.copyFileSync(await d.path(), tierList);
					return parse(fs.readFileSync(tierList, 'utf8')).rows.some((r) => r.group === 'VIP');
				},
				{ timeout: 60_000 }
			)
			.toBe(true);
		const tierFile = path.join(SHOTS, 'evaluate-tier-migration-cli.csv');
		const tierCli = cli(['evaluate', ...TX, '--actions', tierList, '--migration', tierFile, '--basis', 'tier', '--standard', 'vip', '--lang', 'zh']);
		await page.getByTestId('evaluate-run').click();
		await tierCli;
		const wantTiers = Papa.parse<Record<string, string>>(fs.readFileSync(tierFile, 'utf8').trim(), { header: true, skipEmptyLines: true }).data;
		expect(wantTiers.some((r) => r.group_from !== r.group_to)).toBe(true);
		await expect
			.poll(
				async () => {
					const [td] = await Promise.all([page.waitForEvent('download'), page.getByTestId('evaluate-migration-export').click()]);
					return parse(fs.readFileSync(await td.path(), 'utf8')).rows;
				},
				{ timeout: 60_000 }
			)
			.toEqual(wantTiers);
		expect(await page.getByTestId('evaluate-moves-contacted').textContent()).toMatch(/上升 \d+/);
		await page.getByTestId('evaluate').screenshot({ path: path.join(SHOTS, 'evaluate-tier-zh-CN.png') });
		expect(errors).toEqual([]);
		await context.close();
	});
});
