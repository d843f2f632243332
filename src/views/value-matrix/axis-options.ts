/**
 * The choices of the value matrix's axes: keys for the <select>s and their labels. Potential value
 * may be a measure ('clv', 'alive-spend') or any numeric column of the CLV or RFM table, keyed
 * 'table.column'.
 */
import { POTENTIAL_MEASURES, type PotentialColumn, type PotentialMeasure } from '../../core/sql/value-matrix.ts';
import { CATALOGUES, isMessageKey, type Lang } from '../../i18n/translate.ts';

export type CurrentKind = 'revenue' | 'margin' | 'rfm';

/** Whether margin can be offered: a mapped cost column that reached the analysis table. */
export type CostState = 'none' | 'ready' | 'lost';

export function potentialKey(p: PotentialMeasure): string {
	return typeof p === 'string' ? p : `${p.table}.${p.column}`;
}

/** The measure a select key stands for; an unknown column key falls back to CLV. */
export function potentialFromKey(key: string, columns: readonly PotentialColumn[]): PotentialMeasure {
	if ((POTENTIAL_MEASURES as readonly string[]).includes(key)) return key as PotentialMeasure;
	return columns.find((c) => potentialKey(c) === key) ?? 'clv';
}

/** A column's display name: the catalogue's when it has one, the column name otherwise. */
export function columnLabel(lang: Lang, c: PotentialColumn): string {
	const key = `value.pcol.${c.table}.${c.column}`;
	return isMessageKey(key) ? CATALOGUES[lang][key] : c.column;
}
