/** Medians, the printed table and bench/results.json. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import type { StepTime } from './trace.ts';
import { withRatios } from './pandas.ts';

export function median(xs: readonly number[]): number | null {
	const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	if (!s.length) return null;
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Per label, the median over runs of the time spent (a label missing in a run counts 0). */
export function medianSteps(runs: readonly StepTime[][]): StepTime[] {
	const labels: string[] = [];
	for (const r of runs) for (const s of r) if (!labels.includes(s.label)) labels.push(s.label);
	return labels.map((label) => ({
		label,
		ms:
			round(
				median(runs.map((r) => r.filter((s) => s.label === label).reduce((a, s) => a + s.ms, 0)))
			) ?? 0
	}));
}

export function round(x: number | null, digits = 0): number | null {
	if (x === null) return null;
	const f = 10 ** digits;
	return Math.round(x * f) / f;
}

/** The contract of issue 4 (the keys before the extras), plus extras beside them. */
export interface SizeResult {
	rows: number;
	page: {
		load_ms: number | null;
		rfm_ms: number | null;
		value_matrix_ms: number | null;
		peak_rss_mb: number | null;
		longest_task_ms: number | null;
		[extra: string]: unknown;
	};
	native: {
		load_ms: number | null;
		rfm_ms: number | null;
		value_matrix_ms: number | null;
		[extra: string]: unknown;
	};
	papaparse_ms: number | null;
	[extra: string]: unknown;
}

export function machine(): Record<string, unknown> {
	let chromium = '';
	try {
		chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
			encoding: 'utf8',
			timeout: 10_000,
			stdio: ['ignore', 'pipe', 'ignore']
		}).trim();
	} catch {
		/* unknown */
	}
	return {
		cpus: os.cpus().length,
		cpu_model: os.cpus()[0]?.model ?? '',
		mem_gb: Math.round(os.totalmem() / 2 ** 30),
		os: `${os.type()} ${os.release()}`,
		node: process.version,
		chromium: chromium || undefined
	};
}

const s = (ms: number | null) => (ms === null ? '–' : (ms / 1000).toFixed(2) + ' s');
const x = (a: number | null, b: number | null) =>
	a === null || b === null || b === 0 ? '–' : (a / b).toFixed(2) + '×';
const mb = (v: number | null) =>
	v === null ? '–' : v >= 1024 ? (v / 1024).toFixed(2) + ' GB' : Math.round(v) + ' MB';
const n = (v: number | null) => (v === null ? '–' : Math.round(v) + ' ms');

export function table(results: readonly SizeResult[]): string {
	const head = [
		'rows',
		'page load',
		'page rfm',
		'native load',
		'native rfm',
		'load ×',
		'rfm ×',
		'load+rfm ×',
		'papaparse',
		'page peak RSS (PSS)',
		'longest task',
		'papa peak RSS'
	];
	const rows = results.map((r) => {
		const pl = r.page.load_ms,
			pr = r.page.rfm_ms,
			nl = r.native.load_ms,
			nr = r.native.rfm_ms;
		const tot = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);
		return [
			r.rows.toLocaleString('en-US'),
			s(pl),
			s(pr),
			s(nl),
			s(nr),
			x(pl, nl),
			x(pr, nr),
			x(tot(pl, pr), tot(nl, nr)),
			s(r.papaparse_ms),
			`${mb(r.page.peak_rss_mb)} (${mb((r.page.peak_pss_mb as number | null) ?? null)})`,
			n(r.page.longest_task_ms),
			mb((r.papaparse_peak_rss_mb as number | null) ?? null)
		];
	});
	return grid(head, rows);
}

export function grid(head: string[], rows: string[][]): string {
	const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
	const line = (cells: string[]) =>
		'| ' + cells.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join(' | ') + ' |';
	return [
		line(head),
		'|' +
			w
				.map(
					(k, i) => (i === 0 ? ':' : '') + '-'.repeat(k + (i === 0 ? 1 : 1)) + (i === 0 ? '' : ':')
				)
				.join('|') +
			'|',
		...rows.map(line)
	].join('\n');
}

const v = (r: SizeResult, side: 'page' | 'native', k: string) =>
	(r[side][k] as number | null | undefined) ?? null;
const RESEGMENT_TARGET_MS = 150;

/** Rule change and value matrix per size: page, native, ratio, and the 150 ms target. */
export function valueTable(results: readonly SizeResult[]): string {
	const head = [
		'rows',
		'page value matrix',
		'of which CLV fit',
		'native value matrix',
		'of which fit',
		'value ×',
		'page re-segment',
		'native re-segment',
		'< 150 ms'
	];
	const rows = results.map((r) => {
		const pr = v(r, 'page', 'resegment_ms');
		return [
			r.rows.toLocaleString('en-US'),
			s(r.page.value_matrix_ms),
			s(v(r, 'page', 'clv_fit_ms')),
			s(r.native.value_matrix_ms),
			s(v(r, 'native', 'clv_fit_ms')),
			x(r.page.value_matrix_ms, r.native.value_matrix_ms),
			n(pr),
			n(v(r, 'native', 'resegment_ms')),
			pr === null ? '–' : pr < RESEGMENT_TARGET_MS ? 'pass' : 'FAIL'
		];
	});
	return grid(head, rows);
}

