import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** The pivot table's spec and chart (project files and links: field names, never values of the data). */
export const PIVOT_SETTINGS: SettingsSpec = {
	key: 'pivot',
	files: ['views/pivot/pivot-model.svelte.ts'],
	fields: ['table', 'rows', 'columns', 'values', 'totals', 'subtotals', 'sort', 'dateGrain', 'chart'],
	transient: []
};
