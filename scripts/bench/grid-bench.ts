/**
 * `npm run bench -- --only grid`: the grid part's runs (grid.ts per size, grid-scroll.ts once on the
 * generated 50-column file), logged one line per run, summarised by grid-report.ts. The load average
 * before each run is kept beside the figures (the machine may be shared).
 */
import os from 'node:os';
import type { BenchArgs } from './args.ts';
import { ensureWideCsv, WIDE_COLUMNS } from './generate-wide.ts';
import { runGrid, type GridRun } from './grid.ts';
import { gridSummary, runLine, scrollLine, scrollSummary } from './grid-report.ts';
import { runScroll, type ScrollRun } from './grid-scroll.ts';

export { printGrid } from './grid-report.ts';

/** Rows of the generated 50-column file scrolled. */
export const WIDE_ROWS = 200_000;

const load = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

export async function benchGrid(
	url: string,
	file: string,
	rows: number,
	args: BenchArgs,
	log: (s: string) => void
): Promise<Record<string, unknown>> {
	const runs: GridRun[] = [];
	const loads: number[][] = [];
	for (let i = 0; i < args.runs; i++) {
		loads.push(load());
		const r = await runGrid(url, file, args.timeoutMs);
		runs.push(r);
		log(runLine(i, r) + ` (load average before: ${loads[i]!.join(', ')})`);
	}
	return {
		...gridSummary(runs),
		rows,
		load_average_before: loads,
		measured_at: new Date().toISOString()
	};
}

export async function benchScroll(
	url: string,
	dataDir: string,
	args: BenchArgs,
	log: (s: string) => void
): Promise<Record<string, unknown> | null> {
	const file = await ensureWideCsv(dataDir, WIDE_ROWS, args.seed);
	log(
		`${file.path}: ${(file.bytes / 1e6).toFixed(0)} MB, ${WIDE_ROWS} rows × ${WIDE_COLUMNS} columns ${file.reused ? '(reused)' : `(generated in ${(file.ms / 1000).toFixed(1)} s)`}`
	);
	const runs: ScrollRun[] = [];
	const loads: number[][] = [];
	for (let i = 0; i < args.runs; i++) {
		loads.push(load());
		const r = await runScroll(url, file, WIDE_COLUMNS, args.timeoutMs);
		runs.push(r);
		log(scrollLine(i, r) + ` (load average before: ${loads[i]!.join(', ')})`);
	}
	const s = scrollSummary(runs);
	return (
		s && {
			...s,
			file_bytes: file.bytes,
			seed: file.seed,
			load_average_before: loads,
			measured_at: new Date().toISOString()
		}
	);
}
