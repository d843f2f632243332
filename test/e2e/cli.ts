import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { ROOT, SAMPLE } from './harness.ts';

const run = promisify(execFile);

/** The sample's transaction columns, as the page maps them. */
export const TX = ['--input', SAMPLE, '--customer', '客户编号', '--date', '下单时间', '--amount', '实付金额', '--order', '订单号'];
/** The sample's touchpoint columns, as the page maps them. */
export const TOUCHPOINTS = ['--input', path.join(ROOT, 'public/sample/touchpoints.csv'), '--customer', '客户编号', '--date', '时间', '--touchpoint', '触点', '--stage', '阶段', '--score', '满意度', '--channel', '渠道', '--outcome', '结果'];

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
		p = run('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }).then(({ stdout }) => {
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
