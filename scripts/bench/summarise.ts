/**
 * One size's medians (bench/results.json's entry for a file): the page's and native DuckDB's runs,
 * PapaParse's, side by side. Keys before the extras are issue 4's contract (report.ts SizeResult).
 */
import type { NativeRun } from './native.ts';
import type { PageRun } from './page.ts';
import type { PapaRun } from './papa.ts';
import { pandasEntries, type PandasRun } from './pandas.ts';
import { median, medianSteps, round, type SizeResult } from './report.ts';

const med = <T>(xs: T[], f: (t: T) => number) => round(median(xs.map(f)));

/** Grading or plan tab in the page (grade-plan.ts): `<tab>_ms` is click → results shown. */
function pageTab(page: PageRun[], tab: 'grade' | 'plan'): Record<string, unknown> {
	const rs = page.map((r) => r[tab]).filter((r) => r !== null);
	return {
		[`${tab}_ms`]: med(rs, (r) => r.ms),
		[`${tab}_model_ms`]: med(rs, (r) => r.model_ms),
		[`${tab}_run_ms`]: med(rs, (r) => r.run_ms),
		[`${tab}_longest_task_ms`]: med(rs, (r) => r.longest_task_ms),
		[`${tab}_longest_task_after_ms`]: med(rs, (r) => r.longest_task_after_ms),
		[`${tab}_steps_ms`]: rs.length ? medianSteps(rs.map((r) => r.steps)) : []
	};
}

/** The same builders on native DuckDB (native-grade-plan.ts). */
function nativeTab(native: NativeRun[], tab: 'grade' | 'plan'): Record<string, unknown> {
	const rs = native.map((r) => r[tab]).filter((r) => r !== null);
	return {
		[`${tab}_ms`]: round(median(rs.map((r) => r.ms)), 1),
		[`${tab}_sql_ms`]: round(median(rs.map((r) => r.sql_ms)), 1),
		[`${tab}_customers`]: rs[0]?.customers ?? null,
		[`${tab}_steps_ms`]: rs.length ? medianSteps(rs.map((r) => r.steps ?? [])) : []
	};
}

