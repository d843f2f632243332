/**
 * (e) pandas beside the page and native DuckDB (issue 17): scripts/bench/pandas_rfm.py — the page's
 * load + RFM with the page's definitions — run by Debian's /usr/bin/python3 (python3-pandas) on the
 * same file, timed inside Python. Its per-customer result is checked against native DuckDB's (the
 * page's SQL): every customer's recency, frequency, monetary, scores and segment.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Row } from '../../src/db/client.ts';
import { grid, median, round, type SizeResult } from './report.ts';

export const PYTHON = process.env.CLIENTELE_BENCH_PYTHON ?? '/usr/bin/python3';
const SCRIPT = path.join(import.meta.dirname, 'pandas_rfm.py');

export interface PandasRun {
	/** Read + compute, timed inside Python. */
	ms: number;
	read_ms: number;
	compute_ms: number;
	customers: number;
	tx_rows: number;
	as_of: string;
	segments: Record<string, number>;
	/** Per-customer CSV (withCustomers), by customer_id. */
	customersCsv: string | null;
}

/** pandas' version under PYTHON, or why it cannot run (the bench then skips pandas with this note). */
export function pandasAvailable(): { version: string; python: string } | { missing: string } {
	try {
		const out = execFileSync(
			PYTHON,
			['-c', 'import sys, pandas; print(pandas.__version__, sys.version.split()[0])'],
			{ encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] }
		).trim();
		const [version = '', python = ''] = out.split(' ');
		return { version, python };
	} catch {
		return {
			missing: `${PYTHON} has no pandas (Debian: apt-get install python3-pandas); pandas comparison skipped`
		};
	}
}

export function runPandas(file: string, withCustomers: boolean): PandasRun {
	const customersCsv = withCustomers
		? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clientele-bench-pandas-')), 'customers.csv')
		: null;
	const today = new Date().toISOString().slice(0, 10);
	const args = [
		SCRIPT,
		file,
		'--today',
		today,
		...(customersCsv ? ['--customers-out', customersCsv] : [])
	];
	const out = JSON.parse(
		execFileSync(PYTHON, args, {
			encoding: 'utf8',
			maxBuffer: 64 << 20,
			stdio: ['ignore', 'pipe', 'inherit']
		})
	) as {
		total_ms: number;
		read_ms: number;
		compute_ms: number;
		customers: number;
		tx_rows: number;
		as_of: string;
		segments: Record<string, number>;
	};
	return {
		ms: out.total_ms,
		read_ms: out.read_ms,
		compute_ms: out.compute_ms,
		customers: out.customers,
		tx_rows: out.tx_rows,
		as_of: out.as_of,
		segments: out.segments,
		customersCsv
	};
}

const KEYS = [
	'recency_days',
	'frequency',
	'monetary',
	'r_score',
	'f_score',
	'm_score',
	'segment'
] as const;

/**
 * Differences between pandas' per-customer CSV and native DuckDB's CUSTOMER_ROWS (both by customer id):
 * one line per differing customer (at most `limit`), then the count; empty when they agree. Monetary
 * agrees when equal to the cent (both round to 2 digits; sums in another order differ in the last bit).
 */
export function comparePandas(csv: string, native: readonly Row[], limit = 5): string[] {
	const lines = fs.readFileSync(csv, 'utf8').trim().split('\n');
	const head = lines[0]!.split(',');
	const byId = new Map<string, Record<string, string>>();
	for (const l of lines.slice(1)) {
		const cells = l.split(',');
		byId.set(cells[0]!, Object.fromEntries(head.map((h, i) => [h, cells[i] ?? ''])));
	}
	const diffs: string[] = [];
	let n = 0;
	if (byId.size !== native.length)
		diffs.push(`customers: pandas ${byId.size}, native ${native.length}`);
	for (const row of native) {
		const id = String(row.customer_id);
		const p = byId.get(id);
		const bad = !p
			? ['missing in pandas']
			: KEYS.filter((k) =>
					k === 'segment'
						? p[k] !== String(row[k])
						: Math.abs(Number(p[k]) - Number(row[k])) > (k === 'monetary' ? 0.004 : 0)
				).map((k) => `${k} pandas ${p[k]} native ${String(row[k])}`);
		if (bad.length && ++n <= limit) diffs.push(`customer ${id}: ${bad.join(', ')}`);
	}
	if (n > limit) diffs.push(`… ${n} customers differ in all`);
	return diffs;
}

