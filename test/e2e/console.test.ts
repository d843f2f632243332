import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { foreignRequests, openPage, SHOTS, useSite } from './harness.ts';
import { sampleFile } from './sample-data.ts';

/*
 * The SQL console on the sample, in both languages (one browser): a GROUP BY whose counts are worked
 * out here from the CSV, an error with its line and column, a refused reader, the history — and no
 * request leaving the page's origin while statements try to reach out.
 */

const site = useSite();
type Tx = Record<string, string>;

/** Orders lines per channel and distinct customers, counted from the file the page loads. */
function channelCounts(lang: string): Map<string, { n: number; customers: number }> {
	const rows = Papa.parse<Tx>(fs.readFileSync(sampleFile('transactions.csv', lang), 'utf8'), { header: true, skipEmptyLines: true }).data;
	const by = new Map<string, { n: number; ids: Set<string> }>();
	for (const r of rows) {
		const c = r['渠道']!;
		const e = by.get(c) ?? { n: 0, ids: new Set<string>() };
		e.n++;
		// count(DISTINCT …) leaves out a missing id (the text table reads an empty field as NULL)
		if (r['客户编号']) e.ids.add(r['客户编号']);
		by.set(c, e);
	}
	return new Map([...by].map(([k, v]) => [k, { n: v.n, customers: v.ids.size }]));
}

async function run(page: Page, text: string): Promise<void> {
	await page.getByTestId('console-editor').fill(text);
	await page.getByTestId('console-editor').press('Control+Enter');
	await expect.poll(() => page.getByTestId('console-run').isEnabled(), { timeout: 30_000 }).toBe(true);
}

const num = (s: string) => Number(s.replace(/[^\d.-]/g, ''));

async function loadSample(page: Page): Promise<void> {
	await page.getByTestId('load-sample').click();
	await expect.poll(() => page.getByTestId('tab-data').isEnabled(), { timeout: 120_000 }).toBe(true);
	// The data tab reads the file's text table (raw), which the console then lists.
	await page.getByTestId('tab-data').click();
	await page.locator('[data-testid="raw-grid"] [role="gridcell"]').first().waitFor({ timeout: 60_000 });
	await page.getByTestId('tab-console').click();
	await page.locator('[data-testid="console-table"]', { hasText: /^raw$/ }).waitFor({ timeout: 30_000 });
}

