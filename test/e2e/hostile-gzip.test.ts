import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILES } from '../fixtures/hostile/make-corpus.ts';
import { openPage, SHOTS, useSite } from './harness.ts';
import { BASE, ENGINE, HEADER, message, ROWS, steps, totals } from './hostile-page.ts';

/**
 * Hostile inputs by size and compression (issue 11), in one page after a good file: a decompression
 * bomb, multi-member and zero-padded .gz files, a file over the page's memory ceiling. Each refusal
 * keeps the good file's analysis.
 */
const site = useSite();
let page: Page;
let close: () => Promise<void>;
const { analysed, refused } = steps(() => page);

beforeAll(async () => {
	const opened = await openPage(site.browser, site.url, { lang: 'en', height: 900 });
	page = opened.page;
	close = () => opened.context.close();
	expect(await analysed(BASE)).toBe(totals(2, '35.00'));
}, 90_000);
afterAll(async () => {
	await close?.();
});

describe('large and compressed inputs in the page (one browser, one page)', () => {
	it(
		'a decompression bomb is refused early with its own sentence (not after inflating gigabytes), the data kept',
		{ timeout: 60_000 },
		async () => {
			// 96 MiB of one line in a single gzip member (≈ 150 kB), then 20 MB more of the file: once 64 MiB
			// are inflated, the ratio so far projects the whole file far past 4 × the engine's limit.
			const member = zlib.gzipSync(Buffer.alloc(96 * 1024 * 1024, 'c,d,a\n'), { level: 9 });
			// Written to disk: the browser reads it from there (20 MB through the driver took over 30 s on a busy machine).
			fs.mkdirSync(SHOTS, { recursive: true });
			const file = path.join(SHOTS, 'bomb.csv.gz');
			fs.writeFileSync(file, Buffer.concat([member, Buffer.alloc(20_000_000)]));
			const t0 = Date.now();
			await page.getByTestId('tab-import').click();
			await page.getByTestId('file-input').setInputFiles(file);
			const panel = page.getByTestId('import-error');
			await expect.poll(() => panel.innerText(), { timeout: 60_000 }).toMatch(message('file.bomb'));
			expect(await panel.innerText()).not.toMatch(ENGINE);
			console.log(`bomb refused after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
			await page.getByTestId('tab-rfm').click();
			expect((await page.getByTestId('rfm-totals').innerText()).trim()).toBe(totals(2, '35.00'));
		}
	);

	it(
		'a multi-member .csv.gz (cat a.gz b.gz, as pigz, bgzip and rotated exports write) loads every member’s rows; GBK too',
		{ timeout: 60_000 },
		async () => {
			const more = ['C3,2024-01-20,12', 'C1,2024-01-25,8', 'C4,2024-01-26,0.5'];
			const members = [[HEADER, ...ROWS], more].map((lines) => zlib.gzipSync(lines.join('\n') + '\n'));
			// Expected totals computed here from the rows, independently of the page.
			const rows = [...ROWS, ...more].map((r) => r.split(','));
			const revenue = rows.reduce((n, r) => n + Number(r[2]), 0);
			const customers = new Set(rows.map((r) => r[0])).size;
			expect([customers, revenue]).toEqual([4, 55.5]);
			const two = { name: 'two members.csv.gz', mimeType: 'application/gzip', buffer: Buffer.concat([...members, Buffer.alloc(512)]) };
			expect(await analysed(two)).toBe(totals(customers, revenue.toFixed(2)));
			// GBK goes through the page's own transcoding (not DuckDB's gzip reader): split after the header line.
			const gbk = fs.readFileSync(path.join(FILES, 'gbk.csv'));
			const cut = gbk.indexOf(10) + 1;
			const lines = new TextDecoder('gbk').decode(gbk).trim().split('\n').slice(1).map((l) => l.split(','));
			const gbkRevenue = lines.reduce((n, r) => n + Number(r[2]), 0);
			const gbkTwo = { name: 'gbk two.csv.gz', mimeType: 'application/gzip', buffer: Buffer.concat([zlib.gzipSync(gbk.subarray(0, cut)), zlib.gzipSync(gbk.subarray(cut))]) };
			expect(await analysed(gbkTwo)).toBe(totals(new Set(lines.map((r) => r[0])).size, gbkRevenue.toFixed(2)));
			// A damaged second member is still refused, in one sentence.
			const damaged = Buffer.from(members[1]!);
			damaged[12] = damaged[12]! ^ 0xff;
			await refused({ name: 'damaged.csv.gz', mimeType: 'application/gzip', buffer: Buffer.concat([members[0]!, damaged]) }, 'file.badGzip');
		}
	);

	it(
		'a file over the page’s memory ceiling is asked about before the engine reads it; Stop keeps the data and shows the native command',
		{ timeout: 60_000 },
		async () => {
			// 2.1 GB on disk at no cost: real rows for the sample, then a sparse tail (never read: the user stops).
			fs.mkdirSync(SHOTS, { recursive: true });
			const file = path.join(SHOTS, 'huge orders.csv');
			fs.writeFileSync(file, [HEADER, ...Array.from({ length: 20_000 }, (_, i) => `C${i % 50},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i % 90}`)].join('\n') + '\n');
			fs.truncateSync(file, 2_100_000_000);
			try {
				await page.getByTestId('tab-import').click();
				await page.getByTestId('file-input').setInputFiles(file);
				const prompt = page.getByTestId('size-prompt');
				await prompt.waitFor({ timeout: 30_000 });
				expect(await prompt.innerText()).toMatch(/huge orders\.csv is 2\.1 GB/);
				expect(await page.getByTestId('size-command').innerText()).toBe(
					"npm run --silent cli -- rfm --input 'huge orders.csv' --customer COLUMN --date COLUMN --amount COLUMN --engine native --out rfm.csv"
				);
				await page.getByTestId('size-stop').click();
				await prompt.waitFor({ state: 'detached' });
				await page.getByTestId('tab-rfm').click();
				expect((await page.getByTestId('rfm-totals').innerText()).trim()).toBe(totals(2, '35.00'));
			} finally {
				fs.rmSync(file, { force: true });
			}
		}
	);

});
