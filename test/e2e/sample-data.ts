import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { ROOT, SAMPLE } from './harness.ts';

/*
 * What the sample data say, worked out apart from the page: by the command-line runner, or counted
 * here from the files. e2e tests compare the page's tables and charts with these.
 */

const run = promisify(execFile);

/** The sample's transaction columns, as the page maps them. */
export const TX = ['--input', SAMPLE, '--customer', '客户编号', '--date', '下单时间', '--amount', '实付金额', '--order', '订单号'];
/** A sample file of the twin the page loads in `lang`: public/sample/en/ in English (same rows and numbers, English categorical values). */
export function sampleFile(file: string, lang = 'zh-CN'): string {
	return path.join(ROOT, lang === 'en' ? 'public/sample/en' : 'public/sample', file);
}
/** The sample's touchpoint columns, as the page maps them (the twin of `lang`). */
export function touchpointArgs(lang = 'zh-CN'): string[] {
	return ['--input', sampleFile('touchpoints.csv', lang), '--customer', '客户编号', '--date', '时间', '--touchpoint', '触点', '--stage', '阶段', '--score', '满意度', '--channel', '渠道', '--outcome', '结果'];
}
export const TOUCHPOINTS = touchpointArgs();

export interface CliTable {
	fields: string[];
	rows: Record<string, string>[];
}

const runs = new Map<string, Promise<CliTable>>();

/**
 * The CSV a CLI command writes (`npx tsx src/cli/main.ts …`), as rows; each argument list runs once
 * per test file, so start it early (it runs beside the browser) and await it where it is needed.
 */
export function cli(args: readonly string[]): Promise<CliTable> {
	const key = JSON.stringify(args);
	let p = runs.get(key);
	if (!p) {
		p = run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).then(({ stdout }) => {
			const parsed = Papa.parse<Record<string, string>>(stdout.trim(), { header: true, skipEmptyLines: true });
			return { fields: parsed.meta.fields ?? [], rows: parsed.data };
		});
		runs.set(key, p);
	}
	return p;
}

/** Counts of rows by a key. */
export function countBy<T>(rows: readonly T[], key: (r: T) => string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const r of rows) {
		const k = key(r);
		out[k] = (out[k] ?? 0) + 1;
	}
	return out;
}

/** Customers of the sample transactions: distinct non-empty ids on rows with a readable date. */
export function sampleCustomers(): number {
	const rows = Papa.parse<Record<string, string>>(fs.readFileSync(SAMPLE, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
	return new Set(rows.filter((r) => /^\d{4}-\d{2}-\d{2}/.test(r.下单时间 ?? '')).map((r) => (r.客户编号 ?? '').trim()).filter((id) => id !== '')).size;
}

/** Revenue per customer from the sample CSV: rows with an id and a date before the default as-of date (2026-01-01). */
export function sampleRevenues(): Map<string, number> {
	const rows = Papa.parse<Record<string, string>>(fs.readFileSync(SAMPLE, 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
	const out = new Map<string, number>();
	for (const r of rows) {
		const id = (r['客户编号'] ?? '').trim();
		const day = r['下单时间'] ?? '';
		if (id === '' || !/^\d{4}-\d{2}-\d{2}/.test(day) || day >= '2026-01-01') continue;
		out.set(id, (out.get(id) ?? 0) + Number(r['实付金额']));
	}
	return out;
}
