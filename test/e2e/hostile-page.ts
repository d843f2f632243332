import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { FILES } from '../fixtures/hostile/make-corpus.ts';

/** What the hostile-input e2e files (hostile*.test.ts, wide.test.ts) share: files to upload, and the steps on one page. */
export type Upload = { name: string; mimeType: string; buffer: Buffer };
export const csv = (name: string, text: string): Upload => ({
	name,
	mimeType: 'text/csv',
	buffer: Buffer.from(text, 'utf8')
});
export const corpus = (name: string): Upload => ({
	name,
	mimeType: 'application/octet-stream',
	buffer: fs.readFileSync(path.join(FILES, name))
});

/** The orders every good file holds: C1 10 + 20, C2 5 (2 customers, 35 in sales). */
export const HEADER = 'Customer ID,Order Date,Amount';
export const ROWS = ['C1,2024-01-01,10', 'C1,2024-01-11,20', 'C2,2024-01-06,5'];
export const BASE = csv('base.csv', [HEADER, ...ROWS].join('\n') + '\n');
/** Number columns before the three roles in wideCsv(). */
export const FILLER = 9997;
/**
 * The 10,000-column file (issue 11): 9,997 number columns x0…x9996, then the three roles; on the k-th
 * data line (from 0) every filler cell holds k + 1, and x<i> on line 0 is i (so a far column's values
 * differ from a near one's).
 */
export function wideCsv(): string {
	const head = [...[...Array(FILLER).keys()].map((i) => `x${i}`), HEADER];
	const rows = ROWS.map((r, k) => [...[...Array(FILLER).keys()].map((i) => String(k === 0 ? i : k + 1)), r]);
	return [head, ...rows].map((r) => r.join(',')).join('\n') + '\n';
}

/** Revenue as the page shows money: two decimals (the tests' totals are whole numbers). */
export const totals = (customers: number, revenue: string) =>
	en['rfm.customersTotal'].replace('{customers}', String(customers)).replace('{revenue}', revenue);

/** The English message of a key as a pattern: its placeholders match anything. */
export function message(key: keyof typeof en): RegExp {
	const parts = en[key].split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(parts.join('[\\s\\S]*'));
}

export const ENGINE =
	/duckdb|wasm|Binder|Parser Error|Invalid Input|CSV Parser|read_csv|0x1fffffe8|RangeError|TypeError/i;

/** The steps of the hostile cases on the page `get()` gives (a test may swap pages). */
export function steps(get: () => Page) {
	async function upload(file: Upload): Promise<void> {
		await get().getByTestId('tab-import').click();
		await get().getByTestId('file-input').setInputFiles(file);
	}
	return {
		upload,
		/** Loads a file that must be refused: its sentence is shown, no engine wording, the earlier data kept. */
		async refused(file: Upload, key: keyof typeof en): Promise<string> {
			await upload(file);
			const panel = get().getByTestId('import-error');
			await expect.poll(() => panel.innerText(), { timeout: 60_000 }).toMatch(message(key));
			const text = await panel.innerText();
			expect(text).not.toMatch(ENGINE);
			expect(text).toContain(file.name);
			return text;
		},
		async analysed(file: Upload): Promise<string> {
			await upload(file);
			await get().getByTestId('segment-summary').waitFor({ timeout: 60_000 });
			return (await get().getByTestId('rfm-totals').innerText()).trim();
		}
	};
}