export function sizeResult(o: {
	rows: number;
	file: { bytes: number; seed: number };
	runs: number;
	page: PageRun[];
	native: NativeRun[];
	papa: PapaRun[];
	/** pandas_rfm.py's runs, its check against native DuckDB (null: not compared), or why it did not run. */
	pandas?: { runs: PandasRun[]; check: string[] | null; note: string | null };
	log: (s: string) => void;
}): SizeResult {
	const { rows, file, runs, page, native, papa, log } = o;
	const pv = page.filter((r) => r.value).map((r) => r.value!);
	const pr = page.filter((r) => r.resegment).map((r) => r.resegment!);
	const nv = native.filter((r) => r.value).map((r) => r.value!);
	const nr = native.filter((r) => r.resegment).map((r) => r.resegment!);
	const pageCustomers = page[0]?.customers ?? null;
	const nativeCustomers = native[0]?.customers ?? null;
	if (pageCustomers !== null && nativeCustomers !== null && pageCustomers !== nativeCustomers)
		log(`  WARNING: page shows ${pageCustomers} customers, native DuckDB ${nativeCustomers}`);
	return {
		rows,
		page: {
			load_ms: med(page, (r) => r.load_ms),
			rfm_ms: med(page, (r) => r.rfm_ms),
			value_matrix_ms: med(pv, (r) => r.value_matrix_ms),
			peak_rss_mb: med(page, (r) => r.peak_rss_mb),
			longest_task_ms: med(page, (r) => r.longest_task_ms),
			engine_start_ms: med(page, (r) => r.engine_start_ms),
			engine_warm_ms: med(page, (r) => r.engine_warm_ms),
			peak_pss_mb: med(page, (r) => r.peak_pss_mb),
			load_until_tx_ms: med(
				page.filter((r) => r.load_until_tx_ms !== null),
				(r) => r.load_until_tx_ms!
			),
			rfm_from_tx_ms: med(
				page.filter((r) => r.rfm_from_tx_ms !== null),
				(r) => r.rfm_from_tx_ms!
			),
			idle_rss_mb: med(page, (r) => r.idle_rss_mb),
			long_tasks: med(page, (r) => r.long_tasks),
			longest_task_max_ms: page.length
				? round(Math.max(...page.map((r) => r.longest_task_ms)))
				: null,
			customers: pageCustomers,
			load_steps_ms: page.length ? medianSteps(page.map((r) => r.steps)) : [],
			rfm_steps_ms: page.length ? medianSteps(page.map((r) => r.rfm_steps)) : [],
			resegment_ms: med(pr, (r) => r.resegment_ms),
			resegment_model_ms: med(pr, (r) => r.model_ms),
			resegment_sql_ms: round(median(pr.map((r) => r.sql_ms)), 1),
			resegment_step: pr[0]?.step ?? null,
			resegment_edit: pr[0]?.edit ?? null,
			resegment_steps_ms: pr.length ? medianSteps(pr.map((r) => r.steps)) : [],
			clv_fit_ms: med(
				pv.filter((r) => r.clv_fit_ms !== null),
				(r) => r.clv_fit_ms!
			),
			value_longest_task_ms: med(pv, (r) => r.longest_task_ms),
			value_peak_rss_mb: med(
				pv.filter((r) => r.peak_rss_mb !== null),
				(r) => r.peak_rss_mb!
			),
			value_peak_pss_mb: med(
				pv.filter((r) => r.peak_pss_mb !== null),
				(r) => r.peak_pss_mb!
			),
			value_steps_ms: pv.length ? medianSteps(pv.map((r) => r.steps ?? [])) : [],
			runs_ms: page.map((r) => ({
				load: round(r.load_ms),
				rfm: round(r.rfm_ms),
				resegment: round(r.resegment?.resegment_ms ?? null),
				value_matrix: round(r.value?.value_matrix_ms ?? null),
				grade: round(r.grade?.ms ?? null),
				plan: round(r.plan?.ms ?? null)
			})),
			...pageTab(page, 'grade'),
			...pageTab(page, 'plan')
		},
		native: {
			load_ms: med(native, (r) => r.load_ms),
			rfm_ms: med(native, (r) => r.rfm_ms),
			value_matrix_ms: med(nv, (r) => r.value_matrix_ms),
			threads: 1,
			customers: nativeCustomers,
			tx_rows: native[0]?.tx_rows ?? null,
			steps_ms: native.length ? medianSteps(native.map((r) => r.steps)) : [],
			resegment_ms: round(median(nr.map((r) => r.resegment_ms)), 1),
			resegment_sql_ms: round(median(nr.map((r) => r.sql_ms)), 1),
			clv_fit_ms: med(nv, (r) => r.clv_fit_ms),
			clv_customers: nv[0]?.clv_customers ?? null,
			value_steps_ms: nv.length ? medianSteps(nv.map((r) => r.steps)) : [],
			runs_ms: native.map((r) => ({
				load: round(r.load_ms),
				rfm: round(r.rfm_ms),
				resegment: round(r.resegment?.resegment_ms ?? null, 1),
				value_matrix: round(r.value?.value_matrix_ms ?? null),
				grade: round(r.grade?.ms ?? null),
				plan: round(r.plan?.ms ?? null)
			})),
			...nativeTab(native, 'grade'),
			...nativeTab(native, 'plan')
		},
		papaparse_ms: med(papa, (r) => r.ms),
		papaparse_peak_rss_mb: med(papa, (r) => r.peak_rss_mb),
		papaparse_longest_task_ms: med(papa, (r) => r.longest_task_ms),
		...(o.pandas ? pandasEntries(o.pandas.runs, o.pandas.check, o.pandas.note) : {}),
		file_bytes: file.bytes,
		seed: file.seed,
		runs,
		measured_at: new Date().toISOString()
	};
}
