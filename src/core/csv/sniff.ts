import Papa from 'papaparse';
import { ClienteleError } from '../errors.ts';
import { detectDateFormat, type DateDetection } from './dates.ts';
import { detectNumberFormat, type NumberDetection } from './numbers.ts';

export type ColumnKind = 'empty' | 'date' | 'integer' | 'number' | 'text';

export interface ColumnProfile {
	/** Column name as loaded (deduplicated, never empty). */
	name: string;
	kind: ColumnKind;
	date: DateDetection | null;
	number: NumberDetection | null;
	/** Non-empty sample values (up to 5 distinct) for the mapping UI. */
	examples: string[];
	distinctShare: number;
	/** Some values have leading zeros or ≥ 16 digits: must stay text. */
	idLike: boolean;
}

export interface SniffResult {
	delimiter: string;
	/** Lines to skip before the header (Excel's `sep=` line). */
	skipLines: number;
	hasHeader: boolean;
	columns: ColumnProfile[];
	/** The first rows as text (header excluded), for the preview table. */
	preview: string[][];
	/** The header cells as written in the file, one per column (absent: no header line, or not recorded). */
	headers?: string[];
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * Sniffs a text sample (the first ~256 KB of a file, decoded): delimiter, header and one profile
 * per column. The last, possibly cut, line of the sample is ignored.
 */
export function sniffSample(sample: string, opts: { fileName: string; previewRows?: number }): SniffResult {
	let text = sample.charCodeAt(0) === 0xfeff ? sample.slice(1) : sample;
	let skipLines = 0;
	let forced: string | undefined;
	const sep = /^sep=(.)\r?\n/i.exec(text);
	if (sep) {
		forced = sep[1];
		skipLines = 1;
		text = text.slice(sep[0].length);
	}
	const lastNl = text.lastIndexOf('\n');
	if (lastNl > 0 && sample.length >= 4096) text = text.slice(0, lastNl);
	if (text.trim() === '') throw new ClienteleError('import.empty', { file: opts.fileName });

	const parsed = Papa.parse<string[]>(text, {
		delimiter: forced ?? '',
		delimitersToGuess: DELIMITERS,
		skipEmptyLines: 'greedy',
		preview: 5000
	});
	const rows = parsed.data.filter((r) => r.length > 1 || (r[0] ?? '') !== '');
	const delimiter = forced ?? parsed.meta.delimiter;
	if (rows.length === 0) throw new ClienteleError('import.empty', { file: opts.fileName });
	const width = Math.max(...rows.slice(0, 200).map((r) => r.length));
	const first = rows[0] ?? [];
	const hasHeader = looksLikeHeader(first, rows.slice(1, 50));
	const header = hasHeader ? first : first.map((_, i) => `column${i + 1}`);
	const body = hasHeader ? rows.slice(1) : rows;
	const names = dedupeNames(Array.from({ length: width }, (_, i) => header[i] ?? ''));
	const columns = names.map((name, i) => profileColumn(name, body.map((r) => r[i] ?? '')));
	const headers = hasHeader ? { headers: Array.from({ length: width }, (_, i) => first[i] ?? '') } : {};
	return { delimiter, skipLines, hasHeader, columns, preview: body.slice(0, opts.previewRows ?? 20), ...headers };
}

function looksLikeHeader(first: string[], rest: string[][]): boolean {
	if (rest.length === 0) return true;
	const nonEmpty = first.filter((c) => c.trim() !== '');
	if (nonEmpty.length === 0) return false;
	// A header has no numbers or dates where the data below has them.
	const numericFirst = first.filter((c) => detectNumberFormat([c])?.share === 1 || detectDateFormat([c])?.share === 1).length;
	return numericFirst === 0 || new Set(first).size === first.length && numericFirst < first.length / 2;
}

/** Empty names become column1…; repeated names get _2, _3 (case-insensitive, as DuckDB compares). */
export function dedupeNames(names: string[]): string[] {
	const seen = new Set<string>();
	return names.map((raw, i) => {
		const base = raw.trim() === '' ? `column${i + 1}` : raw.trim();
		let name = base;
		for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base}_${k}`;
		seen.add(name.toLowerCase());
		return name;
	});
}

export function profileColumn(name: string, values: string[]): ColumnProfile {
	const vals = values.map((v) => v.trim()).filter((v) => v !== '');
	const examples = [...new Set(vals)].slice(0, 5);
	const distinctShare = vals.length ? new Set(vals).size / vals.length : 0;
	const idLike = vals.some((v) => /^0\d+$/.test(v) || /^\d{16,}$/.test(v));
	if (vals.length === 0)
		return { name, kind: 'empty', date: null, number: null, examples, distinctShare, idLike };
	const number = detectNumberFormat(vals);
	const date = detectDateFormat(vals);
	let kind: ColumnKind = 'text';
	if (date && date.share >= 0.9 && (date.format.label !== 'YYYYMMDD' || !number || number.share < 1)) kind = 'date';
	else if (number && number.share >= 0.9)
		kind = number.integer && vals.every((v) => /^[+-]?\d+$/.test(v)) ? 'integer' : 'number';
	return { name, kind, date, number, examples, distinctShare, idLike };
}
