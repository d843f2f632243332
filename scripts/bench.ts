/**
 * npm run bench -- [--sizes 1000000,5000000] [--runs 3]
 *
 * Generates seeded Online-Retail-shaped CSVs (bench/data/, reused), then measures on this machine,
 * one thing at a time: (a) the built page in headless Chromium — load, RFM, a rule change, the value
 * matrix, grading and the action list, peak memory, longest main-thread task; (b) the same pipeline
 * and SQL on native DuckDB (@duckdb/node-api, 1 thread); (c) PapaParse-only parsing in Chromium; (d) the CLV worker's fit in
 * Chromium on 2,000 and 100,000 generated customers; (e) scripts/bench/pandas_rfm.py — the same load + RFM in
 * pandas (Debian's /usr/bin/python3) — checked against native DuckDB customer by customer; (f) `grid`: issue 16's
 * filters, quick search, column profiles and pivot in the page, and scrolling a 50-column file (bench/grid*.ts).
 * Native DuckDB is the version inside our duckdb-wasm (native-install.ts). Prints medians, writes bench/results.json.
 * See bench/README.md. The modules live in scripts/bench/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from './bench/args.ts';
import { ensureBuilt } from './bench/build.ts';
import { DEFAULT_SEED, ensureRetailCsv } from './bench/generate.ts';
import { runClvFit, type ClvFitResult } from './bench/clv-fit.ts';
import { runForecastBench, type ForecastBenchResult } from './bench/forecast.ts';
import { runNative, type NativeRun } from './bench/native.ts';
import { loadNodeApi } from './bench/native-install.ts';
import {
	compareSegments,
	comparePandas,
	pandasAvailable,
	pandasTable,
	runPandas,
	type PandasRun
} from './bench/pandas.ts';
import { runPage, type PageRun } from './bench/page.ts';
import { runPapa, type PapaRun } from './bench/papa.ts';
import {
	clvTable,
	gradePlanTable,
	machine,
	table,
	valueTable,
	writeResults,
	type SizeResult
} from './bench/report.ts';
import { sizeResult } from './bench/summarise.ts';
import type { StepTime } from './bench/trace.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const log = (s: string) => console.error(`[bench] ${s}`);

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2), DEFAULT_SEED);
	const started = new Date();
	const dist = args.dist ? path.resolve(args.dist) : path.join(ROOT, 'dist');
	const usesPage = ['page', 'clv', 'forecast', 'grid'].some((p) => args.only.has(p as 'page'));
	const build = usesPage ? ensureBuilt(ROOT, log, dist) : { built: false, ms: 0 };
	const { serveBench } = await import('./bench/server.ts');
	const server = usesPage || args.only.has('papa') ? await serveBench(dist) : null;
	const engine = args.only.has('native') ? await loadNodeApi(log) : null;
	const napi = engine?.api ?? null;
	const pandasOk = args.only.has('pandas') ? pandasAvailable() : null;
	const pandasNote = pandasOk && 'missing' in pandasOk ? pandasOk.missing : null;
	if (pandasNote) log(pandasNote);
	const results: SizeResult[] = [];
	let clvFit: Record<string, ClvFitResult> | null = null;
	let forecast: ForecastBenchResult | null = null;
	const perFile = ['page', 'native', 'papa', 'pandas', 'grid'].some((p) => args.only.has(p as 'page'));
	const grid = server && args.only.has('grid') ? await import('./bench/grid-bench.ts') : null;
	let gridScroll: Record<string, unknown> | null = null;
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
				const r = await runNative(napi, file.path, { withCustomers: i === 0 && !!pandasOk && !pandasNote });
				native.push(r);
				log(
					`  native #${i + 1}: load ${r.load_ms.toFixed(0)} ms, rfm ${r.rfm_ms.toFixed(0)} ms, re-segment ${r.resegment?.resegment_ms.toFixed(0)} ms, value matrix ${r.value?.value_matrix_ms.toFixed(0)} ms (fit ${r.value?.clv_fit_ms.toFixed(0)} ms), grade ${r.grade?.ms.toFixed(0)} ms, plan ${r.plan?.ms.toFixed(0)} ms (${r.plan?.customers} in the action list) (${r.customers} customers, ${r.tx_rows}/${r.raw_rows} rows typed)`
				);
			}
			for (let i = 0; server && args.only.has('page') && i < args.runs; i++) {
				const r = await runPage(server.url, file.path, args.timeoutMs);
				page.push(r);
				log(
					`  page   #${i + 1}: engine ready ${r.engine_start_ms.toFixed(0)} ms after navigation (${r.engine_steps.map((s) => `${s.label} ${s.ms.toFixed(0)}`).join(', ')}; rehearsal done at ${r.engine_warm_ms.toFixed(0)} ms); load ${r.load_ms.toFixed(0)} ms, rfm ${r.rfm_ms.toFixed(0)} ms, re-segment ${r.resegment?.resegment_ms.toFixed(0)} ms (${r.resegment?.step}: ${r.resegment?.edit}, champions ${r.resegment?.counts_before} → ${r.resegment?.counts_after}), value matrix ${r.value?.value_matrix_ms.toFixed(0)} ms (fit ${r.value?.clv_fit_ms?.toFixed(0)} ms), grade ${r.grade?.ms.toFixed(0)} ms, plan ${r.plan?.ms.toFixed(0)} ms, peak RSS ${r.peak_rss_mb.toFixed(0)} MB (PSS ${r.peak_pss_mb.toFixed(0)}), longest task ${r.longest_task_ms.toFixed(0)} ms, ${r.customers} customers${r.errors.length ? `, page errors: ${r.errors.join(' | ')}` : ''}`
				);
			}
			for (let i = 0; server && args.only.has('papa') && i < args.runs; i++) {
				const r = await runPapa(server.url, file.path);
				papa.push(r);
				log(
					`  papa   #${i + 1}: ${r.ms.toFixed(0)} ms, ${r.rows} rows, peak RSS ${r.peak_rss_mb.toFixed(0)} MB, longest task ${r.longest_task_ms.toFixed(0)} ms`
				);
			}
			// (e) pandas after page and native, on the same file; its first run checked against native DuckDB.
			const pandas: PandasRun[] = [];
			let check: string[] | null = null;
			for (let i = 0; pandasOk && !pandasNote && i < args.runs; i++) {
				const r = runPandas(file.path, i === 0);
				pandas.push(r);
				log(`  pandas #${i + 1}: ${r.ms.toFixed(0)} ms (read ${r.read_ms.toFixed(0)} ms, compute ${r.compute_ms.toFixed(0)} ms), ${r.customers} customers, as-of ${r.as_of}`);
				const nat = native[0]?.customerRows;
				if (i === 0 && r.customersCsv && nat) {
					const counts: Record<string, number> = {};
					for (const c of nat) counts[String(c.segment)] = (counts[String(c.segment)] ?? 0) + 1;
					check = [...comparePandas(r.customersCsv, nat), ...compareSegments(r.segments, counts).map((d) => `segment ${d} (pandas vs native)`)];
					log(check.length ? `  !!! pandas and native DuckDB DIFFER:\n    ${check.join('\n    ')}` : `  pandas = native DuckDB: ${nat.length} customers, R/F/M, scores and segments all equal`);
				}
			}
			const pandasPart = args.only.has('pandas') ? { runs: pandas, check, note: pandasNote } : undefined;
			const pageGrid = grid ? await grid.benchGrid(server!.url, file.path, rows, args, log) : null;
			results.push({ ...sizeResult({ rows, file, runs: args.runs, page, native, papa, pandas: pandasPart, log }), ...(pageGrid ? { page_grid: pageGrid } : {}) });
		}
		if (grid) gridScroll = await grid.benchScroll(server!.url, path.join(ROOT, 'bench/data'), args, log);
		if (server && args.only.has('clv'))
			clvFit = await runClvFit(server.url, dist, args.clvSizes, args.runs, log);
		if (server && args.only.has('forecast'))
			forecast = await runForecastBench(server.url, path.join(ROOT, 'bench/data'), args.seed, args.runs, args.timeoutMs, log);
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
			native_version: engine?.native_version,
			native_package: engine?.native_package,
			wasm_version: engine?.wasm_version,
			pandas: pandasOk ?? undefined,
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
		{ ...(clvFit ? { clv_fit: clvFit } : {}), ...(forecast ? { forecast } : {}), ...(gridScroll ? { page_grid_scroll: gridScroll } : {}) }
	);
	console.log('\nmedians of ' + args.runs + ' run(s); × = page ÷ native DuckDB (1 thread)\n');
	if (results.length && ['page', 'native', 'papa', 'pandas'].some((p) => args.only.has(p as 'page'))) {
		console.log(table(results));
		console.log(
			'\nrule change (re-segment → summary shown) and value matrix (tab click → first matrix):\n'
		);
		console.log(valueTable(results));
		console.log(
			'\ngrading and the action list (tab click → tier table / action list shown; issue 13: < 1 s):\n'
		);
		console.log(gradePlanTable(results));
		if (args.only.has('pandas')) {
			console.log('\nload + RFM beside pandas (pandas_rfm.py, timed inside Python; issue 17: page < 0.9× pandas at 5M, ≤ 1.25× at 1M; page ÷ native ≤ 1.6×):\n');
			console.log(pandasTable(results));
		}
	}
	if (forecast)
		console.log(
			`\nforecast in the page (issue 14: ${forecast.groups} groups × ${forecast.days} days, auto model, < ${forecast.target_ms / 1000} s): fit ${forecast.fit_ms} ms, grouping chosen → chart ${forecast.total_ms} ms — ${forecast.pass ? 'pass' : 'FAIL'} (${forecast.cores_seen} cores seen; load average ${forecast.runs.map((r) => r.load_before[0]).join(', ')})`
		);
	if (clvFit) {
		console.log(
			'\nCLV fit in Chromium (our worker, generated BG/NBD customers; issue 5 targets):\n'
		);
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
	for (const r of results)
		if (grid && r.page_grid) console.log(grid.printGrid(r.rows, r.page_grid as Record<string, unknown>, gridScroll));
	for (const r of results)
		for (const tab of ['grade', 'plan'])
			for (const side of ['page', 'native'] as const) {
				const st = r[side][`${tab}_steps_ms`] as StepTime[] | undefined;
				if (st?.length)
					console.log(
						`${r.rows.toLocaleString('en-US')} rows, ${side} ${tab} by step (median ms): ` +
							st.map((x) => `${x.label} ${x.ms}`).join(' · ')
					);
			}
	console.log(`\nwrote ${path.relative(ROOT, out)}`);
}

main().catch((e: unknown) => {
	console.error(e instanceof Error ? (e.stack ?? e.message) : e);
	process.exit(1);
});
