import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { decodeLink } from '../../src/core/project/link.ts';
import { readZip } from '../../src/core/project/zip.ts';
import { openPage, SAMPLE, SHOTS, useSite } from './harness.ts';

const site = useSite();
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'clientele-project-'));

/** What the RFM view shows: the segment table's text, the totals and the method line. */
async function summary(page: Page): Promise<string> {
	await page.getByTestId('tab-rfm').click();
	const table = (await page.getByTestId('segment-summary').textContent()) ?? '';
	const t = page.getByTestId('rfm-totals');
	const methods = (await page.getByTestId('method-summary').textContent()) ?? '';
	return `${table}|${methods}|${await t.getAttribute('data-customers')}|${await t.getAttribute('data-revenue')}|${await page.getByTestId('window-start').inputValue()}|${await page.getByTestId('window-as-of').inputValue()}`;
}

/** The project or link was applied (the dialog says so): close it, then compare what the views show. */
async function settled(page: Page, want: string): Promise<void> {
	await expect.poll(() => page.getByTestId('project-notes').textContent(), { timeout: 300_000, interval: 1000 }).toMatch(/opened|applied/);
	await page.getByTestId('project-close').click();
	await expect.poll(() => summary(page).catch(() => ''), { timeout: 300_000, interval: 1000 }).toBe(want);
}

async function saveProject(page: Page, name: string, withData: boolean, passphrase?: string): Promise<string> {
	await page.getByTestId('project-save').click();
	if (withData) {
		await page.getByTestId('project-include-data').check();
		await expect.poll(() => page.getByTestId('project-size').textContent(), { timeout: 30_000 }).toMatch(/KB|MB/);
	}
	if (passphrase) {
		await page.getByTestId('project-encrypt').check();
		await page.getByTestId('project-passphrase').fill(passphrase);
	}
	const download = page.waitForEvent('download');
	await page.getByTestId('project-save-file').click();
	const file = path.join(TMP, name);
	await (await download).saveAs(file);
	await page.getByTestId('project-close').click();
	return file;
}

