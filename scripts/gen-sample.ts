/**
 * Writes the seeded sample data set into public/sample/ (and its English twin into public/sample/en/):
 *   npx tsx scripts/gen-sample.ts [--seed N] [--out DIR]
 * The generation itself is the pure function `generate(seed, options)` (scripts/sample/generate.ts);
 * this file only parses the arguments and writes the files. See public/sample/README.md.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEFAULT_SEED, generate } from './sample/generate.ts';

export { DEFAULT_SEED, generate } from './sample/generate.ts';
export type {
	GenerateOptions,
	SampleFileName,
	SampleOutput,
	SampleStats
} from './sample/generate.ts';

function parseArgs(argv: readonly string[]): { seed: number; out: string } {
	let seed = DEFAULT_SEED;
	let out = fileURLToPath(new URL('../public/sample/', import.meta.url));
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const value = argv[i + 1];
		if (arg === '--seed' && value !== undefined) {
			seed = Number(value);
			if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
				throw new Error(`--seed must be an integer 0..4294967295, got ${value}`);
			i++;
		} else if (arg === '--out' && value !== undefined) {
			out = value;
			i++;
		} else {
			throw new Error(`unknown argument ${arg ?? ''}; usage: gen-sample.ts [--seed N] [--out DIR]`);
		}
	}
	return { seed, out };
}

function main(): void {
	const { seed, out } = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const result = generate(seed);
	for (const [name, text] of Object.entries(result.files)) {
		const file = `${out.replace(/\/+$/, '')}/${name}`;
		mkdirSync(dirname(file), { recursive: true });
		writeFileSync(file, text, 'utf8');
		console.log(`${name.padEnd(22)} ${String(Buffer.byteLength(text, 'utf8')).padStart(9)} bytes`);
	}
	const s = result.stats;
	console.log(
		`seed ${seed}: ${s.transactionRows} transaction rows (${s.orders} orders, ${s.returnLines} returns), ` +
			`${s.customerRows} customers, ${s.touchpointRows} touchpoints, ${s.surveyRows} surveys in ${Date.now() - started} ms -> ${out}`
	);
}

const invoked = process.argv[1];
if (invoked !== undefined && import.meta.url === pathToFileURL(invoked).href) main();
