import { formatNumber, type Lang } from '../i18n/translate.ts';

/** A grid cell as text: timestamps (epoch ms) as ISO, numbers localised, null as empty. */
export function formatCell(lang: Lang, v: string | number | boolean | null | undefined, type: string): string {
	if (v === null || v === undefined) return '';
	if (typeof v === 'number') {
		if (/^TIMESTAMP/.test(type)) return new Date(v).toISOString().replace('T', ' ').replace(/(\.000)?Z$/, '').replace(/ 00:00:00$/, '');
		if (type === 'DATE') return new Date(v).toISOString().slice(0, 10);
		return formatNumber(lang, v);
	}
	return String(v);
}

export function isNumericType(type: string): boolean {
	return /^(DOUBLE|FLOAT|REAL|DECIMAL|BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER)/.test(type);
}
