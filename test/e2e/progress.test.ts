import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureRetailCsv } from '../../scripts/bench/generate.ts';
import { openPage, SHOTS, useSite } from './harness.ts';

const site = useSite();

/**
 * A generated Online-Retail-shaped file large enough (1M rows, 83 MB) for DuckDB to report its
 * progress while reading it: the page shows the share read and the rows it stands for, then the
 * segments. The engine is started when the page opens, before any file is chosen.
 */
describe('load progress', () => {
	it('shows the engine status, then the share of the file read with rows and rows/s, then the segments; the data grid shows its own read', async () => {
		const file = await ensureRetailCsv(path.join(os.tmpdir(), 'clientele-e2e-progress'), 1_000_000);
		for (const lang of ['en', 'zh-CN'] as const) {
			const { page, errors, context } = await openPage(site.browser, site.url, { lang });
			const status = page.getByTestId('engine-status');
			await page.locator('[data-testid="engine-status"][data-state="ready"]').waitFor({ timeout: 60_000 });
			expect(await status.textContent()).toContain(lang === 'en' ? 'engine ready' : '引擎已就绪');

			await page.getByTestId('file-input').setInputFiles(file.path);
			const seen: string[] = [];
			const progress = page.getByTestId('read-progress');
			for (let i = 0; i < 600 && (await page.getByTestId('mapping-ok').count()) === 0; i++) {
				const t = await progress.textContent({ timeout: 50 }).catch(() => null);
				if (t) {
					seen.push(t.replace(/\s+/g, ' ').trim());
					if (seen.length === 2) await page.screenshot({ path: path.join(SHOTS, `load-progress-${lang}.png`) });
				}
				await page.waitForTimeout(50);
			}
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
			expect(seen.length).toBeGreaterThan(0);
			const pattern = lang === 'en' ? /(\d+) % read · ≈ ([\d,]+) rows, ≈ ([\d,]+) rows\/s/ : /已读取 (\d+)% · 约 ([\d,]+) 行，约 ([\d,]+) 行\/秒/;
			const parsed = seen.map((s) => s.match(pattern)).filter((m) => m !== null);
			expect(parsed.length).toBe(seen.length);
			const pct = parsed.map((m) => Number(m[1]));
			const rows = parsed.map((m) => Number(m[2]!.replaceAll(',', '')));
			// Shares grow, stay within 0–100 %, and the row estimate stays within the file's size.
			expect(pct.every((p, i) => p >= 0 && p <= 100 && (i === 0 || p >= pct[i - 1]!))).toBe(true);
			expect(Math.max(...rows)).toBeLessThanOrEqual(1_050_000);

			// The text table (every column) is read when the data grid is first opened, with its progress.
			await page.getByTestId('tab-data').click();
			const shares: number[] = [];
			const bar = page.locator('[data-testid="raw-preparing"] progress');
			for (let i = 0; i < 600 && (await page.getByTestId('raw-grid-count').count()) === 0; i++) {
				const v = await bar.getAttribute('value', { timeout: 50 }).catch(() => null);
				if (v !== null) {
					shares.push(Number(v));
					if (shares.length === 2) await page.screenshot({ path: path.join(SHOTS, `data-preparing-${lang}.png`) });
				}
				await page.waitForTimeout(50);
			}
			expect(shares.length).toBeGreaterThan(0);
			expect(shares.every((v, i) => v >= 0 && v <= 1 && (i === 0 || v >= shares[i - 1]!))).toBe(true);
			await expect.poll(() => page.getByTestId('raw-grid-count').textContent(), { timeout: 60_000 }).toContain((1_000_000).toLocaleString(lang));
			expect(errors).toEqual([]);
			await context.close();
		}
	});
});
