import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { FILES } from '../fixtures/hostile/make-corpus.ts';
import { outOfMemory } from './duckdb-worker.ts';
import { openPage, ROOT, SHOTS, useSite } from './harness.ts';
import { traceTasks } from './task-cpu.ts';

/**
 * The hostile corpus's page cases (issue 11), in ONE page of one browser, in order: each bad file is
 * refused with its translated sentence while the data loaded before stays; the last case breaks
 * the engine and checks the page recovers. Files are written here (large ones generated).
 */
const site = useSite();
let page: Page;
let close: () => Promise<void>;
let pageErrors: string[];

beforeAll(async () => {
	const opened = await openPage(site.browser, site.url, { lang: 'en', height: 900 });
	page = opened.page;
	pageErrors = opened.errors;
	close = () => opened.context.close();
	// Any dialog (alert from an injected script) fails the XSS case.
	page.on('dialog', (d) => {
		void page.evaluate(() => ((window as unknown as { __xss: string }).__xss = 'dialog'));
		void d.dismiss();
	});
}, 60_000);
afterAll(async () => {
	await close?.();
});

type Upload = { name: string; mimeType: string; buffer: Buffer };
const csv = (name: string, text: string): Upload => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.from(text, 'utf8')
});
const corpus = (name: string): Upload => ({
	name,
	mimeType: 'application/octet-stream',
	buffer: fs.readFileSync(path.join(FILES, name))
});

/** The orders every good file holds: C1 10 + 20, C2 5 (2 customers, 35 in sales). */
const HEADER = 'Customer ID,Order Date,Amount';
const ROWS = ['C1,2024-01-01,10', 'C1,2024-01-11,20', 'C2,2024-01-06,5'];
const BASE = csv('base.csv', [HEADER, ...ROWS].join('\n') + '\n');
/** Revenue as the page shows money: two decimals (the tests' totals are whole numbers). */
const totals = (customers: number, revenue: string) =>
	en['rfm.customersTotal'].replace('{customers}', String(customers)).replace('{revenue}', revenue);

/** The English message of a key as a pattern: its placeholders match anything. */
function message(key: keyof typeof en): RegExp {
	const parts = en[key].split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(parts.join('[\\s\\S]*'));
}

const ENGINE =
	/duckdb|wasm|Binder|Parser Error|Invalid Input|CSV Parser|read_csv|0x1fffffe8|RangeError|TypeError/i;

async function upload(file: Upload): Promise<void> {
	await page.getByTestId('tab-import').click();
	await page.getByTestId('file-input').setInputFiles(file);
}

/** Loads a file that must be refused: its sentence is shown, no engine wording, the earlier data kept. */
async function refused(file: Upload, key: keyof typeof en): Promise<string> {
	await upload(file);
	const panel = page.getByTestId('import-error');
	await expect.poll(() => panel.innerText(), { timeout: 60_000 }).toMatch(message(key));
	const text = await panel.innerText();
	expect(text).not.toMatch(ENGINE);
	expect(text).toContain(file.name);
	return text;
}

async function analysed(file: Upload): Promise<string> {
	await upload(file);
	await page.getByTestId('segment-summary').waitFor({ timeout: 60_000 });
	return (await page.getByTestId('rfm-totals').innerText()).trim();
}

it('the built page carries no test hook', () => {
	const DIST = path.resolve(process.env.CLIENTELE_DIST ?? path.join(ROOT, 'dist'));
	const files = fs.readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(js|html|mjs)$/.test(f));
	expect(files.length).toBeGreaterThan(0);
	const hooks = files.filter((f) => /__clienteleBreakEngine|failNext/.test(fs.readFileSync(path.join(DIST, f), 'utf8')));
	expect(hooks).toEqual([]);
});

