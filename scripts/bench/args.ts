/** Command line of `npm run bench`. */
export interface BenchArgs {
	sizes: number[];
	runs: number;
	seed: number;
	only: Set<'page' | 'native' | 'papa'>;
	timeoutMs: number;
	out: string | null;
}

export const USAGE = `npm run bench -- [--sizes 1000000,5000000] [--runs 3] [--seed N] [--only page,native,papa] [--timeout-s 600] [--out FILE]
  --sizes     rows per generated file (default 1000000,5000000; 100000 for a quick run)
  --runs      repetitions of each measurement; medians are reported (default 3)
  --seed      generator seed (default 20101201); files in bench/data/ are reused for the same seed
  --only      measure only some of page, native, papa (default all)
  --timeout-s per page run (default 600)
  --out       results file (default bench/results.json)`;

export function parseArgs(argv: readonly string[], defaultSeed: number): BenchArgs {
	const a: BenchArgs = {
		sizes: [1_000_000, 5_000_000],
		runs: 3,
		seed: defaultSeed,
		only: new Set(['page', 'native', 'papa']),
		timeoutMs: 600_000,
		out: null
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
		else if (k === '--only') {
			const parts = need()
				.split(',')
				.map((s) => s.trim());
			for (const p of parts)
				if (!['page', 'native', 'papa'].includes(p))
					throw new Error(`--only: unknown ${p}\n${USAGE}`);
			a.only = new Set(parts as ('page' | 'native' | 'papa')[]);
		} else if (k === '-h' || k === '--help') {
			console.log(USAGE);
			process.exit(0);
		} else throw new Error(`unknown argument ${k}\n${USAGE}`);
	}
	return a;
}
