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

export const PLAIN_NUMBER: NumberFormat = { decimal: '.', thousands: '', decorated: false };

/**
 * A number written with thousands separators (regular expression, the same in JS and DuckDB's
 * RE2): 1–3 digits, then groups of exactly three, then the decimal part.
 */
export function groupedPattern(f: NumberFormat): string {
	const esc = (c: string) => (c === '.' ? String.raw`\.` : c);
	return String.raw`[+-]?\d{1,3}(?:` + esc(f.thousands) + String.raw`\d{3})+(?:` + esc(f.decimal) + String.raw`\d*)?`;
}

/** Parses one value under a format; NaN when it is not a number. Mirrors the SQL in import.ts. */
export function parseNumber(v: string, f: NumberFormat): number {
	let s = v.trim();
	if (s === '') return NaN;
	let neg = false;
	if (f.decorated) {
		s = s.replace(CURRENCY, '').replace(/\s+/g, '');
		if (/^\(.*\)$/.test(s)) {
			neg = true;
			s = s.slice(1, -1);
		}
	}
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
	{ decimal: '.', thousands: "'", decorated: false }
];

export function detectNumberFormat(values: readonly string[]): NumberDetection | null {
	const vals = values.map((v) => v.trim()).filter((v) => v !== '');
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