const GRADE_PLAN_TARGET_MS = 1000;

/** Grading and plan tabs per size (issue 13: each under 1 s after RFM in the page), beside native. */
export function gradePlanTable(results: readonly SizeResult[]): string {
	const head = [
		'rows',
		'page grade',
		'longest task',
		'native grade',
		'grade ×',
		'page plan',
		'longest task',
		'native plan',
		'plan ×',
		'< 1 s'
	];
	const rows = results.map((r) => {
		const [pg, pp] = [v(r, 'page', 'grade_ms'), v(r, 'page', 'plan_ms')];
		const [ng, np] = [v(r, 'native', 'grade_ms'), v(r, 'native', 'plan_ms')];
		const pass =
			pg === null || pp === null ? '–' : Math.max(pg, pp) < GRADE_PLAN_TARGET_MS ? 'pass' : 'FAIL';
		return [
			r.rows.toLocaleString('en-US'),
			s(pg),
			n(v(r, 'page', 'grade_longest_task_ms')),
			s(ng),
			x(pg, ng),
			s(pp),
			n(v(r, 'page', 'plan_longest_task_ms')),
			s(np),
			x(pp, np),
			pass
		];
	});
	return grid(head, rows);
}

export interface ClvFitRow {
	customers: number;
	bgnbd_ms: number | null;
	gammagamma_ms: number | null;
	fit_ms: number | null;
	scoring_ms: number | null;
	checks_ms: number | null;
	startup_ms: number | null;
	total_ms: number | null;
	target_ms: number | null;
	pass: boolean | null;
}

/** The CLV worker in Chromium per customer count, with issue 5's targets. */
export function clvTable(fits: Record<string, ClvFitRow>): string {
	const head = [
		'customers',
		'worker start',
		'BG/NBD',
		'Gamma-Gamma',
		'scoring',
		'checks',
		'total (round trip)',
		'target',
		''
	];
	const rows = Object.values(fits).map((f) => [
		f.customers.toLocaleString('en-US'),
		n(f.startup_ms),
		n(f.bgnbd_ms),
		n(f.gammagamma_ms),
		n(f.scoring_ms),
		n(f.checks_ms),
		n(f.total_ms),
		f.target_ms === null ? '–' : '< ' + s(f.target_ms),
		f.pass === null ? '' : f.pass ? 'pass' : 'FAIL'
	]);
	return grid(head, rows);
}

/** Merges into the existing file: sizes measured now replace their entries, others are kept. */
export function writeResults(
	file: string,
	results: readonly SizeResult[],
	meta: Record<string, unknown>,
	measured: ReadonlySet<string>,
	/** Top-level entries measured now (e.g. clv_fit); missing ones keep their earlier value. */
	extra: Record<string, unknown> = {}
): void {
	let old: Record<string, unknown> = {};
	try {
		old = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
	} catch {
		/* first run */
	}
	const out: Record<string, unknown> = {};
	const sizes = new Map<number, unknown>();
	for (const [k, v] of Object.entries(old)) if (/^\d+$/.test(k)) sizes.set(Number(k), v);
	for (const r of results) {
		// A section not measured now (--only) keeps its earlier figures.
		const prev = sizes.get(r.rows) as SizeResult | undefined;
		const merged: SizeResult = { ...r };
		if (prev && !measured.has('page')) merged.page = prev.page;
		if (prev && !measured.has('native')) merged.native = prev.native;
		if (prev && !measured.has('papa'))
			for (const k of Object.keys(prev)) if (k.startsWith('papaparse')) merged[k] = prev[k];
		if (prev && !measured.has('grid') && prev.page_grid !== undefined) merged.page_grid = prev.page_grid;
		// Only the grid measured (it has its own date): the entry's date stays that of its other figures.
		if (prev && !['page', 'native', 'papa', 'pandas'].some((p) => measured.has(p))) merged.measured_at = prev.measured_at;
		if (prev && !measured.has('pandas'))
			for (const k of Object.keys(prev)) if (k.startsWith('pandas')) merged[k] = prev[k];
		sizes.set(r.rows, withRatios(merged));
	}
	for (const k of [...sizes.keys()].sort((a, b) => a - b)) out[String(k)] = sizes.get(k);
	for (const [k, val] of Object.entries(old)) if (!/^\d+$/.test(k) && k !== 'meta') out[k] = val;
	for (const [k, val] of Object.entries(extra)) {
		const prev = old[k];
		// Per-key merge (e.g. clv_fit per customer count): sizes measured now replace theirs.
		out[k] =
			prev && typeof prev === 'object' && val && typeof val === 'object'
				? { ...(prev as object), ...(val as object) }
				: val;
	}
	out.meta = meta;
	fs.writeFileSync(file + '.tmp', JSON.stringify(out, null, '\t') + '\n');
	fs.renameSync(file + '.tmp', file);
}
