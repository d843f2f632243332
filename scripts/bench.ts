/**
 * npm run bench -- [--sizes 1000000,5000000] [--runs 3]
 *
 * Generates seeded Online-Retail-shaped CSVs (bench/data/, reused), then measures on this machine,
 * one thing at a time: (a) the built page in headless Chromium — load, RFM, a rule change, the value
 * matrix, peak memory, longest main-thread task; (b) the same pipeline and SQL on native DuckDB
 * (@duckdb/node-api, 1 thread); (c) PapaParse-only parsing in Chromium; (d) the CLV worker's fit in
 * Chromium on 2,000 and 100,000 generated customers. Prints medians, writes bench/results.json.
 * See bench/README.md. The modules live in scripts/bench/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from './bench/args.ts';
import { ensureBuilt } from './bench/build.ts';
import { DEFAULT_SEED, ensureRetailCsv } from './bench/generate.ts';
import { runClvFit, type ClvFitResult } from './bench/clv-fit.ts';
import { loadNodeApi, runNative, type NativeRun } from './bench/native.ts';
import { runPage, type PageRun } from './bench/page.ts';
import { runPapa, type PapaRun } from './bench/papa.ts';
import {
	clvTable,
	machine,
	median,
	medianSteps,
	round,
	table,
	valueTable,
	writeResults,
	type SizeResult
} from './bench/report.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const log = (s: string) => console.error(`[bench] ${s}`);

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2), DEFAULT_SEED);
	const started = new Date();
	const dist = args.dist ? path.resolve(args.dist) : path.join(ROOT, 'dist');
	const usesPage = args.only.has('page') || args.only.has('clv');
	const build = usesPage ? ensureBuilt(ROOT, log, dist) : { built: false, ms: 0 };
	const { serveBench } = await import('./bench/server.ts');
	const server = usesPage || args.only.has('papa') ? await serveBench(dist) : null;
	const napi = args.only.has('native') ? await loadNodeApi(log) : null;
	const results: SizeResult[] = [];
	let clvFit: Record<string, ClvFitResult> | null = null;
	const perFile = ['page', 'native', 'papa'].some((p) => args.only.has(p as 'page'));
	try {
		for (const rows of perFile ? args.sizes : []) {
			const file = await ensureRetailCsv(path.join(ROOT, 'bench/data'), rows, args.seed);
			log(
				`${path.relative(ROOT, file.path)}: ${(file.bytes / 1e6).toFixed(0)} MB, ${file.customers} customers ${file.reused ? '(reused)' : `(generated in ${(file.ms / 1000).toFixed(1)} s)`}`
			);
			const native: NativeRun[] = [];
			const page: PageRun[] = [];
			const papa: PapaRun[] = [];
			for (let i = 0; napi && i < args.runs; i++) {
				const r = await runNative(napi, file.path);
				native.push(r);
				log(
					`  native #${i + 1}: load ${r.load_ms.toFixed(0)} ms, rfm ${r.rfm_ms.toFixed(0)} ms, re-segment ${r.resegment?.resegment_ms.toFixed(0)} ms, value matrix ${r.value?.value_matrix_ms.toFixed(0)} ms (fit ${r.value?.clv_fit_ms.toFixed(0)} ms) (${r.customers} customers, ${r.tx_rows}/${r.raw_rows} rows typed)`
				);
			}
			for (let i = 0; server && args.only.has('page') && i < args.runs; i++) {
				const r = await runPage(server.url, file.path, args.timeoutMs);
				page.push(r);
				log(
					`  page   #${i + 1}: engine ready ${r.engine_start_ms.toFixed(0)} ms after navigation; load ${r.load_ms.toFixed(0)} ms, rfm ${r.rfm_ms.toFixed(0)} ms, re-segment ${r.resegment?.resegment_ms.toFixed(0)} ms (${r.resegment?.step}: ${r.resegment?.edit}, champions ${r.resegment?.counts_before} → ${r.resegment?.counts_after}), value matrix ${r.value?.value_matrix_ms.toFixed(0)} ms (fit ${r.value?.clv_fit_ms?.toFixed(0)} ms), peak RSS ${r.peak_rss_mb.toFixed(0)} MB (PSS ${r.peak_pss_mb.toFixed(0)}), longest task ${r.longest_task_ms.toFixed(0)} ms, ${r.customers} customers${r.errors.length ? `, page errors: ${r.errors.join(' | ')}` : ''}`
				);
			}
			for (let i = 0; server && args.only.has('papa') && i < args.runs; i++) {
				const r = await runPapa(server.url, file.path);
				papa.push(r);
				log(
					`  papa   #${i + 1}: ${r.ms.toFixed(0)} ms, ${r.rows} rows, peak RSS ${r.peak_rss_mb.toFixed(0)} MB, longest task ${r.longest_task_ms.toFixed(0)} ms`
				);
			}
			const med = <T>(xs: T[], f: (t: T) => number) => round(median(xs.map(f)));
			const pv = page.filter((r) => r.value).map((r) => r.value!);
			const pr = page.filter((r) => r.resegment).map((r) => r.resegment!);
			const nv = native.filter((r) => r.value).map((r) => r.value!);
			const nr = native.filter((r) => r.resegment).map((r) => r.resegment!);
			const pageCustomers = page[0]?.customers ?? null;
			const nativeCustomers = native[0]?.customers ?? null;
			if (pageCustomers !== null && nativeCustomers !== null && pageCustomers !== nativeCustomers)
				log(`  WARNING: page shows ${pageCustomers} customers, native DuckDB ${nativeCustomers}`);
			results.push({
				rows,
				page: {
					load_ms: med(page, (r) => r.load_ms),
					rfm_ms: med(page, (r) => r.rfm_ms),
					value_matrix_ms: med(pv, (r) => r.value_matrix_ms),
					peak_rss_mb: med(page, (r) => r.peak_rss_mb),
					longest_task_ms: med(page, (r) => r.longest_task_ms),
					engine_start_ms: med(page, (r) => r.engine_start_ms),
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
						value_matrix: round(r.value?.value_matrix_ms ?? null)
					}))
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
						value_matrix: round(r.value?.value_matrix_ms ?? null)
					}))
				},
				papaparse_ms: med(papa, (r) => r.ms),
				papaparse_peak_rss_mb: med(papa, (r) => r.peak_rss_mb),
				papaparse_longest_task_ms: med(papa, (r) => r.longest_task_ms),
				file_bytes: file.bytes,
				seed: file.seed,
				runs: args.runs,
				measured_at: new Date().toISOString()
			});
		}
		if (server && args.only.has('clv'))
			clvFit = await runClvFit(server.url, dist, args.clvSizes, args.runs, log);
	} finally {
		await server?.close();
	}
	const out = args.out ?? path.join(ROOT, 'bench/results.json');
	const nodeApiVersion = (() => {
		try {
			return napi?.version();
		} catch {
			return undefined;
		}
	})();
	writeResults(
		out,
		results,
		{
			date: started.toISOString(),
			command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
			runs: args.runs,
			machine: machine(),
			native_duckdb: nodeApiVersion,
			duckdb_wasm: JSON.parse(
				fs.readFileSync(path.join(ROOT, 'node_modules/@duckdb/duckdb-wasm/package.json'), 'utf8')
			).version,
			papaparse: JSON.parse(
				fs.readFileSync(path.join(ROOT, 'node_modules/papaparse/package.json'), 'utf8')
			).version,
			dist_rebuilt: build.built,
			measured: [...args.only]
		},
		args.only,
		clvFit ? { clv_fit: clvFit } : {}
	);
	console.log('\nmedians of ' + args.runs + ' run(s); × = page ÷ native DuckDB (1 thread)\n');
	if (results.length) {
		console.log(table(results));
		console.log('\nrule change (re-segment → summary shown) and value matrix (tab click → first matrix):\n');
		console.log(valueTable(results));
	}
	if (clvFit) {
		console.log('\nCLV fit in Chromium (our worker, generated BG/NBD customers; issue 5 targets):\n');
		console.log(clvTable(clvFit));
	}
	for (const r of results) {
		const steps = r.page.load_steps_ms as { label: string; ms: number }[];
		if (steps.length)
			console.log(
				`\n${r.rows.toLocaleString('en-US')} rows, page load by step (median ms): ` +
					steps
						.filter((s) => s.ms >= 5)
						.map((s) => `${s.label} ${s.ms}`)
						.join(' · ')
			);
		const vs = r.page.value_steps_ms as { label: string; ms: number }[] | undefined;
		if (vs?.length)
			console.log(
				`${r.rows.toLocaleString('en-US')} rows, page value matrix by step (median ms): ` +
					vs
						.filter((s) => s.ms >= 5)
						.map((s) => `${s.label} ${s.ms}`)
						.join(' · ')
			);
		const nvs = r.native.value_steps_ms as { label: string; ms: number }[] | undefined;
		if (nvs?.length)
			console.log(
				`${r.rows.toLocaleString('en-US')} rows, native value matrix by step (median ms): ` +
					nvs.map((s) => `${s.label} ${s.ms}`).join(' · ')
			);
		const ns = r.native.steps_ms as { label: string; ms: number }[];
		if (ns.length)
			console.log(
				`${r.rows.toLocaleString('en-US')} rows, native by step (median ms): ` +
					ns
						.filter((s) => s.ms >= 5)
						.map((s) => `${s.label} ${s.ms}`)
						.join(' · ')
			);
	}
	console.log(`\nwrote ${path.relative(ROOT, out)}`);
}

main().catch((e: unknown) => {
	console.error(e instanceof Error ? (e.stack ?? e.message) : e);
	process.exit(1);
});
