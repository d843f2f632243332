/**
 * A project file saved before value filters kept ids (core/grid/value-ids.ts): its RFM list filter names
 * the segment as shown then, in Chinese (冠军客户). Opened in English, the filter is mapped to the id — the
 * chip says "Champions", the rows are the CLI's champions — and a name that is no segment's label in
 * either language is dropped with a note above the chips. The older file is made here from a file the
 * page saves, its filter values put back as names.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PROJECT_ENTRY, readProjectJson } from '../../src/core/project/format.ts';
import { writeProjectFile } from '../../src/core/project/project-file.ts';
import { readZip } from '../../src/core/project/zip.ts';
import type { GridFilter, GridView } from '../../src/core/sql/grid-filter.ts';
import { CATALOGUES } from '../../src/i18n/translate.ts';
import { openPage, SAMPLE, SHOTS, useSite } from './harness.ts';
import { cli, TX } from './sample-data.ts';

const site = useSite();
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'clientele-project-values-'));
const NOT_A_SEGMENT = '不存在的分群';

const shown = async (grid: Locator) => Number(await grid.getByTestId('customer-grid-count').getAttribute('data-shown'));

describe('an older project file whose value filter names a segment in Chinese', () => {
	it('opens in English with the filter on the segment’s id: the English chip, the champions’ rows, an unknown name dropped with a note', async () => {
		const champions = (await cli(['rfm', ...TX])).rows.filter((r) => r.segment === 'Champions');
		expect(champions.length).toBeGreaterThan(0);
		const { page, errors, context } = await openPage(site.browser, site.url, { lang: 'en', width: 1440, height: 1000 });
		try {
			await page.getByTestId('load-sample').click();
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
			const list = page.getByTestId('customer-grid');
			await list.locator('[role="gridcell"]').first().waitFor({ timeout: 60_000 });
			await list.locator('[data-testid="filter-btn"][data-column="segment"]').click();
			await list.getByTestId('filter-values').locator('label', { hasText: CATALOGUES.en['segment.champions'] }).first().locator('input').check();
			await list.getByTestId('filter-apply').click();
			await expect.poll(() => shown(list), { timeout: 30_000 }).toBe(champions.length);

			// Saved (without data), then made older: the segment filter by its Chinese name, and one name no segment has.
			await page.getByTestId('project-save').click();
			const download = page.waitForEvent('download');
			await page.getByTestId('project-save-file').click();
			const saved = path.join(TMP, 'new.clientele');
			await (await download).saveAs(saved);
			await page.getByTestId('project-close').click();
			const json = readProjectJson(new TextDecoder().decode((await readZip(fs.readFileSync(saved)))!.get(PROJECT_ENTRY)!), 'new.clientele');
			const views = json.settings.grids!.views as unknown as Record<string, GridView>;
			const byId = Object.entries(views).filter(([, v]) => v.filters.some((f) => f.kind === 'values' && f.column === 'segment'));
			expect(byId.length).toBe(1);
			const [key, view] = byId[0]!;
			const filter = view.filters.find((f) => f.column === 'segment') as Extract<GridFilter, { kind: 'values' }>;
			expect(filter.values).toEqual(['champions']);
			const older: GridFilter = { ...filter, values: [CATALOGUES['zh-CN']['segment.champions'], NOT_A_SEGMENT] };
			json.settings.grids!.views = { ...views, [key]: { ...view, filters: [older] } } as never;
			const file = path.join(TMP, 'older.clientele');
			fs.writeFileSync(file, await writeProjectFile(json));

			await page.reload();
			await page.getByTestId('project-open').setInputFiles(file);
			await page.getByTestId('project-data-file').setInputFiles(SAMPLE);
			await expect.poll(() => page.getByTestId('project-notes').textContent(), { timeout: 300_000, interval: 1000 }).toMatch(/opened|applied/);
			await page.getByTestId('project-close').click();
			await page.getByTestId('tab-rfm').click();
			await list.locator('[role="gridcell"]').first().waitFor({ timeout: 120_000 });
			const chip = list.getByTestId('grid-chip').first();
			await expect.poll(() => chip.innerText(), { timeout: 30_000 }).toContain(CATALOGUES.en['segment.champions']);
			expect(await chip.innerText()).not.toContain(CATALOGUES['zh-CN']['segment.champions']);
			await expect.poll(() => shown(list), { timeout: 30_000 }).toBe(champions.length);
			// The unknown name is said, not silently kept (it would match no row) nor lost.
			await expect.poll(() => list.getByTestId('grid-dropped').innerText(), { timeout: 30_000 }).toContain(NOT_A_SEGMENT);
			expect(await chip.innerText()).not.toContain(NOT_A_SEGMENT);
			await list.screenshot({ path: path.join(SHOTS, 'project-older-segment-filter-en.png') });
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	}, 600_000);
});
