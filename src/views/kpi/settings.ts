import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** The KPI choices and targets (project files); the two compared groups are values of the data. */
export const KPI_SETTINGS: SettingsSpec = {
	key: 'kpi',
	files: ['views/kpi/kpi-model.svelte.ts', 'views/kpi/kpi-targets.svelte.ts'],
	fields: ['dim', 'trendKpi', 'trendUnit', 'compareDim', 'compareA', 'compareB', 'start', 'end', 'lostDays', 'targetSettings', 'cesValue'],
	transient: [],
	fromData: ['compareA', 'compareB']
};