describe.each([
	['zh-CN', '第 2 行第 3 列', '已拒绝：read_csv()'],
	['en', 'Line 2, column 3', 'Refused: read_csv()']
])('SQL console (%s)', (lang, position, refusedReader) => {
	it('GROUP BY counts, an error with its position, a refused reader, history, and no request off the origin', async () => {
		const { page, errors, requests } = await openPage(site.browser, site.url, { lang, width: 1440, height: 900 });
		const origin = new URL(site.url).origin;
		try {
			await loadSample(page);
			// A click on a table name puts it in the editor.
			await page.getByTestId('console-editor').fill('SELECT count(*) FROM ');
			await page.locator('[data-testid="console-table"]', { hasText: /^raw$/ }).click();
			expect(await page.getByTestId('console-editor').inputValue()).toBe('SELECT count(*) FROM raw');

			// A GROUP BY on the sample, checked against counts made here from the CSV.
			const expected = channelCounts(lang);
			await run(page, 'SELECT "渠道" AS channel, count(*) AS n, count(DISTINCT "客户编号") AS customers\nFROM raw\nGROUP BY ALL\nORDER BY n DESC');
			const grid = page.getByTestId('console-grid');
			await grid.locator('[role="gridcell"]').first().waitFor({ timeout: 30_000 });
			expect(Number(await page.getByTestId('console-grid-count').getAttribute('data-shown'))).toBe(expected.size);
			const first = await grid.locator('[role="row"][aria-rowindex="2"] [role="gridcell"]').allInnerTexts();
			const top = [...expected].sort((a, b) => b[1].n - a[1].n)[0]!;
			expect(first.map((s) => s.trim())).toEqual([top[0], expect.anything(), expect.anything()]);
			expect([num(first[1]!), num(first[2]!)]).toEqual([top[1].n, top[1].customers]);
			await page.screenshot({ path: path.join(SHOTS, `console-${lang}.png`) });

			// An unknown column: one translated line with its line and column, and a caret under it.
			await run(page, 'SELECT "渠道",\n  nosuch_col\nFROM raw');
			const err = page.getByTestId('console-error');
			expect(await err.getAttribute('data-code')).toBe('console.err.noColumn');
			expect([await err.getAttribute('data-line'), await err.getAttribute('data-column')]).toEqual(['2', '3']);
			expect(await err.locator('p').innerText()).toContain(position);
			expect(await page.getByTestId('console-caret').innerText()).toBe('  nosuch_col\n  ^');

			// Statements that try to reach out: each refused with its own message, before anything runs.
			const reachOut: [string, string][] = [
				["SELECT * FROM read_csv('https://example.com/x.csv')", 'console.refused.reader'],
				// DuckDB's lexer counts bytes: Chinese text before a reader must not hide it
				["SELECT '渠道渠道渠道' AS \"城市\", * FROM read_csv('https://example.com/cn.csv')", 'console.refused.reader'],
				["SELECT * FROM 'http://example.com/y.csv'", 'console.refused.fileTable'],
				['SELECT * FROM raw JOIN "https://example.com/z.parquet" USING ("客户编号")', 'console.refused.fileTable'],
				["WITH c AS (FROM read_json_auto('https://example.com/a.json')) SELECT * FROM c", 'console.refused.reader'],
				['INSTALL httpfs', 'console.refused.extension'],
				['LOAD httpfs', 'console.refused.extension'],
				["ATTACH 'https://example.com/db.duckdb' AS x", 'console.refused.attach'],
				["COPY raw TO 'https://example.com/out.csv'", 'console.refused.copy'],
				['SET enable_external_access = true', 'console.refused.setting']
			];
			for (const [q, code] of reachOut) {
				await run(page, q);
				expect(await err.getAttribute('data-code'), q).toBe(code);
			}
			expect(await err.locator('p').innerText()).not.toMatch(/Error:/);
			await run(page, "SELECT * FROM read_csv('https://example.com/x.csv')");
			expect(await err.locator('p').innerText()).toContain(refusedReader);
			// With writes on, a scratch table may not be filled from an address either.
			await page.getByTestId('console-scratch').check();
			await run(page, "CREATE TABLE scratch.t AS SELECT * FROM 'https://example.com/w.csv'");
			expect(await err.getAttribute('data-code')).toBe('console.refused.fileTable');
			await run(page, 'CREATE TABLE scratch.channels AS SELECT DISTINCT "渠道" AS channel FROM raw');
			await page.getByTestId('console-done').waitFor();
			await page.locator('[data-testid="console-table"]', { hasText: 'scratch.channels' }).waitFor();

			// History: newest first, a click puts a statement back in the editor.
			const items = page.getByTestId('console-history-item');
			expect(await items.first().innerText()).toContain('CREATE TABLE scratch.channels');
			// the GROUP BY, the error, the reach-outs (the read_csv run twice is kept once), the two scratch statements
			expect(await items.count()).toBe(reachOut.length + 4);
			await items.nth(1).click();
			expect(await page.getByTestId('console-editor').inputValue()).toBe("CREATE TABLE scratch.t AS SELECT * FROM 'https://example.com/w.csv'");

			// Every request the page made (workers included) stayed on its origin.
			expect(requests.some((u) => u.startsWith(origin))).toBe(true);
			expect(foreignRequests(requests, origin)).toEqual([]);
			expect(errors).toEqual([]);
		} finally {
			await page.context().close();
		}
	});
});