describe('hostile inputs in the page (one browser, one page)', () => {
	it(
		'a good file first, then empty, binary (PNG), header-only, and an unclosed quote are refused with one sentence each, the data kept',
		{ timeout: 120_000 },
		async () => {
			expect(await analysed(BASE)).toBe(totals(2, '35.00'));
			await refused(corpus('empty.csv'), 'import.empty');
			await refused(corpus('image.png'), 'file.image');
			await refused(corpus('header-only.csv'), 'import.noRows');
			await refused(corpus('unclosed-quote-first.csv'), 'engine.unclosedQuote');
			// Gzip bombs and multi-member .gz files have cases of their own below.
			// Nothing was lost: the good file's analysis is still there.
			await page.getByTestId('tab-rfm').click();
			expect((await page.getByTestId('rfm-totals').innerText()).trim()).toBe(totals(2, '35.00'));
		}
	);

	it(
		'XSS in a header and in cells: no script runs, the text is shown as text',
		{ timeout: 60_000 },
		async () => {
			const header = '<img src=x onerror="window.__xss=1">';
			const cell = '<script>window.__xss=2</script>';
			const file = csv(
				'xss.csv',
				`${HEADER},${header}\n${cell},2024-01-01,10,${cell}\nC2,2024-01-06,5,<b>bold</b>\n`
			);
			expect(await analysed(file)).toBe(totals(2, '15.00'));
			await page.getByTestId('tab-import').click();
			expect(await page.locator('.preview').innerText()).toContain(cell);
			expect(await page.getByTestId('mapping').innerText()).toContain(header);
			expect(
				await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)
			).toBeUndefined();
			expect(await page.locator('img[src="x"], script:has-text("__xss")').count()).toBe(0);
		}
	);

	it('formula cells: the exported CSV neutralises them', { timeout: 60_000 }, async () => {
		const ids = ['=1+1', '@SUM(A1)', '+CMD', '-2+3'];
		const file = csv(
			'formula.csv',
			[HEADER, ...ids.map((id, i) => `${id},2024-01-0${i + 1},${10 * (i + 1)}`)].join('\n') + '\n'
		);
		expect(await analysed(file)).toBe(totals(4, '100.00'));
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByTestId('export-csv').click()
		]);
		const text = fs.readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '');
		const first = text
			.trim()
			.split(/\r?\n/)
			.slice(1)
			.map((r) => r.split(',')[0]);
		expect(first.sort()).toEqual(ids.map((id) => `'${id}`).sort());
	});

	it(
		'ragged rows pause on a question; duplicate headers and a GBK file load',
		{ timeout: 60_000 },
		async () => {
			await upload(
				csv('ragged.csv', [HEADER, ROWS[0], 'C1,2024-01-11', ROWS[2]].join('\n') + '\n')
			);
			await page.getByTestId('ragged-prompt').waitFor({ timeout: 30_000 });
			expect(await page.getByTestId('ragged-lines').innerText()).toContain('3');
			await page.getByTestId('ragged-skip').click();
			await page.getByTestId('segment-summary').waitFor({ timeout: 30_000 });
			expect((await page.getByTestId('rfm-totals').innerText()).trim()).toBe(totals(2, '15.00'));
			// Two columns named Amount: the first is the amount; the second is kept apart, not merged.
			expect(
				await analysed(
					csv('dup.csv', `${HEADER},Amount\n${ROWS.map((r) => `${r},999`).join('\n')}\n`)
				)
			).toBe(totals(2, '35.00'));
			expect(await analysed(corpus('gbk.csv'))).toBe(totals(2, '35.00'));
		}
	);

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

	// The preview shows a window of 40 columns and the role pickers search, listing 30 columns until
	// a search. Measured (profile of the page, load average ≈ 10): ≈ 4.5 s from a fresh page, longest
	// task ≈ 0.3–0.5 s (the mapping form's first draw, then the RFM view's). The issue's 100 ms is still
	// to reach; this guards against a regression (2 s).
	it(
		'10,000 columns load in seconds, the main thread never blocked for long',
		{ timeout: 120_000 },
		async () => {
			// A page of its own (same browser), so the long tasks measured are this load's.
			const saved = page;
			const fresh = await openPage(site.browser, site.url, { lang: 'en', height: 900 });
			page = fresh.page;
			try {
				const filler = [...Array(9997).keys()].map((i) => `x${i}`);
				const text = [
					[...filler, 'Customer ID', 'Order Date', 'Amount'],
					...ROWS.map((r) => [...Array<string>(9997).fill(''), ...r.split(',')])
				]
					.map((r) => r.join(','))
					.join('\n');
				// Tasks by thread CPU time (a trace): their wall time on a shared machine is mostly the wait
				// for a CPU (0.5–2.4 s at load average 20 for tasks of < 0.2 s CPU).
				const trace = await traceTasks(page.context().browser()!, page);
				const t0 = Date.now();
				expect(await analysed(csv('wide.csv', text + '\n'))).toBe(totals(2, '35.00'));
				const seconds = (Date.now() - t0) / 1000;
				const tasks = await trace.stop();
				const longest = tasks[0] ?? { cpu: 0, wall: 0 };
				console.log(
					`10,000 columns: ${seconds.toFixed(1)} s, longest task ${longest.cpu.toFixed(0)} ms CPU (${longest.wall.toFixed(0)} ms wall)`
				);
				expect(seconds).toBeLessThan(30);
				// 2026-12-06, load average 14–16: longest 163 ms CPU in a bench page (the only task of ≈ 1,900
				// over 100 ms), 286 ms CPU here with the trace on (3.0 s wall); 144 ms before the issue-17 fixes
				// (the import's role guess or mapping form: still to split). CPU time moves less with the load
				// than wall time, not nothing: 600 ms holds under load and catches drawing all 10,000 columns.
				expect(longest.cpu).toBeLessThan(600);
				expect(await page.getByTestId('preview-window').innerText()).toContain('1–40 of 10,000');
			} finally {
				page = saved;
				await fresh.context.close();
			}
		}
	);

	it(
		'after the engine breaks (out of memory), the previous file is back and a new file gives correct results',
		{ timeout: 120_000 },
		async () => {
			expect(await analysed(BASE)).toBe(totals(2, '35.00'));
			// DuckDB runs out of memory in its worker, from outside the page's code; the next load receives
			// DuckDB's own out-of-memory error. The page must say so, restart the engine and read the
			// previous file again.
			expect(await outOfMemory(page)).toMatch(/^Out of Memory Error: could not allocate/);
			await upload(csv('next.csv', [HEADER, 'C9,2024-01-02,7'].join('\n') + '\n'));
			// The reloaded file's analysis comes forward (RFM); the import view tells what happened.
			const notice = page.locator('p.notice');
			await expect
				.poll(
					async () => {
						await page.getByTestId('tab-import').click();
						return (await notice.count()) ? await notice.innerText() : null;
					},
					{ timeout: 60_000, interval: 1000 }
				)
				.toBe(en['engine.restarted']);
			expect(await page.getByTestId('import-error').innerText()).toMatch(/out of memory/i);
			expect(await page.getByTestId('loaded-info').innerText()).toContain('base.csv');
			await page.getByTestId('tab-rfm').click();
			expect((await page.getByTestId('rfm-totals').innerText()).trim()).toBe(totals(2, '35.00'));
			await page.screenshot({ path: path.join(SHOTS, 'hostile-recovered-en.png') });
			// A new file after the restart: its own correct numbers, not "no data rows".
			expect(
				await analysed(
					csv('after.csv', [HEADER, 'C7,2024-01-02,7', 'C8,2024-01-03,8'].join('\n') + '\n')
				)
			).toBe(totals(2, '15.00'));
			expect(pageErrors.filter((e) => !/Out of Memory|engine was stopped/.test(e))).toEqual([]);
			void ROOT;
		}
	);
});
