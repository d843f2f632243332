/** Command line of `npm run bench`. */
export interface BenchArgs {
	sizes: number[];
	runs: number;
	seed: number;
	only: Set<Part>;
	timeoutMs: number;
	out: string | null;
	/** Customer counts of the CLV fit measurement. */
	clvSizes: number[];
	/** Build folder of the page (default dist/). */
	dist: string | null;
}

export type Part = 'page' | 'native' | 'papa' | 'clv' | 'pandas' | 'forecast' | 'grid';
const PARTS: readonly Part[] = ['page', 'native', 'papa', 'clv', 'pandas', 'forecast', 'grid'];

export const USAGE = `npm run bench -- [--sizes 1000000,5000000] [--runs 3] [--seed N] [--only page,native,papa,clv,pandas,forecast,grid] [--clv-sizes 2000,100000] [--timeout-s 600] [--out FILE] [--dist DIR]
  --sizes     rows per generated file (default 1000000,5000000; 100000 for a quick run)
  --runs      repetitions of each measurement; medians are reported (default 3)
  --seed      generator seed (default 20101201); files in bench/data/ are reused for the same seed
  --only      measure only some of page, native, papa, clv, pandas, forecast, grid (default all; pandas needs
              /usr/bin/python3 with pandas — Debian's python3-pandas — and is skipped with a note without;
              grid: the Data tab's filters, quick search, column profiles and a pivot on each size, and
              scrolling a generated 200,000 × 50 file — issue 16's targets, scripts/bench/grid.ts)
  --clv-sizes customers of the CLV fit measurement in Chromium (default 2000,100000)
  --timeout-s per page run (default 600)
  --out       results file (default bench/results.json)
  --dist      build folder of the page (default dist/; built when missing or older than src/)`;

export function parseArgs(argv: readonly string[], defaultSeed: number): BenchArgs {
	const a: BenchArgs = {
		sizes: [1_000_000, 5_000_000],
		runs: 3,
		seed: defaultSeed,
		only: new Set(PARTS),
		timeoutMs: 600_000,
		out: null,
		clvSizes: [2000, 100_000],
		dist: null
	};
	for (let i = 0; i < argv.length; i++) {
		const k = argv[i]!;
		const v = argv[i + 1];
		const need = () => {
			if (v === undefined) throw new Error(`${k} needs a value\n${USAGE}`);
			i++;
			return v;
		};
		const int = (s: string, min: number) => {
			const n = Number(s.replaceAll('_', ''));
			if (!Number.isInteger(n) || n < min)
				throw new Error(`${k}: expected a whole number ≥ ${min}, got ${s}`);
			return n;
		};
		if (k === '--sizes')
			a.sizes = need()
				.split(',')
				.map((s) => int(s.trim(), 1000));
		else if (k === '--runs') a.runs = int(need(), 1);
		else if (k === '--seed') a.seed = int(need(), 0);
		else if (k === '--timeout-s') a.timeoutMs = int(need(), 10) * 1000;
		else if (k === '--out') a.out = need();
		else if (k === '--dist') a.dist = need();
		else if (k === '--clv-sizes')
			a.clvSizes = need()
				.split(',')
				.map((s) => int(s.trim(), 10));
		else if (k === '--only') {
			const parts = need()
				.split(',')
				.map((s) => s.trim());
			for (const p of parts)
				if (!(PARTS as readonly string[]).includes(p))
					throw new Error(`--only: unknown ${p}\n${USAGE}`);
			a.only = new Set(parts as Part[]);
		} else if (k === '-h' || k === '--help') {
			console.log(USAGE);
			process.exit(0);
		} else throw new Error(`unknown argument ${k}\n${USAGE}`);
	}
	return a;
}
