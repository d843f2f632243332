import type { SettingsSpec } from '../../core/project/settings-spec.ts';

/** RFM's methods and rule set (project files: core/project/settings-spec.ts); the as-of is the window's. */
export const RFM_SETTINGS: SettingsSpec = {
	key: 'rfm',
	files: ['views/rfm/rfm-model.svelte.ts', 'views/rfm/rfm-window.svelte.ts', 'views/rfm/rfm-results.svelte.ts'],
	fields: ['dims', 'frequency', 'monetary', 'returns', 'cancelledPattern', 'presetId', 'set', 'ctAsOf'],
	transient: [
		'applied', 'warning', 'jsonError', 'stray', 'asOfDraft', 'defaultAsOf', 'status', 'error', 'summary', 'summarySet',
		'heatmap', 'breaks', 'breaksRunning', 'coverage', 'overlap', 'settingsOpen', 'selected', 'coverageFilter', 'built',
		'scoresVersion', 'coverageRunning'
	],
	// A pattern of the data's status values (e.g. 已取消): never in a link.
	fromData: ['cancelledPattern']
};

export const RFM_PLOTS_SETTINGS: SettingsSpec = {
	key: 'rfmPlots',
	files: ['views/rfm/rfm-plots-model.svelte.ts'],
	fields: ['heatMeasure', 'treemapSize'],
	transient: ['status', 'error', 'scores', 'segments', 'segmentSet']
};
