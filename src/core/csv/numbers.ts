/**
 * Number-format detection for amount/quantity/price columns. Values may carry currency signs
 * (¥ ￥ $ € £ RMB 元), thousands separators, a decimal comma, or negatives in parentheses.
 */
export interface NumberFormat {
	decimal: '.' | ',';
	/** Thousands separator seen, or '' for none. */
	thousands: ',' | '.' | ' ' | "'" | '';
	/** Currency signs, percent, parentheses present: needs the cleaning path. */
	decorated: boolean;
}

const CURRENCY = /[¥￥$€£%]|RMB|CNY|元/gi;

/**
 * Every character JavaScript's `\s` matches, written out so the same class means the same in
 * DuckDB's RE2 (whose `\s` is ASCII only): stripped from decorated values by parseNumber and its SQL.
 */
export const SPACE_CLASS = '\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** The spaces a space-grouped number may use instead of ' ': NBSP, narrow NBSP (French), thin space. */
export const GROUP_SPACES = '\u00a0\u202f\u2009';
const GROUP_SPACE_RE = new RegExp(`[${GROUP_SPACES}]`, 'g');
const SPACES_RE = new RegExp(`[${SPACE_CLASS}]+`, 'g');

export const PLAIN_NUMBER: NumberFormat = { decimal: '.', thousands: '', decorated: false };

/**
 * A number written with thousands separators (regular expression, the same in JS and DuckDB's
 * RE2): 1–3 digits, then groups of exactly three, then the decimal part.
 */
export function groupedPattern(f: NumberFormat): string {
	const esc = (c: string) => (c === '.' ? String.raw`\.` : c);
	return String.raw`[+-]?\d{1,3}(?:` + esc(f.thousands) + String.raw`\d{3})+(?:` + esc(f.decimal) + String.raw`\d*)?`;
}

/** DuckDB's trim(): the Unicode space separators (Zs), NBSP included — not tabs or line breaks. */
const ZS = ' \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000';
const TRIM_RE = new RegExp(`^[${ZS}]+|[${ZS}]+$`, 'g');

/**
 * The text a cell is parsed from, as the SQL gives it (core/sql: unwrapSql(trimSql(…))): trimmed
 * like DuckDB's trim(), then Excel's `="…"` wrapper or a leading apostrophe removed.
 */
export function cellText(v: string): string {
	const s = v.replace(TRIM_RE, '');
	if (!s.startsWith('=') && !s.startsWith("'")) return s;
	// RE2's '.' is any character but '\n'; an unmatched group is ''.
	return s.replace(/^="([^\n]*)"$|^'([^\n]*)$/, (_m, a?: string, b?: string) => a ?? b ?? '').replace(TRIM_RE, '');
}

/** Parses one value under a format; NaN when it is not a number. Mirrors numberExpr() in core/sql/parse.ts. */
export function parseNumber(v: string, f: NumberFormat): number {
	let s = cellText(v);
	if (s === '') return NaN;
	let neg = false;
	if (f.decorated) {
		s = s.replace(CURRENCY, '').replace(SPACES_RE, '');
		if (/^\(.*\)$/.test(s)) {
			neg = true;
			s = s.slice(1, -1);
		}
	}
	// '1\u00a0234,50': a French or Russian export groups with NBSP (or U+202F), read like a space.
	if (f.thousands === ' ') s = s.replace(GROUP_SPACE_RE, ' ');
	if (f.thousands && s.includes(f.thousands)) {
		// Separators only between groups of three in the whole part: '1.234,56' is not 1.23456.
		if (!new RegExp(`^(?:${groupedPattern(f)})$`).test(s)) return NaN;
		s = s.split(f.thousands).join('');
	}
	if (f.decimal === ',') s = s.replace(',', '.');
	if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return NaN;
	const n = Number(s);
	if (!Number.isFinite(n)) return NaN;
	return neg ? -n : n;
}

export interface NumberDetection {
	format: NumberFormat;
	share: number;
	/** All parsed values are whole numbers. */
	integer: boolean;
}

const FORMATS: NumberFormat[] = [
	PLAIN_NUMBER,
	{ decimal: '.', thousands: ',', decorated: false },
	{ decimal: ',', thousands: '', decorated: false },
	{ decimal: ',', thousands: '.', decorated: false },
	{ decimal: ',', thousands: ' ', decorated: false },
	{ decimal: '.', thousands: "'", decorated: false },
	{ decimal: '.', thousands: ' ', decorated: false }
];

export function detectNumberFormat(values: readonly string[]): NumberDetection | null {
	const vals = values.map(cellText).filter((v) => v !== '');
	if (vals.length === 0) return null;
	const decorated = vals.some((v) => /[¥￥$€£%]|RMB|CNY|元|^\(.*\)$/i.test(v));
	let best: NumberDetection | null = null;
	for (const base of FORMATS) {
		const f = { ...base, decorated };
		const nums = vals.map((v) => parseNumber(v, f)).filter((n) => !Number.isNaN(n));
		const share = nums.length / vals.length;
		if (share > 0 && (!best || share > best.share + 1e-9))
			best = { format: f, share, integer: nums.every((n) => Number.isInteger(n)) };
	}
	return best;
}
