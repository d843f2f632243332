import { ClienteleError } from '../errors.ts';

/**
 * Ragged rows: data rows whose number of fields differs from the header's.
 *
 * Fields are counted as written: `A1,2024-01-05,` has three fields (the last one empty). Two
 * habits are not ragged: blank (or whitespace-only) lines, and extra EMPTY fields after the last
 * column (Excel's trailing delimiters, `A1,2024-01-05,10,` under a three-column header) — DuckDB
 * drops those, and so does this check.
 */

/** What to do with ragged rows: leave them out, stop the load, or ask (the page). */
export type RaggedChoice = 'skip' | 'stop';
export type RaggedPolicy = RaggedChoice | ((report: RaggedReport) => Promise<RaggedChoice>);

export interface RaggedRow {
	/** 1-based line in the file where the row starts (header and `sep=` lines counted). */
	line: number;
	/** Fields found on the row. */
	found: number;
}

export interface RaggedReport {
	/** Ragged rows in the whole file. */
	count: number;
	/** Fields in the header (or in the first row of a file without one). */
	expected: number;
	/** The first ragged rows, in file order (at most RAGGED_LISTED). */
	rows: RaggedRow[];
}

/** How many ragged rows messages and the page list. */
export const RAGGED_LISTED = 5;

export interface SampleScan {
	/** Fields in the first non-blank record after the skipped lines. */
	expected: number;
	/** Ragged rows among the complete records of the sample. */
	count: number;
	rows: RaggedRow[];
}

/**
 * Counts fields per record over a decoded sample with a quote-aware scan (quotes '"', doubled to
 * escape), tracking the line each record starts on. The last record is left out when the sample
 * was cut inside it (no final line break, or an open quote). One pass, no allocation per field.
 */
export function scanSample(sample: string, o: { delimiter: string; skipLines: number }): SampleScan {
	const text = sample.charCodeAt(0) === 0xfeff ? sample.slice(1) : sample;
	const d = o.delimiter.charCodeAt(0);
	let i = 0;
	let line = 1;
	for (let k = 0; k < o.skipLines && i < text.length; k++) {
		const nl = text.indexOf('\n', i);
		i = nl < 0 ? text.length : nl + 1;
		line++;
	}
	let expected = -1;
	let headerFilled = 0;
	const records: { line: number; fields: number; lastFilled: number }[] = [];
	const n = text.length;
	while (i < n) {
		const start = line;
		let fields = 1;
		let lastFilled = 0; // 1-based index of the last non-empty field
		let filled = false;
		let nonBlank = false;
		let atFieldStart = true;
		let open = false;
		let ended = false;
		for (; i < n; i++) {
			const c = text.charCodeAt(i);
			if (open) {
				if (c === 34) {
					if (text.charCodeAt(i + 1) === 34) i++;
					else open = false;
				} else if (c === 10) line++;
				continue;
			}
			if (c === 10 || c === 13) {
				i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
				line++;
				ended = true;
				break;
			}
			if (c === d) {
				fields++;
				atFieldStart = true;
				filled = false;
				continue;
			}
			if (c === 34 && atFieldStart) open = true;
			atFieldStart = false;
			if (c === 34 || c > 32) nonBlank = true;
			if (!filled) {
				filled = true;
				lastFilled = fields;
			}
		}
		if (!ended) break; // cut by the end of the sample
		if (fields === 1 && !nonBlank) continue; // blank or whitespace-only line
		if (expected < 0) {
			expected = fields;
			headerFilled = lastFilled;
			continue;
		}
		records.push({ line: start, fields, lastFilled });
	}
	// A header ending in delimiters (empty names after the last column, Excel's habit) does not widen
	// the table, unless some row fills a field under those empty names.
	if (headerFilled > 0 && headerFilled < expected && records.every((r) => r.lastFilled <= headerFilled)) expected = headerFilled;
	let count = 0;
	const rows: RaggedRow[] = [];
	for (const r of records)
		if (r.fields < expected || r.lastFilled > expected) {
			count++;
			if (rows.length < RAGGED_LISTED) rows.push({ line: r.line, found: r.fields });
		}
	return { expected: Math.max(expected, 0), count, rows };
}

/** The error a ragged load stops with; `cli` adds how to go on (`--ragged skip`). */
export function raggedError(file: string, r: RaggedReport, o: { cli?: boolean } = {}): ClienteleError {
	return new ClienteleError(o.cli ? 'ragged.stopCli' : 'ragged.stop', {
		file,
		...raggedParams(r)
	});
}

/**
 * The message parameters: `list` "5 (6), 17 (9)" — line (fields found), language-neutral so both
 * catalogues can frame it — and `more` (' …' when more rows than listed).
 */
export function raggedParams(r: RaggedReport): { count: number; expected: number; list: string; more: string } {
	return {
		count: r.count,
		expected: r.expected,
		list: r.rows.map((x) => `${x.line} (${x.found})`).join(', '),
		more: r.count > r.rows.length ? ' …' : ''
	};
}
