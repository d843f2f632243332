/**
 * How much CSV the page's engine can hold, and what to run instead beyond it (pure; page and CLI).
 *
 * Measured in Chromium on this project's machine kind (/work/shared/DUCKDB-WASM.md, "Size limits in
 * Chromium", eh bundle, memory_limit 3.1 GiB of the 4 GiB wasm heap): 20M rows (a 1.6 GB CSV) load and
 * segment; 30M rows (2.45 GB) fail with "Out of Memory". DuckDB holds ≈ 1.4 bytes per CSV byte of the
 * columns it reads. The ceiling sits between the two measurements: a file whose text (decompressed) is
 * larger is asked about before the engine reads it, with the command that runs the same analysis on
 * native DuckDB. The decompression-bomb guard (gzip-guard.ts) refuses at the same size.
 */
export const PAGE_CEILING_BYTES = 2_000_000_000;

/** Whether a file of `bytes` (its text size; a .gz's decompressed size when known) is over the page's ceiling. */
export function overPageCeiling(bytes: number | undefined): boolean {
	return bytes !== undefined && bytes > PAGE_CEILING_BYTES;
}

/** A size for messages: "2.4 GB" (decimal units, as file managers show them). */
export function gigabytes(n: number): string {
	return `${(n / 1e9).toFixed(1)} GB`;
}

/** A file name as one shell word: single-quoted unless it is plainly safe. */
function shellWord(s: string): string {
	return /^[\w./-]+$/.test(s) ? s : `'${s.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command that runs RFM on the file with native DuckDB (README "Native engine"): the roles the page
 * guessed when it knows them, else placeholders the user fills in.
 */
export function nativeRfmCommand(file: string, roles: { customer?: string; date?: string; amount?: string } = {}): string {
	const role = (flag: string, col: string | undefined, placeholder: string) => `--${flag} ${col ? shellWord(col) : placeholder}`;
	return [
		'npm run --silent cli -- rfm',
		`--input ${shellWord(file)}`,
		role('customer', roles.customer, 'COLUMN'),
		role('date', roles.date, 'COLUMN'),
		role('amount', roles.amount, 'COLUMN'),
		'--engine native --out rfm.csv'
	].join(' ');
}
