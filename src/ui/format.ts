import { CATALOGUES, formatNumber, isMessageKey, type Lang, type MessageKey } from '../i18n/translate.ts';

/**
 * A grid cell as text: timestamps (epoch ms) as ISO, money with 2 decimals, numbers localised, null as
 * empty. `general`: other numbers as a spreadsheet's General format shows them (Excel, WPS): no thousands
 * separators, every decimal, so ids read as in the file (536526, 17850, not 536,526).
 */
export function formatCell(lang: Lang, v: string | number | boolean | null | undefined, type: string, money = false, general = false): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') {
		if (/^TIMESTAMP/.test(type)) return new Date(v).toISOString().replace('T', ' ').replace(/(\.000)?Z$/, '').replace(/ 00:00:00$/, '');
		if (type === 'DATE') return new Date(v).toISOString().slice(0, 10);
		if (money) return formatMoney(lang, v);
		return general ? String(v) : formatNumber(lang, v);
	}
	return String(v);
}

export function isNumericType(type: string): boolean {
	return /^(DOUBLE|FLOAT|REAL|DECIMAL|BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT)/.test(type);
}

const locale = (lang: Lang) => (lang === 'zh-CN' ? 'zh-CN' : 'en-US');

/**
 * Money on screen: two decimals and thousands separators (12,643,575.00). `compact` (cards and
 * headlines): in Chinese, 万 from ten thousand and 亿 from a hundred million (1,264.36万); in English,
 * K/M/B from a hundred thousand (12.64M). '—' when missing.
 */
export function formatMoney(lang: Lang, v: number | null | undefined, compact = false): string {
	if (v === null || v === undefined || !Number.isFinite(v)) return '—';
	const two = (x: number) => x.toLocaleString(locale(lang), { minimumFractionDigits: 2, maximumFractionDigits: 2 });
	if (compact) {
		const a = Math.abs(v);
		// [from, divide by, suffix]
		const steps: [number, number, string][] = lang === 'zh-CN' ? [[1e8, 1e8, '亿'], [1e4, 1e4, '万']] : [[1e9, 1e9, 'B'], [1e6, 1e6, 'M'], [1e5, 1e3, 'K']];
		const step = steps.find(([from]) => a >= from);
		if (step) return two(v / step[1]) + step[2];
	}
	return two(v);
}

/** The friendly name of a DuckDB column type, as the import preview says it: 文本 / 数值 / 日期 … */
export function typeName(lang: Lang, type: string): string {
	const kind: MessageKey = /^(DATE|TIMESTAMP)/.test(type)
		? 'kind.date'
		: /^(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT)/.test(type)
			? 'kind.integer'
			: isNumericType(type)
				? 'kind.number'
				: 'kind.text';
	return CATALOGUES[lang][kind];
}

/** A result table's column as its user reads it (col.<id>: 客户编号 / Customer ID); other names as they are. */
export function columnLabel(lang: Lang, name: string): string {
	const key = `col.${name}`;
	return isMessageKey(key) ? CATALOGUES[lang][key] : name;
}

/**
 * How a grid's columns are headed. A result grid's source names its columns by stable ids, so what
 * is kept by column name (filters, search, widths, hidden columns: state/grid-views, saved in project
 * files) holds in either language; only the header is translated — `true`: the shared col.<id>
 * labels (the RFM lists), a record: the grid's own labels (ABC, value matrix, migration). `false`:
 * the source's names as they are (a loaded file's own column names).
 */
export type ColumnLabels = boolean | Readonly<Record<string, string>>;

export function gridHeader(lang: Lang, labels: ColumnLabels, name: string): string {
	if (labels === true) return columnLabel(lang, name);
	return labels ? (labels[name] ?? name) : name;
}