/** Segment counts that differ between two runs' {segment: customers}. */
export function compareSegments(a: Record<string, number>, b: Record<string, number>): string[] {
	const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
	return keys
		.filter((k) => (a[k] ?? 0) !== (b[k] ?? 0))
		.map((k) => `${k}: ${a[k] ?? 0} vs ${b[k] ?? 0}`);
}

const sum = (a: unknown, b: unknown) =>
	typeof a === 'number' && typeof b === 'number' ? a + b : null;
const ratio = (a: number | null, b: number | null) =>
	a === null || b === null || b === 0 ? null : round(a / b, 2);

/** One size's pandas entries (medians of the runs), or the note why pandas was not run. */
export function pandasEntries(
	runs: readonly PandasRun[],
	check: string[] | null,
	note: string | null
): Record<string, unknown> {
	if (!runs.length) return note ? { pandas_ms: null, pandas_note: note } : {};
	const med = (f: (r: PandasRun) => number) => round(median(runs.map(f)));
	return {
		pandas_ms: med((r) => r.ms),
		pandas_read_ms: med((r) => r.read_ms),
		pandas_compute_ms: med((r) => r.compute_ms),
		pandas_customers: runs[0]!.customers,
		pandas_segments: runs[0]!.segments,
		pandas_runs_ms: runs.map((r) => round(r.ms)),
		pandas_check:
			check === null
				? 'not compared (native not measured)'
				: check.length
					? check
					: 'same as native DuckDB: every customer'
	};
}

/**
 * Load + RFM ratios of a size's entry as written (page and native: load_ms + rfm_ms; pandas: pandas_ms),
 * after a partial run merged the parts it did not measure from the earlier file.
 */
export function withRatios(r: SizeResult): SizeResult {
	const page = sum(r.page?.load_ms, r.page?.rfm_ms);
	const native = sum(r.native?.load_ms, r.native?.rfm_ms);
	const pandas = typeof r.pandas_ms === 'number' ? r.pandas_ms : null;
	return {
		...r,
		load_rfm_ms: { page, native, pandas },
		ratios: {
			page_pandas: ratio(page, pandas),
			page_native: ratio(page, native),
			native_pandas: ratio(native, pandas)
		}
	};
}

const sec = (ms: number | null) => (ms === null ? '–' : (ms / 1000).toFixed(2) + ' s');
const times = (x: number | null) => (x === null ? '–' : x.toFixed(2) + '×');

/** Load + RFM per size: page, native, pandas and the three ratios (issue 17's targets beside them). */
export function pandasTable(results: readonly SizeResult[]): string {
	const head = [
		'rows',
		'page load+rfm',
		'native load+rfm',
		'pandas (read)',
		'page ÷ pandas',
		'page ÷ native',
		'native ÷ pandas',
		'check'
	];
	const rows = results.map(withRatios).map((r) => {
		const t = r.load_rfm_ms as Record<string, number | null>;
		const x = r.ratios as Record<string, number | null>;
		const check = r.pandas_check;
		return [
			r.rows.toLocaleString('en-US'),
			sec(t.page ?? null),
			sec(t.native ?? null),
			r.pandas_ms === null || r.pandas_ms === undefined
				? String(r.pandas_note ?? '–')
				: `${sec(t.pandas ?? null)} (${sec(r.pandas_read_ms as number)})`,
			times(x.page_pandas ?? null),
			times(x.page_native ?? null),
			times(x.native_pandas ?? null),
			check === undefined
				? '–'
				: typeof check === 'string'
					? check.startsWith('same')
						? 'same'
						: check
					: 'MISMATCH'
		];
	});
	return grid(head, rows);
}