describe('project files and settings links', () => {
	it('save → reload → open gives the same summaries, with and without the data; a link restores the settings', async () => {
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'en', height: 1200 });
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		try {
			await page.getByTestId('load-sample').click();
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
			const initial = await summary(page);
			// Settings away from the defaults: the Chinese 8 classes and a window starting in 2025.
			await page.locator('[data-testid="rfm-settings"] > summary').click();
			await page.getByTestId('preset').selectOption('cn8');
			await page.getByTestId('window-start').fill('2025-01-01');
			await page.getByTestId('window-start').dispatchEvent('change');
			// The window re-ran RFM: fewer customers than the whole data's, in the eight classes.
			const customers = async () => Number(await page.getByTestId('rfm-totals').getAttribute('data-customers'));
			const all = await customers();
			await expect.poll(customers, { timeout: 120_000 }).toBeLessThan(all);
			await expect.poll(() => summary(page), { timeout: 120_000 }).toContain('Important value');
			const changed = await summary(page);
			expect(changed).not.toBe(initial);

			// The sample's touchpoints and surveys load after its transactions: saved once they are in.
			await page.getByTestId('tab-datasets').click();
			await page.getByTestId('dataset-touchpoints-ready').waitFor({ timeout: 120_000 });
			await page.getByTestId('dataset-surveys-ready').waitFor({ timeout: 120_000 });
			await page.getByTestId('tab-rfm').click();
			const bare = await saveProject(page, 'bare.clientele', false);
			const full = await saveProject(page, 'full.clientele', true);
			const sealed = await saveProject(page, 'sealed.clientele', true, 'Kunming-2026');
			// The encrypted data is not readable in the file: no customer id of the sample appears.
			expect(fs.readFileSync(sealed).includes('C001343')).toBe(false);
			expect(fs.statSync(full).size).toBeGreaterThan(fs.statSync(bare).size + 10_000);
			// The sample's touchpoints and surveys travel with its transactions.
			expect([...((await readZip(fs.readFileSync(full)))?.keys() ?? [])]).toEqual(['project.json', 'data/1-transactions', 'data/2-touchpoints', 'data/3-surveys']);

			// Without data: the project asks for the file, then restores every setting on it.
			await page.reload();
			await page.getByTestId('project-open').setInputFiles(bare);
			await page.getByTestId('project-data-file').setInputFiles(SAMPLE);
			await settled(page, changed);
			await page.screenshot({ path: path.join(SHOTS, 'project-restored-en.png') });

			// With data: nothing else to choose.
			await page.reload();
			await page.getByTestId('project-open').setInputFiles(full);
			await settled(page, changed);

			// Encrypted: a wrong passphrase says so and opens nothing; the right one restores everything.
			await page.reload();
			await page.getByTestId('project-open').setInputFiles(sealed);
			await page.getByTestId('project-unlock-passphrase').fill('kunming-2026');
			await page.getByTestId('project-unlock').click();
			await expect.poll(() => page.getByTestId('project-error').textContent(), { timeout: 60_000 }).toContain('Wrong passphrase');
			await page.getByTestId('project-unlock-passphrase').fill('Kunming-2026');
			await page.getByTestId('project-unlock').click();
			await settled(page, changed);

			// The link: settings only; opened in a fresh page, it asks for the file and restores them.
			await page.getByTestId('project-link').click();
			await expect.poll(() => page.getByTestId('project-notes').textContent()).toContain('Link copied');
			await page.getByTestId('project-close').click();
			const link = await page.evaluate(() => navigator.clipboard.readText());
			expect(link).toMatch(/#p=[\w-]+$/);
			const settings = await decodeLink(new URL(link).hash);
			expect(settings?.rfm?.presetId).toBe('cn8');
			expect(settings?.window).toEqual({ start: '2025-01-01', asOf: 'default' });
			const second = await context.newPage();
			await second.goto(link);
			await second.getByTestId('project-data-file').setInputFiles(SAMPLE);
			await settled(second, changed);
			await second.close();
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	}, 900_000);

	it('a link made on a file whose every cell is a unique marker carries none of them', async () => {
		// 40 rows, one customer each: every text, date and amount cell is its own value.
		const rows = Array.from({ length: 40 }, (_, i) => {
			const day = new Date(Date.UTC(2024, 0, 1 + i * 7)).toISOString().slice(0, 10);
			return [`QZC${String(i).padStart(3, '0')}X`, day, (100 + i * 3 + 0.37).toFixed(2), `QZS${i}X`, `QZP${i}X`];
		});
		const file = path.join(TMP, 'markers.csv');
		fs.writeFileSync(file, ['customer_id,order_date,amount,product,channel', ...rows.map((r) => r.join(','))].join('\n') + '\n');
		const { page, context, errors } = await openPage(site.browser, site.url, { lang: 'zh-CN', height: 1200 });
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		try {
			await page.getByTestId('file-input').setInputFiles(file);
			await page.getByTestId('segment-summary').waitFor({ timeout: 120_000 });
			await page.locator('[data-testid="rfm-settings"] > summary').click();
			await page.getByTestId('preset').selectOption('cn8');
			await page.getByTestId('frequency').selectOption('rows');
			await page.getByTestId('project-link').click();
			await expect.poll(() => page.getByTestId('project-notes').textContent()).toContain('链接已复制');
			const link = await page.evaluate(() => navigator.clipboard.readText());
			const decoded = JSON.stringify(await decodeLink(new URL(link).hash));
			expect(decoded).toContain('"presetId":"cn8"');
			// Column names may go in; no cell value does.
			expect(decoded).toContain('customer_id');
			const found = rows.flat().filter((cell) => decoded.includes(cell));
			expect(found).toEqual([]);
			await page.screenshot({ path: path.join(SHOTS, 'project-link-zh-CN.png') });
			expect(errors).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
