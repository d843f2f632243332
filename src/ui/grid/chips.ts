/** The words of a filter chip (the grid's tools), in the UI language. */
import type { GridFilter } from '../../core/sql/grid-filter.ts';
import type { Translate } from '../../i18n/translate.ts';

const cut = (s: string, n = 24) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export function chipText(t: Translate, f: GridFilter, column: string): string {
	switch (f.kind) {
		case 'values': {
			const shown = f.values.map((v) => (v === null ? t('gt.blank') : cut(v, 16)));
			const values = shown.length <= 2 ? shown.join(', ') : t('gt.chip.moreValues', { first: shown.slice(0, 2).join(', '), more: shown.length - 2 });
			return t('gt.chip.values', { column, values });
		}
		case 'range':
			return t('gt.chip.range', { column, min: f.min ?? t('gt.any'), max: f.max ?? t('gt.any') });
		case 'dateRange':
			return t('gt.chip.range', { column, min: f.from ?? t('gt.any'), max: f.to ?? t('gt.any') });
		case 'contains':
			return t('gt.chip.contains', { column, text: cut(f.text) });
		case 'startsWith':
			return t('gt.chip.startsWith', { column, text: cut(f.text) });
		case 'empty':
			return t('gt.chip.empty', { column });
		case 'notEmpty':
			return t('gt.chip.notEmpty', { column });
	}
}
